/**
 * One Graph request, in Graph's order: route (400/405), authenticate (401), the write
 * request's content type (400/415), resolve the user and authorize from the spec's tables
 * (400/403), user lookup (404), then the operation. Contract-breaking scenarios hook in where
 * the behaviour they break is decided.
 */
import { authorize } from "../../contract/authorize.js";
import type { ActingOn } from "../../spec/index.js";
import { errorResponse, jsonResponse, type Envelope } from "../http/envelope.js";
import type { MockRequest, MockResponse } from "../http/exchange.js";
import { isExternalGuest, type FixtureUser } from "../fixtures.js";
import type { ScenarioName } from "../scenarios.js";
import { authenticate, callerOf, type Caller } from "./authenticate.js";
import type { GraphCall, TenantState } from "./context.js";
import { runOperation } from "./operations.js";
import { handlePolicy } from "./policy-resource.js";
import { parseJsonBody, writeContentTypeError } from "./write-body.js";
import { fabricated } from "./read-scenarios.js";
import { odataContext } from "./representation.js";
import { route } from "./route.js";

export async function handleGraph(
  state: TenantState,
  req: MockRequest,
  env: Envelope,
  scenarios: ReadonlySet<ScenarioName>,
): Promise<MockResponse> {
  if (scenarios.has("server-error")) return errorResponse(env, "internalError");
  if (scenarios.has("no-retry-after"))
    return errorResponse(env, "throttled", { inner: { code: "429", status: "429" } });

  const r = route(req.method, req.path);
  if (r.kind === "unknownSegment") return errorResponse(env, "unknownSegment", { values: { segment: r.segment } });
  // The core answers a batch before it gets here: one reaching the handler is inside a batch.
  if (r.kind === "batch") return errorResponse(env, "batchNested");
  if (r.kind === "createOnMe") {
    // Not in the contract, but one answer per situation: an app token gets the 400 every /me
    // call gets, a user the same 403 as a Create for yourself on /users/{own id}, after the
    // token is checked (spec decisions, item 6).
    const checked = authenticate(req, state.issuer);
    const who = "ok" in checked ? checked : await checked;
    if (!who.ok) return errorResponse(env, who.failure);
    return errorResponse(env, who.caller.type === "application" ? "appTokenOnMe" : "notSupported");
  }
  if (r.kind === "methodNotAllowed") {
    const method = req.method.length > 16 ? `${req.method.slice(0, 16)}…` : req.method;
    return errorResponse(env, "methodNotAllowed", {
      values: { method, allowed: r.allowed.join(", ") },
      headers: { allow: r.allowed.join(", ") },
    });
  }

  const pending = authenticate(req, state.issuer);
  const auth = "ok" in pending ? pending : await pending;
  let caller: Caller;
  if (auth.ok) caller = auth.caller;
  else if (scenarios.has("auth-ignored")) caller = await standIn(state, "adele");
  else return errorResponse(env, auth.failure);

  if (r.kind === "policy") return handlePolicy(state, req, env, scenarios, r, caller);
  const { operation, params } = r;
  if (operation.method === "POST") {
    const wrongType = writeContentTypeError(req, env);
    if (wrongType) return wrongType;
  }

  let target = resolveTarget(state, operation.subject, params["user-id"], caller);
  // Acting on self: a delegated caller whose own object id is the target; apps act on others.
  const actingOn: ActingOn =
    operation.subject === "me" || (caller.type !== "application" && target?.id === caller.oid)
      ? "actingOnSelf"
      : "actingOnOthers";
  const decision = authorize(operation, caller, actingOn, target);
  if (!decision.allowed) {
    const waived =
      (decision.reason === "appTokenOnMe" && scenarios.has("app-on-me-accepted")) ||
      (decision.reason === "missingPermission" && scenarios.has("permission-ignored")) ||
      (decision.reason === "missingRole" && scenarios.has("role-ignored")) ||
      (decision.reason === "administratorTarget" && scenarios.has("administrator-target-accepted"));
    if (!waived) return errorResponse(env, decision.reason);
    if (decision.reason === "appTokenOnMe") {
      target = state.directory.userByAnyName("megan");
      caller = { ...caller, oid: target?.id ?? caller.oid };
    }
  }

  const call: GraphCall = {
    req,
    env,
    scenarios,
    operation,
    params,
    rawSegments: r.rawSegments,
    version: r.version,
    ...(r.count ? { count: true } : {}),
    caller,
    target,
  };
  if (!target) {
    if (scenarios.has("not-found-ignored")) return somePass(call);
    const userId = params["user-id"] ?? caller.oid;
    return errorResponse(env, "userNotFound", {
      values: { userId: userId.length > 64 ? `${userId.slice(0, 64)}…` : userId },
    });
  }
  if (scenarios.has("not-found-ignored") && (operation.kind === "get" || operation.kind === "delete")) {
    const methodId = params["temporaryAccessPassAuthenticationMethod-id"] ?? "";
    if (!state.store.find(target.id, methodId)) return somePass(call);
  }

  if (operation.kind === "create" && isExternalGuest(target) && !scenarios.has("guest-accepted")) {
    return errorResponse(env, "externalGuest");
  }

  let body: unknown;
  if (operation.kind === "create") {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return errorResponse(env, "invalidJson");
    body = parsed.body;
  }
  return runOperation(state, call, target, body);
}

/** The user a request is about: the caller on `/me`, else the tenant user the segment names. */
function resolveTarget(
  state: TenantState,
  subject: "me" | "users",
  userParam: string | undefined,
  caller: Caller,
): FixtureUser | undefined {
  if (subject === "me") return state.directory.user(caller.oid);
  const user = state.directory.user(userParam ?? "");
  // Personal accounts are not members of the tenant: `/users/sam@outlook.com` does not exist.
  return user?.personal ? undefined : user;
}

/** A principal for scenarios that accept what Graph would refuse. */
async function standIn(state: TenantState, name: string): Promise<Caller> {
  const { claims } = await state.issuer.issue({ user: name });
  return callerOf(claims);
}

function somePass(call: GraphCall): MockResponse {
  return jsonResponse(call.env, 200, { "@odata.context": odataContext(call, true), ...fabricated(call.env.now) });
}
