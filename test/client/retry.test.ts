// Retries over real HTTP with an injected sleeper and clock: attempts and waits are counted, not timed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTapClient, type RetryOptions } from "../../src/index.js";
import { envelope, json, samplePass, startLocalServer, type LocalServer } from "./support/local-server.js";

const ID = samplePass.id;
const NOW = Date.parse("2026-11-28T10:00:00Z");
let server: LocalServer;
/** Statuses (and Retry-After values) to answer with, in order; then 200/201. */
let script: Array<[number, string | undefined]> = [];

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const next = script.shift();
    if (next) {
      const [status, retryAfter] = next;
      return json(
        res,
        status,
        envelope("TooManyRequests", "Please retry again later."),
        retryAfter === undefined ? {} : { "retry-after": retryAfter },
      );
    }
    if (req.method === "POST") return json(res, 201, { ...samplePass, temporaryAccessPass: "Q$wSrZ3R" });
    if (req.method === "DELETE") {
      res.writeHead(204);
      return res.end();
    }
    if (req.url.endsWith("/temporaryAccessPassMethods"))
      return json(res, 200, { "@odata.context": "x", value: [samplePass] });
    return json(res, 200, samplePass);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  script = [];
  server.received.length = 0;
});

function setup(retry: RetryOptions = {}, timeoutMs?: number) {
  const waits: number[] = [];
  const tap = createTapClient({
    baseUrl: server.graphUrl,
    credential: "t",
    timeoutMs,
    retry: { random: () => 0, now: () => NOW, sleep: async (ms) => void waits.push(ms), ...retry },
  });
  return { tap, waits };
}

