import { grantingPermissions, isSupported } from "../../src/contract/authorize.js";
import { graphError, operations, type PermissionType, type TapOperation } from "../../src/spec/index.js";
import type { Session } from "../run/session.js";
import { skipCase } from "../scenarios/judge.js";
import { probeRow } from "../scenarios/probe-row.js";
import { label } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("expiredToken");

/** An expired token that would otherwise be allowed: who it names does not matter, expiry comes first. */
async function expiredToken(session: Session, op: TapOperation): Promise<string | { skip: string }> {
  const types: PermissionType[] = op.subject === "me" ? ["delegatedWork"] : ["application", "delegatedWork"];
  const reasons: string[] = [];
  for (const type of types) {
    const rows = [op.permissions.actingOnOthers[type], op.permissions.actingOnSelf[type]].filter(isSupported);
    const permissions = rows.flatMap(grantingPermissions);
    if (permissions.length === 0) continue;
    const grant = await session.target.tokens.obtain({ type, permissions: { anyOf: permissions }, expired: true });
    if ("token" in grant) return grant.token;
    reasons.push(grant.skip);
  }
  return { skip: `needs ${reasons[0] ?? "an expired token"}` };
}

export const rejectsExpiredToken = scenarioCheck({
  id: "rejects-expired-token",
  title: "Expired token not rejected",
  severity: "critical",
  description:
    `Every operation answers ${expected.status} (\`${expected.code}\`) to a token that would be allowed but has ` +
    "expired. Live runs need an expired token among the given ones (for example a saved `GRAPH_TOKEN_EXPIRED`); " +
    "without one the check is skipped.",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    for (const op of operations) {
      const token = await expiredToken(session, op);
      if (typeof token !== "string") {
        results.push(skipCase({ operation: label(op), case: "expired token" }, token.skip));
        continue;
      }
      results.push(
        probeRow(session, {
          op,
          actingOn: op.subject === "me" ? "actingOnSelf" : "actingOnOthers",
          caseLabel: "expired token",
          token: () => ({ authorization: session.bearer(token) }),
          expected: expected.status,
          meaning: "expired token",
          needsPass: false,
        }),
      );
    }
    return Promise.all(results);
  },
});
