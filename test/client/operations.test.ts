// Every operation and every documented error status, over real HTTP against the mock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFixtures, startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { createTapClient, GraphError, unwrap, type TapClient } from "../../src/index.js";

const ADMIN_APP = "00000000-0000-0000-0000-00000000a11c";
const READER_APP = "00000000-0000-0000-0000-00000000b0b0";
const user = (name: string) => defaultFixtures.users.find((u) => u.name === name)!;
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000bad";

let mock: MockGraph;
let admin: TapClient;

beforeAll(async () => {
  mock = await startMockGraph();
  admin = createTapClient({
    baseUrl: mock.graphUrl,
    credential: await mock.issueToken({ app: ADMIN_APP }),
    retry: false,
  });
});
afterAll(() => mock.close());

async function delegated(name: string): Promise<TapClient> {
  return createTapClient({ baseUrl: mock.graphUrl, credential: await mock.issueToken({ user: name }), retry: false });
}

describe("the TAP lifecycle for another user (application token)", () => {
  it("creates, reads, lists and deletes a pass", async () => {
    const nestor = user("nestor").userPrincipalName;
    const created = await unwrap(admin.create({ user: nestor, body: { lifetimeInMinutes: 120, isUsableOnce: true } }));
    expect(created.temporaryAccessPass).toMatch(/^\S{8,48}$/);
    expect(created).toMatchObject({
      lifetimeInMinutes: 120,
      isUsableOnce: true,
      isUsable: true,
      methodUsabilityReason: "EnabledByPolicy",
    });

    const got = await unwrap(admin.get({ user: nestor, id: created.id }));
    expect(got.id).toBe(created.id);
    expect(got.temporaryAccessPass).toBeNull();

    const listed = await unwrap(admin.list({ user: user("nestor").id }));
    expect(listed.value.map((m) => m.id)).toEqual([created.id]);

    const deleted = await admin.delete({ user: nestor, id: created.id });
    expect(deleted.error).toBeUndefined();
    expect(deleted.response.status).toBe(204);
    expect((await admin.list({ user: nestor })).data?.value).toEqual([]);
  });

  it("creates with policy defaults when no body is given", async () => {
    const created = await unwrap(admin.create({ user: user("nestor").id }));
    expect(created.lifetimeInMinutes).toBe(60);
    await unwrap(admin.delete({ user: user("nestor").id, id: created.id }));
  });

  it("reads only the selected properties with select", async () => {
    const megan = user("megan");
    const got = await unwrap(admin.get({ user: megan.id, id: megan.tap!.id, select: ["id", "isUsable"] }));
    expect(got.id).toBe(megan.tap!.id);
    expect(got.isUsable).toBe(true);
    expect(got).not.toHaveProperty("lifetimeInMinutes");
  });

  it.each([
    ["lee", "NotYetValid"],
    ["lynne", "Expired"],
    ["miriam", "OneTimeUsed"],
    ["joni", "DisabledByPolicy"],
  ])("reports %s's pass as %s", async (name, reason) => {
    const { data } = await admin.list({ user: user(name).userPrincipalName });
    expect(data?.value[0]).toMatchObject({ methodUsabilityReason: reason, isUsable: false });
  });
});

describe("the signed-in user's own pass (delegated token, user me)", () => {
  it("lists and gets megan's pass, and deletes it", async () => {
    const megan = await delegated("megan");
    const listed = await unwrap(megan.list({ user: "me" }));
    expect(listed.value).toHaveLength(1);
    const id = listed.value[0]!.id;
    expect((await unwrap(megan.get({ user: "me", id }))).id).toBe(id);
    expect((await megan.delete({ user: "me", id })).response.status).toBe(204);
    expect((await unwrap(megan.list({ user: "me" }))).value).toEqual([]);
  });
});

describe("every documented error status arrives as { error } with Graph's envelope", () => {
  async function expectError(result: Promise<{ error?: unknown; data?: unknown }>, status: number, code: RegExp) {
    const { data, error } = await result;
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ status, error: { code: expect.stringMatching(code), message: expect.any(String) } });
    const e = error as { requestId?: string; clientRequestId: string; error: { innerError: Record<string, string> } };
    expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.error.innerError["client-request-id"]).toBe(e.clientRequestId);
  }

  it("400: an application token on /me", async () => {
    await expectError(admin.list({ user: "me" }), 400, /^badrequest$/i);
  });

  it("400: a lifetime outside the tenant policy", async () => {
    await expectError(admin.create({ user: user("nestor").id, body: { lifetimeInMinutes: 5 } }), 400, /^badrequest$/i);
  });

  it("401: a token that is not Graph's", async () => {
    const stranger = createTapClient({ baseUrl: mock.graphUrl, credential: "not-a-jwt", retry: false });
    await expectError(stranger.list({ user: "me" }), 401, /^InvalidAuthenticationToken$/);
  });

  it("401: an expired token", async () => {
    const expired = createTapClient({
      baseUrl: mock.graphUrl,
      credential: await mock.issueToken({ user: "adele", expiresInSeconds: -60 }),
      retry: false,
    });
    await expectError(expired.list({ user: "me" }), 401, /^InvalidAuthenticationToken$/);
  });

  it("403: an application without a TAP permission", async () => {
    const reader = createTapClient({
      baseUrl: mock.graphUrl,
      credential: await mock.issueToken({ app: READER_APP }),
      retry: false,
    });
    await expectError(reader.list({ user: user("megan").id }), 403, /denied/i);
  });

  it("404: an unknown user, and an unknown pass id", async () => {
    await expectError(admin.list({ user: "nobody@contoso.onmicrosoft.com" }), 404, /notfound/i);
    await expectError(admin.get({ user: user("megan").id, id: UNKNOWN_ID }), 404, /notfound/i);
  });

  it("413: a Create body over the size limit", async () => {
    await expectError(
      admin.create({ user: user("nestor").id, body: { startDateTime: "x".repeat(5 * 1024 * 1024) } }),
      413,
      /.+/,
    );
  });

  it("415: a Create body that is not JSON (through the raw client)", async () => {
    const { error, response } = await admin.raw.POST("/users/{user-id}/authentication/temporaryAccessPassMethods", {
      params: { path: { "user-id": user("nestor").id } },
      body: {},
      bodySerializer: () => "lifetime=60",
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(415);
    expect(error?.error.code).toEqual(expect.any(String));
  });

  it.each([
    ["throttle", 429],
    ["unavailable", 503],
    ["gateway-timeout", 504],
  ] as const)("%s: %d with Retry-After", async (kind, status) => {
    const faulty = await startMockGraph({ faults: { kinds: [kind] } });
    try {
      const tap = createTapClient({
        baseUrl: faulty.graphUrl,
        credential: await faulty.issueToken({ app: ADMIN_APP }),
        retry: false,
      });
      const { error, response } = await tap.list({ user: user("megan").id });
      expect(error?.status).toBe(status);
      expect(response.headers.get("retry-after")).toBe("1");
    } finally {
      await faulty.close();
    }
  });

  it("500: Graph failed", async () => {
    const broken = await startMockGraph({ scenarios: { always: ["server-error"] } });
    try {
      const tap = createTapClient({
        baseUrl: broken.graphUrl,
        credential: await broken.issueToken({ app: ADMIN_APP }),
        retry: false,
      });
      const err = await unwrap(tap.list({ user: user("megan").id })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(GraphError);
      expect(err).toMatchObject({ status: 500 });
    } finally {
      await broken.close();
    }
  });
});
