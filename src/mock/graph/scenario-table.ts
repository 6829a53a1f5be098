/**
 * Every contract-breaking scenario, declared once: the stage of the request where it applies
 * and its effect there (see `stages.ts`). Each breaks exactly one behaviour of Graph. The
 * table's order is the order effects of one stage compose in.
 */
import { errorResponse, graphJsonContentType, jsonResponse } from "../http/envelope.js";
import type { MockResponse } from "../http/exchange.js";
import type { TapPolicy } from "../policy.js";
import type { ScenarioName } from "../scenarios.js";
import type { GraphCall } from "./context.js";
import { odataContext, type Entity } from "./representation.js";
import type { Refusal, Scenario } from "./stages.js";
import { administratorCaller, memberWithPass } from "./stand-in.js";

// Not a real passcode: what a leaking server would show. Eight mixed characters, like one.
const leaked = "Lk4!mZq9";

/** Refusals of a well-formed policy body whose values do not fit together or their ranges. */
const inconsistent: ReadonlySet<string> = new Set([
  "policyLifetimeOrder",
  "policyDefaultOutsideRange",
  "policyInvalidValue",
]);

/** Each pass of a read, changed by `change` (on a copy). */
const eachPass =
  (change: (e: Entity) => void): Extract<Scenario, { stage: "read" }>["effect"] =>
  (_kind, items) =>
    items.map((e) => {
      const copy = { ...e };
      change(copy);
      return copy;
    });

/** A Get's pass, changed by `change` (on a copy). */
const gotPass =
  (change: (e: Entity) => void): Extract<Scenario, { stage: "read" }>["effect"] =>
  (kind, items) =>
    kind === "get" ? eachPass(change)(kind, items) : items;

/** Accept what authorization refused for `reason`, as the caller asked. */
const waives =
  (reason: Refusal): Extract<Scenario, { stage: "authorization" }>["effect"] =>
  (refusal, party) =>
    refusal === reason ? party : undefined;

/** A scenario that edits the finished answer. */
const envelope = (effect: (res: MockResponse) => MockResponse): Scenario => ({
  stage: "envelope",
  effect: (res) => effect({ ...res, headers: { ...res.headers } }),
});

