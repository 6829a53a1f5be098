/**
 * Open string sets: properties Microsoft types as a free string while documenting the values
 * it sends today (`x-documented-values` in the spec). A value outside the set is news, not a
 * contract break: reported at low severity by `undocumented-properties`, never by the schema.
 */
import { spec } from "../spec/index.js";

type Node = { $ref?: string; properties?: Record<string, Node>; "x-documented-values"?: string[] };

function resolve(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 16 && typeof cur.$ref === "string"; i++)
    cur = spec.components.schemas[cur.$ref.split("/").pop()!] as Node;
  return cur;
}

/** Property name → its documented values, over the TAP item's properties. */
export const documentedValues: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(
    (spec.components.schemas.TemporaryAccessPassAuthenticationMethodBase as Node).properties ?? {},
  ).flatMap(([name, node]) => {
    const values = resolve(node)["x-documented-values"];
    return values ? [[name, new Set(values)] as const] : [];
  }),
);

export interface UndocumentedValue {
  property: string;
  value: string;
  documented: ReadonlySet<string>;
}

const noValues: readonly UndocumentedValue[] = Object.freeze([]);

/** The properties of one item whose string value is outside its documented set. */
export function undocumentedValues(item: Record<string, unknown>): readonly UndocumentedValue[] {
  let out: UndocumentedValue[] | undefined;
  for (const [property, documented] of documentedValues) {
    const value = item[property];
    if (typeof value === "string" && !documented.has(value)) (out ??= []).push({ property, value, documented });
  }
  return out ?? noValues;
}
