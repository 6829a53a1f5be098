/**
 * The Create body, checked the way Graph does: the JSON schema of the spec (via
 * `validateCreateRequest`), then the tenant policy (method enabled and the user targeted, a
 * start not in the past, one-time only, the lifetime range), each with Graph's message.
 */
import { validateCreateRequest } from "../../contract/schemas.js";
import { clockSkew, spec, type GraphErrorKind } from "../../spec/index.js";
import type { TapPolicy } from "../policy.js";

/** What the policy checks of a Create need beside the body. */
export interface CreateContext {
  policy: Readonly<TapPolicy>;
  /** The service's clock at receipt. */
  nowMs: number;
  /** The method is enabled (`state`). */
  enabled: boolean;
  /** The policy's targets include the user (and do not exclude them). */
  targeted: boolean;
  /** Refusals a contract-breaking scenario waives (it creates what Graph refuses). */
  waive: Partial<Record<"disabled" | "untargeted" | "pastStart" | "oneTime" | "lifetime", boolean>>;
}

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

const properties = (
  spec.components.schemas.TemporaryAccessPassCreateRequest as { properties: Record<string, PropertySchema> }
).properties;
/** Every property a read returns; those Create does not take are read-only. */
const readOnly = (
  spec.components.schemas.TemporaryAccessPassAuthenticationMethodBase as { properties: Record<string, unknown> }
).properties;

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
  const s = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return s.length > 64 ? `${s.slice(0, 64)}…` : s;
}

export function checkCreateBody(body: unknown, context: CreateContext): CreateCheck {
  const { policy, waive } = context;
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return { ok: false, kind: "invalidJson", values: {} };
  const record = body as Record<string, unknown>;
  // Graph matches property names exactly; a differently cased name is an unknown property.
  for (const key of Object.keys(record)) {
    if (Object.hasOwn(properties, key)) continue;
    // A property of the resource that Create cannot set: say so, not "does not exist" (spec decisions, item 19).
    if (Object.hasOwn(readOnly, key) && !key.startsWith("@"))
      return { ok: false, kind: "readOnlyProperty", values: { property: key } };
    return { ok: false, kind: "unknownProperty", values: { property: literal(key) } };
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
      return {
        ok: false,
        kind: "invalidValue",
        values: { value: literal(input.startDateTime), type: edmType("startDateTime"), property: "startDateTime" },
      };
    }
  }
  if ((!context.enabled && !waive.disabled) || (!context.targeted && !waive.untargeted))
    return { ok: false, kind: "policyForbidsMethod", values: {} };
  if (
    input.startDateTime !== undefined &&
    Date.parse(input.startDateTime) < context.nowMs - clockSkew.pastStartToleranceSeconds * 1000 &&
    !waive.pastStart
  ) {
    return { ok: false, kind: "pastStartDateTime", values: {} };
  }
  if (policy.isUsableOnce && input.isUsableOnce === false && !waive.oneTime)
    return { ok: false, kind: "policyRequiresOneTime", values: {} };
  const life = input.lifetimeInMinutes;
  if (
    life !== undefined &&
    (life < policy.minimumLifetimeInMinutes || life > policy.maximumLifetimeInMinutes) &&
    !waive.lifetime
  )
    return lifetimeError(policy);
  return { ok: true, input };
}

function lifetimeError(policy: TapPolicy): CreateCheck {
  return {
    ok: false,
    kind: "invalidLifetime",
    values: { min: policy.minimumLifetimeInMinutes, max: policy.maximumLifetimeInMinutes },
  };
}
