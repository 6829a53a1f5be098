/**
 * State and semantics on the socket-less core: usability from the clock and the policy, the
 * pass shown once and kept only as a hash, one pass per user under concurrent Creates, and
 * Graph's 400 messages for bad Create bodies.
 */
import { describe, expect, it } from "vitest";
import { createMockGraph, type MockGraphCore } from "../../src/mock/index.js";
import { graphError, policyDefaults } from "../../src/spec/index.js";
import { ids, tapPath } from "./helpers.js";

const origin = "http://mock.test";

async function send(
  core: MockGraphCore,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await core.fetch(new Request(`${origin}/v1.0${path}`, init));
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : undefined) as Record<string, any>,
  };
}

async function reasonOf(core: MockGraphCore, user: keyof typeof ids, token: string) {
  const res = await send(core, "GET", tapPath(ids[user]), token);
  const [item] = res.body.value as Array<{ isUsable: boolean; methodUsabilityReason: string }>;
  return item ? [item.isUsable, item.methodUsabilityReason] : undefined;
}

describe("usability is computed at read time", () => {
  it("reports each fixture's starting reason", async () => {
    const core = createMockGraph({ clock: "2026-03-01T09:00:00Z" });
    const admin = await core.issueToken({ user: "grace" });
    expect(await reasonOf(core, "megan", admin)).toEqual([true, "EnabledByPolicy"]);
    expect(await reasonOf(core, "lee", admin)).toEqual([false, "NotYetValid"]);
    expect(await reasonOf(core, "lynne", admin)).toEqual([false, "Expired"]);
    expect(await reasonOf(core, "miriam", admin)).toEqual([false, "OneTimeUsed"]);
    expect(await reasonOf(core, "joni", admin)).toEqual([false, "DisabledByPolicy"]);
    expect(await reasonOf(core, "nestor", admin)).toBeUndefined();
  });

  it("follows the clock: NotYetValid becomes usable, usable becomes Expired", async () => {
    const core = createMockGraph({ clock: "2026-03-01T09:00:00Z" });
    const admin = await core.issueToken({ user: "grace", expiresInSeconds: 7 * 24 * 3600 });
    core.clock.advance(24 * 3600_000 + 1000);
    expect(await reasonOf(core, "lee", admin)).toEqual([true, "EnabledByPolicy"]);
    core.clock.advance(3600_000);
    expect(await reasonOf(core, "lee", admin)).toEqual([false, "Expired"]);
    core.clock.set("2026-03-01T09:00:00Z");
    expect(await reasonOf(core, "lee", admin)).toEqual([false, "NotYetValid"]);
  });

  it("follows the policy: disabled, one-time required, and the user's exclusion", async () => {
    const core = createMockGraph();
    const admin = await core.issueToken({ user: "grace" });
    core.setPolicy({ state: "disabled" });
    expect(await reasonOf(core, "megan", admin)).toEqual([false, "DisabledByPolicy"]);
    core.setPolicy({ state: "enabled", isUsableOnce: true });
    expect(await reasonOf(core, "megan", admin)).toEqual([false, "DisabledByPolicy"]);
    core.setPolicy({ isUsableOnce: false });
    // Joni is a member of the group the fixture policy excludes; without the exclusion, Joni's pass works.
    expect(await reasonOf(core, "joni", admin)).toEqual([false, "DisabledByPolicy"]);
    core.setPolicy({ excludeTargets: [] });
    expect(await reasonOf(core, "joni", admin)).toEqual([true, "EnabledByPolicy"]);
    expect(() => core.setPolicy({ minimumLifetimeInMinutes: 5 })).toThrow(/minimumLifetimeInMinutes/);
  });

  it("reports OneTimeUsed after a sign-in with a one-time pass, which then no longer signs in", async () => {
    const core = createMockGraph();
    const admin = await core.issueToken({ user: "adele" });
    const created = await send(core, "POST", tapPath(ids.nestor), admin, { isUsableOnce: true });
    const passcode = created.body.temporaryAccessPass as string;
    expect(await core.signIn("nestor", "wrong-one")).toEqual({ ok: false, reason: "WrongPasscode" });
    expect(await core.signIn("nestor", passcode)).toEqual({ ok: true });
    expect(await reasonOf(core, "nestor", admin)).toEqual([false, "OneTimeUsed"]);
    expect(await core.signIn("nestor", passcode)).toEqual({ ok: false, reason: "OneTimeUsed" });
    expect(await core.signIn("pradeep", passcode)).toEqual({ ok: false, reason: "NoPass" });
  });

  it("starts a pass at its startDateTime: NotYetValid until then", async () => {
    const core = createMockGraph({ clock: "2026-03-01T09:00:00Z" });
    const admin = await core.issueToken({ user: "adele", expiresInSeconds: 86_400 });
    const created = await send(core, "POST", tapPath(ids.nestor), admin, {
      startDateTime: "2026-03-01T12:00:00+02:00",
      lifetimeInMinutes: 60,
    });
    expect(created.body).toMatchObject({
      startDateTime: "2026-03-01T10:00:00Z",
      isUsable: false,
      methodUsabilityReason: "NotYetValid",
    });
    core.clock.set("2026-03-01T10:30:00Z");
    expect(await reasonOf(core, "nestor", admin)).toEqual([true, "EnabledByPolicy"]);
  });
});

