/** Shared wording of the totals, so every reporter says the same numbers the same way. */
import type { Outcome, RunResult, Totals } from "../run/result.js";

export function totalsLine(t: Totals): string {
  return `${t.total} outcomes: ${t.pass} passed, ${t.fail} failed, ${t.error} errors, ${t.skip} skipped, ${t.waived} known deviations`;
}

/** What a replay read: exchanges, the ones that were no TAP call, and the ones skipped over the limits. */
export function recordingLine(r: NonNullable<RunResult["recording"]>): string {
  const skipped = r.skipped ? `, ${r.skipped} skipped over the replay limits (first: ${r.firstSkipped})` : "";
  return `recording: ${r.exchanges} exchanges, ${r.ignored} not TAP calls${skipped}`;
}

export function targetLine(result: RunResult): string {
  const t = result.target;
  const mode = t.kind === "replay" ? "recording" : t.readOnly ? "read-only" : "writes allowed";
  return `${t.kind} ${t.location}${t.cloud ? ` (cloud ${t.cloud})` : ""}, ${mode}`;
}

/** Outcomes grouped by check, in the run's check order. */
export function byCheck(result: RunResult): Array<{ check: string; outcomes: Outcome[] }> {
  const groups = new Map<string, Outcome[]>(result.checks.map((c) => [c, []]));
  for (const o of result.outcomes) groups.get(o.check)?.push(o);
  return [...groups].map(([check, outcomes]) => ({ check, outcomes }));
}

/** The worst status in a group: error > fail > pass > skip (waived fails count as passes here). */
export function groupStatus(outcomes: readonly Outcome[]): "pass" | "fail" | "error" | "skip" | "waived" {
  if (outcomes.some((o) => o.status === "error")) return "error";
  if (outcomes.some((o) => o.status === "fail" && !o.waived)) return "fail";
  if (outcomes.some((o) => o.waived)) return "waived";
  if (outcomes.some((o) => o.status === "pass")) return "pass";
  return "skip";
}

export function where(o: Outcome): string {
  return o.case ? `${o.operation} [${o.case}]` : o.operation;
}
