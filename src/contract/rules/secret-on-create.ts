import { policyDefaults } from "../../spec/index.js";
import { receivedExpected } from "../violation.js";
import { isObject, isSuccess } from "../body-items.js";
import { redactedPass } from "../redact.js";
import { defineRule, none } from "../rule.js";

const PASS = "temporaryAccessPass";

export default defineRule({
  id: "secret-on-create",
  title: "Create did not return a passcode of policy length",
  severity: "high",
  stage: "semantics",
  description:
    "Create's 201 body carries the passcode in `temporaryAccessPass`, the only time it is ever returned: a " +
    "non-empty string whose length is the tenant policy's `defaultLength` (when the runner could read the tenant's " +
    "policy, as always on the mock) or within the policy's allowed lengths (8 to 48). Without it the new pass is " +
    "unusable and must be " +
    "replaced.",
  appliesTo: (ctx) => ctx.operation.kind === "create" && isSuccess(ctx.status),
  run(ctx) {
    if (!isObject(ctx.body)) return none;
    const value = ctx.body[PASS];
    const exact = ctx.options.passLength ?? ctx.options.policy?.defaultLength;
    const [min, max] = ctx.options.policy?.lengthRange ?? policyDefaults.lengthRange;
    const expected = exact !== undefined ? `a string of ${exact} chars` : `a string of ${min} to ${max} chars`;
    const ok =
      typeof value === "string" &&
      value.length > 0 &&
      (exact !== undefined ? value.length === exact : value.length >= min && value.length <= max);
    return ok
      ? none
      : [{ message: receivedExpected(`${PASS} ${redactedPass(value)}`, expected), instancePath: `/${PASS}` }];
  },
});