describe("the pass", () => {
  it("is returned once, with the policy's length, and never again", async () => {
    const core = createMockGraph({ policy: { defaultLength: 16 } });
    const admin = await core.issueToken({ user: "adele" });
    const created = await send(core, "POST", tapPath(ids.nestor), admin, {});
    const passcode = created.body.temporaryAccessPass as string;
    expect(passcode).toMatch(/^[\x21-\x7e]{16}$/);
    expect(created.body).toMatchObject({
      lifetimeInMinutes: policyDefaults.defaultLifetimeInMinutes,
      isUsableOnce: policyDefaults.isUsableOnce,
    });
    const got = await send(core, "GET", `${tapPath(ids.nestor)}/${created.body.id as string}`, admin);
    expect(got.body.temporaryAccessPass).toBeNull();
    expect(JSON.stringify(got.body)).not.toContain(passcode);
  });

  it("differs between Creates (crypto-random)", async () => {
    const core = createMockGraph();
    const admin = await core.issueToken({ user: "adele" });
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++)
      seen.add((await send(core, "POST", tapPath(ids.nestor), admin, {})).body.temporaryAccessPass as string);
    expect(seen.size).toBe(20);
  });

  it("is one per user: a second Create replaces the first, also when Creates run concurrently", async () => {
    const core = createMockGraph();
    const admin = await core.issueToken({ user: "adele" });
    const results = await Promise.all(
      Array.from({ length: 25 }, () => send(core, "POST", tapPath(ids.nestor), admin, {})),
    );
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(201));
    const list = (await send(core, "GET", tapPath(ids.nestor), admin)).body.value as Array<{ id: string }>;
    expect(list).toHaveLength(1);
    const survivor = results.find((r) => r.body.id === list[0]!.id)!;
    expect(survivor).toBeDefined();
    // Only the surviving pass signs in; every replaced one is gone.
    const others = results.filter((r) => r !== survivor);
    for (const r of others.slice(0, 3))
      expect((await core.signIn("nestor", r.body.temporaryAccessPass as string)).ok).toBe(false);
    expect(await core.signIn("nestor", survivor.body.temporaryAccessPass as string)).toEqual({ ok: true });
  });
});