export const scenarioTable: Readonly<Record<ScenarioName, Scenario>> = {
  "server-error": { stage: "beforeRouting", effect: (env) => errorResponse(env, "internalError") },
  "no-retry-after": {
    stage: "beforeRouting",
    effect: (env) => errorResponse(env, "throttled", { inner: { code: "429", status: "429" } }),
  },
  "auth-ignored": { stage: "authentication", effect: administratorCaller },
  "app-on-me-accepted": {
    stage: "authorization",
    // `/me` with an app token: act as if the app were a member with a pass.
    effect: (refusal, party, state) => {
      if (refusal !== "appTokenOnMe") return undefined;
      const target = memberWithPass(state);
      return { caller: { ...party.caller, oid: target?.id ?? party.caller.oid }, target };
    },
  },
  "permission-ignored": { stage: "authorization", effect: waives("missingPermission") },
  "role-ignored": { stage: "authorization", effect: waives("missingRole") },
  "administrator-target-accepted": { stage: "authorization", effect: waives("administratorTarget") },
  "guest-accepted": { stage: "authorization", effect: waives("externalGuest") },
  "not-found-ignored": {
    stage: "lookup",
    // A 200 with some pass where Graph says 404: no such user, or (Get, Delete) no such pass.
    effect: (call, state) => {
      if (!call.target) return somePass(call);
      const kind = call.operation.kind;
      if (kind !== "get" && kind !== "delete") return undefined;
      const methodId = call.params["temporaryAccessPassAuthenticationMethod-id"] ?? "";
      return state.store.find(call.target.id, methodId) ? undefined : somePass(call);
    },
  },
  "disabled-method-accepted": { stage: "create", effect: (p) => ({ ...p, waive: { ...p.waive, disabled: true } }) },
  "untargeted-user-accepted": {
    stage: "create",
    effect: (p) => ({ ...p, waive: { ...p.waive, untargeted: true } }),
  },
  "past-start-accepted": { stage: "create", effect: (p) => ({ ...p, waive: { ...p.waive, pastStart: true } }) },
  "multi-use-despite-policy": { stage: "create", effect: (p) => ({ ...p, waive: { ...p.waive, oneTime: true } }) },
  "lifetime-outside-policy-accepted": {
    stage: "create",
    effect: (p) => ({ ...p, waive: { ...p.waive, lifetime: true } }),
  },
  "secret-wrong-length": { stage: "create", effect: (p) => ({ ...p, passcodeLength: 4 }) },
  "create-keeps-previous": { stage: "create", effect: (p) => ({ ...p, keepPrevious: true }) },
  "two-methods": {
    stage: "read",
    effect: (kind, items) => {
      if (kind === "get") return items;
      const first = items[0] ?? fabricated();
      return [first, { ...first, id: crypto.randomUUID() }];
    },
  },
  "secret-on-read": {
    stage: "read",
    effect: eachPass((e) => {
      e.temporaryAccessPass = leaked;
    }),
  },
  "usable-contradicts-reason": {
    stage: "read",
    effect: eachPass((e) => {
      e.isUsable = true;
      e.methodUsabilityReason = "Expired";
    }),
  },
  "reason-contradicts-clock": {
    stage: "read",
    effect: eachPass((e) => {
      if (e.methodUsabilityReason !== "EnabledByPolicy") return;
      e.isUsable = false;
      e.methodUsabilityReason = "NotYetValid";
    }),
  },
  "one-time-used-on-multi-use": {
    stage: "read",
    effect: eachPass((e) => {
      if (e.isUsableOnce !== false) return;
      e.isUsable = false;
      e.methodUsabilityReason = "OneTimeUsed";
    }),
  },
  "lifetime-out-of-range": {
    stage: "read",
    effect: eachPass((e) => {
      e.lifetimeInMinutes = 5;
    }),
  },
  "schema-violation": {
    stage: "read",
    effect: eachPass((e) => {
      e.lifetimeInMinutes = String(e.lifetimeInMinutes);
    }),
  },
  "extra-property": {
    stage: "read",
    effect: eachPass((e) => {
      e.lastUsedDateTime = e.createdDateTime;
    }),
  },
  "wrong-id": {
    stage: "read",
    effect: gotPass((e) => {
      e.id = crypto.randomUUID();
    }),
  },
  "get-differs-from-list": {
    stage: "read",
    effect: gotPass((e) => {
      if (typeof e.lifetimeInMinutes !== "number") return;
      e.lifetimeInMinutes = e.lifetimeInMinutes > 60 ? e.lifetimeInMinutes - 1 : e.lifetimeInMinutes + 1;
    }),
  },
  "methods-list-omits-pass": { stage: "read", effect: (kind, items) => (kind === "methods" ? [] : items) },
  "wrong-odata-context": {
    stage: "context",
    // Another user's context: a fixed id that is not the target's.
    effect: (call) => {
      const zero = "00000000-0000-4000-8000-000000000000";
      return odataContext(call, false, call.target?.id === zero ? "00000000-0000-4000-8000-000000000001" : zero);
    },
  },
  "policy-read-contradicts-passes": {
    stage: "policyRead",
    // The policy says "one-time only" while reusable passes stay usable.
    effect: (body) => ({ ...body, isUsableOnce: true }),
  },
  "policy-patch-ignored": {
    stage: "policyWrite",
    // Answers like Graph and keeps nothing: a read-back shows the old policy.
    effect: ({ before, change }) => (change.ok ? { ok: true, policy: { ...before } } : change),
  },
  "invalid-policy-accepted": {
    stage: "policyWrite",
    // Keeps what an inconsistent body names (a minimum above the maximum, say), and says 204.
    effect: ({ before, body, change }) =>
      !change.ok && inconsistent.has(change.refusal.kind)
        ? { ok: true, policy: { ...before, ...(body as Partial<TapPolicy>) } }
        : change,
  },
  "undocumented-status": envelope((res) => (res.status === 200 ? { ...res, status: 418 } : res)),
  "wrong-content-type": envelope((res) => {
    if (res.headers["content-type"] === graphJsonContentType) res.headers["content-type"] = "text/plain; charset=utf-8";
    return res;
  }),
  "missing-request-id": envelope((res) => {
    delete res.headers["request-id"];
    return res;
  }),
  "client-request-id-not-echoed": envelope((res) => {
    res.headers["client-request-id"] = crypto.randomUUID();
    return res;
  }),
  "bad-error-envelope": envelope((res) => {
    if (!(res.status >= 400 && res.body)) return res;
    const message = (JSON.parse(res.body) as { error?: { message?: string } }).error?.message ?? "error";
    return { ...res, body: JSON.stringify({ message }) };
  }),
};

/** Some pass, for scenarios that answer where the faithful mock has nothing to show. */
export function fabricated(now = new Date()): Entity {
  const iso = now.toISOString();
  return {
    id: crypto.randomUUID(),
    temporaryAccessPass: null,
    createdDateTime: iso,
    startDateTime: iso,
    lifetimeInMinutes: 60,
    isUsableOnce: false,
    isUsable: true,
    methodUsabilityReason: "EnabledByPolicy",
  };
}

function somePass(call: GraphCall): MockResponse {
  return jsonResponse(call.env, 200, { "@odata.context": odataContext(call, true), ...fabricated(call.env.now) });
}
