/**
 * Cold start: a new Node process that imports the client and makes one Get, timed from spawn
 * to exit, for our compiled package, Microsoft's Kiota SDK (@microsoft/msgraph-sdk-users) and
 * @microsoft/microsoft-graph-client; the limit is Node itself with one raw fetch.
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildOurs, bundleOurs } from "../support/build-ours.js";
import { startChild, timedRun, tsNode } from "../support/child.js";
import { benchDir } from "../support/paths.js";
import { isInstalled, peersDir, type PeerGroup } from "../support/peers.js";
import { evaluate, type Measurement } from "../support/results.js";
import { median } from "../support/stats.js";
import type { Suite } from "../support/suite.js";

interface Contender {
  label: string;
  script: string;
  /** The entry to import (ours only). */
  entry?: string;
  group?: PeerGroup;
}

export const clientColdSuite: Suite = {
  id: "client-cold",
  title: "Client cold start: import + one Get in a new process",
  peers: ["kiota", "graphClient"],
  async run({ quick, log, peers }) {
    // The scripts run from bench/.peers so that they resolve the peers installed there.
    const coldDir = join(peersDir, "cold");
    mkdirSync(coldDir, { recursive: true });
    for (const f of readdirSync(join(benchDir, "cold"))) copyFileSync(join(benchDir, "cold", f), join(coldDir, f));
    // Full runs time the tsc build npm would install; quick runs (and a failed build) a bundle.
    const compiled = quick ? undefined : await buildOurs();
    const built = compiled && "entry" in compiled ? compiled : await bundleOurs();
    if ("reason" in built) return { skipped: built.reason };
    const how = compiled && "entry" in compiled ? "compiled by tsc" : "esbuild bundle";
    const buildNote =
      compiled && "reason" in compiled
        ? `The tsc build failed in this run (${compiled.reason}), so ours is src/index.ts bundled by esbuild, its ` +
          `dependencies resolved from the project's node_modules.`
        : how === "compiled by tsc"
          ? "Ours is the package compiled by tsconfig.build.json (as npm installs it), its dependencies resolved " +
            "from the project's node_modules."
          : "Ours is src/index.ts bundled by esbuild (quick runs only; full runs use the tsc build), its " +
            "dependencies resolved from the project's node_modules.";
    const contenders: Contender[] = [
      { label: `graph-tap-contract (${how})`, script: "ours.mjs", entry: pathToFileURL(built.entry).href },
      { label: "node + raw fetch", script: "raw-fetch.mjs" },
      { label: "@microsoft/msgraph-sdk-users 1.0.0-preview.90 (Kiota)", script: "kiota.mjs", group: "kiota" },
      { label: "@microsoft/microsoft-graph-client 3.0.7", script: "graph-client.mjs", group: "graphClient" },
    ];
    const missing = contenders.filter((c) => c.group && !(peers.has(c.group) && isInstalled(c.group)));
    const running = contenders.filter((c) => !missing.includes(c));
    const [command, args] = tsNode("bench/servers/bare-http.ts");
    const server = await startChild(command, args);
    try {
      const origin = server.ready[0]!;
      const rounds = quick ? 1 : 10;
      const first = quick ? 0 : -1;
      const samples = new Map<string, number[]>(running.map((c) => [c.label, []]));
      const rss = new Map<string, number[]>(running.map((c) => [c.label, []]));
      for (let r = first; r < rounds; r++) {
        for (const c of running) {
          const run = await timedRun(
            process.execPath,
            [join(coldDir, c.script), ...(c.entry ? [c.entry] : []), origin],
            { cwd: coldDir, reportRss: true },
          );
          if (run.code !== 0 || !run.stdout.startsWith("OK "))
            throw new Error(`${c.label}: exit ${run.code}: ${run.stderr.split("\n").slice(0, 3).join(" ")}`);
          // Round -1 fills the page cache for every contender alike; it is not counted.
          if (r < 0) continue;
          samples.get(c.label)!.push(run.wallMs);
          if (run.peakRssMiB !== undefined) rss.get(c.label)!.push(run.peakRssMiB);
        }
      }
      const m = (c: Contender): Measurement => ({
        label: c.label,
        unit: "ms",
        better: "lower",
        median: median(samples.get(c.label)!),
        samples: samples.get(c.label)!.map((v) => Math.round(v * 10) / 10),
        extra: { "peak RSS MiB": Math.round(median(rss.get(c.label)!)) },
      });
      const [ours, limit, ...rest] = running.map(m);
      for (const x of running) log(`client-cold: ${x.label}: ${median(samples.get(x.label)!).toFixed(0)} ms`);
      const kiota = rest.find((p) => p.label.includes("Kiota"));
      return {
        comparisons: [
          evaluate(
            {
              id: "client-cold",
              title: "Client: cold import + one Get (new process)",
              ours: ours!,
              limit: limit!,
              peers: rest,
              missing: missing.map((c) => ({ label: c.label, reason: "not installed (quick runs install no peer)" })),
              notes: [
                `Wall time from spawn to exit of a new Node process, ${rounds} interleaved rounds after one ` +
                  `uncounted round (none in --quick); all against the same bare node:http server.`,
                buildNote,
                "Kiota runs with a GraphRequestAdapter whose base URL is the local server and an " +
                  "AllowedHostsValidator for 127.0.0.1; microsoft-graph-client with Client.init and " +
                  "customHosts.",
              ],
            },
            kiota ? [{ against: kiota.label, atLeast: 5, text: "at least 5x faster than the Kiota SDK cold" }] : [],
          ),
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
