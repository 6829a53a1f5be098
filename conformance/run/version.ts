import { readFileSync } from "node:fs";

/** The package version: the nearest package.json named graph-tap-contract (source or dist layout). */
function findVersion(): string {
  for (let dir = new URL(".", import.meta.url); ; dir = new URL("..", dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "graph-tap-contract" && pkg.version) return pkg.version;
    } catch {
      // no package.json here: keep climbing
    }
    if (new URL("..", dir).href === dir.href) return "unknown";
  }
}

export const toolVersion: string = findVersion();
