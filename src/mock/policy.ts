/**
 * The tenant's TAP policy (defaults from the spec's `x-policy-defaults`) and the usability of a
 * pass, computed at read time from the clock, the policy and the pass's use.
 */
import { policyDefaults } from "../spec/index.js";

export type UsabilityReason = "EnabledByPolicy" | "DisabledByPolicy" | "Expired" | "NotYetValid" | "OneTimeUsed";

export interface TapPolicy {
  state: "enabled" | "disabled";
  defaultLength: number;
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** Users outside the policy's targets (object ids). */
  excludedUserIds: string[];
}

export function defaultPolicy(): TapPolicy {
  return {
    state: policyDefaults.state,
    defaultLength: policyDefaults.defaultLength,
    defaultLifetimeInMinutes: policyDefaults.defaultLifetimeInMinutes,
    minimumLifetimeInMinutes: policyDefaults.minimumLifetimeInMinutes,
    maximumLifetimeInMinutes: policyDefaults.maximumLifetimeInMinutes,
    isUsableOnce: policyDefaults.isUsableOnce,
    excludedUserIds: [],
  };
}

/** Check a policy against the spec's documented ranges; misuse throws with what was wrong. */
export function checkPolicy(policy: TapPolicy): void {
  const [minLen, maxLen] = policyDefaults.lengthRange;
  const [minLife, maxLife] = policyDefaults.lifetimeRange;
  const problems: string[] = [];
  const int = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!int(policy.defaultLength, minLen, maxLen))
    problems.push(`defaultLength ${policy.defaultLength} (expected ${minLen}..${maxLen})`);
  for (const key of ["defaultLifetimeInMinutes", "minimumLifetimeInMinutes", "maximumLifetimeInMinutes"] as const) {
    if (!int(policy[key], minLife, maxLife)) problems.push(`${key} ${policy[key]} (expected ${minLife}..${maxLife})`);
  }
  if (policy.minimumLifetimeInMinutes > policy.maximumLifetimeInMinutes)
    problems.push("minimumLifetimeInMinutes above maximumLifetimeInMinutes");
  if (
    policy.defaultLifetimeInMinutes < policy.minimumLifetimeInMinutes ||
    policy.defaultLifetimeInMinutes > policy.maximumLifetimeInMinutes
  ) {
    problems.push("defaultLifetimeInMinutes outside minimum..maximum");
  }
  if (problems.length > 0) throw new RangeError(`invalid TAP policy: ${problems.join("; ")}`);
}

export interface UsabilityInput {
  userId: string;
  startMs: number;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  used: boolean;
}

/** Why a pass is or is not usable at `nowMs`; the policy is checked first, then time, then use. */
export function usabilityReason(pass: UsabilityInput, policy: TapPolicy, nowMs: number): UsabilityReason {
  if (policy.state !== "enabled" || policy.excludedUserIds.includes(pass.userId)) return "DisabledByPolicy";
  if (policy.isUsableOnce && !pass.isUsableOnce) return "DisabledByPolicy";
  if (nowMs < pass.startMs) return "NotYetValid";
  if (nowMs >= pass.startMs + pass.lifetimeInMinutes * 60_000) return "Expired";
  if (pass.isUsableOnce && pass.used) return "OneTimeUsed";
  return "EnabledByPolicy";
}
