/** Shared wording of the totals, so every reporter says the same numbers the same way. */
import { coverageOf, type Coverage } from "../run/coverage.js";
import type { Outcome, RunResult, Totals } from "../run/result.js";

export function totalsLine(t: Totals): string {
  return (
    `${t.total} outcomes: ${t.pass} passed, ${t.fail} failed, ${t.error} errors, ${t.skip} skipped, ` +
    `${t.waived} known deviations`
  );
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

/** The run's coverage (computed from the outcomes for a result made without it). */
export function coverage(result: RunResult): Coverage {
  if (result.coverage) return result.coverage;
  const severity = new Map(result.outcomes.map((o) => [o.check, o.severity]));
  return coverageOf(
    result.checks.map((id) => ({ id, severity: severity.get(id) ?? "" })),
    result.outcomes,
  );
}

/** The coverage in one sentence: checks judged, and the critical ones that were not. */
export function coverageLine(result: RunResult): string {
  const c = coverage(result);
  const critical =
    c.criticalNotJudged.length === 0
      ? "every critical check judged"
      : `critical checks not judged: ${c.criticalNotJudged.join(", ")}`;
  return (
    `coverage: ${c.judged} of ${c.checks} checks judged (${c.outcomesJudged} outcomes judged, ` +
    `${c.outcomesSkipped} skipped); ${critical}`
  );
}

/** Skipped outcomes by reason, the most frequent first; at most `limit` lines and one for the rest. */
export function skipReasonLines(result: RunResult, limit = Infinity): string[] {
  const { skipped } = coverage(result);
  const lines = skipped.slice(0, limit).map((s) => `${s.outcomes} skipped: ${s.reason} (${s.checks.join(", ")})`);
  const rest = skipped.slice(limit);
  if (rest.length > 0)
    lines.push(
      `${rest.reduce((n, s) => n + s.outcomes, 0)} skipped for ${rest.length} other reasons (see the JSON report)`,
    );
  return lines;
}

/**
 * The verdict in words, with what it rests on: a run that judged no critical check says so,
 * whatever its exit code.
 */
export function verdictText(result: RunResult): string {
  const word = result.exitCode === 0 ? "PASS" : result.exitCode === 2 ? "NOTHING CHECKED" : "FAIL";
  const c = coverage(result);
  if (result.exitCode === 2 || c.criticalJudged || c.criticalNotJudged.length === 0) return word;
  return `${word} (no critical check was judged: ${c.criticalNotJudged.length} skipped)`;
}
