// Hostile responses to the client, second round (issue 19), over real sockets on 127.0.0.1: every
// call settles within its deadline or its caller's abort whatever the body does and whenever
// garbage collection runs; decoded bytes are counted on every read path (a gzip bomb); odd
// status lines are the client's documented errors; delays a timer cannot hold are refused.
// Each property failed on the code before the fix.
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createGzip, deflateSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTapClient,
  GraphError,
  InvalidInputError,
  InvalidResponseError,
  NetworkError,
  RequestTimeoutError,
} from "../../src/index.js";
import { envelope, samplePass, startLocalServer, type LocalServer } from "../client/support/local-server.js";
import { repoRoot } from "../support/paths.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const here = dirname(fileURLToPath(import.meta.url));
const ID = samplePass.id;
const MiB = 1024 * 1024;

/** A body of zeros, `decoded` bytes long once inflated, gzip-compressed (about 1/1000 of that on the wire). */
async function gzipBomb(decoded: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on("data", (c: Buffer) => out.push(c));
  const zeros = Buffer.alloc(MiB);
  for (let left = decoded; left > 0; left -= MiB) {
    if (!gzip.write(zeros.subarray(0, Math.min(MiB, left)))) await once(gzip, "drain");
  }
  gzip.end();
  await once(gzip, "end");
  return Buffer.concat(out);
}

/** Starts a body that never ends: `size` spaces every `everyMs` after an opening brace. */
function drip(res: ServerResponse, status: number, everyMs: number, size: number): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.write("{");
  const spaces = " ".repeat(size);
  const timer = setInterval(() => res.write(spaces), everyMs);
  res.on("close", () => clearInterval(timer));
}

let server: LocalServer;
let bomb: Buffer;
let deflateBomb: Buffer;

beforeAll(async () => {
  bomb = await gzipBomb(256 * MiB);
  deflateBomb = deflateSync(Buffer.alloc(16 * MiB));
  server = await startLocalServer((req, res) => {
    const [, , , user = ""] = req.url.split("/");
    const [kind = "", status = "200", every = "50", size = "1"] = decodeURIComponent(user).split(":");
    if (kind === "drip") return drip(res, Number(status), Number(every), Number(size));
    if (kind === "gzip" || kind === "deflate") {
      const body = kind === "gzip" ? bomb : deflateBomb;
      res.writeHead(Number(status), {
        "content-type": "application/json",
        "content-encoding": kind,
        ...(every === "declared" ? { "content-length": String(body.byteLength) } : {}),
      });
      return res.end(body);
    }
    res.writeHead(404).end();
  });
});
afterAll(() => server.close());

/** Fails (instead of hanging the suite) when `pending` has not settled within `ms`. */
async function settlesWithin<T>(pending: Promise<T>, ms: number): Promise<{ value?: T; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([
      pending.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe("every call settles, whatever the body does and whenever GC runs", () => {
  it("a slow body with collections during the read: the timeout or the caller's abort ends the call", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          status: fc.constantFrom(200, 500),
          everyMs: fc.integer({ min: 5, max: 60 }),
          budgetMs: fc.integer({ min: 150, max: 400 }),
          ender: fc.constantFrom("timeout", "abort"),
          operation: fc.constantFrom("get", "list", "raw"),
          contract: fc.boolean(),
          gcEveryMs: fc.integer({ min: 5, max: 40 }),
        }),
        async ({ status, everyMs, budgetMs, ender, operation, contract, gcEveryMs }) => {
          const tap = createTapClient({
            baseUrl: server.graphUrl,
            credential: "t",
            retry: false,
            ...(contract ? { contract: {} } : {}),
            ...(ender === "timeout" ? { timeoutMs: budgetMs } : {}),
          });
          const user = `drip:${status}:${everyMs}`;
          const signal = ender === "abort" ? AbortSignal.timeout(budgetMs) : undefined;
          const collect = setInterval(gc, gcEveryMs);
          const started = Date.now();
          try {
            const call: Promise<unknown> =
              operation === "get"
                ? tap.get({ user, id: ID, signal })
                : operation === "list"
                  ? tap.list({ user, signal })
                  : tap.raw.GET("/users/{user-id}/authentication/temporaryAccessPassMethods", {
                      params: { path: { "user-id": user } },
                      signal: signal ?? AbortSignal.timeout(budgetMs),
                    });
            const { error } = await settlesWithin(call, budgetMs + 3_000);
            expect(error, `${operation} settled without an error`).toBeDefined();
            if (ender === "timeout" && operation !== "raw") expect(error).toBeInstanceOf(RequestTimeoutError);
            else expect((error as Error).name).toMatch(/TimeoutError|AbortError/);
            expect(Date.now() - started).toBeLessThan(budgetMs + 3_000);
          } finally {
            clearInterval(collect);
          }
        },
      ),
      { numRuns: 12, interruptAfterTimeLimit: 20_000 },
    );
  }, 40_000);

  it("two slow calls in a row with a timeout of 4 s each end by it, without forcing a collection", () => {
    // In a process of its own: a fresh heap whose collections the runtime alone decides.
    const child = spawnSync(process.execPath, ["--import", "tsx", join(here, "support", "slow-calls.ts")], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 25_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const calls = child.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { outcome: string; ms: number });
    expect(calls.map((c) => c.outcome)).toEqual(["RequestTimeoutError", "RequestTimeoutError"]);
    for (const { ms } of calls) expect(ms).toBeGreaterThanOrEqual(3_900);
  }, 30_000);

  it("a fetch that ignores its signal cannot hang the call", async () => {
    const never = () => new Promise<Response>(() => undefined);
    const silentBody = async () =>
      new Response(new ReadableStream({ pull: () => new Promise<void>(() => undefined) }), { status: 200 });
    for (const fetch of [never, silentBody]) {
      const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", retry: false, timeoutMs: 100, fetch });
      const { error } = await settlesWithin(tap.list({ user: "u" }), 3_000);
      expect(error).toBeInstanceOf(RequestTimeoutError);
    }
  });
});

