/**
 * A bounded property test: random requests (methods, paths with encodings and traversal,
 * tokens, content types, bodies, hostile headers) find no 500, no crash, and no error
 * without Graph's envelope.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "../../src/contract/schemas.js";
import { createMockGraph, startMockGraph, type MockGraph, type MockGraphCore } from "../../src/mock/index.js";
import type { MockRequest } from "../../src/mock/http/exchange.js";
import { parseSelect } from "../../src/mock/graph/select.js";
import { validateResponseBody } from "../../src/contract/schemas.js";
import { route } from "../../src/mock/graph/route.js";
import { ids, meganTap } from "./helpers.js";

const odataError = schemaValidator("ODataError");

let core: MockGraphCore;
let tokens: string[];

beforeAll(async () => {
  core = createMockGraph();
  tokens = await Promise.all([
    core.issueToken({ user: "adele" }),
    core.issueToken({ user: "megan", scopes: ["UserAuthenticationMethod.ReadWrite"] }),
    core.issueToken({ user: "sam" }),
    core.issueToken({ app: "tap-admin-app" }),
    core.issueToken({ app: "user-read-app" }),
    core.issueToken({ user: "adele", expiresInSeconds: -10 }),
  ]);
});

const segment = fc.oneof(
  fc.constantFrom(
    "users",
    "me",
    "authentication",
    "temporaryAccessPassMethods",
    "TemporaryAccessPassMethods",
    "$count",
    "..",
    ".",
    "%2e%2e",
    "%2F",
    "%",
    "%zz",
    "",
    "fido2Methods",
  ),
  fc.constantFrom(
    ids.megan,
    ids.nestor,
    meganTap,
    "megan@contoso.onmicrosoft.com",
    "megan%40contoso.onmicrosoft.com",
    "sam@outlook.com",
    "ada_x.com%23EXT%23@contoso.onmicrosoft.com",
  ),
  fc.uuid(),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ maxLength: 20 }),
);

const path = fc
  .tuple(fc.constantFrom("v1.0", "v1.0", "v1.0", "V1.0", "beta", ""), fc.array(segment, { maxLength: 7 }), fc.boolean())
  .map(([version, segs, slash]) => `/${[version, ...segs].join("/")}${slash ? "/" : ""}`);

const structured = fc
  .tuple(
    fc.constantFrom("me", `users/${ids.megan}`, "users/megan@contoso.onmicrosoft.com", "users/nobody"),
    fc.option(fc.oneof(fc.constant(meganTap), fc.uuid(), fc.string({ maxLength: 10 }).map(encodeURIComponent))),
  )
  .map(([who, id]) => `/v1.0/${who}/authentication/temporaryAccessPassMethods${id === null ? "" : `/${id}`}`);

const query = fc.oneof(
  fc.constant(""),
  fc.constantFrom(
    "$select=id",
    "$select=id,isUsable",
    "$select=nope",
    "$select=",
    "select=ID",
    "$top=1",
    "$select=%zz",
    "&&=&",
  ),
  fc.string({ maxLength: 30 }),
);

const bodyText = fc.oneof(
  fc.constant(undefined),
  fc.constant("{}"),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        lifetimeInMinutes: fc.oneof(fc.integer(), fc.double(), fc.string()),
        isUsableOnce: fc.oneof(fc.boolean(), fc.string()),
        startDateTime: fc.oneof(
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString())),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

const request = fc.record({
  method: fc.oneof(
    fc.constantFrom("GET", "POST", "DELETE", "PATCH", "PUT", "HEAD", "OPTIONS"),
    fc.string({ minLength: 1, maxLength: 12 }),
  ),
  path: fc.oneof(path, structured),
  query,
  authorization: fc.oneof(
    fc.constant(undefined),
    fc.nat(5).map((i) => `Bearer ${i}`),
    fc.constantFrom("Bearer", "Bearer  ", "bearer x.y.z", "Basic abc"),
    fc.string({ maxLength: 50 }),
  ),
  contentType: fc.option(
    fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "text/plain",
      "application/x-www-form-urlencoded",
      "",
      "APPLICATION/JSON",
      "application/merge-patch+json",
    ),
  ),
  clientRequestId: fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }))),
  scenario: fc.option(fc.string({ maxLength: 30 })),
  body: bodyText,
});

type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

function toMockRequest(r: Generated): MockRequest {
  const headers: Record<string, string> = {};
  if (r.authorization !== undefined) {
    const m = /^Bearer (\d)$/.exec(r.authorization);
    headers.authorization = m ? `Bearer ${tokens[Number(m[1])]}` : r.authorization;
  }
  if (r.contentType !== null) headers["content-type"] = r.contentType;
  if (r.clientRequestId !== null) headers["client-request-id"] = r.clientRequestId;
  if (r.scenario !== null) headers["x-tap-mock-scenario"] = r.scenario;
  return {
    method: r.method,
    origin: "http://127.0.0.1:1",
    path: r.path,
    query: r.query,
    headers,
    body: r.body === undefined ? undefined : new TextEncoder().encode(r.body),
  };
}

describe("random requests", () => {
  it("never get a 500, a crash or an error without the envelope (core, 2,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const req = toMockRequest(r);
        const res = await core.handle(req);
        expect(res.status).not.toBe(500);
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        expect(res.headers["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
        if (res.status >= 400) {
          const body = JSON.parse(res.body ?? "null") as unknown;
          expect(odataError(body), JSON.stringify(body)).toBe(true);
        }
        // Every success of a spec operation is what the spec documents for it.
        const matched = route(req.method, req.path);
        if (res.status < 300 && matched.kind === "operation") {
          const select = parseSelect(req.query);
          const selected = select.ok ? select.selected : undefined;
          const body = res.body === undefined ? undefined : (JSON.parse(res.body) as unknown);
          expect(validateResponseBody(matched.operation, res.status, body, selected)).toEqual([]);
        }
      }),
      { numRuns: 2000, seed: 20261128, interruptAfterTimeLimit: 60_000 },
    );
  });

  describe("over HTTP", () => {
    let mock: MockGraph;
    beforeAll(async () => {
      mock = await startMockGraph({ port: 0 });
    });
    afterAll(() => mock.close());

    it("never get a 500 or an error without the envelope (200 runs)", async () => {
      const token = await mock.issueToken({ user: "adele" });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const headers: Record<string, string> = { authorization: `Bearer ${token}` };
          if (r.contentType) headers["content-type"] = r.contentType;
          const method = ["GET", "POST", "DELETE", "PATCH", "PUT"].includes(r.method) ? r.method : "GET";
          const res = await fetch(`${mock.url}${r.path}${r.query ? `?${r.query}` : ""}`, {
            method,
            headers,
            body: method === "GET" || r.body === undefined ? undefined : r.body,
            signal: AbortSignal.timeout(10_000),
          });
          const text = await res.text();
          expect(res.status).toBeLessThan(500);
          expect(res.headers.get("request-id")).toBeTruthy();
          if (res.status >= 400) expect(odataError(JSON.parse(text))).toBe(true);
        }),
        { numRuns: 200, seed: 7, interruptAfterTimeLimit: 60_000 },
      );
    });
  });
});
