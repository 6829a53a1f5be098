/** The mock's token issuer over HTTP: grants, JWKS, Graph's claims, and Graph's 401s. */
import { createLocalJWKSet, generateKeyPair, jwtVerify, SignJWT, decodeJwt, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { consumerTenantId, defaultFixtures, startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { directoryRoles, graphError } from "../../src/spec/index.js";
import { call, errorCode, errorMessage, ids, tapPath } from "./helpers.js";

let mock: MockGraph;

beforeAll(async () => {
  mock = await startMockGraph({ port: 0 });
});
afterAll(() => mock.close());

async function token(form: Record<string, string>, tenant = "contoso.onmicrosoft.com") {
  const res = await fetch(`${mock.url}/${tenant}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const adeleForm = {
  grant_type: "password",
  client_id: "x",
  username: "Adele@Contoso.onmicrosoft.com",
  password: "mock-password",
};
const appForm = {
  grant_type: "client_credentials",
  client_id: defaultFixtures.apps[0]!.clientId,
  client_secret: "mock-client-secret",
  scope: "https://graph.microsoft.com/.default",
};

describe("token endpoint", () => {
  it("issues a delegated token (password grant) with Graph's claims, verifiable with the JWKS", async () => {
    const res = await token({
      ...adeleForm,
      scope: "https://graph.microsoft.com/UserAuthenticationMethod.Read.All offline_access",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "UserAuthenticationMethod.Read.All",
    });
    const jwks = (await (await fetch(mock.jwksUrl)).json()) as JSONWebKeySet;
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const { payload, protectedHeader } = await jwtVerify(res.body.access_token as string, createLocalJWKSet(jwks));
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${mock.tenantId}/`,
      tid: mock.tenantId,
      oid: ids.adele,
      idtyp: "user",
      scp: "UserAuthenticationMethod.Read.All",
      wids: [directoryRoles.authenticationAdministrator!.templateId],
    });
    expect(payload.exp! - payload.nbf!).toBe(3600);
  });

  it("issues an application token (client credentials) carrying the app's roles", async () => {
    const res = await token(appForm, mock.tenantId);
    expect(res.status).toBe(200);
    const claims = decodeJwt(res.body.access_token as string);
    expect(claims).toMatchObject({ idtyp: "app", appid: appForm.client_id, roles: defaultFixtures.apps[0]!.roles });
    expect(claims).not.toHaveProperty("scp");
  });

  it("gives a personal account the consumer tenant id", async () => {
    const res = await token(
      { ...adeleForm, username: "sam@outlook.com", scope: "UserAuthenticationMethod.Read" },
      "consumers",
    );
    expect(decodeJwt(res.body.access_token as string).tid).toBe(consumerTenantId);
  });

  it.each([
    ["a wrong client secret", { ...appForm, client_secret: "nope" }, 401, "invalid_client"],
    [
      "an unknown client",
      { ...appForm, client_id: "11111111-1111-1111-1111-111111111111" },
      400,
      "unauthorized_client",
    ],
    ["a delegated scope on client credentials", { ...appForm, scope: "User.Read" }, 400, "invalid_scope"],
    ["a wrong password", { ...adeleForm, password: "nope", scope: "User.Read" }, 400, "invalid_grant"],
    [
      "an unknown user",
      { ...adeleForm, username: "nobody@contoso.onmicrosoft.com", scope: "User.Read" },
      400,
      "invalid_grant",
    ],
    ["a missing scope", adeleForm, 400, "invalid_request"],
    ["an unsupported grant", { grant_type: "authorization_code" }, 400, "unsupported_grant_type"],
  ])("refuses %s in Entra's error shape", async (_name, form, status, error) => {
    const res = await token(form as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
    expect(res.body.error_description).toMatch(/^AADSTS\d+: /);
    expect(JSON.stringify(res.body)).not.toContain("mock-client-secret");
  });

  it("refuses an unknown tenant", async () => {
    const res = await token(appForm, "fabrikam.onmicrosoft.com");
    expect([res.status, res.body.error]).toEqual([400, "invalid_tenant"]);
  });

  it("serves an OpenID configuration that points at its own endpoints", async () => {
    const res = await fetch(`${mock.url}/${mock.tenantId}/v2.0/.well-known/openid-configuration`);
    const body = (await res.json()) as Record<string, string>;
    expect(body.token_endpoint).toBe(mock.tokenUrl);
    expect(body.jwks_uri).toBe(mock.jwksUrl);
  });
});

