/**
 * `createMany` against the mock over HTTP: 100 users in batches of 20, the throttle fault at a
 * high rate, every throttled Create sent again after its Retry-After, one result per user in
 * input order, within the call's deadline; passcodes only in the results.
 */
import { afterEach, describe, expect, it } from "vitest";
import { batchSize, createTapClient, type CreateManyProgress } from "../../src/index.js";
import { defaultFixtures, startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { batchRules } from "../../src/spec/index.js";

const hires = Array.from({ length: 100 }, (_, i) => {
  const n = String(i + 1).padStart(3, "0");
  return {
    name: `hire${n}`,
    id: `4e700000-0000-4000-8000-000000000${n}`,
    userPrincipalName: `hire${n}@contoso.onmicrosoft.com`,
    displayName: `New Hire ${n}`,
    directoryRoles: [],
  };
});
const fixtures = { ...defaultFixtures, users: [...defaultFixtures.users, ...hires] };

let mock: MockGraph | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function clientFor(faults: { rate: number; retryAfterSeconds: number }) {
  mock = await startMockGraph({ port: 0, fixtures, faults: { seed: 7, kinds: ["throttle"], ...faults } });
  const token = await mock.issueToken({ app: "tap-admin-app", expiresInSeconds: 3600 });
  return { client: createTapClient({ baseUrl: mock.graphUrl, credential: token }), mock };
}

describe("createMany", () => {
  it("batches as many Creates as Graph allows", () => {
    expect(batchSize).toBe(batchRules.maxRequests);
  });

  it("returns 100 passes in input order under a high throttle rate, each throttled Create retried after its " +
    "Retry-After", {
    timeout: 120_000,
  }, async () => {
    const { client, mock } = await clientFor({ rate: 0.7, retryAfterSeconds: 1 });
    const waits: number[] = [];
    const progress: CreateManyProgress[] = [];
    const users = [...hires].reverse().map((h) => (h.name.endsWith("7") ? h.userPrincipalName : h.id));
    const started = Date.now();
    // A virtual clock that only the waits move: the Retry-After waits are measured, not slept.
    let virtual = started;
    const results = await client.createMany(
      users,
      { lifetimeInMinutes: 60 },
      {
        timeoutMs: 100_000,
        now: () => virtual,
        sleep: async (ms) => {
          waits.push(ms);
          virtual += ms;
        },
        onProgress: (p) => progress.push(p),
      },
    );
    expect(Date.now() - started).toBeLessThan(100_000);
    expect(results.map((r) => r.user)).toEqual(users);
    for (const r of results) {
      expect(r.error).toBeUndefined();
      expect(r.data?.temporaryAccessPass).toMatch(/^.{8}$/);
      expect(r.data?.lifetimeInMinutes).toBe(60);
    }
    const throttled = progress.reduce((n, p) => n + p.throttled, 0);
    expect(throttled).toBeGreaterThan(100);
    // One wait per round of retries, each the full Retry-After ("1" second) of the Creates it resends.
    expect(waits.length).toBeGreaterThan(1);
    for (const w of waits) expect(w).toBe(1000);
    expect(progress.at(-1)).toMatchObject({ done: 100, total: 100 });
    // Every user holds exactly the pass its result names.
    const reader = await mock.issueToken({ app: "tap-admin-app" });
    const reading = createTapClient({
      baseUrl: mock.graphUrl,
      credential: reader,
      retry: { maxRetries: 20, maxDelayMs: 1000 },
    });
    for (const r of results.slice(0, 5)) {
      const list = await reading.list({ user: r.user });
      expect(list.data?.value[0]?.id).toBe(r.data?.id);
    }
    const passcodes = results.map((r) => r.data!.temporaryAccessPass!);
    const shown = JSON.stringify(progress);
    for (const p of passcodes) expect(shown).not.toContain(p);
  });

  it("keeps a 429 as the result when its Retry-After does not fit in the deadline", async () => {
    const { client } = await clientFor({ rate: 1, retryAfterSeconds: 30 });
    const started = Date.now();
    const results = await client.createMany(
      hires.slice(0, 25).map((h) => h.id),
      {},
      { timeoutMs: 5_000 },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(results).toHaveLength(25);
    for (const r of results) expect([r.error?.status, r.error?.error.code]).toEqual([429, "TooManyRequests"]);
  });

  it("gives each user's own error as data and refuses bad input before any request", async () => {
    const { client } = await clientFor({ rate: 0, retryAfterSeconds: 1 });
    const results = await client.createMany([
      hires[0]!.id,
      "nobody@contoso.onmicrosoft.com",
      "ada_fabrikam.com#EXT#@contoso.onmicrosoft.com",
    ]);
    expect(results.map((r) => (r.data ? 201 : r.error.status))).toEqual([201, 404, 400]);
    await expect(client.createMany(["me"])).rejects.toThrow(/users\[0\] is "me"/);
    await expect(client.createMany([""])).rejects.toThrow(/users\[0\] is empty/);
    expect(await client.createMany([])).toEqual([]);
  });
});
