import { graphError, operations } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { scenarioCheck } from "./check.js";

const expected = graphError("malformedToken");

export const rejectsMalformedToken = scenarioCheck({
  id: "rejects-malformed-token",
  title: "Malformed token not rejected",
  severity: "critical",
  description:
    `Every operation answers ${expected.status} (\`${expected.code}\`) to a bearer token that is not a JWT at all. ` +
    "A service that accepts it does not validate tokens.",
  async run(session) {
    const results = [];
    for (const op of operations) {
      results.push(
        await probeRow(session, {
          op,
          actingOn: op.subject === "me" ? "actingOnSelf" : "actingOnOthers",
          caseLabel: "Authorization: Bearer not-a-jwt",
          token: () => ({ authorization: "Bearer not-a-jwt" }),
          expected: expected.status,
          meaning: "malformed token",
          needsPass: false,
        }),
      );
    }
    return results;
  },
});
