/**
 * The tenant's TAP policy (defaults from the spec's `x-policy-defaults`), the one check every
 * change to it goes through (a PATCH over HTTP and `setPolicy()` alike), whom it targets, and
 * the usability of a pass, computed at read time from the clock, the policy and the pass's use.
 */
import { graphError, policyDefaults, spec, type GraphErrorKind, type PolicyTarget } from "../spec/index.js";
import { schemaValidator } from "../contract/schemas.js";

export type UsabilityReason = "EnabledByPolicy" | "DisabledByPolicy" | "Expired" | "NotYetValid" | "OneTimeUsed";

export interface TapPolicy {
  state: "enabled" | "disabled";
  defaultLength: number;
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** Groups the policy applies to (`all_users`: everyone). */
  includeTargets: readonly PolicyTarget[];
  /** Groups it does not apply to; exclusion wins. */
  excludeTargets: readonly PolicyTarget[];
}

/** The special target id for every user of the tenant. */
export const allUsers = "all_users";

export const policyODataType = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";

export function defaultPolicy(): TapPolicy {
  return {
    state: policyDefaults.state,
    defaultLength: policyDefaults.defaultLength,
    defaultLifetimeInMinutes: policyDefaults.defaultLifetimeInMinutes,
    minimumLifetimeInMinutes: policyDefaults.minimumLifetimeInMinutes,
    maximumLifetimeInMinutes: policyDefaults.maximumLifetimeInMinutes,
    isUsableOnce: policyDefaults.isUsableOnce,
    includeTargets: policyDefaults.includeTargets.map((t) => ({ ...t })),
    excludeTargets: policyDefaults.excludeTargets.map((t) => ({ ...t })),
  };
}

/** Why a change to the policy is refused: an entry of the spec's error catalog and its values. */
export interface PolicyRefusal {
  kind: GraphErrorKind;
  values: Record<string, string | number>;
}

export type PolicyChange = { ok: true; policy: TapPolicy } | { ok: false; refusal: PolicyRefusal };

const updateSchema = spec.components.schemas.TemporaryAccessPassAuthenticationMethodConfigurationUpdate as {
  properties: Record<string, { type?: string; minimum?: number; maximum?: number; $ref?: string }>;
};
const writable = Object.keys(updateSchema.properties);
const validateUpdate = schemaValidator("TemporaryAccessPassAuthenticationMethodConfigurationUpdate");

/** The documented range of an integer property of the update schema. */
function rangeOf(property: string): [number, number] | undefined {
  let schema = updateSchema.properties[property];
  if (schema?.$ref) schema = spec.components.schemas[schema.$ref.split("/").pop()!] as typeof schema;
  if (schema?.type !== "integer" || schema.minimum === undefined || schema.maximum === undefined) return undefined;
  return [schema.minimum, schema.maximum];
}

function literal(value: unknown): string {
  const s = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return s.length > 64 ? `${s.slice(0, 64)}…` : s;
}

function edmType(property: string): string {
  if (rangeOf(property)) return "Edm.Int32";
  const type = updateSchema.properties[property]?.type;
  if (type === "boolean") return "Edm.Boolean";
  if (type === "array") return "Collection(microsoft.graph.authenticationMethodTarget)";
  return "Edm.String";
}

/**
 * Apply a PATCH body to the current policy: the first problem found, or the policy that results.
 * Nothing is changed in place, so a refused PATCH leaves the policy as it was.
 */
