/**
 * The details client code branches on (facts sheet §15.3) and the methods list, over HTTP:
 * the 401 challenge, the expired-token message, Graph's timestamp form, `$count`, `POST /me`
 * with an app token, and `GET …/authentication/methods`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { graphError, wwwAuthenticate } from "../../src/spec/index.js";
import { call, errorMessage, ids, schemaFindings, tapPath } from "./helpers.js";

let mock: MockGraph;
let admin: string;
let app: string;

beforeAll(async () => {
  mock = await startMockGraph({ port: 0 });
  admin = await mock.issueToken({ user: "adele", scopes: ["UserAuthenticationMethod.ReadWrite.All"] });
  app = await mock.issueToken({ app: "tap-admin-app" });
});
afterAll(() => mock.close());

const methodsPath = (user: string) => `/users/${encodeURIComponent(user)}/authentication/methods`;

describe("401", () => {
  it.each([
    ["no token", undefined],
    ["a malformed token", "not-a-jwt"],
  ])("carries Graph's WWW-Authenticate challenge with %s", async (_, token) => {
    const res = await call(mock, "GET", tapPath(ids.megan), token === undefined ? {} : { token });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(wwwAuthenticate);
    expect(wwwAuthenticate).toMatch(/^Bearer realm="", authorization_uri="https:\/\/login\./);
  });

  it("is not sent on other errors", async () => {
    const res = await call(mock, "GET", tapPath("nobody@contoso.onmicrosoft.com"), { token: admin });
    expect(res.status).toBe(404);
    expect(res.headers.get("www-authenticate")).toBeNull();
  });

  it("says Graph's words for an expired token", async () => {
    const expired = await mock.issueToken({ user: "adele", expiresInSeconds: -600 });
    const res = await call(mock, "GET", tapPath(ids.megan), { token: expired });
    expect([res.status, errorMessage(res)]).toEqual([401, "Lifetime validation failed, the token is expired."]);
    expect(graphError("expiredToken").message).toBe("Lifetime validation failed, the token is expired.");
  });
});

describe("timestamps in Graph's form", () => {
  it("writes createdDateTime with up to 7 fractional digits and echoes a client's start without .000", async () => {
    const res = await call(mock, "POST", tapPath(ids.nestor), {
      token: admin,
      body: { startDateTime: "2099-06-05T00:00:00.000Z", lifetimeInMinutes: 60 },
    });
    expect(res.status).toBe(201);
    const body = res.body as { createdDateTime: string; startDateTime: string };
    expect(body.startDateTime).toBe("2099-06-05T00:00:00Z");
    expect(body.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$/);
    // Trailing zeros dropped, as Graph's writer does; more than 3 digits almost always.
    expect(body.createdDateTime).not.toMatch(/\.\d*0Z$/);
    expect(schemaFindings("createUserTemporaryAccessPassMethod", res)).toEqual([]);
  });

  it("keeps a client's sub-millisecond digits", async () => {
    const res = await call(mock, "POST", tapPath(ids.nestor), {
      token: admin,
      body: { startDateTime: "2099-06-05T00:00:00.1234567Z" },
    });
    expect((res.body as { startDateTime: string }).startDateTime).toBe("2099-06-05T00:00:00.1234567Z");
  });
});

describe("$count", () => {
  it("answers a list's $count as text/plain with the List's permissions", async () => {
    const res = await call(mock, "GET", `${tapPath(ids.megan)}/$count`, { token: admin });
    expect([res.status, res.text]).toEqual([200, "1"]);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const none = await mock.issueToken({ user: "adele", scopes: ["User.Read"] });
    expect((await call(mock, "GET", `${tapPath(ids.megan)}/$count`, { token: none })).status).toBe(403);
    const methods = await call(mock, "GET", `${methodsPath(ids.megan)}/$count`, { token: admin });
    expect([methods.status, methods.text]).toEqual([200, "2"]);
  });

  it("is not mistaken for a pass id, and other $ segments are unknown segments", async () => {
    const res = await call(mock, "GET", `${tapPath(ids.megan)}/$value`, { token: admin });
    expect(res.status).toBe(400);
    expect(errorMessage(res)).toBe(graphError("unknownSegment", { segment: "$value" }).message);
  });
});

describe("POST /me with an application token", () => {
  it("gets the same 400 as GET /me", async () => {
    const get = await call(mock, "GET", "/me/authentication/temporaryAccessPassMethods", { token: app });
    const post = await call(mock, "POST", "/me/authentication/temporaryAccessPassMethods", { token: app, body: {} });
    const expected = graphError("appTokenOnMe");
    expect([get.status, errorMessage(get)]).toEqual([expected.status, expected.message]);
    expect([post.status, errorMessage(post)]).toEqual([expected.status, expected.message]);
  });
});

describe("the methods list", () => {
  it("lists the password and the pass, the pass as the TAP List shows it", async () => {
    const res = await call(mock, "GET", methodsPath(ids.megan), { token: admin });
    expect(res.status).toBe(200);
    expect(schemaFindings("listUserAuthenticationMethods", res)).toEqual([]);
    const list = await call(mock, "GET", tapPath(ids.megan), { token: admin });
    const body = res.body as { "@odata.context": string; value: Array<Record<string, unknown>> };
    expect(body["@odata.context"]).toMatch(/\/v1\.0\/\$metadata#users\('c0a70000-[^']+'\)\/authentication\/methods$/);
    expect(body.value.map((m) => m["@odata.type"])).toEqual([
      "#microsoft.graph.passwordAuthenticationMethod",
      "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
    ]);
    const { "@odata.type": _, ...pass } = body.value[1]!;
    expect(pass).toEqual((list.body as { value: unknown[] }).value[0]);
  });

  it("has only the password for a member without a pass, on /me too", async () => {
    const nestor = await mock.issueToken({ user: "nestor", scopes: ["UserAuthenticationMethod.Read"] });
    const res = await call(mock, "GET", "/me/authentication/methods", { token: nestor });
    expect(res.status).toBe(200);
    expect(schemaFindings("listMyAuthenticationMethods", res)).toEqual([]);
    const types = (res.body as { value: Array<Record<string, unknown>> }).value.map((m) => m["@odata.type"]);
    expect(types[0]).toBe("#microsoft.graph.passwordAuthenticationMethod");
  });

  it("is refused to a TAP-only scope and to an app token on /me", async () => {
    const tapOnly = await mock.issueToken({ user: "adele", scopes: ["UserAuthMethod-TAP.ReadWrite.All"] });
    expect((await call(mock, "GET", methodsPath(ids.megan), { token: tapOnly })).status).toBe(403);
    expect((await call(mock, "GET", "/me/authentication/methods", { token: app })).status).toBe(400);
  });
});

describe("beta, the second server", () => {
  it(
    "serves the TAP paths, the policy, the methods list and $batch with /beta in @odata.context and the same " +
      "permissions",
    async () => {
      const list = await fetch(`${mock.url}/beta${tapPath(ids.megan)}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(list.status).toBe(200);
      const body = (await list.json()) as { "@odata.context": string; value: unknown[] };
      expect(body["@odata.context"]).toMatch(/\/beta\/\$metadata#users\('c0a70000-/);
      expect(body.value).toHaveLength(1);
      const none = await mock.issueToken({ user: "adele", scopes: ["User.Read"] });
      expect(
        (await fetch(`${mock.url}/beta${tapPath(ids.megan)}`, { headers: { authorization: `Bearer ${none}` } })).status,
      ).toBe(403);
      const methods = await fetch(`${mock.url}/beta${methodsPath(ids.megan)}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(methods.status).toBe(200);
      const batch = await fetch(`${mock.url}/beta/$batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
        body: JSON.stringify({ requests: [{ id: "1", method: "GET", url: `/beta${tapPath(ids.megan)}` }] }),
      });
      const inner = (
        (await batch.json()) as { responses: Array<{ status: number; body: { "@odata.context": string } }> }
      ).responses[0]!;
      expect([inner.status, inner.body["@odata.context"]]).toEqual([200, expect.stringContaining("/beta/$metadata#")]);
      const policyPath = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations";
      for (const form of [`${policyPath}/TemporaryAccessPass`, `${policyPath}('TemporaryAccessPass')`]) {
        const policy = await fetch(`${mock.url}/beta${form}`, { headers: { authorization: `Bearer ${app}` } });
        const read = (await policy.json()) as { "@odata.context": string; isUsableOnce: boolean };
        expect([policy.status, read["@odata.context"]]).toEqual([200, expect.stringContaining("/beta/$metadata#")]);
      }
      expect(
        (
          await fetch(`${mock.url}/beta${policyPath}/TemporaryAccessPass`, {
            headers: { authorization: `Bearer ${admin}` },
          })
        ).status,
      ).toBe(403);
    },
  );
});
