import { graphError } from "../../src/spec/index.js";
import { probeCreateRefusal } from "../scenarios/create-refusal.js";
import { scenarioCheck } from "./check.js";

const expected = graphError("policyForbidsMethod");

export const refusesUntargetedUser = scenarioCheck({
  id: "refuses-untargeted-user",
  title: "Pass created for a user outside the policy's targets",
  severity: "high",
  description:
    "A Create for a user the tenant's TAP policy does not target (not in an included group, or in an excluded one) " +
    `is refused with Graph's message ("${expected.message}"; any 4xx: the status is not documented). Needs a ` +
    "user known to be outside the targets (the embedded mock's fixtures name one; a live run skips) and writes.",
  run: (session) => {
    const user = session.target.subjects.untargetedUser;
    return probeCreateRefusal(session, {
      caseLabel: "user outside the policy's targets",
      subject:
        user !== undefined
          ? { user }
          : { skip: "no user known to be outside the policy's targets (only the embedded mock's fixtures name one)" },
      body: {},
      kind: "policyForbidsMethod",
      statusDecided: true,
    });
  },
});
