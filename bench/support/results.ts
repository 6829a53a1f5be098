/**
 * The shape of bench/results.json. A comparison puts our figure beside the practical limit and
 * the peers a user would pick instead, measured in the same run; a table holds figures that
 * are not a ratio (replay memory, installed sizes).
 */
import type { MachineInfo } from "./machine.js";

/** One contender's figure: the median of `samples` (one per repeated run). */
export interface Measurement {
  label: string;
  /** e.g. "ops/s", "req/s", "ms". */
  unit: string;
  /** Which way is better for this unit. */
  better: "higher" | "lower";
  median: number;
  samples: number[];
  /** Secondary figures (p99 latency, errors) keyed by name. */
  extra?: Record<string, number>;
}

/** A goal from the issues: our speed relative to `against` must reach `atLeast`. */
export interface Target {
  against: string;
  /** Speed ratio (ours faster = above 1): ours/other for "higher", other/ours for "lower". */
  atLeast: number;
  text: string;
}

export interface Comparison {
  id: string;
  title: string;
  ours: Measurement;
  /** The physical or practical limit (JSON.parse, a bare node:http server, raw fetch). */
  limit?: Measurement;
  peers: Measurement[];
  /** Peers that could not be measured, with the reason. */
  missing: Array<{ label: string; reason: string }>;
  targets: Array<Target & { ratio: number | null; met: boolean | null }>;
  notes: string[];
}

export interface Table {
  id: string;
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  notes: string[];
}

export interface BenchResults {
  mode: "quick" | "full";
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  comparisons: Comparison[];
  tables: Table[];
  /** Suites that could not run at all, with the reason. */
  skipped: Array<{ suite: string; reason: string }>;
}

/** Our speed relative to another contender (above 1 = ours is faster). */
export function speedRatio(ours: Measurement, other: Measurement): number | null {
  if (!(ours.median > 0) || !(other.median > 0)) return null;
  return ours.better === "higher" ? ours.median / other.median : other.median / ours.median;
}

/** Fill in each target's ratio and whether it was reached. */
export function evaluate(comparison: Omit<Comparison, "targets">, targets: Target[]): Comparison {
  const all = [...(comparison.limit ? [comparison.limit] : []), ...comparison.peers];
  return {
    ...comparison,
    targets: targets.map((t) => {
      const other = all.find((m) => m.label === t.against);
      const ratio = other ? speedRatio(comparison.ours, other) : null;
      return { ...t, ratio, met: ratio === null ? null : ratio >= t.atLeast };
    }),
  };
}
