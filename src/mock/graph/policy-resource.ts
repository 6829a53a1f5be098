/**
 * The tenant's TAP policy resource: GET answers it, PATCH changes it through the same check as
 * `setPolicy()` (a refused body changes nothing). Authorization reads the spec's tenant tables.
 */
import { authorize } from "../../contract/authorize.js";
import type { PolicyOperation } from "../../spec/index.js";
import { errorResponse, jsonResponse, noContent, type Envelope } from "../http/envelope.js";
import type { MockRequest, MockResponse } from "../http/exchange.js";
import { applyPolicyPatch, policyODataType, type TapPolicy } from "../policy.js";
import type { Caller } from "./authenticate.js";
import type { TenantState } from "./context.js";
import type { Stages } from "./stages.js";
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

export function handlePolicy(
  state: TenantState,
  req: MockRequest,
  env: Envelope,
  stages: Stages,
  route: { operation: PolicyOperation; version: string },
  caller: Caller,
): MockResponse {
  const { operation } = route;
  const decision = authorize(operation, caller, "actingOnSelf");
  if (!decision.allowed) return errorResponse(env, decision.reason);
  if (operation.kind === "getPolicy") {
    return jsonResponse(env, 200, stages.policyRead(policyBody(state.policy, req.origin, route.version)));
  }
  const wrongType = writeContentTypeError(req, env);
  if (wrongType) return wrongType;
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return errorResponse(env, "invalidJson");
  const before = state.policy;
  const change = stages.policyWrite({ before, body: parsed.body, change: applyPolicyPatch(before, parsed.body) });
  if (!change.ok) return errorResponse(env, change.refusal.kind, { values: change.refusal.values });
  state.policy = change.policy;
  return noContent(env);
}
