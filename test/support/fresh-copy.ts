/**
 * A fresh copy of the repository, as a clone looks right after `npm ci`: the files git tracks
 * (and new ones it does not ignore), and a node_modules whose packages link to this one's (the
 * install is the same lockfile) and whose self-link points at the copy.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "./paths.js";

export function freshCopy(prefix: string): string {
  const dir = checkoutCopy(prefix);
  linkModules(dir);
  return dir;
}

/**
 * The files a clone of the working tree has (git's tracked ones and new ones it does not ignore), nothing installed.
 */
export function checkoutCopy(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\0")
    .filter((f) => f !== "");
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      copyFileSync(join(repoRoot, file), join(dir, file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err; // deleted, not yet committed
    }
  }
  return dir;
}

function linkModules(dir: string): void {
  const modules = join(repoRoot, "node_modules");
  mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
  const name = JSON.parse(
    execFileSync("node", ["-p", "JSON.stringify(require('./package.json').name)"], { cwd: repoRoot, encoding: "utf8" }),
  ) as string;
  for (const entry of readdirSync(modules)) {
    if (entry === ".bin" || entry === name) continue;
    symlinkSync(join(modules, entry), join(dir, "node_modules", entry));
  }
  symlinkSync("..", join(dir, "node_modules", name));
  // The bins as npm links them: relative links, so the package's own bin runs the copy.
  for (const bin of readdirSync(join(modules, ".bin")))
    symlinkSync(readlinkSync(join(modules, ".bin", bin)), join(dir, "node_modules", ".bin", bin));
}
