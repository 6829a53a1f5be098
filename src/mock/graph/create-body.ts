/**
 * The Create body, checked the way Graph does: the JSON schema of the spec (via
 * `validateCreateRequest`), then the tenant policy's lifetime range, each with Graph's message.
 */
import { validateCreateRequest } from "../../contract/schemas.js";
import { spec, type GraphErrorKind } from "../../spec/index.js";
import type { TapPolicy } from "../policy.js";

export interface CreateInput {
  startDateTime?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
}

export type CreateCheck =
  | { ok: true; input: CreateInput }
  | { ok: false; kind: GraphErrorKind; values: Record<string, string | number> };

interface PropertySchema {
  type?: string;
  format?: string;
  $ref?: string;
}

const properties = (spec.components.schemas.TemporaryAccessPassCreateRequest as { properties: Record<string, PropertySchema> }).properties;

/** The OData (Edm) name of a property's type, as Graph names it in conversion errors. */
function edmType(property: string): string {
  let schema = properties[property] ?? {};
  if (schema.$ref) schema = (spec.components.schemas[schema.$ref.split("/").pop()!] ?? {}) as PropertySchema;
  if (schema.type === "integer") return "Edm.Int32";
  if (schema.type === "boolean") return "Edm.Boolean";
  if (schema.format === "date-time") return "Edm.DateTimeOffset";
  return "Edm.String";
}

function literal(value: unknown): string {
  const s = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return s.length > 64 ? `${s.slice(0, 64)}…` : s;
}

export function checkCreateBody(body: unknown, policy: TapPolicy): CreateCheck {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { ok: false, kind: "invalidJson", values: {} };
  const record = body as Record<string, unknown>;
  // Graph matches property names exactly; a differently cased name is an unknown property.
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(properties, key)) return { ok: false, kind: "unknownProperty", values: { property: literal(key) } };
  }
  const findings = validateCreateRequest(body);
  if (findings.length > 0) {
    const property = (findings[0]!.instancePath ?? "").split("/")[1] ?? "";
    const value = record[property];
    if (property === "lifetimeInMinutes" && Number.isInteger(value)) return lifetimeError(policy);
    return { ok: false, kind: "invalidValue", values: { value: literal(value), type: edmType(property), property } };
  }
  const input = record as CreateInput;
  if (input.startDateTime !== undefined) {
    const ms = Date.parse(input.startDateTime);
    const year = new Date(ms).getUTCFullYear();
    if (!Number.isFinite(ms) || year < 1 || year > 9999) {
      return { ok: false, kind: "invalidValue", values: { value: literal(input.startDateTime), type: edmType("startDateTime"), property: "startDateTime" } };
    }
  }
  const life = input.lifetimeInMinutes;
  if (life !== undefined && (life < policy.minimumLifetimeInMinutes || life > policy.maximumLifetimeInMinutes)) return lifetimeError(policy);
  return { ok: true, input };
}

function lifetimeError(policy: TapPolicy): CreateCheck {
  return { ok: false, kind: "invalidLifetime", values: { min: policy.minimumLifetimeInMinutes, max: policy.maximumLifetimeInMinutes } };
}