describe("a bad Create body gets Graph's 400", () => {
  const cases: Array<[string, unknown, ReturnType<typeof graphError>]> = [
    ["a lifetime above the policy", { lifetimeInMinutes: 481 }, graphError("invalidLifetime", { min: 60, max: 480 })],
    ["a lifetime below the policy", { lifetimeInMinutes: 59 }, graphError("invalidLifetime", { min: 60, max: 480 })],
    ["a lifetime beyond 43200", { lifetimeInMinutes: 50000 }, graphError("invalidLifetime", { min: 60, max: 480 })],
    [
      "a lifetime as text",
      { lifetimeInMinutes: "60" },
      graphError("invalidValue", { value: "60", type: "Edm.Int32", property: "lifetimeInMinutes" }),
    ],
    [
      "a non-boolean isUsableOnce",
      { isUsableOnce: "yes" },
      graphError("invalidValue", { value: "yes", type: "Edm.Boolean", property: "isUsableOnce" }),
    ],
    [
      "a bad startDateTime",
      { startDateTime: "tomorrow" },
      graphError("invalidValue", { value: "tomorrow", type: "Edm.DateTimeOffset", property: "startDateTime" }),
    ],
    ["an unknown property", { passcode: "mine" }, graphError("unknownProperty", { property: "passcode" })],
    ...(["id", "isUsable", "methodUsabilityReason", "createdDateTime", "temporaryAccessPass"] as const).map(
      (property): [string, unknown, ReturnType<typeof graphError>] => [
        `the read-only ${property}`,
        { [property]: "x" },
        graphError("readOnlyProperty", { property }),
      ],
    ),
    ["a body that is not an object", [], graphError("invalidJson")],
    ["a body that is not JSON", "{nope", graphError("invalidJson")],
  ];

  it.each(cases)("%s", async (_name, body, expected) => {
    const core = createMockGraph();
    const admin = await core.issueToken({ user: "adele" });
    const res = await send(core, "POST", tapPath(ids.nestor), admin, body);
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
      expected.status,
      expected.code,
      expected.message,
    ]);
    expect((await send(core, "GET", tapPath(ids.nestor), admin)).body.value).toEqual([]);
  });

  it("refuses a multi-use pass while the policy allows only one-time passes, with Graph's real message", async () => {
    const core = createMockGraph({ policy: { isUsableOnce: true } });
    const admin = await core.issueToken({ user: "adele" });
    const refused = await send(core, "POST", tapPath(ids.nestor), admin, { isUsableOnce: false });
    const expected = graphError("policyRequiresOneTime");
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([
      400,
      "badRequest",
      expected.message,
    ]);
    expect(expected.message).toBe(
      "Invalid IsUsableOnce specified. Tenant Policy does not allow multiple use temporary access pass method.",
    );
    expect((await send(core, "GET", tapPath(ids.nestor), admin)).body.value).toEqual([]);
    const once = await send(core, "POST", tapPath(ids.nestor), admin, {});
    expect([once.status, once.body.isUsableOnce]).toEqual([201, true]);
    core.setPolicy({ isUsableOnce: false });
    expect((await send(core, "POST", tapPath(ids.nestor), admin, { isUsableOnce: false })).status).toBe(201);
  });

  it("refuses a pass for an external guest, but reads the guest's (empty) list", async () => {
    const core = createMockGraph();
    const admin = await core.issueToken({ user: "adele" });
    const guestUpn = "ada_fabrikam.com#EXT#@contoso.onmicrosoft.com";
    for (const who of [ids.ada, guestUpn]) {
      const res = await send(core, "POST", tapPath(who), admin, {});
      const expected = graphError("externalGuest");
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
        expected.status,
        expected.code,
        expected.message,
      ]);
    }
    expect((await send(core, "GET", tapPath(guestUpn), admin)).body.value).toEqual([]);
  });

  it(
    "answers Create through /me like Create for yourself on /users/{own id}: 403 accessDenied (401 without a " +
      "token)",
    async () => {
      const core = createMockGraph();
      const adele = await core.issueToken({ user: "adele" });
      const viaMe = await send(core, "POST", "/me/authentication/temporaryAccessPassMethods", adele, {});
      const viaUsers = await send(core, "POST", tapPath(ids.adele), adele, {});
      const expected = graphError("notSupported");
      for (const res of [viaMe, viaUsers])
        expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
          expected.status,
          expected.code,
          expected.message,
        ]);
      expect((await send(core, "POST", "/me/authentication/temporaryAccessPassMethods", "", {})).status).toBe(401);
    },
  );

  it("answers a POST without Content-Type with Graph's message, and a policy range that was changed", async () => {
    const core = createMockGraph({
      policy: { minimumLifetimeInMinutes: 30, maximumLifetimeInMinutes: 90, defaultLifetimeInMinutes: 30 },
    });
    const admin = await core.issueToken({ user: "adele" });
    const res = await core.fetch(
      new Request(`${origin}/v1.0${tapPath(ids.nestor)}`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin}` },
      }),
    );
    const body = (await res.json()) as { error: { message: string } };
    expect([res.status, body.error.message]).toEqual([400, graphError("missingContentType").message]);
    const ranged = await send(core, "POST", tapPath(ids.nestor), admin, { lifetimeInMinutes: 120 });
    expect(ranged.body.error.message).toBe("Invalid LifetimeInMinutes specified. The valid range between 30 and 90.");
  });
});
