// Hostile input to the mock, second round (issue 19, item 4), over real HTTP on 127.0.0.1: deep
// values and odd `Expect` headers get Graph's 400 in its envelope, pipelined requests are each
// answered, the clock, fixtures and scope sizes are checked, and tokens for another cloud or for
// a tenant-less authority are refused. Each property failed on the code before the fix.
import { connect } from "node:net";
import fc from "fast-check";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMockArgs } from "../../conformance/cli/commands/mock.js";
import { UserError } from "../../src/errors.js";
import {
  createMockGraph,
  defaultFixtures,
  startMockGraph,
  type FixtureUser,
  type MockGraph,
} from "../../src/mock/index.js";
import { clouds } from "../../src/spec/clouds.js";
import { call, errorCode, ids, tapPath } from "../mock/helpers.js";

let mock: MockGraph;
let appToken: string;
const admin = defaultFixtures.apps[0]!;

beforeAll(async () => {
  mock = await startMockGraph();
  appToken = await mock.issueToken({ app: admin.clientId });
});
afterAll(() => mock.close());

/** Every answer on one raw connection after sending `raw` (until the server closes it). */
async function rawExchange(raw: string): Promise<string> {
  const socket = connect(Number(new URL(mock.url).port), "127.0.0.1");
  let out = "";
  socket.on("data", (d: Buffer) => {
    out += d.toString("latin1");
  });
  socket.on("error", () => undefined);
  socket.write(raw);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve();
    }, 3_000);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return out;
}

const statuses = (answers: string) => [...answers.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));

async function passCount(user: string): Promise<number> {
  const list = await call(mock, "GET", tapPath(user), { token: appToken });
  return (list.body as { value: unknown[] }).value.length;
}

describe("deep values get Graph's 400 in its envelope, never a 500", () => {
  it("a Create value nested 101 to 6,000 deep, in any property", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 101, max: 6_000 }),
        fc.constantFrom("lifetimeInMinutes", "startDateTime", "isUsableOnce", "somethingElse"),
        fc.constantFrom("[", '{"a":'),
        async (depth, property, open) => {
          const close = open === "[" ? "]" : "}";
          const body = `{"${property}":${open.repeat(depth)}1${close.repeat(depth)}}`;
          const before = await passCount(ids.nestor);
          const res = await call(mock, "POST", tapPath(ids.nestor), { token: appToken, body });
          expect(res.status, res.text.slice(0, 200)).toBe(400);
          expect(errorCode(res)).toBe("BadRequest");
          expect(await passCount(ids.nestor)).toBe(before);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("odd Expect headers get Graph's 400 in its envelope", () => {
  it("any Expect but 100-continue", async () => {
    const token = fc
      .stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,40}$/)
      .filter((t) => t.toLowerCase() !== "100-continue");
    await fc.assert(
      fc.asyncProperty(token, fc.constantFrom("GET", "POST"), async (expectation, method) => {
        const body = method === "POST" ? '{"lifetimeInMinutes":60}' : "";
        const out = await rawExchange(
          `${method} /v1.0${tapPath(ids.nestor)} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${appToken}\r\n` +
            `expect: ${expectation}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
        );
        expect(statuses(out)).toEqual([400]);
        const envelope = JSON.parse(out.slice(out.indexOf("\r\n\r\n") + 4)) as {
          error: { code: string; message: string; innerError: Record<string, string> };
        };
        expect(envelope.error.code).toBe("BadRequest");
        expect(envelope.error.innerError["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      }),
      { numRuns: 15 },
    );
  });
});

describe("pipelined requests are each answered, or none of them run", () => {
  it("a valid Create followed by a malformed request: the Create's 201 is on the wire before the 400", async () => {
    const malformed = fc.oneof(
      fc.constant("GARBAGE\r\n\r\n"),
      fc.constant("GET / HTTP/1.1\r\nbad header line\r\n\r\n"),
      fc.constant(`GET /${"x".repeat(20_000)} HTTP/1.1\r\nhost: a\r\n\r\n`),
      fc.stringMatching(/^[\x01-\x08\x0e-\x1f]{1,8}$/).map((junk) => `GET /${junk} HTTP/1.1\r\n\r\n`),
      fc.constant(`POST /v1.0/me HTTP/1.1\r\nhost: a\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n`),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), malformed, async (creates, bad) => {
        const body = JSON.stringify({ lifetimeInMinutes: 60 });
        const create =
          `POST /v1.0${tapPath(ids.nestor)} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${appToken}\r\n` +
          `content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
        const out = await rawExchange(create.repeat(creates) + bad);
        const seen = statuses(out);
        // Each Create that ran was answered, in order, and the malformed request got its 4xx last.
        expect(seen.slice(0, -1)).toEqual(Array(creates).fill(201));
        expect(seen.at(-1)).toBeGreaterThanOrEqual(400);
        expect(await passCount(ids.nestor)).toBe(1);
      }),
      { numRuns: 15 },
    );
  });
});

describe("the clock, fixtures and scope sizes are checked", () => {
  const DAY = 86_400_000;
  it("a clock outside what a Date holds is refused at start, by --clock and by set/advance", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: 8.64e15 - DAY + 1, max: 1e300, noNaN: true }), fc.constant(8.64e15)),
        fc.boolean(),
        (magnitude, negative) => {
          const ms = negative ? -magnitude : magnitude;
          expect(() => createMockGraph({ clock: ms })).toThrow(/outside the range a Date holds/);
          const core = createMockGraph();
          expect(() => core.clock.set(ms)).toThrow(/outside the range a Date holds/);
          expect(() => core.clock.advance(2 * ms)).toThrow(/outside the range a Date holds/);
          expect(Number.isFinite(core.clock.now().getTime())).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
    for (const flag of ["--clock=+275760-09-13T00:00:00.000Z", "--clock=-271821-04-20T00:00:00.000Z"]) {
      expect(() => parseMockArgs([flag])).toThrow(/^--clock must be a date between/);
    }
  });

  it("fixture roles that are not own role names, and pass offsets or lifetimes no date can hold", () => {
    const base = defaultFixtures.users.find((u) => u.name === "megan")!;
    const withUser = (user: FixtureUser) => ({ ...defaultFixtures, users: [user] });
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .constantFrom("constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf")
            .map((role) => ({ ...base, tap: undefined, directoryRoles: [role] })),
          fc
            .oneof(fc.double({ min: 1e8, max: 1e300 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY))
            .map((offset) => ({ ...base, tap: { ...base.tap!, startOffsetMinutes: offset } })),
          fc
            .oneof(fc.integer({ min: 1e8, max: Number.MAX_SAFE_INTEGER }), fc.constant(1e300))
            .map((lifetime) => ({ ...base, tap: { ...base.tap!, lifetimeInMinutes: lifetime } })),
        ),
        (user) => {
          expect(() => createMockGraph({ fixtures: withUser(user) })).toThrow(UserError);
          expect(() => createMockGraph({ fixtures: withUser(user) })).toThrow(/^fixtures: users\[0\]\./);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a scope too long for a token is invalid_scope, and the answer stays small", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4_200, max: 256 * 1024 }), async (length) => {
        // Distinct names: repeated ones collapse into one scope.
        let scope = "";
        for (let i = 0; scope.length < length; i++) scope += `Scope${i} `;
        const form = new URLSearchParams({
          grant_type: "password",
          username: "adele@contoso.onmicrosoft.com",
          password: defaultFixtures.password,
          scope: scope.slice(0, length),
        });
        const res = await fetch(mock.tokenUrl, { method: "POST", body: form, signal: AbortSignal.timeout(10_000) });
        const text = await res.text();
        expect(res.status).toBe(400);
        expect(JSON.parse(text)).toMatchObject({ error: "invalid_scope", error_codes: [70011] });
        expect(text.length).toBeLessThan(2_000);
      }),
      // A 4 MB scope (the form's limit) among them.
      { numRuns: 6, examples: [[4 * 1024 * 1024 - 200]] },
    );
  });
});

