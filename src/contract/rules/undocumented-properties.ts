import { selectableProperties } from "../schemas.js";
import { receivedExpected } from "../violation.js";
import { documentedResponse } from "./documented-response.js";
import { isSuccess } from "./exchange.js";
import { hasUndocumentedKeys, propertyShape, undocumentedKeys } from "./property-shape.js";
import { selectedProperties } from "./request-url.js";
import type { ExchangeContext } from "./exchange.js";
import type { Finding } from "../violation.js";

/** Names shown of a `$select`'s undocumented properties, and characters of each. */
const shownNames = 5;
const shownChars = 64;

/** A `$select` naming properties the spec does not document: reported, never compiled into a validator. */
function undocumentedSelect(ctx: ExchangeContext): Finding[] {
  if (ctx.operation.kind !== "get" && ctx.operation.kind !== "list") return none;
  const unknown = (selectedProperties(ctx.exchange.request.url) ?? []).filter((p) => p !== "*" && !selectableProperties.has(p));
  if (unknown.length === 0) return none;
  const names = unknown.slice(0, shownNames).map((p) => JSON.stringify(p.length > shownChars ? `${p.slice(0, shownChars)}…` : p));
  const more = unknown.length > shownNames ? ` and ${unknown.length - shownNames} more` : "";
  return [{
    message: receivedExpected(`$select names undocumented properties: ${names.join(", ")}${more}`, `only the properties of ${ctx.documented.schemaName ?? "the method"}`),
    keyword: "undocumented-select",
  }];
}
import { defineRule, none } from "./rule.js";

export const undocumentedProperties = defineRule({
  id: "undocumented-properties",
  title: "Undocumented property in the response",
  severity: "low",
  description:
    "A success body has only the properties its schema documents. Graph may add properties over time and clients " +
    "should ignore unknown ones, so this is reported apart from `response-schema` and at a low severity: it tells " +
    "you the contract (or your model of it) is behind the service, not that a client will break. A `$select` that " +
    "names undocumented properties is reported here too (and those names are not validated).",
  appliesTo: (ctx) => isSuccess(ctx.status) && ctx.bodyState === "json" && ctx.documented.schemaName !== undefined,
  runsFor: (op, status) => isSuccess(status) && documentedResponse(op, status).schemaName !== undefined,
  run(ctx) {
    if (!isSuccess(ctx.status) || ctx.bodyState !== "json") return none;
    const { schemaName } = ctx.documented;
    if (!schemaName) return none;
    const selection = undocumentedSelect(ctx);
    const shape = propertyShape(schemaName);
    if (!hasUndocumentedKeys(ctx.body, shape)) return selection;
    return [...selection, ...undocumentedKeys(ctx.body, shape).map((pointer) => ({
      message: receivedExpected(`an undocumented property at ${pointer}`, `only the properties of ${schemaName}`),
      instancePath: pointer,
      keyword: "undocumented",
    }))];
  },
});
