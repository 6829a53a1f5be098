import { graphError } from "../../src/spec/index.js";
import { probeEveryOperation } from "../scenarios/probe-row.js";
import { scenarioCheck } from "./check.js";

const expected = graphError("malformedToken");

export const rejectsMalformedToken = scenarioCheck({
  id: "rejects-malformed-token",
  title: "Malformed token not rejected",
  severity: "critical",
  description:
    `Every operation answers ${expected.status} (\`${expected.code}\`) to a bearer token that is not a JWT at all. ` +
    "A service that accepts it does not validate tokens.",
  run: (session) =>
    probeEveryOperation(session, {
      caseLabel: "Authorization: Bearer not-a-jwt",
      token: () => ({ authorization: "Bearer not-a-jwt" }),
      expected: expected.status,
      meaning: "malformed token",
    }),
});
