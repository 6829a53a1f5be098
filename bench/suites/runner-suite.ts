/**
 * The whole conformance suite against the embedded mock: wall time of `tap-contract check`
 * as a new process (what `npm start` costs) and the suite's own duration inside it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunResult } from "../../conformance/run/result.js";
import { timedRun, tsNode } from "../support/child.js";
import { median } from "../support/stats.js";
import type { Suite } from "../support/suite.js";

export const runnerSuiteSuite: Suite = {
  id: "runner-suite",
  title: "Runner: full suite against the embedded mock",
  async run({ quick, log }) {
    const rounds = quick ? 1 : 7;
    const dir = mkdtempSync(join(tmpdir(), "bench-runner-"));
    const walls: number[] = [];
    const suites: number[] = [];
    const rss: number[] = [];
    let outcomes = 0;
    try {
      for (let r = 0; r < rounds; r++) {
        const out = join(dir, `out-${r}`);
        const [command, args] = tsNode("conformance/cli/bin.ts", ["check", "--reporter", "json", "--out", out]);
        const run = await timedRun(command, args, { reportRss: true });
        if (run.code !== 0) throw new Error(`tap-contract check exited ${run.code} against the faithful mock: ${run.stderr.split("\n")[0]}`);
        const result = JSON.parse(readFileSync(join(out, "tap-contract.json"), "utf8")) as RunResult;
        outcomes = result.totals.total;
        walls.push(run.wallMs / 1000);
        suites.push(result.durationMs / 1000);
        if (run.peakRssMiB !== undefined) rss.push(run.peakRssMiB);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const suite = median(suites);
    log(`runner-suite: process ${median(walls).toFixed(2)} s, suite ${suite.toFixed(2)} s`);
    return {
      tables: [
        {
          id: "runner-suite",
          title: "Runner: full suite against the embedded mock",
          columns: ["what", "median s", "runs", "target"],
          rows: [
            [`suite duration inside the run (${outcomes} outcomes)`, Math.round(suite * 100) / 100, rounds, `under 3 s: ${suite < 3 ? "✅ reached" : "❌ not reached"}`],
            ["`tap-contract check` process, spawn to exit (via tsx)", Math.round(median(walls) * 100) / 100, rounds, ""],
            ["peak RSS of that process, MiB", Math.round(median(rss)), rounds, ""],
          ],
          notes: ["Every check against the mock started in-process on an ephemeral port, tokens minted for every row of the permission tables; the process time includes Node, tsx and the mock's start-up (key pair generation)."],
        },
      ],
    };
  },
};
