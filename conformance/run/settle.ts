/** The finished result of a run or a replay: the verdict over the raw outcomes, and what was run. */
import type { Severity } from "../../src/contract/violation.js";
import type { Check } from "../checks/check.js";
import type { Allowlist } from "../policy/allowlist.js";
import { finalize } from "../policy/finalize.js";
import type { Outcome, RunResult, TargetDescription } from "./result.js";
import { coverageOf } from "./coverage.js";
import { toolVersion } from "./version.js";

export interface RunInfo {
  target: TargetDescription;
  started: Date;
  /** `performance.now()` at the start. */
  t0: number;
  checks: readonly Check[];
  severityThreshold: Severity;
  allowlist?: Allowlist;
  today?: Date;
  recording?: RunResult["recording"];
}

export function settleRun(raw: readonly Outcome[], info: RunInfo): RunResult {
  const verdict = finalize(raw, info.severityThreshold, info.allowlist, info.today ?? new Date());
  return {
    schemaVersion: 1,
    tool: { name: "tap-contract", version: toolVersion },
    target: info.target,
    startedAt: info.started.toISOString(),
    durationMs: Math.round(performance.now() - info.t0),
    checks: info.checks.map((c) => c.id),
    severityThreshold: info.severityThreshold,
    outcomes: verdict.outcomes,
    totals: verdict.totals,
    coverage: coverageOf(info.checks, verdict.outcomes),
    expiredWaivers: verdict.expiredWaivers,
    ...(info.recording ? { recording: info.recording } : {}),
    exitCode: verdict.exitCode,
  };
}
