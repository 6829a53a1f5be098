/**
 * `npm run bench [-- --quick] [--only a,b] [--out DIR]`: every benchmark side by side in one
 * process tree, then bench/results.json, bench/RESULTS.md and the ratio chart.
 * `--quick` uses tiny counts, installs no peer (missing ones are reported as not measured)
 * and writes to test/.tmp/bench-quick/ so that a smoke run never overwrites the committed figures.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { explanations } from "./report/explanations.js";
import { ratioChart } from "./report/chart.js";
import { resultsMarkdown } from "./report/markdown.js";
import { machineInfo } from "./support/machine.js";
import { benchDir, repoRoot } from "./support/paths.js";
import { ensurePeers, isInstalled, type PeerGroup } from "./support/peers.js";
import type { BenchResults } from "./support/results.js";
import type { Suite } from "./support/suite.js";
import { suites } from "./suites/index.js";

const HELP = `Usage: npm run bench -- [--quick] [--only ids] [--out DIR]

  --quick      tiny counts for a CI smoke run (well under a minute); installs no peer
  --only ids   run only these suites (comma-separated): ${suites.map((s) => s.id).join(", ")}
  --out DIR    where results.json, RESULTS.md and ratios.svg go
               (default: bench/ for a full run, test/.tmp/bench-quick/ for --quick)`;

function options(argv: string[]): { quick: boolean; only: Suite[]; out: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" },
      only: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  let only = suites;
  if (values.only !== undefined) {
    const ids = values.only.split(",").map((s) => s.trim());
    const unknown = ids.filter((id) => !suites.some((s) => s.id === id));
    if (unknown.length)
      throw new Error(
        `--only: unknown suite ${unknown.join(", ")}: expected some of ${suites.map((s) => s.id).join(", ")}`,
      );
    only = suites.filter((s) => ids.includes(s.id));
  }
  const out = resolve(values.out ?? (quick ? join(repoRoot, "test", ".tmp", "bench-quick") : benchDir));
  return { quick, only, out };
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof options>;
  try {
    opts = options(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const machine = machineInfo();
  const wanted = [...new Set(opts.only.flatMap((s) => s.peers ?? []))] as PeerGroup[];
  const peers = opts.quick ? new Set(wanted.filter(isInstalled)) : await ensurePeers(wanted, log);

  const results: BenchResults = {
    mode: opts.quick ? "quick" : "full",
    startedAt: new Date(started).toISOString(),
    durationSeconds: 0,
    machine,
    comparisons: [],
    tables: [],
    skipped: [],
  };
  for (const suite of opts.only) {
    log(`suite ${suite.id}: ${suite.title}`);
    try {
      const out = await suite.run({ quick: opts.quick, log, peers });
      results.comparisons.push(...(out.comparisons ?? []));
      results.tables.push(...(out.tables ?? []));
      if (out.skipped) results.skipped.push({ suite: suite.id, reason: out.skipped });
    } catch (err) {
      // One broken suite must not lose the others' figures: it is reported as not measured.
      const reason = (err as Error).message.split("\n")[0] ?? String(err);
      log(`suite ${suite.id} failed: ${reason}`);
      results.skipped.push({ suite: suite.id, reason: `failed: ${reason}` });
      process.exitCode = 1;
    }
  }
  results.durationSeconds = (Date.now() - started) / 1000;

  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, "results.json"), JSON.stringify(results, null, 2) + "\n");
  writeFileSync(join(opts.out, "ratios.svg"), ratioChart(results));
  writeFileSync(join(opts.out, "RESULTS.md"), resultsMarkdown(results, "ratios.svg", explanations(results)));
  log(`wrote ${relative(process.cwd(), join(opts.out, "RESULTS.md")) || "RESULTS.md"}, results.json and ratios.svg`);
  for (const c of results.comparisons) {
    for (const t of c.targets)
      log(
        `${c.title}: ${t.text}: ${t.ratio === null ? "n/a" : `${t.ratio.toFixed(2)}x`} ` +
          `${t.met === null ? "" : t.met ? "reached" : "NOT reached"}`,
      );
  }
}

main().catch((err: unknown) => {
  console.error("bench: unexpected error, likely a bug");
  console.error(err);
  process.exitCode = 1;
});
