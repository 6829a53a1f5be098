import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { graphJsonContentType } from "../../src/mock/http/envelope.js";
import { call, ids, schemaFindings, tapPath } from "./helpers.js";

let mock: MockGraph;
let admin: string;

beforeAll(async () => {
  mock = await startMockGraph({ port: 0 });
  admin = await mock.issueToken({ user: "adele", scopes: ["UserAuthenticationMethod.ReadWrite.All"] });
});
afterAll(() => mock.close());

describe("create → get → list → delete", () => {
  it("returns the pass once, then null on every read, and forgets it after Delete", async () => {
    const path = tapPath("nestor@contoso.onmicrosoft.com");
    const created = await call(mock, "POST", path, {
      token: admin,
      body: { lifetimeInMinutes: 120, isUsableOnce: true },
    });
    expect(created.status).toBe(201);
    expect(schemaFindings("createUserTemporaryAccessPassMethod", created)).toEqual([]);
    const pass = created.body as Record<string, unknown>;
    expect(typeof pass.temporaryAccessPass).toBe("string");
    expect((pass.temporaryAccessPass as string).length).toBe(mock.policy.defaultLength);
    expect(pass).toMatchObject({
      lifetimeInMinutes: 120,
      isUsableOnce: true,
      isUsable: true,
      methodUsabilityReason: "EnabledByPolicy",
    });
    expect(pass["@odata.context"]).toBe(
      `${mock.url}/v1.0/$metadata#users('nestor%40contoso.onmicrosoft.com')/authentication/` +
        `temporaryAccessPassMethods/$entity`,
    );
    expect(created.headers.get("content-type")).toBe(graphJsonContentType);

    const got = await call(mock, "GET", `${tapPath(ids.nestor)}/${pass.id as string}`, { token: admin });
    expect(got.status).toBe(200);
    expect(schemaFindings("getUserTemporaryAccessPassMethod", got)).toEqual([]);
    expect(got.body).toMatchObject({ id: pass.id, temporaryAccessPass: null, lifetimeInMinutes: 120 });
    expect((got.body as Record<string, unknown>)["@odata.context"]).toBe(
      `${mock.url}/v1.0/$metadata#users('${ids.nestor}')/authentication/temporaryAccessPassMethods/$entity`,
    );

    const listed = await call(mock, "GET", tapPath("NESTOR@contoso.onmicrosoft.com"), { token: admin });
    expect(listed.status).toBe(200);
    expect(schemaFindings("listUserTemporaryAccessPassMethods", listed)).toEqual([]);
    const value = (listed.body as { value: Array<Record<string, unknown>> }).value;
    expect(value.map((v) => [v.id, v.temporaryAccessPass])).toEqual([[pass.id, null]]);
    expect(listed.text).not.toContain(pass.temporaryAccessPass as string);

    const deleted = await call(mock, "DELETE", `${tapPath(ids.nestor)}/${pass.id as string}`, { token: admin });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect(deleted.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const after = await call(mock, "GET", tapPath(ids.nestor), { token: admin });
    expect((after.body as { value: unknown[] }).value).toEqual([]);
    const gone = await call(mock, "GET", `${tapPath(ids.nestor)}/${pass.id as string}`, { token: admin });
    expect(gone.status).toBe(404);
  });
});
