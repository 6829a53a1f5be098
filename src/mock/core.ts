/**
 * `createMockGraph()`: the whole mock as a function from request to response, with no sockets.
 * Identity endpoints first, then faults and scenarios around the faithful Graph handler.
 */
import { schemaValidator } from "../contract/schemas.js";
import { createClock, type ClockOption, type MockClock } from "./clock.js";
import { createDirectory } from "./directory.js";
import { damagedByFault, replacingFault } from "./fault-table.js";
import { createFaultPicker, faultHeader, faultKinds, requestedFault, type FaultPlan } from "./faults.js";
import { defaultFixtures, type MockFixtures } from "./fixtures.js";
import { checkFixtures } from "./fixtures-check.js";
import type { TenantState } from "./graph/context.js";
import { handleBatch } from "./graph/batch.js";
import { handleGraph } from "./graph/handler.js";
import { route } from "./graph/route.js";
import { stagesFor } from "./graph/stages.js";
import { someTicks } from "./graph/timestamp.js";
import { envelopeFor, errorResponse, rawError } from "./http/envelope.js";
import { header, maxBodyBytes, type MockRequest, type MockResponse } from "./http/exchange.js";
import { fromWebRequest, toWebResponse } from "./http/web.js";
import { TokenIssuer, type TokenRequest } from "./identity/issuer.js";
import { handleIdentity } from "./identity/token-endpoint.js";
import { isPreflight, preflightResponse, withCors } from "./http/cors.js";
import { servedMethods } from "./served-paths.js";
import { passcodeMatches } from "./passcode.js";
import {
  changedPolicy,
  defaultPolicy,
  targets,
  usabilityReason,
  type TapPolicy,
  type UsabilityReason,
} from "./policy.js";
import { UserError } from "../errors.js";
import { createScenarioSelector, type ScenarioOption } from "./scenarios.js";
import { TapStore, type StoredMethod } from "./store.js";

// Cheap test before routing: only a path ending in `$batch` can be one.
const batchPath = /\/\$batch\/?$/i;

export interface MockGraphOptions {
  /** The tenant (default: `defaultFixtures`, the contoso tenant of the design). */
  fixtures?: MockFixtures;
  /** `() => Date` (you own time) or a start instant; default: real time. */
  clock?: ClockOption;
  /** Changes to the tenant's TAP policy (defaults: the spec's `x-policy-defaults`). */
  policy?: Partial<TapPolicy>;
  /** The opt-in, seeded fault plan for Graph requests. */
  faults?: FaultPlan;
  /** Contract-breaking scenarios: `true` = per request by header, `{ always }` = every request. */
  scenarios?: ScenarioOption;
}

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: "NoPass" | "WrongPasscode" | Exclude<UsabilityReason, "EnabledByPolicy"> };

export interface MockGraphCore {
  /** The mock as a WHATWG fetch handler. */
  fetch(request: Request): Promise<Response>;
  /** The same, on the mock's own plain request/response data (what the socket adapter uses). */
  handle(request: MockRequest): Promise<MockResponse>;
  readonly tenantId: string;
  readonly fixtures: MockFixtures;
  readonly clock: MockClock;
  /**
   * The tenant's TAP policy (also served at `GET /v1.0/policies/…/TemporaryAccessPass`); change it with `setPolicy`.
   */
  readonly policy: Readonly<TapPolicy>;
  /**
   * What a PATCH of the policy does, in-process: the same checks (ranges, minimum <= default <=
   * maximum, group targets), and a refused change throws a RangeError with Graph's message and
   * changes nothing.
   */
  setPolicy(changes: Partial<TapPolicy>): void;
  /** Does the policy's targets take in this user (short name, object id or UPN)? False for an unknown user. */
  isTargeted(user: string): boolean;
  /** Mint a token in-process: the same token the token endpoint would give. */
  issueToken(request: TokenRequest): Promise<string>;
  /** Simulate a sign-in with a pass: checks the passcode against the kept hash and uses up a one-time pass. */
  signIn(user: string, passcode: string): Promise<SignInResult>;
  /**
   * Back to the start state: the fixtures' passes (placed again relative to the clock), the
   * clock, the policy and the fault plan's sequence as they were when the mock was made.
   * Tokens already issued stay valid: their lifetimes run on the wall clock.
   */
  reset(): void;
}

