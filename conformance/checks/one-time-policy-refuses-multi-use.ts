import { graphError } from "../../src/spec/index.js";
import { probeCreateRefusal } from "../scenarios/create-refusal.js";
import { withPolicyChange } from "../scenarios/policy-change.js";
import { label, operationsOf } from "../scenarios/subjects.js";
import { scenarioCheck, type CaseResult } from "./check.js";

const expected = graphError("policyRequiresOneTime");
const caseLabel = "one-time-only policy, isUsableOnce false";

export const oneTimePolicyRefusesMultiUse = scenarioCheck({
  id: "one-time-policy-refuses-multi-use",
  title: "Multi-use pass created against a one-time-only policy",
  severity: "high",
  description:
    "While the tenant's TAP policy allows only one-time passes (`isUsableOnce: true`), a Create asking " +
    `\`isUsableOnce: false\` answers ${expected.status} \`${expected.code}\` ("${expected.message}"), Graph's real ` +
    "answer. The run switches the policy to one-time only for the probe and restores it right after, also on " +
    "Ctrl-C. Needs writes and a token that may change the policy (live: --allow-writes).",
  async run(session) {
    const probe = () =>
      probeCreateRefusal(session, { caseLabel, body: { isUsableOnce: false }, kind: "policyRequiresOneTime" });
    const window = await withPolicyChange(session, { isUsableOnce: true }, probe);
    if (window.ok) return window.value;
    return operationsOf("create", "users").map(
      (op): CaseResult => ({ operation: label(op), case: caseLabel, ...window.result }),
    );
  },
});