describe("tokens for another audience or a tenant-less authority are refused", () => {
  it("a token whose aud is another cloud's Graph root gets 401 on the mock's own host", async () => {
    const others = Object.values(clouds)
      .filter((c) => c.tapAvailable && c.graphRoot !== clouds.global.graphRoot)
      .map((c) => c.graphRoot);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...others),
        fc.constantFrom("app", "user"),
        fc.constantFrom("list", "create"),
        async (audience, kind, operation) => {
          const token = await mock.issueToken(
            kind === "app" ? { app: admin.clientId, audience } : { user: "pradeep", audience },
          );
          const res =
            operation === "list"
              ? await call(mock, "GET", tapPath(ids.megan), { token })
              : await call(mock, "POST", tapPath(ids.nestor), { token, body: { lifetimeInMinutes: 60 } });
          expect(res.status).toBe(401);
          expect(errorCode(res)).toBe("InvalidAuthenticationToken");
        },
      ),
      { numRuns: 12 },
    );
    // The mock's own cloud is global: its root and Graph's app id are accepted.
    for (const audience of [clouds.global.graphRoot, "00000003-0000-0000-c000-000000000000"]) {
      const token = await mock.issueToken({ app: admin.clientId, audience });
      expect((await call(mock, "GET", tapPath(ids.megan), { token })).status).toBe(200);
    }
  });

  it("client credentials for common, organizations or consumers are refused (no tenant named)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("common", "organizations", "consumers", "9188040d-6c67-4c5b-b112-36a304b66dad"),
        fc.boolean(),
        async (tenant, upper) => {
          const form = new URLSearchParams({
            grant_type: "client_credentials",
            client_id: admin.clientId,
            client_secret: defaultFixtures.clientSecret,
            scope: "https://graph.microsoft.com/.default",
          });
          const res = await fetch(`${mock.url}/${upper ? tenant.toUpperCase() : tenant}/oauth2/v2.0/token`, {
            method: "POST",
            body: form,
            signal: AbortSignal.timeout(5_000),
          });
          const body = (await res.json()) as { error: string; error_codes: number[]; access_token?: string };
          expect(res.status).toBe(400);
          expect(body).toMatchObject({ error: "invalid_request", error_codes: [50059] });
          expect(body.access_token).toBeUndefined();
        },
      ),
      { numRuns: 8 },
    );
    // The tenant's own id still works.
    const ok = await fetch(`${mock.url}/${mock.tenantId}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: admin.clientId,
        client_secret: defaultFixtures.clientSecret,
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    expect(decodeJwt(((await ok.json()) as { access_token: string }).access_token).idtyp).toBe("app");
  });
});
