/**
 * Unchanged app code under msw/node: Azure Identity against the real authority host, and three
 * Graph clients against Graph's real root, all answered by `createTapHandlers()`. Nothing is
 * redirected by hand, and `"error"` for unhandled requests fails any request the handlers did not take.
 * Every DNS lookup of the test process is blocked and recorded (block-dns.mjs): none may happen.
 * test/msw/msw3.test.ts runs this file under msw 3 as well.
 */
import { ClientSecretCredential } from "@azure/identity";
import { BatchRequestContent, BatchResponseContent, Client } from "@microsoft/microsoft-graph-client";
import { AzureIdentityAuthenticationProvider } from "@microsoft/kiota-authentication-azure";
import { createGraphServiceClient, GraphRequestAdapter } from "@microsoft/msgraph-sdk";
import "@microsoft/msgraph-sdk-users";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTapClient, unwrap } from "../../src/index.js";
import { createTapHandlers } from "../../src/msw/index.js";
import { blockDns } from "../support/block-dns.mjs";

const { handlers, mock } = createTapHandlers();
const unhandled: string[] = [];
const server = setupServer(...handlers);
const megan = mock.fixtures.users.find((u) => u.userPrincipalName.startsWith("megan@"))!;
const admin = mock.fixtures.apps.find((a) => a.name.toLowerCase().includes("admin")) ?? mock.fixtures.apps[0]!;
const scope = "https://graph.microsoft.com/.default";
const credential = new ClientSecretCredential(mock.fixtures.tenant.domain, admin.clientId, mock.fixtures.clientSecret);
// "error": an unhandled request fails instead of reaching the network. msw 3 reads onUnhandledFrame,
// msw 2 onUnhandledRequest, and each ignores the other's name.
const failUnhandled = { onUnhandledFrame: "error", onUnhandledRequest: "error" } as const;
const dns = blockDns();

beforeAll(() => {
  server.events.on("request:unhandled", ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
  });
  server.listen(failUnhandled);
});
afterAll(() => {
  server.close();
  dns.restore();
  expect(unhandled).toEqual([]);
  expect(dns.attempts).toEqual([]);
});

