/**
 * The MSW tests of this folder once more, under msw 3.0.5 (the devDependency is msw 2.15.0): a
 * fresh copy of the repository whose node_modules/msw is msw 3, installed into a temporary
 * folder from npm (its cache first), runs node.test.ts and faults.test.ts with vitest. msw 3
 * needs Node 22.12+: on an older Node this is skipped, saying so; CI runs it on Node 22 and 24.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freshCopy } from "../support/fresh-copy.js";

const execFileAsync = promisify(execFile);
const msw3 = "3.0.5";
const files = ["test/msw/node.test.ts", "test/msw/faults.test.ts"];
const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
const runs = major > 22 || (major === 22 && minor >= 12);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** The environment of a new shell: no vitest variables of this run leak into the nested one. */
function env(): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" };
  for (const name of Object.keys(out)) if (/^(VITEST|TINYPOOL|npm_lifecycle|npm_package)/.test(name)) delete out[name];
  return out;
}

async function run(cmd: string, args: string[], cwd: string, timeout: number) {
  return execFileAsync(cmd, args, { cwd, env: env(), encoding: "utf8", timeout }).catch(
    (err: { stdout?: string; stderr?: string; code?: unknown }) => ({
      stdout: err.stdout ?? "",
      stderr: `${err.stderr ?? ""}\n(exit ${String(err.code)})`,
    }),
  );
}

describe(`the MSW tests under msw ${msw3}`, () => {
  const title = `${files.join(" and ")} pass with msw ${msw3} in place of msw 2`;
  if (!runs) {
    it.skip(`${title} [skipped: msw 3 needs Node 22.12+, this is Node ${process.versions.node}]`, () => undefined);
    return;
  }
  it(title, async () => {
    const prefix = mkdtempSync(join(tmpdir(), "tap-msw3-install-"));
    dirs.push(prefix);
    const install = await run(
      "npm",
      ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", `msw@${msw3}`],
      prefix,
      180_000,
    );
    expect(install.stderr).not.toMatch(/\(exit \d+\)/);

    const copy = freshCopy("tap-msw3-");
    dirs.push(copy);
    rmSync(join(copy, "node_modules", "msw"));
    symlinkSync(join(prefix, "node_modules", "msw"), join(copy, "node_modules", "msw"));
    const version = await run(process.execPath, ["-p", 'require("msw/package.json").version'], copy, 30_000);
    expect(version.stdout.trim()).toBe(msw3);

    const vitest = join(copy, "node_modules", "vitest", "vitest.mjs");
    const result = await run(process.execPath, [vitest, "run", ...files], copy, 240_000);
    const summary = result.stdout.trim().split("\n").at(-1) ?? "";
    expect(summary, `${result.stdout}\n${result.stderr}`).toMatch(/^[1-9]\d* passed, 0 failed, 0 skipped$/);
  }, 420_000);
});
