/**
 * The tenant's TAP policy resource: GET answers it, PATCH changes it through the same check as
 * `setPolicy()` (a refused body changes nothing). Authorization reads the spec's tenant tables.
 */
import { authorize } from "../../contract/authorize.js";
import type { PolicyOperation } from "../../spec/index.js";
import { errorResponse, jsonResponse, noContent, type Envelope } from "../http/envelope.js";
import type { MockRequest, MockResponse } from "../http/exchange.js";
import { applyPolicyPatch, policyODataType, type TapPolicy } from "../policy.js";
import type { ScenarioName } from "../scenarios.js";
import type { Caller } from "./authenticate.js";
import type { TenantState } from "./context.js";
import { parseJsonBody, writeContentTypeError } from "./write-body.js";

/** The policy as Graph returns it: `@odata.context` on this version, `@odata.type`, the fixed id. */
export function policyBody(policy: Readonly<TapPolicy>, origin: string, version: string): Record<string, unknown> {
  return {
    "@odata.context": `${origin}/${version}/$metadata#authenticationMethodConfigurations/$entity`,
    "@odata.type": policyODataType,
    id: "TemporaryAccessPass",
    state: policy.state,
    defaultLifetimeInMinutes: policy.defaultLifetimeInMinutes,
    defaultLength: policy.defaultLength,
    minimumLifetimeInMinutes: policy.minimumLifetimeInMinutes,
    maximumLifetimeInMinutes: policy.maximumLifetimeInMinutes,
    isUsableOnce: policy.isUsableOnce,
    includeTargets: policy.includeTargets.map((t) => ({ ...t })),
    excludeTargets: policy.excludeTargets.map((t) => ({ ...t })),
  };
}

/** Refusals of a well-formed body whose values do not fit together or their ranges. */
const inconsistent: ReadonlySet<string> = new Set([
  "policyLifetimeOrder",
  "policyDefaultOutsideRange",
  "policyInvalidValue",
]);

export function handlePolicy(
  state: TenantState,
  req: MockRequest,
  env: Envelope,
  scenarios: ReadonlySet<ScenarioName>,
  route: { operation: PolicyOperation; version: string },
  caller: Caller,
): MockResponse {
  const { operation } = route;
  const decision = authorize(operation, caller, "actingOnSelf");
  if (!decision.allowed) return errorResponse(env, decision.reason);
  if (operation.kind === "getPolicy") {
    const body = policyBody(state.policy, req.origin, route.version);
    // The scenario's policy says "one-time only" while reusable passes stay usable.
    if (scenarios.has("policy-read-contradicts-passes")) body.isUsableOnce = true;
    return jsonResponse(env, 200, body);
  }
  const wrongType = writeContentTypeError(req, env);
  if (wrongType) return wrongType;
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return errorResponse(env, "invalidJson");
  const result = applyPolicyPatch(state.policy, parsed.body);
  if (!result.ok) {
    // The scenario keeps what an inconsistent body names (a minimum above the maximum, say), and says 204.
    if (scenarios.has("invalid-policy-accepted") && inconsistent.has(result.refusal.kind)) {
      state.policy = { ...state.policy, ...(parsed.body as Partial<TapPolicy>) };
      return noContent(env);
    }
    return errorResponse(env, result.refusal.kind, { values: result.refusal.values });
  }
  // The scenario answers like Graph and keeps nothing: a read-back shows the old policy.
  if (!scenarios.has("policy-patch-ignored")) state.policy = result.policy;
  return noContent(env);
}