describe("msw/node: unchanged app code against graph.microsoft.com and login.microsoftonline.com", () => {
  it("ClientSecretCredential (default authority host) gets an app token for Graph from the handlers", async () => {
    const token = await credential.getToken(scope);
    expect(token.token.split(".")).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.token.split(".")[1]!, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ aud: "https://graph.microsoft.com", tid: mock.tenantId, idtyp: "app" });
    expect(claims.roles).toContain("UserAuthenticationMethod.ReadWrite.All");
  });

  it("MSAL Node (authority https://login.microsoftonline.com/<tenant>) gets the same kind of token", async () => {
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: admin.clientId,
        clientSecret: mock.fixtures.clientSecret,
        authority: `https://login.microsoftonline.com/${mock.fixtures.tenant.domain}`,
      },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
    expect(result?.accessToken.split(".")).toHaveLength(3);
    expect(result?.tokenType).toBe("Bearer");
  });

  it("this package's client (default base URL) lists and reads a pass with that credential", async () => {
    const client = createTapClient({ credential });
    expect(client.baseUrl).toBe("https://graph.microsoft.com/v1.0");
    const list = unwrap(await client.list({ user: megan.id }));
    expect(list.value).toHaveLength(1);
    const pass = unwrap(await client.get({ user: megan.id, id: list.value[0]!.id }));
    expect(pass).toMatchObject({
      id: list.value[0]!.id,
      isUsable: true,
      methodUsabilityReason: "EnabledByPolicy",
      temporaryAccessPass: null,
    });
  });

  it("@microsoft/microsoft-graph-client reads the pass through https://graph.microsoft.com/v1.0", async () => {
    const client = Client.initWithMiddleware({
      authProvider: { getAccessToken: async () => (await credential.getToken(scope)).token },
    });
    const list = (await client.api(`/users/${megan.id}/authentication/temporaryAccessPassMethods`).get()) as {
      value: Array<{ id: string }>;
    };
    const pass = (await client
      .api(`/users/${megan.id}/authentication/temporaryAccessPassMethods/${list.value[0]!.id}`)
      .get()) as Record<string, unknown>;
    expect(pass).toMatchObject({ id: list.value[0]!.id, methodUsabilityReason: "EnabledByPolicy" });
    expect(pass["@odata.context"]).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/\$metadata#/);
  });

  it(
    "@microsoft/microsoft-graph-client batches a List, a Create and the methods list through " + "/v1.0/$batch",
    async () => {
      const client = Client.initWithMiddleware({
        authProvider: { getAccessToken: async () => (await credential.getToken(scope)).token },
      });
      const nestor = mock.fixtures.users.find((u) => u.name === "nestor")!;
      const base = "https://graph.microsoft.com/v1.0/users";
      const content = new BatchRequestContent([
        { id: "list", request: new Request(`${base}/${megan.id}/authentication/temporaryAccessPassMethods`) },
        {
          id: "create",
          request: new Request(`${base}/${nestor.id}/authentication/temporaryAccessPassMethods`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          }),
        },
        { id: "methods", request: new Request(`${base}/${megan.id}/authentication/methods`) },
      ]);
      const read = new BatchResponseContent(await client.api("/$batch").post(await content.getContent()));
      expect(["list", "create", "methods"].map((id) => read.getResponseById(id)?.status)).toEqual([200, 201, 200]);
      const methods = (await read.getResponseById("methods")!.json()) as { value: Array<Record<string, unknown>> };
      expect(methods.value.map((m) => m["@odata.type"])).toContain(
        "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
      );
    },
  );

  it(
    "this package's client on beta (apiVersion) reads through https://graph.microsoft.com/beta; beta elsewhere is " +
      "not served",
    async () => {
      const client = createTapClient({ credential, apiVersion: "beta" });
      expect(client.baseUrl).toBe("https://graph.microsoft.com/beta");
      const list = unwrap(await client.list({ user: megan.id }));
      expect(list["@odata.context"]).toMatch(/^https:\/\/graph\.microsoft\.com\/beta\/\$metadata#/);
      const policy = unwrap(await client.getPolicy());
      expect(policy["@odata.context"]).toMatch(/^https:\/\/graph\.microsoft\.com\/beta\/\$metadata#/);
      const res = await fetch(`https://graph.microsoft.us/beta/users/${megan.id}/authentication/methods`).catch(
        (err: unknown) => err,
      );
      expect(res).toBeInstanceOf(Error);
      expect(unhandled.splice(0)).toEqual([
        `GET https://graph.microsoft.us/beta/users/${megan.id}/authentication/methods`,
      ]);
    },
  );

  it("the Kiota SDK (@microsoft/msgraph-sdk-users) reads the pass with the Azure Identity provider", async () => {
    const adapter = new GraphRequestAdapter(new AzureIdentityAuthenticationProvider(credential, [scope]));
    const graph = createGraphServiceClient(adapter);
    const methods = graph.users.byUserId(megan.id).authentication.temporaryAccessPassMethods;
    const list = await methods.get();
    const id = list?.value?.[0]?.id;
    expect(id).toBeTruthy();
    const pass = await methods.byTemporaryAccessPassAuthenticationMethodId(id!).get();
    expect(pass).toMatchObject({ id, isUsable: true, methodUsabilityReason: "EnabledByPolicy" });
  });

  it("US Government L4 and L5: the client's cloud option reaches the same handlers on their real roots", async () => {
    for (const [cloud, audience] of [
      ["usgov-l4", "https://graph.microsoft.us"],
      ["usgov-l5", "https://dod-graph.microsoft.us"],
    ] as const) {
      const token = await mock.issueToken({ app: admin.clientId, audience });
      const client = createTapClient({ cloud, credential: token });
      expect(new URL(client.baseUrl).origin).toBe(audience);
      const list = unwrap(await client.list({ user: megan.id }));
      expect(list.value).toHaveLength(1);
    }
  });

  it("the handlers share one core with the test: a policy change is seen by the next read", async () => {
    const client = createTapClient({ credential });
    mock.setPolicy({ state: "disabled" });
    try {
      const list = unwrap(await client.list({ user: megan.id }));
      expect(list.value[0]).toMatchObject({ isUsable: false, methodUsabilityReason: "DisabledByPolicy" });
    } finally {
      mock.setPolicy({ state: "enabled" });
    }
  });

  it("another request to Graph or the identity platform gets a 501 naming it, without a DNS lookup", async () => {
    const graph = await fetch("https://graph.microsoft.com/v1.0/me/messages?$top=1");
    expect(graph.status).toBe(501);
    const { error } = (await graph.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("NotMocked");
    expect(error.message).toContain("GET https://graph.microsoft.com/v1.0/me/messages");
    expect(error.message).not.toContain("$top");
    const identity = await fetch(`https://login.microsoftonline.com/${mock.tenantId}/oauth2/v2.0/devicecode`, {
      method: "POST",
    });
    expect(identity.status).toBe(501);
    expect(((await identity.json()) as { error: string }).error).toBe("not_mocked");
    expect(dns.attempts).toEqual([]);
  });

  it("the app's own handler for another Graph API, added with server.use(), answers before the 501", async () => {
    server.use(http.get("https://graph.microsoft.com/v1.0/me", () => HttpResponse.json({ displayName: "Megan" })));
    try {
      const res = await fetch("https://graph.microsoft.com/v1.0/me");
      expect(await res.json()).toEqual({ displayName: "Megan" });
    } finally {
      server.resetHandlers();
    }
  });

  it("a request to another host is left to the app (here it fails as unhandled, without a DNS lookup)", async () => {
    const res = await fetch("https://example.com/api").catch((err: unknown) => err);
    expect(res).toBeInstanceOf(Error);
    expect(unhandled.splice(0)).toEqual(["GET https://example.com/api"]);
    expect(dns.attempts).toEqual([]);
  });
});

describe("msw/node: the tenant's TAP policy, as over HTTP", () => {
  const policy =
    "https://graph.microsoft.com/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations";
  const type = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";

  it(
    "reads it (path and key form), PATCHes it atomically, refuses a reader's PATCH, and Microsoft's client reads " +
      "it",
    async () => {
      const writer = await mock.issueToken({ app: admin.clientId, roles: ["Policy.ReadWrite.AuthenticationMethod"] });
      const reader = await mock.issueToken({ app: admin.clientId, roles: ["Policy.Read.All"] });
      const send = (path: string, token: string, body?: unknown) =>
        fetch(`${policy}${path}`, {
          method: body === undefined ? "GET" : "PATCH",
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const before = (await (await send("/TemporaryAccessPass", reader)).json()) as Record<string, unknown>;
      expect(before).toMatchObject({ id: "TemporaryAccessPass", maximumLifetimeInMinutes: 480 });
      try {
        expect((await send("/TemporaryAccessPass", reader, { "@odata.type": type, isUsableOnce: true })).status).toBe(
          403,
        );
        const refused = await send("/TemporaryAccessPass", writer, {
          "@odata.type": type,
          isUsableOnce: true,
          defaultLength: 7,
        });
        expect(refused.status).toBe(400);
        expect(mock.policy.isUsableOnce).toBe(false);
        expect(
          (await send("('TemporaryAccessPass')", writer, { "@odata.type": type, maximumLifetimeInMinutes: 120 }))
            .status,
        ).toBe(204);
        const client = Client.init({ authProvider: (done) => done(null, reader) });
        const read = (await client
          .api("/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass")
          .get()) as Record<string, unknown>;
        expect(read.maximumLifetimeInMinutes).toBe(120);
      } finally {
        mock.setPolicy({ maximumLifetimeInMinutes: 480, isUsableOnce: false });
      }
    },
  );
});
