import { graphError } from "../../src/spec/index.js";
import { probeRow } from "../scenarios/probe-row.js";
import { operationsOf, permittedSpec } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("externalGuest");

export const refusesExternalGuest = scenarioCheck({
  id: "refuses-external-guest",
  title: "Pass created for an external guest",
  severity: "high",
  description:
    `Create for an external guest (a user whose UPN holds \`#EXT#\`) answers ${expected.status} ` +
    `("${expected.message}"), ` +
    "with a caller allowed to create passes for other users: Entra issues passes to internal guests only. Needs a " +
    "known external guest and writes (the embedded mock has both; a live run skips).",
  async run(session) {
    const results: Array<CaseResult | Promise<CaseResult>> = [];
    const guest = session.target.subjects.guestUser;
    for (const op of operationsOf("create", "users")) {
      const spec = permittedSpec(op, "actingOnOthers", "application", undefined);
      if (!spec) continue;
      results.push(
        probeRow(session, {
          op,
          actingOn: "actingOnOthers",
          caseLabel: "external guest",
          subject:
            guest !== undefined
              ? { user: guest }
              : { skip: "no external guest known to the run (only the embedded mock's fixtures name one)" },
          token: () => spec,
          expected: expected.status,
          meaning: "an external guest cannot get a pass",
          needsPass: false,
        }),
      );
    }
    return Promise.all(results);
  },
});
