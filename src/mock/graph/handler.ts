/**
 * One Graph request, in Graph's order: route (400/405), authenticate (401), the write
 * request's content type (400/415), resolve the user and authorize from the spec's tables
 * (400/403), user lookup (404), then the operation. Each of those is a stage of `stages.ts`
 * where the scenarios in force act; the faithful path calls them all.
 */
import { authorize } from "../../contract/authorize.js";
import type { ActingOn } from "../../spec/index.js";
import { errorResponse, type Envelope } from "../http/envelope.js";
import type { MockRequest, MockResponse } from "../http/exchange.js";
import { isExternalGuest, type FixtureUser } from "../fixtures.js";
import { authenticate, type Caller } from "./authenticate.js";
import type { GraphCall, TenantState } from "./context.js";
import { runOperation } from "./operations.js";
import { handlePolicy } from "./policy-resource.js";
import { parseJsonBody, writeContentTypeError } from "./write-body.js";
import { route } from "./route.js";
import type { Stages } from "./stages.js";

export async function handleGraph(
  state: TenantState,
  req: MockRequest,
  env: Envelope,
  stages: Stages,
): Promise<MockResponse> {
  const replaced = stages.beforeRouting(env);
  if (replaced) return replaced;

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
  else {
    const standIn = await stages.authentication(state);
    if (!standIn) return errorResponse(env, auth.failure);
    caller = standIn;
  }

  if (r.kind === "policy") return handlePolicy(state, req, env, stages, r, caller);
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
    const waived = stages.authorization(decision.reason, { caller, target }, state);
    if (!waived) return errorResponse(env, decision.reason);
    ({ caller, target } = waived);
  }

  const call: GraphCall = {
    req,
    env,
    stages,
    operation,
    params,
    rawSegments: r.rawSegments,
    version: r.version,
    ...(r.count ? { count: true } : {}),
    caller,
    target,
  };
  const found = stages.lookup(call, state);
  if (found) return found;
  if (!target) {
    const userId = params["user-id"] ?? caller.oid;
    return errorResponse(env, "userNotFound", {
      values: { userId: userId.length > 64 ? `${userId.slice(0, 64)}…` : userId },
    });
  }
  if (
    operation.kind === "create" &&
    isExternalGuest(target) &&
    !stages.authorization("externalGuest", { caller, target }, state)
  ) {
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
