/**
 * Our package as a user installs it: compiled JavaScript. Built with the project's
 * tsconfig.build.json into bench/.peers/ours-dist, so the bench never touches dist/. A quick
 * run bundles with esbuild instead (tsx's own, dependencies left external): a tenth of the time.
 */
import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./paths.js";
import { peersDir } from "./peers.js";

export const oursDist = join(peersDir, "ours-dist");

/** The package root bundled by esbuild (dependencies external, as npm would install them). */
export async function bundleOurs(): Promise<{ entry: string } | { reason: string }> {
  const entry = join(peersDir, "ours-bundle", "index.mjs");
  try {
    const { build } = await import("esbuild");
    await build({
      entryPoints: [join(repoRoot, "src", "index.ts")],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: entry,
      logLevel: "silent",
    });
  } catch (err) {
    return { reason: `esbuild could not bundle src/index.ts: ${(err as Error).message.split("\n")[0]}` };
  }
  return { entry };
}

/** The compiled package entry, or a reason why there is none. */
export async function buildOurs(): Promise<{ entry: string } | { reason: string }> {
  const config = join(repoRoot, "tsconfig.build.json");
  if (!existsSync(config)) return { reason: "tsconfig.build.json is missing: the package has no build yet" };
  try {
    await promisify(execFile)(join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", config, "--outDir", oursDist], {
      cwd: repoRoot,
      timeout: 120_000,
    });
  } catch (err) {
    return {
      reason:
        `tsc -p tsconfig.build.json failed: ` +
        `${((err as { stdout?: string }).stdout ?? (err as Error).message).split("\n")[0]}`,
    };
  }
  // The package is ESM ("type": "module"); without this marker Node would parse every file twice.
  writeFileSync(join(oursDist, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
  const entry = join(oursDist, "src", "index.js");
  return existsSync(entry) ? { entry } : { reason: `the build wrote no ${entry}` };
}
