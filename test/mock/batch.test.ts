/**
 * JSON batching over HTTP: Microsoft's own batch helpers (`BatchRequestContent`,
 * `BatchResponseContent` of `@microsoft/microsoft-graph-client`, unchanged) build the envelope
 * and read the answer; the mock handles each inner request as it would alone.
 */
import { BatchRequestContent, BatchResponseContent } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { graphError, wwwAuthenticate } from "../../src/spec/index.js";
import { call, errorMessage, ids, tapPath } from "./helpers.js";

let mock: MockGraph;
let admin: string;

beforeAll(async () => {
  mock = await startMockGraph({ port: 0, faults: { rate: 0, byHeader: true }, scenarios: true });
  admin = await mock.issueToken({ user: "adele", scopes: ["UserAuthenticationMethod.ReadWrite.All"] });
});
afterAll(() => mock.close());

const unknownPass = "05267842-25b2-4b21-8abd-8e4982796f7f";
type Inner = { id: string; status: number; headers?: Record<string, string>; body?: unknown };

async function batch(body: unknown, token = admin, headers: Record<string, string> = {}) {
  return call(mock, "POST", "/$batch", { token, body, headers });
}

describe("POST /v1.0/$batch", () => {
  it(
    "answers a List, a Create and a Get of an unknown pass with 200, 201 and 404 in one response (Microsoft's " +
      "helpers)",
    async () => {
      const url = (p: string) => `${mock.graphUrl}${p}`;
      const content = new BatchRequestContent([
        { id: "list", request: new Request(url(tapPath(ids.megan))) },
        {
          id: "create",
          request: new Request(url(tapPath(ids.nestor)), {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ lifetimeInMinutes: 60 }),
          }),
        },
        { id: "get", request: new Request(url(`${tapPath(ids.nestor)}/${unknownPass}`)) },
      ]);
      const res = await batch(await content.getContent());
      expect(res.status).toBe(200);
      const read = new BatchResponseContent(res.body as { responses: [] });
      const [list, created, missing] = ["list", "create", "get"].map((id) => read.getResponseById(id)!);
      expect([list!.status, created!.status, missing!.status]).toEqual([200, 201, 404]);
      const pass = (await created!.json()) as { temporaryAccessPass: string };
      expect(pass.temporaryAccessPass).toMatch(/^.{8}$/);
      expect(((await missing!.json()) as { error: { code: string } }).error.code).toBe(
        graphError("methodNotFound").code,
      );
      expect(list!.headers.get("content-type")).toMatch(/^application\/json;odata\.metadata=minimal/);
    },
  );

  it("refuses a duplicate id and 21 requests as a whole, as Microsoft's helpers do before sending", async () => {
    const one = { id: "1", method: "GET", url: tapPath(ids.megan) };
    const dup = await batch({ requests: [one, { ...one }] });
    expect([dup.status, errorMessage(dup)]).toEqual([400, graphError("batchDuplicateId", { id: "1" }).message]);
    const many = await batch({ requests: Array.from({ length: 21 }, (_, i) => ({ ...one, id: String(i) })) });
    expect([many.status, errorMessage(many)]).toEqual([
      400,
      graphError("batchTooManyRequests", { count: 21, limit: 20 }).message,
    ]);
    const twenty = await batch({ requests: Array.from({ length: 20 }, (_, i) => ({ ...one, id: String(i) })) });
    expect(twenty.status).toBe(200);
    expect(
      () =>
        new BatchRequestContent([
          { id: "1", request: new Request("http://x/") },
          { id: "1", request: new Request("http://x/") },
        ]),
    ).toThrow();
  });

  it.each([
    [{}, "no `requests` array"],
    [{ requests: [] }, "`requests` is empty"],
    [{ requests: [{ id: "1", method: "GET" }] }, "request '1' has no `url`"],
    [{ requests: [{ id: "1", method: "GET", url: "https://graph.microsoft.com/v1.0/me" }] }, "absolute"],
    [{ requests: [{ id: "1", method: "GET", url: "/me", dependsOn: ["9"] }] }, "depends on '9'"],
    [
      {
        requests: [
          { id: "a", method: "GET", url: "/me", dependsOn: ["b"] },
          { id: "b", method: "GET", url: "/me", dependsOn: ["a"] },
        ],
      },
      "cycle",
    ],
  ])("refuses a malformed envelope %j with 400", async (body, words) => {
    const res = await batch(body);
    expect(res.status).toBe(400);
    expect(errorMessage(res)).toContain(words);
  });

  it("handles each inner request as alone: the outer token, its permissions, unserved paths", async () => {
    const reader = await mock.issueToken({ user: "grace", scopes: ["UserAuthenticationMethod.Read.All"] });
    const res = await batch(
      {
        requests: [
          { id: "read", method: "GET", url: tapPath(ids.megan) },
          {
            id: "write",
            method: "POST",
            url: tapPath(ids.nestor),
            headers: { "Content-Type": "application/json" },
            body: {},
          },
          { id: "elsewhere", method: "GET", url: "/users/x/drive" },
          {
            id: "inner-batch",
            method: "POST",
            url: "/$batch",
            headers: { "Content-Type": "application/json" },
            body: {},
          },
        ],
      },
      reader,
    );
    const by = Object.fromEntries((res.body as { responses: Inner[] }).responses.map((r) => [r.id, r]));
    expect(by.read!.status).toBe(200);
    expect(by.write!.status).toBe(graphError("missingPermission").status);
    expect(by.elsewhere!.status).toBe(400);
    expect(by["inner-batch"]!.status).toBe(400);
    const anonymous = await call(mock, "POST", "/$batch", {
      body: { requests: [{ id: "1", method: "GET", url: tapPath(ids.megan) }] },
    });
    const inner = (anonymous.body as { responses: Inner[] }).responses[0]!;
    expect([anonymous.status, inner.status, inner.headers?.["WWW-Authenticate"]]).toEqual([200, 401, wwwAuthenticate]);
  });

  it("runs dependsOn in order and answers 424 when a dependency failed", async () => {
    const res = await batch({
      requests: [
        { id: "get", method: "GET", url: `${tapPath(ids.nestor)}/${unknownPass}`, dependsOn: ["create"] },
        {
          id: "create",
          method: "POST",
          url: tapPath(ids.nestor),
          headers: { "content-type": "application/json" },
          body: {},
        },
        { id: "after", method: "GET", url: tapPath(ids.nestor), dependsOn: ["get"] },
      ],
    });
    const responses = (res.body as { responses: Inner[] }).responses;
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ["get", 404],
      ["create", 201],
      ["after", 424],
    ]);
  });

  it(
    "throttles inner requests each with its own Retry-After under the throttle fault, and applies " + "scenarios",
    async () => {
      const res = await batch(
        {
          requests: [
            { id: "1", method: "GET", url: tapPath(ids.megan) },
            { id: "2", method: "GET", url: tapPath(ids.megan) },
          ],
        },
        admin,
        { "x-tap-mock-fault": "throttle" },
      );
      const responses = (res.body as { responses: Inner[] }).responses;
      expect(res.status).toBe(200);
      expect(responses.map((r) => [r.status, r.headers?.["Retry-After"]])).toEqual([
        [429, "1"],
        [429, "1"],
      ]);
      const leaked = await batch({ requests: [{ id: "1", method: "GET", url: tapPath(ids.megan) }] }, admin, {
        "x-tap-mock-scenario": "secret-on-read",
      });
      const body = (leaked.body as { responses: Inner[] }).responses[0]!.body as {
        value: Array<{ temporaryAccessPass: unknown }>;
      };
      expect(typeof body.value[0]!.temporaryAccessPass).toBe("string");
    },
  );

  it("is served by POST only", async () => {
    const res = await call(mock, "GET", "/$batch", { token: admin });
    expect([res.status, res.headers.get("allow")]).toEqual([405, "POST"]);
  });
});
