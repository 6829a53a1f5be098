/**
 * Our package as a user installs it: compiled JavaScript. Built with the project's
 * tsconfig.build.json into bench/.peers/ours-dist, so the bench never touches dist/.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./paths.js";
import { peersDir } from "./peers.js";

export const oursDist = join(peersDir, "ours-dist");

/** The compiled package entry, or a reason why there is none. */
export async function buildOurs(): Promise<{ entry: string } | { reason: string }> {
  const config = join(repoRoot, "tsconfig.build.json");
  if (!existsSync(config)) return { reason: "tsconfig.build.json is missing: the package has no build yet" };
  try {
    await promisify(execFile)(join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", config, "--outDir", oursDist], { cwd: repoRoot, timeout: 120_000 });
  } catch (err) {
    return { reason: `tsc -p tsconfig.build.json failed: ${((err as { stdout?: string }).stdout ?? (err as Error).message).split("\n")[0]}` };
  }
  const entry = join(oursDist, "src", "index.js");
  return existsSync(entry) ? { entry } : { reason: `the build wrote no ${entry}` };
}
