/**
 * From raw outcomes to the verdict: allowlist waivers, the severity threshold, totals and the
 * exit code. Shared by live, mock and replay runs.
 */
import { severities, type Severity } from "../../src/contract/violation.js";
import type { Outcome, Totals, Waiver } from "../run/result.js";
import { exitCodeOf } from "../run/exit-code.js";
import { isExpired, type Allowlist } from "./allowlist.js";

export interface Verdict {
  outcomes: Outcome[];
  totals: Totals;
  expiredWaivers: Array<Waiver & { check: string; operation?: string }>;
  /** 0 passed, 1 failed or errored, 2 nothing was checked (every outcome skipped). */
  exitCode: 0 | 1 | 2;
}

/** A run that judged nothing proves nothing: it must not read as a pass. */
export function nothingChecked(totals: Totals): boolean {
  return totals.total === totals.skip;
}

/** Higher is more severe. */
export function severityRank(s: Severity): number {
  return severities.length - severities.indexOf(s);
}

export function finalize(
  raw: readonly Outcome[],
  threshold: Severity,
  allowlist: Allowlist | undefined,
  today: Date,
): Verdict {
  const entries = allowlist?.entries ?? [];
  const expiredWaivers = entries
    .filter((e) => isExpired(e, today))
    .map((e) => ({
      check: e.check,
      reason: e.reason,
      expires: e.expires,
      ...(e.operation ? { operation: e.operation } : {}),
    }));
  const live = entries.filter((e) => !isExpired(e, today));
  const totals: Totals = { total: 0, pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
  let failing = expiredWaivers.length > 0;
  const outcomes = raw.map((o) => {
    const out: Outcome = { ...o };
    totals.total++;
    if (out.status === "fail") {
      const entry = live.find(
        (e) => e.check === out.check && (e.operation === undefined || e.operation === out.operation),
      );
      if (entry) {
        out.waived = { reason: entry.reason, expires: entry.expires };
        totals.waived++;
        return out;
      }
      if (severityRank(out.severity) < severityRank(threshold)) out.belowThreshold = true;
      else failing = true;
    }
    if (out.status === "error") failing = true;
    totals[out.status]++;
    return out;
  });
  return {
    outcomes,
    totals,
    expiredWaivers,
    exitCode: exitCodeOf({ kind: "judged", failing, nothingJudged: nothingChecked(totals) }) as 0 | 1 | 2,
  };
}
