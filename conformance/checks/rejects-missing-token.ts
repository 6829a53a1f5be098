import { graphError } from "../../src/spec/index.js";
import { probeEveryOperation } from "../scenarios/probe-row.js";
import { scenarioCheck } from "./check.js";

const expected = graphError("emptyToken");

export const rejectsMissingToken = scenarioCheck({
  id: "rejects-missing-token",
  title: "Request without a token not rejected",
  severity: "critical",
  description:
    `Every operation answers ${expected.status} (\`${expected.code}\`) to a request without an \`Authorization\` ` +
    `header. ` +
    "Anything else means the API serves (or reveals) authentication methods to anonymous callers.",
  run: (session) =>
    probeEveryOperation(session, {
      caseLabel: "no Authorization header",
      token: () => ({ authorization: undefined }),
      expected: expected.status,
      meaning: "no token",
    }),
});