export function applyPolicyPatch(current: Readonly<TapPolicy>, body: unknown): PolicyChange {
  const refuse = (kind: GraphErrorKind, values: Record<string, string | number> = {}): PolicyChange => ({
    ok: false,
    refusal: { kind, values },
  });
  if (body === null || typeof body !== "object" || Array.isArray(body)) return refuse("invalidJson");
  const record = body as Record<string, unknown>;
  const type = record["@odata.type"];
  if (type !== policyODataType)
    return refuse("policyODataType", { received: type === undefined ? "none" : literal(type) });
  for (const key of Object.keys(record)) {
    if (!writable.includes(key)) return refuse("policyUnknownProperty", { property: literal(key) });
  }
  for (const key of ["includeTargets", "excludeTargets"] as const) {
    const targets = record[key];
    if (!Array.isArray(targets)) continue;
    const user = targets.find((t) => (t as { targetType?: unknown } | null)?.targetType === "user");
    if (user) return refuse("policyUnsupportedTarget", { property: key, targetType: "user" });
  }
  if (!validateUpdate(body)) {
    const error = validateUpdate.errors?.[0];
    const property = (error?.instancePath ?? "").split("/")[1] ?? "";
    const value = record[property];
    const range = rangeOf(property);
    if (range && Number.isInteger(value))
      return refuse("policyInvalidValue", { property, value: value as number, min: range[0], max: range[1] });
    return refuse("invalidValue", { value: literal(value), type: edmType(property), property });
  }
  const next: TapPolicy = { ...current };
  for (const key of writable) {
    if (key === "@odata.type" || key === "id" || !(key in record)) continue;
    (next as unknown as Record<string, unknown>)[key] = structuredClone(record[key]);
  }
  if (next.minimumLifetimeInMinutes > next.maximumLifetimeInMinutes)
    return refuse("policyLifetimeOrder", { min: next.minimumLifetimeInMinutes, max: next.maximumLifetimeInMinutes });
  if (
    next.defaultLifetimeInMinutes < next.minimumLifetimeInMinutes ||
    next.defaultLifetimeInMinutes > next.maximumLifetimeInMinutes
  ) {
    return refuse("policyDefaultOutsideRange", {
      value: next.defaultLifetimeInMinutes,
      min: next.minimumLifetimeInMinutes,
      max: next.maximumLifetimeInMinutes,
    });
  }
  return { ok: true, policy: next };
}

/** A policy as the PATCH body that would set all of it. */
export function policyAsPatch(changes: Partial<TapPolicy>): Record<string, unknown> {
  return { "@odata.type": policyODataType, ...changes };
}

/**
 * `setPolicy()` and the `policy` option: the same check as a PATCH, on the in-process side.
 * Misuse (a value Graph would refuse) throws a RangeError with Graph's message.
 */
export function changedPolicy(current: Readonly<TapPolicy>, changes: Partial<TapPolicy>): TapPolicy {
  if (changes === null || typeof changes !== "object")
    throw new TypeError("setPolicy: expected an object of policy properties, e.g. { isUsableOnce: true }");
  const result = applyPolicyPatch(current, policyAsPatch(changes));
  if (!result.ok) {
    throw new RangeError(`invalid TAP policy: ${graphError(result.refusal.kind, result.refusal.values).message}`);
  }
  return result.policy;
}

/** Does the policy apply to a user who is a member of these groups? */
export function targets(policy: Readonly<TapPolicy>, memberOf: readonly string[]): boolean {
  const inGroups = (list: readonly PolicyTarget[]) =>
    list.some((t) => t.id === allUsers || memberOf.some((g) => g.toLowerCase() === t.id.toLowerCase()));
  return inGroups(policy.includeTargets) && !inGroups(policy.excludeTargets);
}

/** May a pass be created for (or used by) a user of these groups at all? */
export function policyAllows(policy: Readonly<TapPolicy>, memberOf: readonly string[]): boolean {
  return policy.state === "enabled" && targets(policy, memberOf);
}

export interface UsabilityInput {
  startMs: number;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  used: boolean;
}

/**
 * Why a pass is or is not usable at `nowMs`; the policy is checked first (method disabled, user
 * not targeted, multi-use when one-time is required), then time, then use.
 */
export function usabilityReason(
  pass: UsabilityInput,
  policy: Readonly<TapPolicy>,
  nowMs: number,
  memberOf: readonly string[],
): UsabilityReason {
  if (!policyAllows(policy, memberOf)) return "DisabledByPolicy";
  if (policy.isUsableOnce && !pass.isUsableOnce) return "DisabledByPolicy";
  if (nowMs < pass.startMs) return "NotYetValid";
  if (nowMs >= pass.startMs + pass.lifetimeInMinutes * 60_000) return "Expired";
  if (pass.isUsableOnce && pass.used) return "OneTimeUsed";
  return "EnabledByPolicy";
}
