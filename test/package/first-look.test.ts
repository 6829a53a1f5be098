// What a new user meets before any code runs: the licence the package claims, a clean
// `git status` after a run, and a plain answer for a CommonJS `require` that cannot load it.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { license: string; name: string };

describe("a first look at the repository", () => {
  it("has the LICENSE file package.json names", () => {
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(repoRoot, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
  });

  it("ignores the default report folder, so a run leaves git clean", () => {
    const run = spawnSync("git", ["check-ignore", "-q", "tap-contract-report/tap-contract.json"], { cwd: repoRoot });
    expect(run.status).toBe(0);
  });

  it("tells a CommonJS consumer on a Node without require(esm) how to load it", () => {
    // Node 20.19+ and 22.12+ load the ES module (test/package/consumer-projects.test.ts); the flag
    // turns require(esm) off, as on Node 22.0 to 22.11.
    for (const entry of [pkg.name, `${pkg.name}/mock`, `${pkg.name}/contract`, `${pkg.name}/msw`]) {
      const run = spawnSync(
        process.execPath,
        ["--no-experimental-require-module", "-e", `require(${JSON.stringify(entry)})`],
        { cwd: repoRoot, encoding: "utf8" },
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("graph-tap-contract is an ES module: require() of it needs Node 20.19+ or 22.12+");
      expect(run.stderr).toContain('use `import { createTapClient } from "graph-tap-contract"`');
      expect(run.stderr).not.toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }
  });

  it("runs `npx tap-contract` right after npm ci, without a build", () => {
    const out = execFileSync("npx", ["--no-install", "tap-contract", "--version"], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
