import { receivedExpected } from "../violation.js";
import { isObject, isSuccess } from "../body-items.js";
import { defineRule, none } from "../rule.js";

export default defineRule({
  id: "one-method-per-user",
  title: "More than one pass for a user",
  severity: "high",
  stage: "semantics",
  description:
    "List returns zero or one item: a user has at most one Temporary Access Pass, and a new one replaces the old. " +
    'Code that takes `value[0]` as "the" pass (as Microsoft\'s samples do) picks an arbitrary one when there are two.',
  appliesTo: (ctx) => ctx.operation.kind === "list" && isSuccess(ctx.status),
  run(ctx) {
    if (!isObject(ctx.body)) return none;
    const value = ctx.body.value;
    if (!Array.isArray(value) || value.length <= 1) return none;
    return [
      { message: receivedExpected(`${value.length} items in value`, "0 or 1"), instancePath: "/value", key: "several" },
    ];
  },
});
