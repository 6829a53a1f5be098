/**
 * Every status code the spec documents, for every operation, produced over HTTP and validated
 * against the spec; plus the ones Graph sends outside the operations (405, unknown segments).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "../../src/contract/schemas.js";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { graphError, operations, type GraphErrorKind, type TapOperation } from "../../src/spec/index.js";
import { call, errorCode, errorMessage, ids, meganTap, schemaFindings, tapPath, type Answer } from "./helpers.js";

let mock: MockGraph;
let faulty: MockGraph;
let scenario: MockGraph;
let admin: string;
let meganSelf: string;

beforeAll(async () => {
  [mock, faulty, scenario] = await Promise.all([
    startMockGraph({ port: 0 }),
    startMockGraph({ port: 0, faults: { kinds: ["throttle"], rate: 1 } }),
    startMockGraph({ port: 0, scenarios: true }),
  ]);
  admin = await mock.issueToken({ user: "adele" });
  meganSelf = await mock.issueToken({ user: "megan", scopes: ["UserAuthenticationMethod.ReadWrite"] });
});
afterAll(() => Promise.all([mock.close(), faulty.close(), scenario.close()]));

const unknownId = "6f1967b7-15e8-4935-ac26-d50770ed07a7";

function pathOf(op: TapOperation, methodId = meganTap): string {
  const base = op.subject === "me" ? "/me/authentication/temporaryAccessPassMethods" : tapPath(ids.megan);
  return op.kind === "get" || op.kind === "delete" ? `${base}/${methodId}` : base;
}

const tokenOf = (op: TapOperation) => (op.subject === "me" ? meganSelf : admin);
const bodyOf = (op: TapOperation) => (op.kind === "create" ? {} : undefined);

/** How to make each documented status happen, per operation; undefined where it cannot happen. */
const recipes: Record<number, (op: TapOperation) => Promise<{ answer: Answer; kind?: GraphErrorKind }> | undefined> = {
  200: async (op) => {
    // Other recipes replace megan's pass, so a Get reads one made just now.
    const created = await call(mock, "POST", tapPath(ids.megan), { token: admin, body: {} });
    return {
      answer: await call(mock, op.method, pathOf(op, (created.body as { id: string }).id), { token: tokenOf(op) }),
    };
  },
  201: async (op) => ({ answer: await call(mock, op.method, tapPath(ids.nestor), { token: admin, body: {} }) }),
  204: async (op) => {
    const created = await call(mock, "POST", tapPath(ids.megan), { token: admin, body: {} });
    const id = (created.body as { id: string }).id;
    return { answer: await call(mock, op.method, pathOf(op, id), { token: tokenOf(op) }) };
  },
  400: async (op) => {
    if (op.kind === "create") {
      return {
        answer: await call(mock, "POST", pathOf(op), { token: admin, body: { lifetimeInMinutes: 5000 } }),
        kind: "invalidLifetime",
      };
    }
    if (op.kind === "list")
      return {
        answer: await call(mock, "GET", `${pathOf(op)}?$select=nope`, { token: tokenOf(op) }),
        kind: "invalidSelect",
      };
    return {
      answer: await call(mock, op.method, pathOf(op, "not-a-guid"), { token: tokenOf(op) }),
      kind: "invalidMethodId",
    };
  },
  401: async (op) => ({ answer: await call(mock, op.method, pathOf(op), { body: bodyOf(op) }), kind: "emptyToken" }),
  403: async (op) => {
    const token = await mock.issueToken({ user: "megan", scopes: ["User.Read"] });
    return { answer: await call(mock, op.method, pathOf(op), { token, body: bodyOf(op) }), kind: "missingPermission" };
  },
  404: (op) => {
    // On /me the signed-in user always exists, so only an unknown method id can be missing.
    if (op.subject === "me" && op.kind === "list") return undefined;
    if (op.subject === "me")
      return call(mock, op.method, pathOf(op, unknownId), { token: tokenOf(op) }).then((answer) => ({
        answer,
        kind: "methodNotFound" as const,
      }));
    const path = pathOf(op).replace(ids.megan, "nobody%40contoso.onmicrosoft.com");
    return call(mock, op.method, path, { token: admin, body: bodyOf(op) }).then((answer) => ({
      answer,
      kind: "userNotFound" as const,
    }));
  },
  413: async (op) => ({
    answer: await call(mock, "POST", pathOf(op), { token: admin, body: `{"x":"${"a".repeat(4 * 1024 * 1024)}"}` }),
    kind: "payloadTooLarge",
  }),
  415: async (op) => ({
    answer: await call(mock, "POST", pathOf(op), {
      token: admin,
      body: "x=1",
      headers: { "content-type": "text/plain" },
    }),
    kind: "unsupportedMediaType",
  }),
  429: async (op) => ({
    answer: await call(faulty, op.method, pathOf(op), {
      token: await faulty.issueToken({ user: op.subject === "me" ? "megan" : "adele" }),
      body: bodyOf(op),
    }),
    kind: "throttled",
  }),
  500: async (op) => ({
    answer: await call(scenario, op.method, pathOf(op), {
      token: await scenario.issueToken({ user: "adele" }),
      body: bodyOf(op),
      headers: { "x-tap-mock-scenario": "server-error" },
    }),
    kind: "internalError",
  }),
  503: async (op) => ({ answer: await faultyCall(op, "unavailable"), kind: "serviceUnavailable" }),
  504: async (op) => ({ answer: await faultyCall(op, "gateway-timeout"), kind: "gatewayTimeout" }),
};

