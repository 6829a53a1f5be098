// The mock's seeded faults through the client: retries counted and waits recorded (a fake
// sleeper), and damaged responses turned into typed errors.
import { afterEach, describe, expect, it } from "vitest";
import { defaultFixtures, startMockGraph, type FaultKind, type MockGraph } from "../../src/mock/index.js";
import {
  createTapClient,
  InvalidResponseError,
  NetworkError,
  RequestTimeoutError,
  type RetryOptions,
} from "../../src/index.js";

const ADMIN_APP = "00000000-0000-0000-0000-00000000a11c";
const megan = defaultFixtures.users.find((u) => u.name === "megan")!;
let mock: MockGraph | undefined;

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function setup(
  kinds: FaultKind[],
  options: { rate?: number; retry?: RetryOptions | false; timeoutMs?: number; latencyMs?: number } = {},
) {
  mock = await startMockGraph({ faults: { kinds, rate: options.rate ?? 1, seed: 7, latencyMs: options.latencyMs } });
  let attempts = 0;
  const waits: number[] = [];
  const tap = createTapClient({
    baseUrl: mock.graphUrl,
    credential: await mock.issueToken({ app: ADMIN_APP }),
    timeoutMs: options.timeoutMs,
    fetch: (request) => {
      attempts++;
      return fetch(request);
    },
    retry:
      options.retry === false ? false : { random: () => 0, sleep: async (ms) => void waits.push(ms), ...options.retry },
  });
  return { tap, waits, attempts: () => attempts };
}

describe("retries against the mock's faults", () => {
  it.each([
    ["throttle", 429, 1000],
    ["throttle-fractional", 429, 2128],
    ["unavailable", 503, 1000],
    ["gateway-timeout", 504, 1000],
  ] as const)("%s: 1 + maxRetries attempts, each wait the server's Retry-After", async (kind, status, wait) => {
    const { tap, waits, attempts } = await setup([kind], { retry: { maxRetries: 2 } });
    const { error } = await tap.list({ user: megan.id });
    expect(error?.status).toBe(status);
    expect(attempts()).toBe(3);
    expect(waits).toEqual([wait, wait]);
  });

  it("recovers when the faults stop: a call succeeds after its throttled attempts", async () => {
    // Half the requests are throttled: with enough retries every call ends in a 200.
    const { tap, waits, attempts } = await setup(["throttle"], { rate: 0.5, retry: { maxRetries: 10 } });
    for (let i = 0; i < 5; i++) expect((await tap.list({ user: megan.id })).data?.value).toHaveLength(1);
    expect(attempts()).toBe(5 + waits.length);
    expect(waits.every((w) => w === 1000)).toBe(true);
  });
});

describe("damaged responses from the mock", () => {
  it("malformed JSON on a success is an InvalidResponseError", async () => {
    const { tap } = await setup(["malformed-json"], { retry: false });
    await expect(tap.get({ user: megan.id, id: megan.tap!.id })).rejects.toMatchObject({
      name: "InvalidResponseError",
      reason: "not-json",
    });
  });

  it("a body cut in half is an InvalidResponseError", async () => {
    const { tap } = await setup(["truncated-json"], { retry: false });
    await expect(tap.list({ user: megan.id })).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("a dropped connection is a NetworkError", async () => {
    const { tap } = await setup(["drop"], { retry: false });
    await expect(tap.list({ user: megan.id })).rejects.toBeInstanceOf(NetworkError);
  });

  it("a slow answer past the timeout is a RequestTimeoutError", async () => {
    const { tap } = await setup(["latency"], { retry: false, timeoutMs: 50, latencyMs: 5000 });
    await expect(tap.list({ user: megan.id })).rejects.toBeInstanceOf(RequestTimeoutError);
  });
});