describe("decoded bytes are counted on every read path", () => {
  it("a 256 KiB gzip bomb (256 MiB inflated) is too large for the default 1 MiB, declared length or not", async () => {
    expect(bomb.byteLength).toBeLessThan(300 * 1024);
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "t", retry: false });
    for (const user of ["gzip:200:declared", "gzip:200:chunked"]) {
      const { error } = await settlesWithin(tap.get({ user, id: ID }), 10_000);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ reason: "too-large", status: 200 });
    }
  });

  it("whatever the encoding, status and reader, an inflating body stops at maxResponseBytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          encoding: fc.constantFrom("gzip", "deflate"),
          status: fc.constantFrom(200, 400, 503),
          length: fc.constantFrom("declared", "chunked"),
          reader: fc.constantFrom("get", "list", "raw", "contract"),
          maxResponseBytes: fc.integer({ min: 1024, max: 2 * MiB }),
        }),
        async ({ encoding, status, length, reader, maxResponseBytes }) => {
          const tap = createTapClient({
            baseUrl: server.graphUrl,
            credential: "t",
            retry: false,
            maxResponseBytes,
            ...(reader === "contract" ? { contract: {} } : {}),
          });
          const user = `${encoding}:${status}:${length}`;
          const call: Promise<unknown> =
            reader === "raw"
              ? tap.raw.GET("/users/{user-id}/authentication/temporaryAccessPassMethods", {
                  params: { path: { "user-id": user } },
                })
              : reader === "list"
                ? tap.list({ user })
                : tap.get({ user, id: ID });
          const { error } = await settlesWithin(call, 10_000);
          expect(error).toBeInstanceOf(InvalidResponseError);
          expect(error).toMatchObject({ reason: "too-large" });
        },
      ),
      { numRuns: 16, interruptAfterTimeLimit: 20_000 },
    );
  }, 40_000);
});

