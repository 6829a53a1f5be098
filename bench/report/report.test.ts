// The bench's pure parts: ratios and targets, and what RESULTS.md and the chart say about them.
import { describe, expect, it } from "vitest";
import { evaluate, speedRatio, type BenchResults, type Measurement } from "../support/results.js";
import { median } from "../support/stats.js";
import { ratioChart } from "./chart.js";
import { explanations } from "./explanations.js";
import { resultsMarkdown } from "./markdown.js";

const m = (
  label: string,
  value: number,
  better: "higher" | "lower",
  unit = better === "higher" ? "ops/s" : "ms",
): Measurement => ({ label, unit, better, median: value, samples: [value] });

function results(): BenchResults {
  return {
    mode: "full",
    startedAt: "2026-11-28T12:00:00.000Z",
    durationSeconds: 300,
    machine: {
      cpu: "Test CPU",
      cores: 2,
      memoryGiB: 24,
      freeMemoryGiB: 20,
      os: "linux",
      node: "v20.20.2",
      loadAverage: [0.1, 0.2, 0.3],
    },
    comparisons: [
      evaluate(
        {
          id: "contract-check-distinct",
          title: "Contract check",
          ours: m("ours", 500_000, "higher"),
          limit: m("JSON.parse", 1_000_000, "higher"),
          peers: [],
          missing: [],
          notes: ["how"],
        },
        [{ against: "JSON.parse", atLeast: 1, text: "at least as fast as JSON.parse of the same texts" }],
      ),
      evaluate(
        {
          id: "client-cold",
          title: "Cold",
          ours: m("ours", 200, "lower"),
          limit: m("node", 190, "lower"),
          peers: [m("Kiota", 1200, "lower")],
          missing: [{ label: "graph-client", reason: "not installed" }],
          notes: [],
        },
        [{ against: "Kiota", atLeast: 5, text: "at least 5x faster than the Kiota SDK cold" }],
      ),
    ],
    tables: [
      { id: "t", title: "Replay", columns: ["exchanges", "MiB"], rows: [["10,000", 120]], notes: ["flat"] },
      {
        id: "r",
        title: "Runner: full suite against the embedded mock",
        columns: ["what", "target"],
        rows: [["installed", "at most 6x: 9x ❌ not reached"]],
        notes: [],
      },
    ],
    skipped: [{ suite: "runner-suite", reason: "failed: boom" }],
  };
}

describe("ratios and targets", () => {
  it("turns both kinds of unit into a speed ratio where above 1 means ours is faster", () => {
    expect(speedRatio(m("a", 300, "higher"), m("b", 100, "higher"))).toBe(3);
    expect(speedRatio(m("a", 100, "lower"), m("b", 600, "lower"))).toBe(6);
    expect(speedRatio(m("a", 0, "lower"), m("b", 600, "lower"))).toBeNull();
  });

  it("marks each target reached or not, and unmeasured when its contender is missing", () => {
    const [check, cold] = results().comparisons;
    expect(check!.targets[0]).toMatchObject({ ratio: 0.5, met: false });
    expect(cold!.targets[0]).toMatchObject({ ratio: 6, met: true });
    const orphan = evaluate({ ...check!, limit: undefined }, [{ against: "JSON.parse", atLeast: 1, text: "x" }]);
    expect(orphan.targets[0]).toMatchObject({ ratio: null, met: null });
  });

  it("takes the median of repeated runs", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("RESULTS.md and the chart", () => {
  it("lists every comparison with ours, the limit, the peers, the ratio and the verdict, plus the machine", () => {
    const md = resultsMarkdown(results(), "ratios.svg", explanations(results()));
    expect(md).toContain("**Machine**: Test CPU, 2 cores, 24 GiB memory");
    expect(md).toContain("![Speed ratios against the limits and peers](ratios.svg)");
    expect(md).toMatch(/\| Contract check \| ours: 500,000 ops\/s \| JSON\.parse: 1,000,000 ops\/s \|/);
    expect(md).toContain("at least as fast as JSON.parse of the same texts: **0.5x** ❌ not reached");
    // A target kept in a table is listed among the misses too.
    expect(md).toContain("- Runner: full suite against the embedded mock: installed, at most 6x: 9x ❌ not reached");
    expect(md).toContain("at least 5x faster than the Kiota SDK cold: **6x** ✅ reached");
    expect(md).toContain("graph-client: not measured (not installed)");
    expect(md).toContain("- runner-suite: failed: boom");
    expect(md).toContain("| 10,000 | 120 |");
  });

  it("says why a missed target was missed, and nothing for a reached one", () => {
    const why = explanations(results());
    expect(why).toHaveLength(2);
    expect(why[0]).toMatch(/^Why \(Runner: full suite against the embedded mock\): the suite itself/);
    expect(why[1]).toMatch(
      /^Why \(Contract check, at least as fast as JSON\.parse of the same texts\): the check remembers nothing/,
    );
  });

  it("draws one bar per target, coloured by its verdict, as a standalone SVG", () => {
    const svg = ratioChart(results());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect x="[0-9.]+" y="[0-9.]+" width="[0-9.]+" height="16"/g)).toHaveLength(2);
    expect(svg).toContain('fill="#d4761c"');
    expect(svg).toContain('fill="#2da44e"');
    expect(svg).toContain("0.5x");
    expect(svg).not.toMatch(/<script|href=/);
  });
});
