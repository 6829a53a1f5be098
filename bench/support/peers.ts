/**
 * The peers we measure against, installed into bench/.peers (ignored by git) with npm's own
 * client, never as dependencies of the package. Pins come from the project's stack notes.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { benchDir } from "./paths.js";

const run = promisify(execFile);

export const peersDir = join(benchDir, ".peers");

export const peerPackages = {
  prism: ["@stoplight/prism-cli@5.14.2"],
  kiota: ["@microsoft/msgraph-sdk@1.0.0-preview.90", "@microsoft/msgraph-sdk-users@1.0.0-preview.90"],
  graphClient: ["@microsoft/microsoft-graph-client@3.0.7"],
} as const;

export type PeerGroup = keyof typeof peerPackages;

// @azure/core-auth 1.11 needs Node 22; the Kiota SDK would pull it in.
const overrides = { "@azure/core-auth": "1.10.1" };

function nameOf(spec: string): string {
  return spec.slice(0, spec.lastIndexOf("@"));
}

function versionOf(spec: string): string {
  return spec.slice(spec.lastIndexOf("@") + 1);
}

/** The installed version of a peer package, or undefined. */
export function installedVersion(name: string): string | undefined {
  const file = join(peersDir, "node_modules", name, "package.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** Whether every package of a group is installed at its pin. */
export function isInstalled(group: PeerGroup): boolean {
  return peerPackages[group].every((spec) => installedVersion(nameOf(spec)) === versionOf(spec));
}

/** Install the missing groups (one npm call); returns the groups that are there afterwards. */
export async function ensurePeers(groups: readonly PeerGroup[], log: (line: string) => void): Promise<Set<PeerGroup>> {
  const missing = groups.filter((g) => !isInstalled(g));
  if (missing.length > 0) {
    mkdirSync(peersDir, { recursive: true });
    const manifest = join(peersDir, "package.json");
    if (!existsSync(manifest))
      writeFileSync(manifest, JSON.stringify({ name: "bench-peers", private: true, overrides }, null, 2) + "\n");
    const specs = missing.flatMap((g) => peerPackages[g]);
    log(`installing peers into bench/.peers: ${specs.join(" ")}`);
    try {
      await run(
        "npm",
        ["install", "--prefix", peersDir, "--save-exact", "--no-audit", "--no-fund", "--loglevel=error", ...specs],
        {
          timeout: 10 * 60_000,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    } catch (err) {
      log(`peer install failed: ${(err as Error).message.split("\n")[0]}`);
    }
  }
  return new Set(groups.filter(isInstalled));
}