describe("Graph's 401s", () => {
  const path = tapPath(ids.megan);

  it.each([
    ["no Authorization header", undefined, "emptyToken"],
    ["an empty bearer", "Bearer ", "emptyToken"],
    ["a non-JWT bearer", "Bearer not-a-jwt", "malformedToken"],
    ["another scheme", "Basic YWRlbGU6bW9jay1wYXNzd29yZA==", "malformedToken"],
    ["a JWT with garbage parts", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "invalidSignature"],
  ] as const)("%s", async (_name, authorization, kind) => {
    const res = await call(mock, "GET", path, { headers: authorization === undefined ? {} : { authorization } });
    const expected = graphError(kind);
    expect([res.status, errorCode(res), errorMessage(res)]).toEqual([expected.status, expected.code, expected.message]);
  });

  it("an expired token", async () => {
    const expired = await mock.issueToken({ user: "adele", expiresInSeconds: -60 });
    const res = await call(mock, "GET", path, { token: expired });
    expect(errorMessage(res)).toBe(graphError("expiredToken").message);
  });

  it("a token for another audience", async () => {
    const other = await mock.issueToken({ user: "adele", audience: "api://some-other-api" });
    const res = await call(mock, "GET", path, { token: other });
    expect([res.status, errorMessage(res)]).toEqual([401, graphError("invalidAudience").message]);
  });

  it("a token signed by another key", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const genuine = decodeJwt(await mock.issueToken({ user: "adele" }));
    const forged = await new SignJWT(genuine).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
    const res = await call(mock, "GET", path, { token: forged });
    expect([res.status, errorMessage(res)]).toEqual([401, graphError("invalidSignature").message]);
  });

  it("refuses a token it accepted before once the wall clock passes its expiry (the cache honours exp)", async () => {
    const short = await mock.issueToken({ user: "adele", expiresInSeconds: 120 });
    expect((await call(mock, "GET", path, { token: short })).status).toBe(200);
    // Only Date is faked: sockets and timers run as usual.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 180_000 });
    try {
      const res = await call(mock, "GET", path, { token: short });
      expect([res.status, errorMessage(res)]).toEqual([401, graphError("expiredToken").message]);
    } finally {
      vi.useRealTimers();
    }
    expect((await call(mock, "GET", path, { token: short })).status).toBe(200);
  });

  it("judges tokens on the wall clock, not the mock's: moving the mock's clock keeps a valid token valid", async () => {
    const token = await mock.issueToken({ user: "adele", expiresInSeconds: 120 });
    expect((await call(mock, "GET", path, { token })).status).toBe(200);
    mock.clock.advance(61 * 60_000);
    try {
      expect((await call(mock, "GET", path, { token })).status).toBe(200);
      // A token minted after the jump is valid too (it is not born expired in the mock's future).
      expect((await call(mock, "GET", path, { token: await mock.issueToken({ user: "adele" }) })).status).toBe(200);
      mock.clock.advance(-2 * 61 * 60_000);
      expect((await call(mock, "GET", path, { token })).status).toBe(200);
    } finally {
      mock.clock.reset();
    }
  });

  it("answers an app token on /me with Graph's 400", async () => {
    const app = await mock.issueToken({ app: defaultFixtures.apps[0]!.clientId });
    const res = await call(mock, "GET", "/me/authentication/temporaryAccessPassMethods", { token: app });
    const expected = graphError("appTokenOnMe");
    expect([res.status, errorCode(res), errorMessage(res)]).toEqual([expected.status, expected.code, expected.message]);
  });
});
