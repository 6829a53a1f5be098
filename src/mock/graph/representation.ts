/**
 * A stored pass as Graph returns it: usability computed now, the passcode only when just
 * created, the `@odata.context` of the request, and `$select` applied.
 */
import { usabilityReason, type TapPolicy } from "../policy.js";
import type { StoredMethod } from "../store.js";
import type { GraphCall } from "./context.js";
import { graphTimestamp } from "./timestamp.js";

export type Entity = Record<string, unknown>;

/** `memberOf`: the groups of the pass's user, which the policy's targets are matched against. */
export function toEntity(
  m: StoredMethod,
  policy: TapPolicy,
  nowMs: number,
  memberOf: readonly string[],
  passcode: string | null = null,
): Entity {
  const reason = usabilityReason(m, policy, nowMs, memberOf);
  return {
    id: m.id,
    temporaryAccessPass: passcode,
    createdDateTime: graphTimestamp(m.createdMs, m.createdTicks),
    startDateTime: graphTimestamp(m.startMs, m.startTicks),
    lifetimeInMinutes: m.lifetimeInMinutes,
    isUsableOnce: m.isUsableOnce,
    isUsable: reason === "EnabledByPolicy",
    methodUsabilityReason: reason,
  };
}

/**
 * `{origin}/{version}/$metadata#users('{user}')/authentication/temporaryAccessPassMethods`:
 * `{user}` is the segment as sent (still percent-encoded) on `/users`, the caller's id on `/me`;
 * `selected`, the properties of an honoured `$select`.
 */
export function odataContext(
  call: GraphCall,
  entity: boolean,
  userOverride?: string,
  selected?: readonly string[],
): string {
  const user = userOverride ?? (call.operation.subject === "me" ? call.caller.oid : call.rawSegments[2]!);
  // The navigation part in the spec's spelling, whatever casing the request used.
  const parts = call.operation.path.split("/");
  const at = parts.indexOf("authentication");
  const nav = parts.slice(at, at + 2).join("/");
  // An honoured $select shows in the context as OData writes it: `…/temporaryAccessPassMethods(id,isUsable)`.
  const selection = selected && selected.length > 0 ? `(${selected.join(",")})` : "";
  return `${call.req.origin}/${call.version}/$metadata#users('${user}')/${nav}${selection}${entity ? "/$entity" : ""}`;
}

export function applySelect(entity: Entity, selected: readonly string[] | undefined): Entity {
  if (!selected || selected.length === 0) return entity;
  const out: Entity = {};
  for (const key of selected) out[key] = entity[key];
  return out;
}
