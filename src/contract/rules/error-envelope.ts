import { schemaValidator, toFindings } from "../schemas.js";
import { receivedExpected, type Finding } from "../violation.js";
import { isObject } from "../body-items.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "error-envelope",
  title: "Error body is not the OData error envelope",
  severity: "high",
  stage: "transport",
  description:
    "Every documented 4xx and 5xx response has a JSON body that validates against the spec's `ODataError` schema " +
    "(`error.code`, `error.message`, `error.innerError` with `date` and `request-id`), and `innerError.request-id` " +
    "equals the `request-id` header. Clients read `error.code` to decide what to do; success bodies are the " +
    "business of `response-schema`.",
  // An undocumented error status is status-code-documented's finding; its body has no contract to break.
  appliesTo: (ctx) => ctx.status >= 400 && ctx.documented.documented,
  run(ctx) {
    if (ctx.bodyState === "absent")
      return [{ message: receivedExpected("no body", 'an OData error envelope {"error": {...}}') }];
    if (ctx.bodyState === "invalid")
      return [{ message: receivedExpected("a body that is not JSON", 'an OData error envelope {"error": {...}}') }];
    const validate = schemaValidator("ODataError");
    if (!validate(ctx.body)) return toFindings(validate.errors, ctx.body);
    const findings: Finding[] = [];
    const inner =
      isObject(ctx.body) && isObject(ctx.body.error) && isObject(ctx.body.error.innerError)
        ? ctx.body.error.innerError
        : undefined;
    const header = ctx.headers["request-id"];
    if (inner && header !== undefined && inner["request-id"] !== header) {
      findings.push({
        message: receivedExpected(
          `innerError.request-id ${JSON.stringify(inner["request-id"])}`,
          `${JSON.stringify(header)}, the request-id header`,
        ),
        instancePath: "/error/innerError/request-id",
      });
    }
    return findings;
  },
});