describe("retries", () => {
  it("retries a throttled GET after each Retry-After, fractional seconds included", async () => {
    script = [
      [429, "2.128"],
      [429, "1"],
    ];
    const { tap, waits } = setup();
    const result = await tap.get({ user: "me", id: ID });
    expect(result.data?.id).toBe(ID);
    expect(server.received).toHaveLength(3);
    expect(waits).toEqual([2128, 1000]);
  });

  it("keeps one client-request-id across the attempts of a call, and a new one per call", async () => {
    script = [[503, "0"]];
    const { tap } = setup();
    await tap.get({ user: "me", id: ID });
    await tap.get({ user: "me", id: ID });
    const ids = server.received.map((r) => r.headers["client-request-id"]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it("reads an HTTP-date Retry-After against the injected clock", async () => {
    script = [[503, new Date(NOW + 4000).toUTCString()]];
    const { tap, waits } = setup();
    expect((await tap.list({ user: "me" })).error).toBeUndefined();
    expect(waits).toEqual([4000]);
  });

  it("backs off exponentially when a 504 has no Retry-After", async () => {
    script = [
      [504, undefined],
      [504, undefined],
      [504, undefined],
    ];
    const { tap, waits } = setup({ baseDelayMs: 100 });
    expect((await tap.delete({ user: "me", id: ID })).error).toBeUndefined();
    expect(waits).toEqual([50, 100, 200]);
    expect(server.received).toHaveLength(4);
  });

  it("stops after maxRetries and returns the last throttled response", async () => {
    script = [
      [429, "0"],
      [429, "0"],
      [429, "0"],
      [429, "0"],
    ];
    const { tap, waits } = setup({ maxRetries: 2 });
    const { error } = await tap.get({ user: "me", id: ID });
    expect(error).toMatchObject({ status: 429, error: { code: "TooManyRequests" } });
    expect(server.received).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it("does not wait longer than the cap: a longer Retry-After is returned to the caller", async () => {
    script = [[429, "120"]];
    const { tap, waits } = setup({ maxDelayMs: 30_000 });
    expect((await tap.get({ user: "me", id: ID })).error?.status).toBe(429);
    expect(waits).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it("does not start a wait that would outlast the call's timeout", async () => {
    script = [[429, "5"]];
    const { tap, waits } = setup({}, 3000);
    expect((await tap.get({ user: "me", id: ID })).error?.status).toBe(429);
    expect(waits).toEqual([]);
  });

  it("retries Create on 429 (not processed) with the same body", async () => {
    script = [[429, "0.5"]];
    const { tap, waits } = setup();
    const { data } = await tap.create({ user: "nestor@contoso.onmicrosoft.com", body: { lifetimeInMinutes: 90 } });
    expect(data?.temporaryAccessPass).toBe("Q$wSrZ3R");
    expect(waits).toEqual([500]);
    expect(server.received.map((r) => r.body)).toEqual(['{"lifetimeInMinutes":90}', '{"lifetimeInMinutes":90}']);
  });

  it.each([503, 504])("does not repeat Create after %d: the pass may exist", async (status) => {
    script = [[status, "0"]];
    const { tap, waits } = setup();
    expect((await tap.create({ user: "nestor@contoso.onmicrosoft.com" })).error?.status).toBe(status);
    expect(server.received).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("does not retry other errors", async () => {
    script = [[500, "0"]];
    const { tap } = setup();
    expect((await tap.get({ user: "me", id: ID })).error?.status).toBe(500);
    expect(server.received).toHaveLength(1);
  });

  it("can be turned off", async () => {
    script = [[429, "0"]];
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", retry: false });
    expect((await tap.get({ user: "me", id: ID })).error?.status).toBe(429);
    expect(server.received).toHaveLength(1);
  });

  it("tells onRetry about each retry", async () => {
    script = [
      [429, "1"],
      [503, "2"],
    ];
    const seen: unknown[] = [];
    const { tap } = setup({
      onRetry: (info) =>
        seen.push({ attempt: info.attempt, status: info.status, delayMs: info.delayMs, method: info.method }),
    });
    await tap.list({ user: "me" });
    expect(seen).toEqual([
      { attempt: 1, status: 429, delayMs: 1000, method: "GET" },
      { attempt: 2, status: 503, delayMs: 2000, method: "GET" },
    ]);
  });
});

describe("retries through raw (the openapi-fetch middleware)", () => {
  it("follow the same policy, resending a Create body", async () => {
    script = [
      [429, "0.5"],
      [429, "1"],
    ];
    const { tap, waits } = setup();
    const { data, response } = await tap.raw.POST("/users/{user-id}/authentication/temporaryAccessPassMethods", {
      params: { path: { "user-id": "nestor@contoso.onmicrosoft.com" } },
      body: { lifetimeInMinutes: 90 },
    });
    expect(response.status).toBe(201);
    expect(data?.temporaryAccessPass).toBe("Q$wSrZ3R");
    expect(waits).toEqual([500, 1000]);
    expect(server.received.map((r) => r.body)).toEqual(Array(3).fill('{"lifetimeInMinutes":90}'));
  });

  it("do not repeat a Create after a 503", async () => {
    script = [[503, "0"]];
    const { tap, waits } = setup();
    const { response } = await tap.raw.POST("/users/{user-id}/authentication/temporaryAccessPassMethods", {
      params: { path: { "user-id": "nestor@contoso.onmicrosoft.com" } },
      body: {},
    });
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe("retries with the contract middleware", () => {
  it("checks the responses a retry replaced, not only the last one", async () => {
    script = [[429, "0"]];
    const checks: string[][] = [];
    const tap = createTapClient({
      baseUrl: server.graphUrl,
      credential: "t",
      retry: { random: () => 0, sleep: async () => undefined },
      contract: {
        onViolation: (violations, exchange) =>
          checks.push([String(exchange.response.status), ...violations.map((v) => v.check)]),
      },
    });
    expect((await tap.get({ user: "me", id: ID })).data?.id).toBe(ID);
    expect(server.received).toHaveLength(2);
    // The local server's 429 lacks client-request-id and @odata.context; what matters is that it was checked.
    expect(checks.map((c) => c[0])).toContain("429");
    // The same through raw, where the retry middleware hands the replaced response to the contract middleware.
    checks.length = 0;
    script = [[429, "0"]];
    const { data } = await tap.raw.GET(
      "/me/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}",
      {
        params: { path: { "temporaryAccessPassAuthenticationMethod-id": ID } },
      },
    );
    expect(data?.id).toBe(ID);
    expect(checks.map((c) => c[0])).toContain("429");
  });
});
