// getPolicy() and updatePolicy() over real HTTP against the mock: typed results, errors as data,
// the same retries as the pass operations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { createTapClient, InvalidInputError, unwrap } from "../../src/index.js";
import { graphError } from "../../src/spec/index.js";

const ADMIN_APP = "00000000-0000-0000-0000-00000000a11c";
let mock: MockGraph;
beforeAll(async () => {
  mock = await startMockGraph();
});
afterAll(() => mock.close());

const client = async (roles: string[], extra: { retry?: false | { sleep: (ms: number) => Promise<void> } } = {}) =>
  createTapClient({ baseUrl: mock.graphUrl, credential: await mock.issueToken({ app: ADMIN_APP, roles }), ...extra });

describe("the tenant's policy through the typed client", () => {
  it("reads it, narrows it, reads back the change, and puts it back", async () => {
    const tap = await client(["Policy.ReadWrite.AuthenticationMethod"]);
    const policy = await unwrap(tap.getPolicy());
    expect(policy).toMatchObject({
      id: "TemporaryAccessPass",
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
    });
    const updated = await tap.updatePolicy({ maximumLifetimeInMinutes: 120, isUsableOnce: true });
    expect([updated.error, updated.response.status]).toEqual([undefined, 204]);
    expect(await unwrap(tap.getPolicy())).toMatchObject({ maximumLifetimeInMinutes: 120, isUsableOnce: true });
    await unwrap(tap.updatePolicy({ maximumLifetimeInMinutes: 480, isUsableOnce: false }));
    expect(mock.policy).toMatchObject({ maximumLifetimeInMinutes: 480, isUsableOnce: false });
  });

  it("returns Graph's refusal as data, and a refused change leaves the policy as it was", async () => {
    const tap = await client(["Policy.ReadWrite.AuthenticationMethod"]);
    const refused = await tap.updatePolicy({ minimumLifetimeInMinutes: 600 });
    const expected = graphError("policyLifetimeOrder", { min: 600, max: 480 });
    expect([refused.response.status, refused.error?.error.code, refused.error?.error.message]).toEqual([
      400,
      expected.code,
      expected.message,
    ]);
    expect(mock.policy.minimumLifetimeInMinutes).toBe(60);
    const reader = await client(["Policy.Read.All"]);
    expect((await reader.updatePolicy({ isUsableOnce: true })).response.status).toBe(403);
    expect((await reader.getPolicy()).data?.isUsableOnce).toBe(false);
  });

  it("checks its arguments before any request", async () => {
    const tap = await client(["Policy.ReadWrite.AuthenticationMethod"]);
    await expect(tap.updatePolicy(null as never)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(tap.updatePolicy([] as never)).rejects.toThrow(/expected the properties to change/);
  });

  it("retries a throttled policy read like any GET", async () => {
    const throttling = await startMockGraph({
      faults: { rate: 1, kinds: ["throttle"], retryAfterSeconds: 1, seed: 1 },
    });
    try {
      const waits: number[] = [];
      const tap = createTapClient({
        baseUrl: throttling.graphUrl,
        credential: await throttling.issueToken({ app: ADMIN_APP, roles: ["Policy.Read.All"] }),
        retry: { maxRetries: 2, sleep: async (ms) => void waits.push(ms), random: () => 0 },
      });
      const result = await tap.getPolicy();
      expect(result.response.status).toBe(429);
      expect(waits).toHaveLength(2);
    } finally {
      await throttling.close();
    }
  });
});
