import { receivedExpected } from "../violation.js";
import { isObject } from "../body-items.js";
import { defineRule, none } from "../rule.js";

export default defineRule({
  id: "not-a-server-error",
  title: "Server error",
  severity: "high",
  stage: "transport",
  description:
    "The response status is below 500. A 5xx means the service failed to handle a request the contract " +
    "allows; it is reported whatever the operation documents, because a client cannot act on it except by retrying.",
  appliesTo: () => true,
  run(ctx) {
    if (ctx.status < 500) return none;
    const error = isObject(ctx.body) && isObject(ctx.body.error) ? ctx.body.error : undefined;
    const code = typeof error?.code === "string" ? ` (error.code ${JSON.stringify(error.code)})` : "";
    return [{ message: receivedExpected(`${ctx.status}${code}`, "a status below 500") }];
  },
});
