import { receivedExpected } from "../violation.js";
import { methodIdParam } from "../tables.js";
import { isObject, isSuccess } from "../body-items.js";
import { show } from "../violation.js";
import { defineRule, none } from "../rule.js";

export default defineRule({
  id: "get-id-matches-request",
  title: "Get returned another pass than requested",
  severity: "high",
  stage: "semantics",
  description:
    "Get returns the pass whose `id` is the one in the request path (GUIDs compare case-insensitively). The seed " +
    "page's own example breaks this; a real service that does returns somebody's pass for the wrong question.",
  appliesTo: (ctx) => ctx.operation.kind === "get" && isSuccess(ctx.status),
  run(ctx) {
    if (!isObject(ctx.body)) return none;
    const param = methodIdParam(ctx.operation);
    const requested = param ? ctx.exchange.params[param] : undefined;
    const id = ctx.body.id;
    // With a $select that leaves out id there is nothing to compare.
    if (requested === undefined || id === undefined) return none;
    if (id === requested || (typeof id === "string" && id.toLowerCase() === requested.toLowerCase())) return none;
    return [
      {
        message: receivedExpected(`id ${show(id)}`, `${JSON.stringify(requested)}, the id requested`),
        instancePath: "/id",
        key: "another id",
      },
    ];
  },
});