async function faultyCall(op: TapOperation, kind: "unavailable" | "gateway-timeout"): Promise<Answer> {
  const m = await startMockGraph({ port: 0, faults: { kinds: [kind] } });
  try {
    return await call(m, op.method, pathOf(op), { token: await m.issueToken({ user: "adele" }), body: bodyOf(op) });
  } finally {
    await m.close();
  }
}

const cases = operations.flatMap((op) => op.statuses.map((status) => ({ op, status })));

describe.each(cases)("$op.operationId answers $status", ({ op, status }) => {
  it("as the spec documents it", async () => {
    const recipe = recipes[status];
    expect(recipe, `no recipe for status ${status}`).toBeDefined();
    const made = await recipe!(op);
    if (made === undefined) {
      expect([op.subject, op.kind, status]).toEqual(["me", "list", 404]);
      return;
    }
    const { answer, kind } = made;
    expect(answer.status).toBe(status);
    expect(schemaFindings(op.operationId, answer)).toEqual([]);
    expect(answer.headers.get("request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(answer.headers.get("client-request-id")).toBe(answer.headers.get("request-id"));
    expect(answer.headers.get("date")).toMatch(/GMT$/);
    if (kind) {
      const expected = graphError(kind, { min: 60, max: 480 });
      expect(errorCode(answer)).toBe(expected.code);
      if (!expected.message.includes("{")) expect(errorMessage(answer)).toBe(expected.message);
    }
    if (status === 429) expect(answer.headers.get("retry-after")).toBe("1");
  });
});

describe("outside the operations", () => {
  const odataError = schemaValidator("ODataError");

  it("answers PATCH and PUT with 405, an Allow header and the envelope", async () => {
    for (const method of ["PATCH", "PUT"]) {
      const res = await call(mock, method, `${tapPath(ids.megan)}/${meganTap}`, {
        token: admin,
        body: { lifetimeInMinutes: 60 },
      });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, DELETE");
      expect(errorCode(res)).toBe(graphError("methodNotAllowed").code);
      expect(odataError(res.body)).toBe(true);
    }
  });

  it("answers unknown segments and versions with 400 naming the segment", async () => {
    for (const [path, segment] of [
      ["/v1.0/users/x/authentication/fido2Methods", "fido2Methods"],
      ["/v1.0/groups", "groups"],
      ["/v2.0/me/authentication/temporaryAccessPassMethods", "v2.0"],
      ["/", ""],
    ] as const) {
      const res = await fetch(`${mock.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
      const body = (await res.json()) as unknown;
      expect(res.status).toBe(400);
      expect(odataError(body)).toBe(true);
      expect((body as { error: { message: string } }).error.message).toBe(
        graphError("unknownSegment", { segment }).message,
      );
    }
  });

  it("matches path segments case-insensitively and tolerates one trailing slash", async () => {
    const res = await call(mock, "GET", `/USERS/${ids.megan}/Authentication/TEMPORARYACCESSPASSMETHODS/`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    expect((res.body as Record<string, string>)["@odata.context"]).toBe(
      `${mock.url}/v1.0/$metadata#users('${ids.megan}')/authentication/temporaryAccessPassMethods`,
    );
  });

  it("echoes the client's client-request-id in the header and in innerError", async () => {
    const mine = "3f1b6a2e-1111-4c2d-9e8f-000000000abc";
    const ok = await call(mock, "GET", tapPath(ids.megan), { token: admin, headers: { "client-request-id": mine } });
    expect(ok.headers.get("client-request-id")).toBe(mine);
    expect(ok.headers.get("request-id")).not.toBe(mine);
    const err = await call(mock, "GET", tapPath("nobody"), { token: admin, headers: { "client-request-id": mine } });
    const inner = (err.body as { error: { innerError: Record<string, string> } }).error.innerError;
    expect(inner["client-request-id"]).toBe(mine);
    expect(inner["request-id"]).toBe(err.headers.get("request-id"));
    expect(inner.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it("puts @odata.context on the request's origin, the caller's id on /me", async () => {
    const res = await call(mock, "GET", "/me/authentication/temporaryAccessPassMethods", { token: meganSelf });
    expect((res.body as Record<string, string>)["@odata.context"]).toBe(
      `${mock.url}/v1.0/$metadata#users('${ids.megan}')/authentication/temporaryAccessPassMethods`,
    );
  });

  it("honours $select on List and Get", async () => {
    // The scenario mock without the header is faithful, and its megan still has her fixture pass.
    const admin = await scenario.issueToken({ user: "adele" });
    const list = await call(scenario, "GET", `${tapPath(ids.megan)}?$select=id,isUsable`, { token: admin });
    expect((list.body as { value: unknown[] }).value).toEqual([{ id: meganTap, isUsable: true }]);
    expect(schemaFindings("listUserTemporaryAccessPassMethods", list, ["id", "isUsable"])).toEqual([]);
    const get = await call(scenario, "GET", `${tapPath(ids.megan)}/${meganTap}?$select=methodUsabilityReason`, {
      token: admin,
    });
    const { "@odata.context": context, ...rest } = get.body as Record<string, unknown>;
    expect(rest).toEqual({ methodUsabilityReason: "EnabledByPolicy" });
    // The context names the selection, as OData writes it.
    expect((list.body as Record<string, unknown>)["@odata.context"]).toBe(
      `${scenario.url}/v1.0/$metadata#users('${ids.megan}')/authentication/temporaryAccessPassMethods(id,isUsable)`,
    );
    expect(context).toBe(
      `${scenario.url}/v1.0/$metadata#users('${ids.megan}')/authentication/temporaryAccessPassMethods(` +
        `methodUsabilityReason)/$entity`,
    );
  });
});
