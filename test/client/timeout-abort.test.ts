// Nothing hangs: every call ends by its timeout or its caller's signal, over real sockets.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTapClient, RequestTimeoutError } from "../../src/index.js";
import { envelope, json, samplePass, startLocalServer, type LocalServer } from "./support/local-server.js";

const ID = samplePass.id;
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url.includes("/users/stall/")) return; // never answers
    if (req.url.includes("/users/stall-body/")) {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      return res.write("{");
    }
    if (req.url.includes("/users/throttle/"))
      return json(res, 429, envelope("TooManyRequests", "later"), { "retry-after": "5" });
    return json(res, 200, samplePass);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

describe("timeouts", () => {
  it("ends a call whose server never answers with a RequestTimeoutError", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", timeoutMs: 50 });
    const err = await tap.get({ user: "stall", id: ID }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestTimeoutError);
    expect(err).toMatchObject({ name: "RequestTimeoutError", timeoutMs: 50 });
    expect((err as Error).message).toMatch(
      /GET \/users\/\{user-id\}\/authentication\/temporaryAccessPassMethods\/\{temporaryAccessPassAuthenticationMethod-id\}: no complete response within 50 ms/,
    );
  });

  it("ends a call whose body stalls half-way", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", timeoutMs: 50 });
    await expect(tap.get({ user: "stall-body", id: ID })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("takes a per-call timeout over the client's", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", timeoutMs: 60_000 });
    await expect(tap.list({ user: "stall", timeoutMs: 30 })).rejects.toMatchObject({ timeoutMs: 30 });
  });

  it("refuses a per-call timeout that is not a positive number, before sending", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t" });
    await expect(tap.list({ user: "bad-timeout", timeoutMs: -1 })).rejects.toThrow(
      /timeoutMs must be a positive finite number, received "-1"/,
    );
    expect(server.received.filter((r) => r.url.includes("bad-timeout"))).toEqual([]);
  });

  it("covers a credential that never returns", async () => {
    const tap = createTapClient({
      baseUrl: server.graphUrl,
      timeoutMs: 30,
      credential: ({ signal }) =>
        new Promise<string>((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason))),
    });
    await expect(tap.list({ user: "credential-never-returns" })).rejects.toBeInstanceOf(RequestTimeoutError);
    // Filtered by path: an earlier test's aborted request may still arrive at the server.
    expect(server.received.filter((r) => r.url.includes("credential-never-returns"))).toEqual([]);
  });
});

describe("aborts", () => {
  it("rejects with the caller's reason when the caller aborts mid-request", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t" });
    const controller = new AbortController();
    const pending = tap.get({ user: "stall", id: ID, signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException("user left", "AbortError")), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError", message: "user left" });
  });

  it("sends nothing for an already aborted signal", async () => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t" });
    await expect(tap.list({ user: "pre-aborted", signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.received.filter((r) => r.url.includes("pre-aborted"))).toEqual([]);
  });

  it("stops waiting for a retry when the caller aborts", async () => {
    const controller = new AbortController();
    const tap = createTapClient({
      baseUrl: server.graphUrl,
      credential: "t",
      retry: { onRetry: () => setTimeout(() => controller.abort(), 10) },
    });
    await expect(tap.get({ user: "throttle", id: ID, signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.received.filter((r) => r.url.includes("/users/throttle/"))).toHaveLength(1);
  });
});
