// The typed client against a hostile server over real sockets: every misbehaviour becomes a
// typed error or an `{ error }` result within the client's time budget, and nothing leaks.
// The budget is enforced by the client's own timeout; vitest's test timeout only catches a hang.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTapClient, InvalidResponseError, NetworkError, RequestTimeoutError } from "../../src/index.js";
import { startHostileServer, type HostileMode, type HostileServer } from "../support/hostile-server.js";

const ID = "6f1967b7-15e8-4935-ac26-d50770ed07a7";
// JWT-shaped, so that a leak would also be caught by the redaction rules.
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYXVsdC10ZXN0In0.c2VjcmV0LXNpZ25hdHVyZS1mYXVsdHM";
const BUDGET_MS = 700;
/** What the client says when no HTTP answer came: the call, then a reason. */
const noResponse = /^GET http:\/\/127\.0\.0\.1:\d+\/\S+: no response: \S/;

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server?.close());

function client(mode: HostileMode) {
  return createTapClient({ baseUrl: server.base(mode), credential: TOKEN, timeoutMs: BUDGET_MS });
}

async function outcome(mode: HostileMode): Promise<unknown> {
  return client(mode)
    .get({ user: "adele@contoso.onmicrosoft.com", id: ID })
    .then(
      (result) => result,
      (err: unknown) => err,
    );
}

function text(value: unknown): string {
  return value instanceof Error ? `${value.name} ${value.message} ${String(value.stack)}` : JSON.stringify(value);
}

describe("the client against a hostile server", () => {
  it.each([
    // No HTTP answer: the reason after "no response:" is the runtime's (Node's undici words it
    // differently from one release to the next), so only its presence is asserted.
    { mode: "garbage-bytes", type: NetworkError, message: noResponse },
    { mode: "reset", type: NetworkError, message: noResponse },
    { mode: "huge-headers", type: NetworkError, message: noResponse },
    { mode: "garbage-body", type: InvalidResponseError, message: /not JSON/ },
    { mode: "huge-body", type: InvalidResponseError, message: /at most 1048576 bytes/ },
    {
      mode: "never-ending",
      type: RequestTimeoutError,
      message: new RegExp(`no complete response within ${BUDGET_MS} ms`),
    },
    {
      mode: "slow-drip",
      type: RequestTimeoutError,
      message: new RegExp(`no complete response within ${BUDGET_MS} ms`),
    },
    { mode: "stall", type: RequestTimeoutError, message: new RegExp(`no complete response within ${BUDGET_MS} ms`) },
  ] as const)("$mode becomes a $type.name with a one-line message", async ({ mode, type, message }) => {
    const err = await outcome(mode);
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain("\n");
    expect(text(err)).not.toContain(TOKEN.split(".")[2]);
  });

  it("stops reading a 50 MiB body at the size cap instead of downloading it", async () => {
    const before = server.bytesStreamed();
    await expect(outcome("huge-body")).resolves.toMatchObject({ reason: "too-large" });
    // The server stops when the client hangs up; well below 50 MiB went out for this call.
    await new Promise((r) => setTimeout(r, 100));
    expect(server.bytesStreamed() - before).toBeLessThan(16 * 1024 * 1024);
  });

  it("gives up a 429 storm within its budget: bounded attempts, the 429 as an { error } result", async () => {
    const before = server.received.filter((r) => r.mode === "throttle-storm").length;
    const storm = createTapClient({ baseUrl: server.base("throttle-storm"), credential: TOKEN, timeoutMs: 1500 });
    const result = (await storm.get({ user: "adele", id: ID }).catch((e: unknown) => e)) as {
      error?: { status: number; error: { code: string } };
    };
    const attempts = server.received.filter((r) => r.mode === "throttle-storm").length - before;
    expect(result.error).toMatchObject({ status: 429, error: { code: "TooManyRequests" } });
    // Retry-After is 1 s and the budget 1.5 s: the first try and at most one retry fit.
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(2);
  });

  it(
    "does not follow a redirect (Graph never sends one): the 302 is an { error }, the other host is never " + "asked",
    async () => {
      const reached = server.otherHost.received.length;
      const result = (await outcome("redirect-other-host")) as {
        data?: unknown;
        error?: { status: number; error: { code: string } };
      };
      const sent = server.received.filter((r) => r.mode === "redirect-other-host").at(-1);
      expect(sent?.authorization).toBe(`Bearer ${TOKEN}`);
      expect(result.data).toBeUndefined();
      expect(result.error).toMatchObject({ status: 302, error: { code: "unexpectedResponse" } });
      expect(server.otherHost.received.length).toBe(reached);
    },
  );

  it("does not follow a redirect through the raw openapi-fetch client either", async () => {
    const reached = server.otherHost.received.length;
    const { data, response } = await client("redirect-other-host").raw.GET(
      "/users/{user-id}/authentication/temporaryAccessPassMethods",
      {
        params: { path: { "user-id": "adele@contoso.onmicrosoft.com" } },
      },
    );
    // openapi-fetch answers a bodyless non-2xx as { error: undefined, response }: no data either way.
    expect(response.status).toBe(302);
    expect(data).toBeUndefined();
    expect(server.otherHost.received.length).toBe(reached);
  });

  it("leaves no call pending: every mode settles, side by side", async () => {
    const modes: HostileMode[] = [
      "garbage-bytes",
      "garbage-body",
      "never-ending",
      "reset",
      "huge-headers",
      "slow-drip",
      "huge-body",
      "stall",
    ];
    const settled = await Promise.allSettled(modes.map((m) => client(m).list({ user: "me" })));
    expect(settled.map((s) => s.status)).toEqual(modes.map(() => "rejected"));
  });
});
