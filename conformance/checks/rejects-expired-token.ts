import { graphError, operations } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { permittedSpec } from "../scenarios/subjects.js";
import { scenarioCheck } from "./check.js";

const expected = graphError("expiredToken");

export const rejectsExpiredToken = scenarioCheck({
  id: "rejects-expired-token",
  title: "Expired token not rejected",
  severity: "critical",
  description:
    `Every operation answers ${expected.status} (\`${expected.code}\`) to a token that would be allowed but has ` +
    "expired. Live runs need an expired token among the given ones (for example a saved `GRAPH_TOKEN_EXPIRED`); " +
    "without one the check is skipped.",
  async run(session) {
    const results = [];
    for (const op of operations) {
      const actingOn = op.subject === "me" ? "actingOnSelf" : "actingOnOthers";
      const type = op.subject === "me" ? "delegatedWork" : "application";
      results.push(
        await probeRow(session, {
          op,
          actingOn,
          caseLabel: "expired token",
          token: (subject) => {
            const spec = permittedSpec(op, actingOn, type, subject) ?? permittedSpec(op, actingOn, "delegatedWork", subject);
            return spec ? { ...spec, expired: true } : { authorization: undefined };
          },
          expected: expected.status,
          meaning: "expired token",
          needsPass: false,
        }),
      );
    }
    return results;
  },
});
