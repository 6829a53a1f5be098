import { selectableProperties } from "../schemas.js";
import { receivedExpected, type Finding } from "../violation.js";
import { propertyShape } from "../tables.js";
import { isSuccess, tapItems } from "../body-items.js";
import type { ExchangeContext } from "../exchange.js";
import { undocumentedValues } from "../open-values.js";
import { hasUndocumentedKeys, undocumentedKeys } from "../property-shape.js";
import { selectedProperties, splitRequestUrl } from "../request-url.js";
import { betaDifferences } from "../../spec/index.js";
import { defineRule, none } from "../rule.js";

const betaProperties: readonly string[] = Object.freeze(Object.keys(betaDifferences.properties));
const betaPath = new RegExp(`${betaDifferences.versionPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/`, "i");

/** Whether the exchange went to the beta endpoint (its version segment, wherever the base sits). */
function onBeta(ctx: ExchangeContext): boolean {
  return betaPath.test(splitRequestUrl(ctx.exchange.request.url).path);
}

/** Names shown of a `$select`'s undocumented properties, and characters of each. */
const shownNames = 5;
const shownChars = 64;

/** A `$select` naming properties the spec does not document: reported, never compiled into a validator. */
function undocumentedSelect(ctx: ExchangeContext): Finding[] {
  if (ctx.operation.kind !== "get" && ctx.operation.kind !== "list") return none;
  const unknown = (selectedProperties(ctx.exchange.request.url) ?? []).filter(
    (p) => p !== "*" && !selectableProperties.has(p),
  );
  if (unknown.length === 0) return none;
  const names = unknown
    .slice(0, shownNames)
    .map((p) => JSON.stringify(p.length > shownChars ? `${p.slice(0, shownChars)}…` : p));
  const more = unknown.length > shownNames ? ` and ${unknown.length - shownNames} more` : "";
  return [
    {
      message: receivedExpected(
        `$select names undocumented properties: ${names.join(", ")}${more}`,
        `only the properties of ${ctx.documented.schemaName ?? "the method"}`,
      ),
      keyword: "undocumented-select",
    },
  ];
}

/** Values of open string sets outside the documented ones; undefined (no allocation) when none. */
function valueFindings(ctx: ExchangeContext): Finding[] | undefined {
  let out: Finding[] | undefined;
  for (const { item, path } of tapItems(ctx)) {
    for (const { property, value, documented } of undocumentedValues(item)) {
      const shown = value.length > 64 ? `${value.slice(0, 64)}…` : value;
      (out ??= []).push({
        message: receivedExpected(
          `${property} ${JSON.stringify(shown)}, not a documented value`,
          `one of ${[...documented].join(", ")} (an open set: a new value is news, not a break)`,
        ),
        instancePath: `${path}/${property}`,
        keyword: "undocumented-value",
      });
    }
  }
  return out;
}

export default defineRule({
  id: "undocumented-properties",
  title: "Undocumented property or value in the response",
  severity: "low",
  stage: "schema",
  description:
    "A success body has only the properties its schema documents. Graph may add properties over time and clients " +
    "should ignore unknown ones, so this is reported apart from `response-schema` and at a low severity: it tells " +
    "you the contract (or your model of it) is behind the service, not that a client will break. The same holds " +
    "for a value of an open string set (`methodUsabilityReason`) outside the documented values: the value is named. " +
    "A `$select` that names undocumented properties is reported here too (and those names are not validated). " +
    "On beta, the properties the beta contract adds (`x-beta`) are documented.",
  appliesTo: (ctx) => isSuccess(ctx.status) && ctx.bodyState === "json" && ctx.documented.schemaName !== undefined,
  run(ctx) {
    const schemaName = ctx.documented.schemaName!;
    const selection = undocumentedSelect(ctx);
    const shape = propertyShape(schemaName);
    const values = valueFindings(ctx) ?? [];
    if (!hasUndocumentedKeys(ctx.body, shape))
      return selection.length + values.length === 0 ? none : [...selection, ...values];
    // On beta, the properties the beta contract adds (`x-beta.properties`) are documented.
    const keys = onBeta(ctx)
      ? undocumentedKeys(ctx.body, shape).filter((p) => !betaProperties.includes(p.slice(p.lastIndexOf("/") + 1)))
      : undocumentedKeys(ctx.body, shape);
    if (keys.length + selection.length + values.length === 0) return none;
    return [
      ...selection,
      ...keys.map((pointer) => ({
        message: receivedExpected(`an undocumented property at ${pointer}`, `only the properties of ${schemaName}`),
        instancePath: pointer,
        keyword: "undocumented",
      })),
      ...values,
    ];
  },
});
