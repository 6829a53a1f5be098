/**
 * Installed size of our runtime dependencies (the closure of package.json `dependencies`)
 * beside the closures of the peers a user would install instead.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "../support/paths.js";
import { isInstalled, peersDir, type PeerGroup } from "../support/peers.js";
import type { Suite } from "../support/suite.js";

function bytesIn(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Nested node_modules are counted as packages of the closure, not twice.
    if (entry.isDirectory() && entry.name === "node_modules") continue;
    if (entry.isDirectory()) total += bytesIn(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/** Find a package as Node would from `from` (walking up node_modules folders). */
function locate(name: string, from: string, root: string): string | undefined {
  for (let dir = from; dir.startsWith(root); dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root) break;
  }
  return undefined;
}

/** The package folders of the dependency closure of `names` installed under `root`. */
function closure(names: string[], root: string): Set<string> {
  const seen = new Set<string>();
  const queue = names.map((name) => ({ name, from: root }));
  while (queue.length) {
    const { name, from } = queue.pop()!;
    const dir = locate(name, from, root);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }))
      queue.push({ name: dep, from: dir });
  }
  return seen;
}

function row(label: string, names: string[], root: string): Array<string | number> {
  const dirs = closure(names, root);
  const bytes = [...dirs].reduce((n, d) => n + bytesIn(d), 0);
  return [label, dirs.size, Math.round((bytes / 2 ** 20) * 10) / 10];
}

export const installedSizeSuite: Suite = {
  id: "installed-size",
  title: "Installed size of runtime dependencies",
  peers: ["kiota", "graphClient", "prism"],
  async run({ peers }) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const rows = [row("graph-tap-contract runtime dependencies", Object.keys(pkg.dependencies), repoRoot)];
    const notes = [
      "Sizes on disk of every file of each package in the dependency closure (dependencies and optional " +
        "dependencies, as npm installs them here); our own package's files are not counted.",
    ];
    const groups: Array<[PeerGroup, string, string[]]> = [
      [
        "kiota",
        "@microsoft/msgraph-sdk + @microsoft/msgraph-sdk-users",
        ["@microsoft/msgraph-sdk", "@microsoft/msgraph-sdk-users"],
      ],
      ["graphClient", "@microsoft/microsoft-graph-client", ["@microsoft/microsoft-graph-client"]],
      ["prism", "@stoplight/prism-cli (the mock peer)", ["@stoplight/prism-cli"]],
    ];
    for (const [group, label, names] of groups) {
      if (peers.has(group) && isInstalled(group)) rows.push(row(label, names, peersDir));
      else notes.push(`${label}: not measured (not installed; quick runs install no peer)`);
    }
    return {
      tables: [
        {
          id: "installed-size",
          title: "Installed size of runtime dependencies",
          columns: ["what", "packages", "MiB on disk"],
          rows,
          notes,
        },
      ],
    };
  },
};
