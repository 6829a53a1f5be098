import { receivedExpected } from "../violation.js";
import { defineRule, none } from "../rule.js";

export default defineRule({
  id: "status-code-documented",
  title: "Undocumented status code",
  severity: "high",
  stage: "transport",
  description:
    "The response status is one the spec documents for the operation. Clients branch on the status; a " +
    "status the contract does not list (a 418, a 200 where Create documents 201) is one no client was written to " +
    "handle.",
  appliesTo: () => true,
  run(ctx) {
    if (ctx.operation.statuses.includes(ctx.status)) return none;
    return [{ message: receivedExpected(String(ctx.status), `one of ${ctx.operation.statuses.join(", ")}`) }];
  },
});
