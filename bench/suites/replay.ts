/**
 * `tap-contract replay` of generated NDJSON recordings of 10k, 100k and 1M exchanges (quick:
 * 1k and 5k): exchanges per second and the peak resident memory of the replaying process,
 * which must stay flat as the recording grows (the file is streamed).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunResult } from "../../conformance/run/result.js";
import { timedRun, tsNode } from "../support/child.js";
import { writeRecording } from "../support/recording.js";
import { median } from "../support/stats.js";
import type { Suite } from "../support/suite.js";

export const replaySuite: Suite = {
  id: "replay",
  title: "Replay of large NDJSON recordings",
  async run({ quick, log }) {
    const sizes = quick ? [1_000, 5_000] : [10_000, 100_000, 1_000_000];
    const repeats = quick ? 1 : 3;
    const dir = mkdtempSync(join(tmpdir(), "bench-replay-"));
    const rows: Array<Array<string | number>> = [];
    const peaks: number[] = [];
    try {
      for (const size of sizes) {
        const file = join(dir, `recording-${size}.ndjson`);
        await writeRecording(file, size);
        // The biggest recording runs once: a full run already takes the better part of two minutes.
        const runs = size >= 1_000_000 ? 1 : repeats;
        const rates: number[] = [];
        const rss: number[] = [];
        const walls: number[] = [];
        for (let r = 0; r < runs; r++) {
          const out = join(dir, `out-${size}-${r}`);
          const [command, args] = tsNode("conformance/cli/bin.ts", [
            "replay",
            file,
            "--reporter",
            "json",
            "--out",
            out,
          ]);
          const run = await timedRun(command, args, { reportRss: true, timeoutMs: 20 * 60_000 });
          if (run.code !== 0)
            throw new Error(`replay of ${size} exchanges exited ${run.code}: ${run.stderr.split("\n")[0]}`);
          const result = JSON.parse(readFileSync(join(out, "tap-contract.json"), "utf8")) as RunResult;
          if (result.recording?.exchanges !== size)
            throw new Error(`replay read ${result.recording?.exchanges} of ${size} exchanges`);
          rates.push(size / (result.durationMs / 1000));
          walls.push(run.wallMs / 1000);
          if (run.peakRssMiB !== undefined) rss.push(run.peakRssMiB);
        }
        rmSync(file, { force: true });
        const peak = median(rss);
        peaks.push(peak);
        log(`replay: ${size} exchanges: ${Math.round(median(rates))} exchanges/s, peak RSS ${peak.toFixed(0)} MiB`);
        rows.push([
          size.toLocaleString("en-US"),
          Math.round(median(rates)).toLocaleString("en-US"),
          Math.round(median(walls) * 10) / 10,
          Math.round(peak),
          runs,
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const growth = peaks.at(-1)! / peaks[0]!;
    // Issue 12's target: twice the 97k exchanges/s of the last full run before it, on the 1M recording.
    const target = 2 * 97_000;
    const million = rows.find((r) => r[0] === "1,000,000");
    const millionRate = million ? Number(String(million[1]).replaceAll(",", "")) : undefined;
    const flat = growth < 1.5;
    return {
      tables: [
        {
          id: "replay",
          title: "Replay: throughput and peak memory by recording size",
          columns: ["exchanges", "exchanges/s (median)", "wall time s (process)", "peak RSS MiB", "runs"],
          rows,
          notes: [
            "`tap-contract replay FILE --reporter json` in a new process per run, on a generated NDJSON recording " +
              "of faithful Get, List, Create and Delete exchanges (a quarter each); throughput = exchanges / the " +
              "run's own duration (process start-up excluded), peak RSS from getrusage at exit.",
            millionRate === undefined
              ? `Target: at least ${target.toLocaleString("en-US")} exchanges/s on the 1,000,000-exchange ` +
                `recording (not measured in this run).`
              : `Target: at least ${target.toLocaleString("en-US")} exchanges/s on the 1,000,000-exchange ` +
                `recording (2x the 97k/s of the last full run before issue 12): ` +
                `${millionRate.toLocaleString("en-US")}/s, x${(millionRate / 97_000).toFixed(2)} ` +
                `${millionRate >= target ? "✅ reached" : "❌ not reached"}.`,
            `Memory from the smallest to the largest recording: ` +
              `${peaks.map((p) => `${Math.round(p)} MiB`).join(" → ")} (x${growth.toFixed(2)}): ` +
              `${flat ? "flat (target reached: under 1.5x for 100x the exchanges)" : "NOT flat (target: under 1.5x)"}` +
              `.`,
          ],
        },
      ],
    };
  },
};
