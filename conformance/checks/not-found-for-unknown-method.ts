import { graphError, operations } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { permittedSpec } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("methodNotFound");

export const notFoundForUnknownMethod = scenarioCheck({
  id: "not-found-for-unknown-method",
  title: "Unknown pass id not answered with 404",
  severity: "high",
  description:
    `Get and Delete of a pass id the user does not have (a fresh GUID) answer ${expected.status}, with a caller ` +
    "allowed to make the call. A 200 with some other pass, or a 204 for nothing deleted, hides bugs in the caller.",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    for (const op of operations.filter((o) => o.kind === "get" || o.kind === "delete")) {
      const actingOn = op.subject === "me" ? "actingOnSelf" : "actingOnOthers";
      const type = op.subject === "me" ? "delegatedWork" : "application";
      results.push(
        probeRow(session, {
          op,
          actingOn,
          caseLabel: "a pass id the user does not have",
          token: (subject) => permittedSpec(op, actingOn, type, subject || undefined) ?? { authorization: undefined },
          expected: expected.status,
          meaning: "unknown pass id",
          needsPass: false,
        }),
      );
    }
    return Promise.all(results);
  },
});
