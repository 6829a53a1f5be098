/**
 * The browser entry points bundle for browsers with no Node built-in anywhere in their import
 * graph (dynamic imports included): the client (`.`) and the MSW handlers with the mock's core
 * (`./msw`). The Chromium tests run the bundles; this one also runs where no browser is installed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.js";

async function nodeImports(entry: string): Promise<string[]> {
  const out = await build({
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    outdir: "/bundle",
    write: false,
    metafile: true,
    logLevel: "silent",
    // Mark every Node built-in external, so the metafile shows each one instead of failing on the first.
    plugins: [
      {
        name: "node-builtins",
        setup: (b) =>
          b.onResolve(
            { filter: /^node:|^(fs|path|os|crypto|http|https|net|util|stream|child_process|url|buffer)$/ },
            (a) => ({ path: a.path, external: true }),
          ),
      },
    ],
  });
  return Object.entries(out.metafile.inputs).flatMap(([file, input]) =>
    input.imports.filter((i) => i.external).map((i) => `${file} -> ${i.path}`),
  );
}

describe("browser bundles", () => {
  it("the client (package entry `.`) imports no Node built-in", async () => {
    expect(await nodeImports("src/index.ts")).toEqual([]);
  });

  it("the MSW handlers and the mock's core (`./msw`) import no Node built-in", async () => {
    expect(await nodeImports("src/msw/index.ts")).toEqual([]);
  });

  it("the check can fail: the socket server entry does import Node built-ins", async () => {
    expect((await nodeImports("src/mock/server.ts")).length).toBeGreaterThan(0);
  });

  it("package.json declares the browser condition for both entries (in their import branch)", async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      exports: Record<string, { import?: { browser?: string } }>;
    };
    expect(pkg.exports["."]?.import?.browser).toBe("./dist/src/index.js");
    expect(pkg.exports["./msw"]?.import?.browser).toBe("./dist/src/msw/index.js");
  });
});
