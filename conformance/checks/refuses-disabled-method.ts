import { graphError } from "../../src/spec/index.js";
import { probeCreateRefusal } from "../scenarios/create-refusal.js";
import { withPolicyChange } from "../scenarios/policy-change.js";
import { label, operationsOf } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("policyForbidsMethod");

export const refusesDisabledMethod = scenarioCheck({
  id: "refuses-disabled-method",
  title: "Pass created while the TAP method is disabled",
  severity: "high",
  description:
    `While the tenant's TAP policy is \`disabled\`, a Create is refused with Graph's message ("${expected.message}"; ` +
    "any 4xx: the status is not documented). The run disables the method for the probe and restores the policy " +
    "right after, also on Ctrl-C. Needs writes and a token that may change the policy (live: --allow-writes).",
  async run(session) {
    const window = await withPolicyChange(session, { state: "disabled" }, () =>
      probeCreateRefusal(session, {
        caseLabel: "method disabled",
        body: {},
        kind: "policyForbidsMethod",
        statusDecided: true,
      }),
    );
    if (window.ok) return window.value;
    return operationsOf("create", "users").map(
      (op): CaseResult => ({ operation: label(op), case: "method disabled", ...window.result }),
    );
  },
});
