/** The four operations on an authorized, resolved request: List, Get, Create, Delete. */
import { GUID } from "../../http/guid.js";
import { baseHeaders, errorResponse, jsonResponse, noContent } from "../http/envelope.js";
import type { MockResponse } from "../http/exchange.js";
import { hashPasscode, newPasscode } from "../passcode.js";
import type { StoredMethod } from "../store.js";
import { targets } from "../policy.js";
import type { FixtureUser } from "../fixtures.js";
import { checkCreateBody } from "./create-body.js";
import type { GraphCall, TenantState } from "./context.js";
import { applySelect, odataContext, toEntity, type Entity } from "./representation.js";
import { parseSelect } from "./select.js";
import { someTicks, ticksOf } from "./timestamp.js";

export async function runOperation(
  state: TenantState,
  call: GraphCall,
  user: FixtureUser,
  body: unknown,
): Promise<MockResponse> {
  switch (call.operation.kind) {
    case "list":
      return list(state, call, user);
    case "get":
      return get(state, call, user);
    case "delete":
      return remove(state, call, user);
    case "create":
      return create(state, call, user, body);
    case "listMethods":
      return listMethods(state, call, user);
    case "batch":
      // The router answers `$batch` before any operation runs; inside a batch it is refused.
      return errorResponse(call.env, "batchNested");
  }
}

/** `GET …/authentication/methods`: the member's password, then the pass with its `@odata.type`. */
function listMethods(state: TenantState, call: GraphCall, user: FixtureUser): MockResponse {
  const now = state.clock.now().getTime();
  const passes = call.stages.read(
    "methods",
    state.store.list(user.id).map((m) => toEntity(m, state.policy, now, state.directory.groupsOf(user.id))),
  );
  const value: Entity[] = [
    { "@odata.type": passwordMethodType, id: passwordMethodId, password: null, createdDateTime: null },
    ...passes.map((e) => ({ "@odata.type": tapMethodType, ...e })),
  ];
  if (call.count) return countResponse(call, value.length);
  return jsonResponse(call.env, 200, { "@odata.context": odataContext(call, false), value });
}

const passwordMethodType = "#microsoft.graph.passwordAuthenticationMethod";
const tapMethodType = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";
// Graph gives every user's password method this id (the Learn "List methods" example).
const passwordMethodId = "28c10230-6103-485e-b985-444c60001490";

/** `…/$count`: the number as `text/plain`, as Microsoft's OpenAPI declares (spec decisions). */
function countResponse(call: GraphCall, count: number): MockResponse {
  return { status: 200, headers: { ...baseHeaders(call.env), "content-type": "text/plain" }, body: String(count) };
}

function list(state: TenantState, call: GraphCall, user: FixtureUser): MockResponse {
  const select = parseSelect(call.req.query);
  if (!select.ok) return errorResponse(call.env, "invalidSelect", { values: { property: select.property } });
  const now = state.clock.now().getTime();
  const memberOf = state.directory.groupsOf(user.id);
  let items: Entity[] = state.store.list(user.id).map((m) => toEntity(m, state.policy, now, memberOf));
  items = call.stages.read("list", items);
  if (call.count) return countResponse(call, items.length);
  const body = {
    "@odata.context": contextFor(call, false, select.selected),
    value: items.map((e) => applySelect(e, select.selected)),
  };
  return jsonResponse(call.env, 200, body);
}

function findMethod(state: TenantState, call: GraphCall, user: FixtureUser): StoredMethod | MockResponse {
  const methodId = call.params["temporaryAccessPassAuthenticationMethod-id"] ?? "";
  if (!GUID.test(methodId)) {
    return errorResponse(call.env, "invalidMethodId", {
      values: { methodId: methodId.length > 64 ? `${methodId.slice(0, 64)}…` : methodId },
    });
  }
  const method = state.store.find(user.id, methodId);
  if (!method) return errorResponse(call.env, "methodNotFound", { values: { methodId } });
  return method;
}

function get(state: TenantState, call: GraphCall, user: FixtureUser): MockResponse {
  const select = parseSelect(call.req.query);
  if (!select.ok) return errorResponse(call.env, "invalidSelect", { values: { property: select.property } });
  const found = findMethod(state, call, user);
  if ("status" in found) return found;
  const now = state.clock.now().getTime();
  const [entity] = call.stages.read("get", [toEntity(found, state.policy, now, state.directory.groupsOf(user.id))]);
  return jsonResponse(call.env, 200, {
    "@odata.context": contextFor(call, true, select.selected),
    ...applySelect(entity!, select.selected),
  });
}

function remove(state: TenantState, call: GraphCall, user: FixtureUser): MockResponse {
  const found = findMethod(state, call, user);
  if ("status" in found) return found;
  state.store.delete(user.id, found.id);
  return noContent(call.env);
}

async function create(state: TenantState, call: GraphCall, user: FixtureUser, body: unknown): Promise<MockResponse> {
  const policy = state.policy;
  const memberOf = state.directory.groupsOf(user.id);
  const plan = call.stages.create({ waive: {}, keepPrevious: false });
  const checked = checkCreateBody(body, {
    policy,
    nowMs: state.clock.now().getTime(),
    enabled: policy.state === "enabled",
    targeted: targets(policy, memberOf),
    waive: plan.waive,
  });
  if (!checked.ok) return errorResponse(call.env, checked.kind, { values: checked.values });
  const length = plan.passcodeLength ?? policy.defaultLength;
  const passcode = await newPasscode(length);
  const hash = await hashPasscode(passcode);
  // Time is read after the awaits, so createdDateTime is when the pass was stored.
  const now = state.clock.now().getTime();
  const asked = checked.input.startDateTime;
  const createdTicks = someTicks();
  const method: StoredMethod = {
    id: crypto.randomUUID(),
    userId: user.id,
    createdMs: now,
    createdTicks,
    startMs: asked !== undefined ? Date.parse(asked) : now,
    startTicks: asked !== undefined ? ticksOf(asked) : createdTicks,
    lifetimeInMinutes: checked.input.lifetimeInMinutes ?? policy.defaultLifetimeInMinutes,
    isUsableOnce: checked.input.isUsableOnce ?? policy.isUsableOnce,
    used: false,
    hash,
  };
  state.store.put(method, plan.keepPrevious);
  const entity = toEntity(method, policy, now, memberOf, passcode);
  return jsonResponse(call.env, 201, { "@odata.context": contextFor(call, true), ...entity });
}

function contextFor(call: GraphCall, entity: boolean, selected?: readonly string[]): string {
  return call.stages.context(call) ?? odataContext(call, entity, undefined, selected);
}
