/**
 * A full live run with writes, against the mock started as a live target with 150 ms of latency
 * on every Graph request (Graph is slower): one request after another (`--concurrency 1`) beside
 * the default bound, interleaved round by round. Target: the concurrent run in at most 0.35x the
 * time of the sequential one.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCheck } from "../../conformance/cli/commands/check.js";
import type { RunResult } from "../../conformance/run/result.js";
import { defaultConcurrency } from "../../conformance/run/run-suite.js";
import { startMockGraph } from "../../src/mock/index.js";
import { median } from "../support/stats.js";
import type { Suite } from "../support/suite.js";

const latencyMs = 150;
const target = 0.35;

const quietStderr = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

export const liveConcurrencySuite: Suite = {
  id: "live-concurrency",
  title: "Runner: live run with writes, concurrent vs one request after another",
  async run({ quick, log }) {
    const rounds = quick ? 1 : 3;
    const mock = await startMockGraph({ faults: { kinds: ["latency"], rate: 1, latencyMs } });
    const dir = mkdtempSync(join(tmpdir(), "bench-live-"));
    const app = "00000000-0000-0000-0000-00000000a11c";
    const env = {
      GRAPH_TOKEN_APP: await mock.issueToken({ app }),
      GRAPH_TOKEN_SELF: await mock.issueToken({ user: "megan" }),
      GRAPH_TOKEN_ADMIN: await mock.issueToken({ user: "adele" }),
      GRAPH_TOKEN_NOPERM: await mock.issueToken({ app: "00000000-0000-0000-0000-00000000b0b0" }),
    };
    const times: Record<"sequential" | "concurrent", number[]> = { sequential: [], concurrent: [] };
    let requests = 0;
    let outcomes = 0;
    try {
      for (let r = 0; r < rounds; r++) {
        for (const [kind, n] of [
          ["sequential", 1],
          ["concurrent", defaultConcurrency],
        ] as const) {
          const out = join(dir, `${kind}-${r}`);
          const record = join(dir, `${kind}-${r}.ndjson`);
          const code = await runCheck(
            [
              ...["--target", mock.graphUrl, "--user", "megan@contoso.onmicrosoft.com"],
              ...["--allow-writes", "--test-user", "nestor@contoso.onmicrosoft.com", "--concurrency", String(n)],
              ...["--reporter", "json", "--out", out, "--record", record],
            ],
            { stdout: () => undefined, env, color: false, stderr: quietStderr },
          );
          if (code !== 0) throw new Error(`the ${kind} live run exited ${code} against the faithful mock`);
          const result = JSON.parse(readFileSync(join(out, "tap-contract.json"), "utf8")) as RunResult;
          if (!result.cleanup?.clean)
            throw new Error(`the ${kind} live run left the test user: ${result.cleanup?.line}`);
          times[kind].push(result.durationMs / 1000);
          requests = readFileSync(record, "utf8").trim().split("\n").length;
          outcomes = result.totals.total;
        }
      }
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const sequential = median(times.sequential);
    const concurrent = median(times.concurrent);
    const ratio = concurrent / sequential;
    log(
      `live-concurrency: sequential ${sequential.toFixed(2)} s, concurrent ${concurrent.toFixed(2)} s ` +
        `(${ratio.toFixed(2)}x)`,
    );
    const met = ratio <= target;
    return {
      tables: [
        {
          id: "live-concurrency",
          title: "Runner: live run with writes at 150 ms a request, concurrent vs one request after another",
          columns: ["what", "median s", "runs", "target"],
          rows: [
            [
              `one request after another (\`--concurrency 1\`), ${requests} requests, ${outcomes} outcomes`,
              Math.round(sequential * 100) / 100,
              rounds,
              "",
            ],
            [
              `concurrent (default \`--concurrency ${defaultConcurrency}\`), writes on the test user in order`,
              Math.round(concurrent * 100) / 100,
              rounds,
              `at most ${target}x the sequential run: **${ratio.toFixed(2)}x** ` +
                (met ? "✅ reached" : "❌ not reached"),
            ],
          ],
          notes: [
            `The mock started as a live target (\`tap-contract mock\` in-process) with the latency fault on every ` +
              `Graph request (${latencyMs} ms), tokens as the README lists them (app, self, admin) plus one ` +
              `without permissions; \`--user megan --allow-writes --test-user nestor\`. Durations are the run's ` +
              `own (\`durationMs\`), cleanup and read-back included. Raw samples: sequential ` +
              `${times.sequential.map((v) => v.toFixed(2)).join(", ")} s; concurrent ` +
              `${times.concurrent.map((v) => v.toFixed(2)).join(", ")} s.`,
          ],
        },
      ],
    };
  },
};
