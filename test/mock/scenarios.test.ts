/**
 * Each contract-breaking scenario breaks its one behaviour, and the faithful mock does not:
 * the same request and predicate run against both.
 */
import { describe, expect, it } from "vitest";
import {
  createMockGraph,
  scenarioNames,
  startMockGraph,
  type MockGraphCore,
  type ScenarioName,
} from "../../src/mock/index.js";
import { graphJsonContentType } from "../../src/mock/http/envelope.js";
import { ids, meganTap, tapPath } from "./helpers.js";

interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function send(
  core: MockGraphCore,
  method: string,
  path: string,
  auth: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const h: Record<string, string> = { ...headers };
  if (auth !== undefined) h.authorization = `Bearer ${auth}`;
  if (body !== undefined) h["content-type"] = "application/json";
  const res = await core.fetch(
    new Request(`http://mock.test/v1.0${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

type Probe = (core: MockGraphCore) => Promise<boolean>;

const policyPath = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
const policyType = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";

const admin = (core: MockGraphCore) => core.issueToken({ user: "adele" });
const list = async (core: MockGraphCore, user: string = ids.megan) =>
  send(core, "GET", tapPath(user), await admin(core));
const get = async (core: MockGraphCore) => send(core, "GET", `${tapPath(ids.megan)}/${meganTap}`, await admin(core));
const create = async (core: MockGraphCore) => send(core, "POST", tapPath(ids.nestor), await admin(core), {});
const item = (r: Res) => r.json?.value?.[0] ?? r.json;

/** Per scenario: does the probe observe the broken behaviour? */
const probes: Record<ScenarioName, Probe> = {
  "secret-on-read": async (c) => item(await get(c)).temporaryAccessPass !== null,
  "secret-wrong-length": async (c) => (await create(c)).json.temporaryAccessPass.length === 4,
  "two-methods": async (c) => (await list(c)).json.value.length === 2,
  "usable-contradicts-reason": async (c) => {
    const i = item(await list(c, ids.megan));
    return i.isUsable === true && i.methodUsabilityReason === "Expired";
  },
  "reason-contradicts-clock": async (c) => item(await get(c)).methodUsabilityReason === "NotYetValid",
  "one-time-used-on-multi-use": async (c) => {
    const i = item(await get(c));
    return i.isUsableOnce === false && i.methodUsabilityReason === "OneTimeUsed";
  },
  "lifetime-out-of-range": async (c) => item(await list(c)).lifetimeInMinutes === 5,
  "schema-violation": async (c) => typeof item(await get(c)).lifetimeInMinutes === "string",
  "extra-property": async (c) => "lastUsedDateTime" in item(await get(c)),
  "undocumented-status": async (c) => (await list(c)).status === 418,
  "wrong-content-type": async (c) => (await list(c)).headers.get("content-type") !== graphJsonContentType,
  "missing-request-id": async (c) => !(await list(c)).headers.has("request-id"),
  "client-request-id-not-echoed": async (c) => {
    const r = await send(c, "GET", tapPath(ids.megan), await admin(c), undefined, { "client-request-id": "mine-123" });
    return r.headers.get("client-request-id") !== "mine-123";
  },
  "bad-error-envelope": async (c) => {
    const r = await send(c, "GET", tapPath("nobody"), await admin(c));
    return r.status === 404 && !("error" in r.json);
  },
  "no-retry-after": async (c) => {
    const r = await list(c);
    return r.status === 429 && !r.headers.has("retry-after");
  },
  "wrong-odata-context": async (c) => {
    const ctx = (await get(c)).json["@odata.context"] as string;
    return !ctx.includes(ids.megan) || !ctx.endsWith("/$entity");
  },
  "wrong-id": async (c) => (await get(c)).json.id !== meganTap,
  "get-differs-from-list": async (c) => item(await get(c)).lifetimeInMinutes !== item(await list(c)).lifetimeInMinutes,
  "create-keeps-previous": async (c) => {
    await create(c);
    await create(c);
    return (await list(c, ids.nestor)).json.value.length === 2;
  },
  "server-error": async (c) => (await list(c)).status === 500,
  "auth-ignored": async (c) => (await send(c, "GET", tapPath(ids.megan), undefined)).status === 200,
  "permission-ignored": async (c) => {
    const token = await c.issueToken({ user: "adele", scopes: ["User.Read"] });
    return (await send(c, "GET", tapPath(ids.megan), token)).status === 200;
  },
  "role-ignored": async (c) => {
    const token = await c.issueToken({ user: "nestor", scopes: ["UserAuthenticationMethod.Read.All"] });
    return (await send(c, "GET", tapPath(ids.megan), token)).status === 200;
  },
  "app-on-me-accepted": async (c) => {
    const token = await c.issueToken({ app: "tap-admin-app" });
    const r = await send(c, "GET", "/me/authentication/temporaryAccessPassMethods", token);
    return r.status === 200 && r.json.value[0]?.id === meganTap;
  },
  "not-found-ignored": async (c) => {
    const r = await send(c, "GET", `${tapPath(ids.megan)}/6f1967b7-15e8-4935-ac26-d50770ed07a7`, await admin(c));
    return r.status === 200 && typeof r.json.id === "string";
  },
  "administrator-target-accepted": async (c) =>
    (await send(c, "POST", tapPath(ids.pradeep), await admin(c), {})).status === 201,
  "guest-accepted": async (c) => (await send(c, "POST", tapPath(ids.ada), await admin(c), {})).status === 201,
  "multi-use-despite-policy": async (c) => {
    c.setPolicy({ isUsableOnce: true });
    return (await send(c, "POST", tapPath(ids.nestor), await admin(c), { isUsableOnce: false })).status === 201;
  },
  "lifetime-outside-policy-accepted": async (c) =>
    (await send(c, "POST", tapPath(ids.nestor), await admin(c), { lifetimeInMinutes: 600 })).status === 201,
  "past-start-accepted": async (c) => {
    const start = new Date(c.clock.now().getTime() - 3600_000).toISOString();
    return (await send(c, "POST", tapPath(ids.nestor), await admin(c), { startDateTime: start })).status === 201;
  },
  "disabled-method-accepted": async (c) => {
    c.setPolicy({ state: "disabled" });
    return (await create(c)).status === 201;
  },
  "untargeted-user-accepted": async (c) =>
    (await send(c, "POST", tapPath(ids.joni), await admin(c), {})).status === 201,
  "policy-patch-ignored": async (c) => {
    const token = await c.issueToken({ user: "alex", scopes: ["Policy.ReadWrite.AuthenticationMethod"] });
    const patched = await send(c, "PATCH", policyPath, token, { "@odata.type": policyType, isUsableOnce: true });
    const read = await send(c, "GET", policyPath, token);
    return patched.status === 204 && read.json?.isUsableOnce === false;
  },
  "invalid-policy-accepted": async (c) => {
    const token = await c.issueToken({ user: "alex", scopes: ["Policy.ReadWrite.AuthenticationMethod"] });
    const body = { "@odata.type": policyType, minimumLifetimeInMinutes: 600 };
    return (
      (await send(c, "PATCH", policyPath, token, body)).status === 204 && c.policy.minimumLifetimeInMinutes === 600
    );
  },
  "policy-read-contradicts-passes": async (c) => {
    const token = await c.issueToken({ user: "grace", scopes: ["Policy.Read.All"] });
    const read = await send(c, "GET", policyPath, token);
    return read.json?.isUsableOnce === true && item(await list(c)).methodUsabilityReason === "EnabledByPolicy";
  },
  "methods-list-omits-pass": async (c) => {
    const r = await send(
      c,
      "GET",
      tapPath(ids.megan).replace(/temporaryAccessPassMethods$/, "methods"),
      await admin(c),
    );
    return r.status === 200 && !r.json.value.some((m: { id?: string }) => m.id === meganTap);
  },
};

describe.each(scenarioNames.map((name) => ({ name })))("scenario $name", ({ name }) => {
  it("breaks its behaviour when always on, and the faithful mock does not", async () => {
    expect(await probes[name](createMockGraph({ scenarios: { always: [name] } }))).toBe(true);
    expect(await probes[name](createMockGraph())).toBe(false);
  });
});

describe("selection by header", () => {
  it("applies only the named scenarios, only when the mock honours the header", async () => {
    const mock = await startMockGraph({ port: 0, scenarios: true });
    const plain = await startMockGraph({ port: 0 });
    try {
      for (const [m, expected] of [
        [mock, 418],
        [plain, 200],
      ] as const) {
        const token = await m.issueToken({ user: "adele" });
        const res = await fetch(`${m.graphUrl}${tapPath(ids.megan)}`, {
          headers: {
            authorization: `Bearer ${token}`,
            "x-tap-mock-scenario": "undocumented-status, missing-request-id",
          },
        });
        expect(res.status).toBe(expected);
        expect(res.headers.has("request-id")).toBe(expected === 200);
        const clean = await fetch(`${m.graphUrl}${tapPath(ids.megan)}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(clean.status).toBe(200);
      }
      const token = await mock.issueToken({ user: "adele" });
      const bad = await fetch(`${mock.graphUrl}${tapPath(ids.megan)}`, {
        headers: { authorization: `Bearer ${token}`, "x-tap-mock-scenario": "no-such-thing" },
      });
      const body = (await bad.json()) as { error: { message: string } };
      expect(bad.status).toBe(400);
      expect(body.error.message).toMatch(/unknown scenario "no-such-thing": expected one of secret-on-read/);
    } finally {
      await Promise.all([mock.close(), plain.close()]);
    }
  });

  it("refuses unknown names in `always` at creation", () => {
    expect(() => createMockGraph({ scenarios: { always: ["nope"] } })).toThrow(
      /scenarios.always: unknown scenario "nope"/,
    );
  });
});
