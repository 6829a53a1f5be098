/**
 * The whole conformance suite against the embedded mock: wall time of `tap-contract check`
 * as a new process, both as installed (the compiled package, `node dist/.../bin.js`) beside a bare
 * `node -e 0` on the same machine, and through tsx (what `npm start` costs), and the suite's own
 * duration inside it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunResult } from "../../conformance/run/result.js";
import { buildOurs, oursDist } from "../support/build-ours.js";
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
    const installed: number[] = [];
    const bare: number[] = [];
    let outcomes = 0;
    const built = await buildOurs();
    if ("reason" in built) throw new Error(`runner-suite: ${built.reason}`);
    const bin = join(oursDist, "conformance", "cli", "bin.js");
    try {
      for (let r = 0; r < rounds; r++) {
        const out = join(dir, `out-${r}`);
        const [command, args] = tsNode("conformance/cli/bin.ts", ["check", "--reporter", "json", "--out", out]);
        const run = await timedRun(command, args, { reportRss: true });
        if (run.code !== 0)
          throw new Error(
            `tap-contract check exited ${run.code} against the faithful mock: ${run.stderr.split("\n")[0]}`,
          );
        const result = JSON.parse(readFileSync(join(out, "tap-contract.json"), "utf8")) as RunResult;
        outcomes = result.totals.total;
        walls.push(run.wallMs / 1000);
        suites.push(result.durationMs / 1000);
        if (run.peakRssMiB !== undefined) rss.push(run.peakRssMiB);
        // The installed command and a bare Node side by side, interleaved round by round.
        const compiled = await timedRun(process.execPath, [
          bin,
          "check",
          "--reporter",
          "json",
          "--out",
          `${out}-installed`,
        ]);
        if (compiled.code !== 0)
          throw new Error(`installed tap-contract check exited ${compiled.code}: ${compiled.stderr.split("\n")[0]}`);
        installed.push(compiled.wallMs / 1000);
        bare.push((await timedRun(process.execPath, ["-e", "0"])).wallMs / 1000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const suite = median(suites);
    const ratio = median(installed) / median(bare);
    log(
      `runner-suite: installed ${median(installed).toFixed(2)} s (${ratio.toFixed(1)}x node -e 0), via tsx ` +
        `${median(walls).toFixed(2)} s, suite ${suite.toFixed(2)} s`,
    );
    return {
      tables: [
        {
          id: "runner-suite",
          title: "Runner: full suite against the embedded mock",
          columns: ["what", "median s", "runs", "target"],
          rows: [
            [
              `suite duration inside the run (${outcomes} outcomes)`,
              Math.round(suite * 100) / 100,
              rounds,
              `under 3 s: ${suite < 3 ? "✅ reached" : "❌ not reached"}`,
            ],
            [
              "installed `tap-contract check` (compiled), spawn to exit",
              Math.round(median(installed) * 100) / 100,
              rounds,
              `at most 6x a bare \`node -e 0\` (${Math.round(median(bare) * 1000) / 1000} s): ${ratio.toFixed(1)}x ` +
                `${ratio <= 6 ? "✅ reached" : "❌ not reached"}`,
            ],
            ["bare `node -e 0`, spawn to exit", Math.round(median(bare) * 1000) / 1000, rounds, ""],
            [
              "`tap-contract check` process, spawn to exit (via tsx)",
              Math.round(median(walls) * 100) / 100,
              rounds,
              "",
            ],
            ["peak RSS of that process, MiB", Math.round(median(rss)), rounds, ""],
          ],
          notes: [
            "Every check against the mock started in-process on an ephemeral port, tokens minted for every row of " +
              "the permission tables; the process time includes Node, the mock's start-up (key pair generation) " +
              "and, in the tsx row, tsx.",
            "Installed = the package compiled by tsconfig.build.json (bench/.peers/ours-dist), run as `node " +
              ".../conformance/cli/bin.js check`, interleaved with `node -e 0` round by round. Raw samples: " +
              `installed ${installed.map((v) => v.toFixed(3)).join(", ")} s; node -e 0 ` +
              `${bare.map((v) => v.toFixed(3)).join(", ")} s.`,
          ],
        },
      ],
    };
  },
};
