/**
 * What a run judged: a verdict over 24 outcomes of 138 says less than one over all of them, and
 * a green run that judged no critical check must say so. Computed once, rendered by every reporter.
 */
import type { Outcome } from "./result.js";

export interface Coverage {
  /** Selected checks with at least one judged outcome (pass, fail or error). */
  judged: number;
  /** Selected checks. */
  checks: number;
  /** Outcomes judged and skipped. */
  outcomesJudged: number;
  outcomesSkipped: number;
  /** Skipped outcomes grouped by reason, the most frequent first. */
  skipped: Array<{ reason: string; outcomes: number; checks: string[] }>;
  /** Critical checks among the selected ones with no judged outcome. */
  criticalNotJudged: string[];
  /** Whether any critical check was judged (false also when none was selected). */
  criticalJudged: boolean;
}

export function coverageOf(
  checks: ReadonlyArray<{ id: string; severity: string }>,
  outcomes: readonly Outcome[],
): Coverage {
  const judgedChecks = new Set(outcomes.filter((o) => o.status !== "skip").map((o) => o.check));
  const reasons = new Map<string, { outcomes: number; checks: Set<string> }>();
  for (const o of outcomes) {
    if (o.status !== "skip") continue;
    const reason = o.message ?? "no reason given";
    const entry = reasons.get(reason) ?? { outcomes: 0, checks: new Set<string>() };
    entry.outcomes++;
    entry.checks.add(o.check);
    reasons.set(reason, entry);
  }
  const critical = checks.filter((c) => c.severity === "critical");
  const skipped = outcomes.filter((o) => o.status === "skip").length;
  return {
    judged: checks.filter((c) => judgedChecks.has(c.id)).length,
    checks: checks.length,
    outcomesJudged: outcomes.length - skipped,
    outcomesSkipped: skipped,
    skipped: [...reasons]
      .map(([reason, e]) => ({ reason, outcomes: e.outcomes, checks: [...e.checks] }))
      .sort((a, b) => b.outcomes - a.outcomes),
    criticalNotJudged: critical.filter((c) => !judgedChecks.has(c.id)).map((c) => c.id),
    criticalJudged: critical.some((c) => judgedChecks.has(c.id)),
  };
}