export function createMockGraph(options: MockGraphOptions = {}): MockGraphCore {
  const fixtures = options.fixtures ?? defaultFixtures;
  checkFixtures(fixtures);
  const clock = createClock(options.clock);
  const directory = createDirectory(fixtures);
  const issuer = new TokenIssuer(fixtures.tenant.id, directory);
  const store = new TapStore();
  let tenantPolicy: TapPolicy;
  try {
    tenantPolicy = changedPolicy(defaultPolicy(), { ...fixtures.tapPolicy });
  } catch (err) {
    throw new UserError(`fixtures: tapPolicy: ${(err as Error).message}`);
  }
  // What reset() returns to.
  const startPolicy = changedPolicy(tenantPolicy, { ...options.policy });
  seed(store, fixtures, clock.now().getTime());
  const state: TenantState = {
    tenantId: fixtures.tenant.id,
    directory,
    store,
    clock,
    policy: structuredClone(startPolicy),
    issuer,
  };
  const selectScenarios = createScenarioSelector(options.scenarios);
  let drawFault = createFaultPicker(options.faults);
  const faultsByHeader = options.faults?.byHeader === true;
  const identity = { fixtures, directory, issuer, clock };
  // Compile the Create body validator now, not on the first Create (Ajv compiles once per process).
  schemaValidator("TemporaryAccessPassCreateRequest");

  async function handle(req: MockRequest): Promise<MockResponse> {
    if (isPreflight(req)) {
      const methods = servedMethods(req.path);
      if (methods) return preflightResponse(methods);
    }
    return withCors(req, await answer(req));
  }

  async function answer(req: MockRequest, inBatch = false): Promise<MockResponse> {
    const env = envelopeFor(req, clock.now());
    try {
      if (req.oversized || (req.body !== undefined && req.body.byteLength > maxBodyBytes)) {
        return errorResponse(env, "payloadTooLarge", {
          values: { limit: maxBodyBytes },
          headers: { connection: "close" },
        });
      }
      if (req.busy) {
        return errorResponse(env, "serviceUnavailable", { headers: { "retry-after": "1", connection: "close" } });
      }
      const idResponse = inBatch ? undefined : await handleIdentity(identity, req);
      if (idResponse) return idResponse;
      if (!inBatch && batchPath.test(req.path)) {
        const batch = route(req.method, req.path);
        if (batch.kind === "batch") return await handleBatch(req, env, batch.version, (inner) => answer(inner, true));
      }
      const selection = selectScenarios(req);
      if (!selection.ok) return rawError(env, 400, "BadRequest", selection.message);
      const asked = faultsByHeader ? requestedFault(header(req, faultHeader)) : undefined;
      if (asked !== undefined && typeof asked === "object") {
        return rawError(
          env,
          400,
          "BadRequest",
          `${faultHeader}: unknown fault "${asked.unknown}": expected one of ${faultKinds.join(", ")}`,
        );
      }
      const fault = drawFault(asked);
      const replaced = fault && replacingFault(env, fault);
      if (replaced) return replaced;
      const stages = stagesFor(selection.active);
      const res = stages.envelope(await handleGraph(state, req, env, stages));
      return fault ? damagedByFault(res, fault) : res;
    } catch (err) {
      // A bug, never a fault: answer like Graph's generalException and say so on stderr.
      console.error(`tap mock: unexpected error, likely a bug: ${err instanceof Error ? err.stack : String(err)}`);
      return errorResponse(env, "internalError");
    }
  }

  return {
    fetch: async (request) => toWebResponse(await handle(await fromWebRequest(request))),
    handle,
    tenantId: fixtures.tenant.id,
    fixtures,
    clock,
    get policy() {
      return state.policy;
    },
    setPolicy(changes) {
      // The same check as a PATCH over HTTP: a refused change throws and changes nothing.
      state.policy = changedPolicy(state.policy, changes);
    },
    isTargeted(user) {
      const u = directory.userByAnyName(user);
      return u !== undefined && targets(state.policy, directory.groupsOf(u.id));
    },
    issueToken: async (request) => (await issuer.issue(request)).token,
    async signIn(user, passcode) {
      const u = directory.userByAnyName(user);
      const method = u ? store.list(u.id).at(-1) : undefined;
      if (!u || !method) return { ok: false, reason: "NoPass" };
      if (!method.hash || !(await passcodeMatches(method.hash, passcode)))
        return { ok: false, reason: "WrongPasscode" };
      const reason = usabilityReason(method, state.policy, clock.now().getTime(), directory.groupsOf(u.id));
      if (reason !== "EnabledByPolicy") return { ok: false, reason };
      if (method.isUsableOnce) method.used = true;
      return { ok: true };
    },
    reset() {
      clock.reset();
      store.clear();
      seed(store, fixtures, clock.now().getTime());
      state.policy = structuredClone(startPolicy);
      drawFault = createFaultPicker(options.faults);
    },
  };
}

/** The fixtures' starting passes, placed relative to the clock at start-up. */
function seed(store: TapStore, fixtures: MockFixtures, nowMs: number): void {
  for (const user of fixtures.users) {
    if (!user.tap) continue;
    const startMs = nowMs + user.tap.startOffsetMinutes * 60_000;
    const method: StoredMethod = {
      id: user.tap.id.toLowerCase(),
      userId: user.id,
      createdMs: Math.min(nowMs, startMs) - 60_000,
      createdTicks: someTicks(),
      startMs,
      lifetimeInMinutes: user.tap.lifetimeInMinutes,
      isUsableOnce: user.tap.isUsableOnce,
      used: user.tap.used ?? false,
    };
    store.put(method);
  }
}
