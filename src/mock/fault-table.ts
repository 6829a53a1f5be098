/**
 * Every fault of the plan, declared once: `replace` faults answer instead of the mock (before
 * the Graph handler runs), `damage` faults change or delay its real answer.
 */
import type { FaultDraw, FaultKind } from "./faults.js";
import { errorResponse, type Envelope } from "./http/envelope.js";
import type { MockResponse } from "./http/exchange.js";

export type Fault =
  | { stage: "replace"; effect: (env: Envelope, plan: FaultDraw["plan"]) => MockResponse }
  | { stage: "damage"; effect: (res: MockResponse, plan: FaultDraw["plan"]) => MockResponse };

const retryAfter = (plan: FaultDraw["plan"]) => String(plan.retryAfterSeconds);
const throttled = { code: "429", status: "429" };

export const faultTable: Readonly<Record<FaultKind, Fault>> = {
  throttle: {
    stage: "replace",
    effect: (env, plan) =>
      errorResponse(env, "throttled", { headers: { "retry-after": retryAfter(plan) }, inner: throttled }),
  },
  "throttle-fractional": {
    stage: "replace",
    effect: (env) => errorResponse(env, "throttled", { headers: { "retry-after": "2.128" }, inner: throttled }),
  },
  unavailable: {
    stage: "replace",
    effect: (env, plan) => errorResponse(env, "serviceUnavailable", { headers: { "retry-after": retryAfter(plan) } }),
  },
  "gateway-timeout": {
    stage: "replace",
    effect: (env, plan) => errorResponse(env, "gatewayTimeout", { headers: { "retry-after": retryAfter(plan) } }),
  },
  drop: { stage: "replace", effect: () => ({ status: 0, headers: {}, drop: true }) },
  latency: { stage: "damage", effect: (res, plan) => ({ ...res, delayMs: plan.latencyMs }) },
  "truncated-json": {
    stage: "damage",
    effect: (res) =>
      res.body ? { ...res, body: res.body.slice(0, Math.max(1, Math.floor(res.body.length / 2))) } : res,
  },
  "malformed-json": {
    stage: "damage",
    effect: (res) => (res.body ? { ...res, body: `${res.body.slice(0, -1)},}` } : res),
  },
};

/** The answer a drawn fault gives instead of the mock's, if it is one that replaces. */
export function replacingFault(env: Envelope, draw: FaultDraw): MockResponse | undefined {
  const fault = faultTable[draw.kind];
  return fault.stage === "replace" ? fault.effect(env, draw.plan) : undefined;
}

/** The mock's answer as a drawn fault leaves it. */
export function damagedByFault(res: MockResponse, draw: FaultDraw): MockResponse {
  const fault = faultTable[draw.kind];
  return fault.stage === "damage" ? fault.effect(res, draw.plan) : res;
}