describe("odd status lines are the client's documented errors", () => {
  let raw: NetServer;
  let statusLine = "";
  let origin = "";
  beforeAll(async () => {
    raw = createNetServer((socket) => {
      socket.once("data", () => {
        const body = JSON.stringify(envelope("badRequest", "no"));
        socket.end(
          Buffer.from(
            `${statusLine}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
            "latin1",
          ),
        );
      });
      socket.on("error", () => undefined);
    });
    raw.listen(0, "127.0.0.1");
    await once(raw, "listening");
    origin = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => raw.close(() => resolve())));

  it("a status outside 200..599 or any reason phrase: a result, or an InvalidResponseError or " +
    "NetworkError", async () => {
    const documented = [InvalidResponseError, NetworkError];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: 200, max: 599 }), fc.integer({ min: 600, max: 999 })),
        // Latin-1 text without CR/LF: every other byte, control characters included.
        fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
        fc.constantFrom("get", "list", "raw"),
        async (status, reason, operation) => {
          statusLine = `HTTP/1.1 ${status} ${reason.replace(/[\r\n]/g, "")}`;
          const tap = createTapClient({ baseUrl: `${origin}/v1.0`, credential: "t", retry: false, timeoutMs: 3_000 });
          const call: Promise<unknown> =
            operation === "get"
              ? tap.get({ user: "u", id: ID })
              : operation === "list"
                ? tap.list({ user: "u" })
                : tap.raw.GET("/users/{user-id}/authentication/temporaryAccessPassMethods", {
                    params: { path: { "user-id": "u" } },
                  });
          const { value, error } = await settlesWithin(call, 5_000);
          if (error !== undefined) {
            expect(
              documented.some((type) => error instanceof type),
              `${JSON.stringify(statusLine)}: ${String(error)}`,
            ).toBe(true);
            if (status > 599) expect(error).toMatchObject({ reason: "bad-status", status });
          } else {
            expect(status).toBeLessThan(600);
            expect((value as { response: Response }).response.status).toBe(status);
          }
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 15_000 },
    );
  }, 30_000);

  it("a status that never has a body (205, 304) whose headers promise one: no parse error, on any path", async () => {
    const tap = createTapClient({ baseUrl: `${origin}/v1.0`, credential: "t", retry: false, timeoutMs: 3_000 });
    for (const status of [205, 304]) {
      statusLine = `HTTP/1.1 ${status} X`;
      const raw = await tap.raw.GET("/users/{user-id}/authentication/temporaryAccessPassMethods", {
        params: { path: { "user-id": "u" } },
      });
      expect(raw.response.status).toBe(status);
      for (const call of [tap.get({ user: "u", id: ID }) as Promise<unknown>, tap.list({ user: "u" })]) {
        const { error } = await settlesWithin(call, 5_000);
        if (error !== undefined)
          expect([InvalidResponseError, NetworkError].some((t) => error instanceof t)).toBe(true);
      }
    }
  });

  it("status 600 and a control character in a 404's reason phrase, named", async () => {
    const tap = createTapClient({ baseUrl: `${origin}/v1.0`, credential: "t", retry: false });
    statusLine = "HTTP/1.1 600 Odd";
    await expect(tap.get({ user: "u", id: ID })).rejects.toThrow(
      /^Received: a response with HTTP status 600 \/ Expected: a status from 200 to 599$/,
    );
    statusLine = "HTTP/1.1 404 Not\x01Found";
    const { error } = await tap.get({ user: "u", id: ID });
    expect(error).toMatchObject({ status: 404, error: { code: "badRequest" } });
    expect(() => {
      if (error) throw new GraphError(error);
    }).toThrow(GraphError);
  });
});

describe("delays and timeouts a timer cannot hold are refused", () => {
  const MAX = 2 ** 31 - 1;
  it("timeoutMs, a call's timeoutMs, retry.maxDelayMs and retry.baseDelayMs over 2^31 - 1 ms", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: MAX + 1, max: Number.MAX_SAFE_INTEGER }),
          fc.double({ min: MAX + 1, max: 1e300, noNaN: true }),
        ),
        fc.constantFrom("timeoutMs", "call", "retry.maxDelayMs", "retry.baseDelayMs"),
        async (ms, where) => {
          const base = { baseUrl: server.graphUrl, credential: "t" };
          if (where === "call") {
            const tap = createTapClient(base);
            const sent = server.received.length;
            await expect(tap.list({ user: "never-sent", timeoutMs: ms })).rejects.toThrow(
              /^timeoutMs must be at most 2147483647 ms \(about 24\.8 days, the longest a timer holds\), received /,
            );
            expect(server.received.length).toBe(sent);
            return;
          }
          const options =
            where === "timeoutMs"
              ? { ...base, timeoutMs: ms }
              : { ...base, retry: { [where.slice("retry.".length)]: ms } };
          expect(() => createTapClient(options)).toThrow(InvalidInputError);
          expect(() => createTapClient(options)).toThrow(
            new RegExp(`^${where.replace(".", "\\.")} must be at most 2147483647 ms`),
          );
        },
      ),
      { numRuns: 40 },
    );
    // The longest a timer holds is still accepted.
    expect(() => createTapClient({ credential: "t", timeoutMs: MAX, retry: { maxDelayMs: MAX } })).not.toThrow();
  });
});
