import { schemaValidator, toFindings, validateResponseBody } from "../schemas.js";
import { receivedExpected } from "../violation.js";
import { isSuccess } from "../body-items.js";
import { selectedProperties } from "../request-url.js";
import { defineRule, none } from "../rule.js";

export default defineRule({
  id: "response-schema",
  title: "Response body violates the schema",
  severity: "high",
  stage: "schema",
  description:
    "A success body validates against the schema the spec documents for the operation and status (JSON Schema " +
    "2020-12 with formats: GUID ids, RFC 3339 date-times, the usability reason as a string, lifetime bounds, " +
    "`null` pass on reads). With `$select`, only the selected properties are required. Undocumented extra " +
    "properties, and usability reasons outside the documented values (an open set), are not failures here: " +
    "`undocumented-properties` reports them at a lower severity. Error bodies are `error-envelope`'s.",
  appliesTo: (ctx) => isSuccess(ctx.status) && ctx.documented.schemaName !== undefined,
  run(ctx) {
    const schemaName = ctx.documented.schemaName!;
    if (ctx.bodyState === "absent") return [{ message: receivedExpected("no body", `a ${schemaName} JSON body`) }];
    if (ctx.bodyState === "invalid")
      return [{ message: receivedExpected("a body that is not JSON", `a ${schemaName} JSON body`) }];
    const selected =
      ctx.operation.kind === "get" || ctx.operation.kind === "list"
        ? selectedProperties(ctx.exchange.request.url)
        : undefined;
    if (selected) return validateResponseBody(ctx.operation, ctx.status, ctx.body, selected);
    const validate = schemaValidator(schemaName);
    return validate(ctx.body) ? none : toFindings(validate.errors, ctx.body);
  },
});
