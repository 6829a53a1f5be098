/**
 * The opt-in fault plan: a seeded, deterministic draw per Graph request (the same seed and
 * request order give the same faults), for testing clients' retry and error handling.
 */
import { UserError } from "../errors.js";

export const faultKinds = [
  "throttle",
  "throttle-fractional",
  "unavailable",
  "gateway-timeout",
  "latency",
  "drop",
  "truncated-json",
  "malformed-json",
] as const;

export type FaultKind = (typeof faultKinds)[number];

export interface FaultPlan {
  /** PRNG seed; the same seed gives the same sequence of faults. Default 1. */
  seed?: number;
  /** Share of Graph requests that get a fault, 0..1. Default 1 (every request). */
  rate?: number;
  /** Which faults to draw from, evenly. Default: all. */
  kinds?: readonly FaultKind[];
  /** Added delay of the `latency` fault, in ms. Default 200. */
  latencyMs?: number;
  /** `Retry-After` of `throttle`, `unavailable` and `gateway-timeout`, in whole seconds. Default 1. */
  retryAfterSeconds?: number;
  /**
   * Also honour the request header `x-tap-mock-fault: <kind>`, which forces that fault on that
   * one request (whatever the draw). With `rate: 0` only such requests get faults: how the
   * conformance runner provokes one deterministic 429 from its embedded mock.
   */
  byHeader?: boolean;
}

/** The request header that names a fault when the plan has `byHeader`. */
export const faultHeader = "x-tap-mock-fault";

export interface FaultDraw {
  kind: FaultKind;
  plan: Required<FaultPlan>;
}

/** mulberry32: tiny, fast, good enough for a reproducible fault schedule. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function checkFaultPlan(plan: FaultPlan): Required<FaultPlan> {
  const full: Required<FaultPlan> = {
    seed: plan.seed ?? 1,
    rate: plan.rate ?? 1,
    kinds: plan.kinds ?? faultKinds,
    latencyMs: plan.latencyMs ?? 200,
    retryAfterSeconds: plan.retryAfterSeconds ?? 1,
    byHeader: plan.byHeader ?? false,
  };
  if (!Number.isInteger(full.seed)) throw new UserError(`faults: seed must be an integer, got ${full.seed}`);
  if (!(full.rate >= 0 && full.rate <= 1))
    throw new UserError(`faults: rate must be between 0 and 1, got ${full.rate}`);
  const unknown = full.kinds.filter((k) => !(faultKinds as readonly string[]).includes(k));
  if (unknown.length > 0 || full.kinds.length === 0) {
    throw new UserError(
      `faults: unknown or no fault kinds (${unknown.join(", ") || "none given"}): expected some of ` +
        `${faultKinds.join(", ")}`,
    );
  }
  if (!(Number.isInteger(full.latencyMs) && full.latencyMs >= 0 && full.latencyMs <= 60_000)) {
    throw new UserError(`faults: latencyMs must be an integer 0..60000, got ${full.latencyMs}`);
  }
  if (!(Number.isInteger(full.retryAfterSeconds) && full.retryAfterSeconds >= 0 && full.retryAfterSeconds <= 3600)) {
    throw new UserError(`faults: retryAfterSeconds must be an integer 0..3600, got ${full.retryAfterSeconds}`);
  }
  return full;
}

/** What a request asked for in the fault header: a known kind, nothing, or an unknown name. */
export type RequestedFault = FaultKind | undefined | { unknown: string };

export function requestedFault(value: string | undefined): RequestedFault {
  const name = value?.trim();
  if (!name) return undefined;
  return (faultKinds as readonly string[]).includes(name) ? (name as FaultKind) : { unknown: name };
}

/**
 * A function that draws the fault (or none) for the next Graph request; a kind named by the
 * request (only honoured with `byHeader`) wins over the draw and does not consume it.
 */
export function createFaultPicker(plan: FaultPlan | undefined): (requested?: FaultKind) => FaultDraw | undefined {
  if (!plan) return () => undefined;
  const full = checkFaultPlan(plan);
  const next = prng(full.seed);
  return (requested) => {
    if (requested && full.byHeader) return { kind: requested, plan: full };
    if (next() >= full.rate) return undefined;
    const kind = full.kinds[Math.floor(next() * full.kinds.length)]!;
    return { kind, plan: full };
  };
}
