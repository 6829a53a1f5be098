import { graphError, operations } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { scenarioCheck } from "./check.js";

const expected = graphError("emptyToken");

export const rejectsMissingToken = scenarioCheck({
  id: "rejects-missing-token",
  title: "Request without a token not rejected",
  severity: "critical",
  description:
    `Every operation answers ${expected.status} (\`${expected.code}\`) to a request without an \`Authorization\` header. ` +
    "Anything else means the API serves (or reveals) authentication methods to anonymous callers.",
  async run(session) {
    const results = [];
    for (const op of operations) {
      results.push(
        await probeRow(session, {
          op,
          actingOn: op.subject === "me" ? "actingOnSelf" : "actingOnOthers",
          caseLabel: "no Authorization header",
          token: () => ({ authorization: undefined }),
          expected: expected.status,
          meaning: "no token",
          needsPass: false,
        }),
      );
    }
    return results;
  },
});
