// The typed operations are wrappers over the openapi-fetch client `raw`: each must send what the
// matching `raw` call sends (path template, params, $select, Create's default body), over real
// HTTP, and that request must be the one Graph expects on the wire.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTapClient, type TapClient, type TapClientOptions } from "../../src/index.js";
import {
  envelope,
  json,
  samplePass,
  startLocalServer,
  type LocalServer,
  type Received,
} from "./support/local-server.js";

const ID = samplePass.id;
const UPN = "o'brien#EXT#@contoso.onmicrosoft.com";
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url.includes("/users/missing/")) return json(res, 404, envelope("itemNotFound", "No such user"));
    if (req.method === "POST") return json(res, 201, { ...samplePass, temporaryAccessPass: "Q$wSrZ3R" });
    if (req.method === "DELETE") {
      res.writeHead(204);
      return res.end();
    }
    if (req.url.split("?")[0]!.endsWith("/temporaryAccessPassMethods"))
      return json(res, 200, { "@odata.context": "x", value: [samplePass] });
    return json(res, 200, samplePass);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

type Raw = TapClient["raw"];
const ITEM =
  "/users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}" as const;
const LIST = "/users/{user-id}/authentication/temporaryAccessPassMethods" as const;
const ME_ITEM = "/me/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}" as const;
const ME_LIST = "/me/authentication/temporaryAccessPassMethods" as const;

// Each case: the typed call, and the same call through `raw` given the client-request-id the typed call sent.
const cases: Array<
  [
    string,
    (tap: TapClient) => Promise<{ response: Response }>,
    (raw: Raw, id: string) => Promise<{ response: Response; data?: unknown; error?: unknown }>,
  ]
> = [
  [
    "get by object id",
    (t) => t.get({ user: samplePass.id, id: ID }),
    (r, c) =>
      r.GET(ITEM, {
        params: {
          path: { "user-id": samplePass.id, "temporaryAccessPassAuthenticationMethod-id": ID },
          header: { "client-request-id": c },
        },
      }),
  ],
  [
    "get by a guest UPN, with select",
    (t) => t.get({ user: UPN, id: ID, select: ["id", "isUsable"] }),
    (r, c) =>
      r.GET(ITEM, {
        params: {
          path: { "user-id": UPN, "temporaryAccessPassAuthenticationMethod-id": ID },
          query: { $select: ["id", "isUsable"] },
          header: { "client-request-id": c },
        },
      }),
  ],
  [
    "get on me",
    (t) => t.get({ user: "me", id: ID }),
    (r, c) =>
      r.GET(ME_ITEM, {
        params: { path: { "temporaryAccessPassAuthenticationMethod-id": ID }, header: { "client-request-id": c } },
      }),
  ],
  [
    "list on me, with select",
    (t) => t.list({ user: "Me", select: ["methodUsabilityReason"] }),
    (r, c) =>
      r.GET(ME_LIST, { params: { query: { $select: ["methodUsabilityReason"] }, header: { "client-request-id": c } } }),
  ],
  [
    "list by UPN",
    (t) => t.list({ user: UPN }),
    (r, c) => r.GET(LIST, { params: { path: { "user-id": UPN }, header: { "client-request-id": c } } }),
  ],
  [
    "create with a body",
    (t) => t.create({ user: UPN, body: { lifetimeInMinutes: 90, isUsableOnce: true } }),
    (r, c) =>
      r.POST(LIST, {
        params: { path: { "user-id": UPN }, header: { "client-request-id": c } },
        body: { lifetimeInMinutes: 90, isUsableOnce: true },
      }),
  ],
  [
    "create without a body",
    (t) => t.create({ user: samplePass.id }),
    (r, c) =>
      r.POST(LIST, { params: { path: { "user-id": samplePass.id }, header: { "client-request-id": c } }, body: {} }),
  ],
  [
    "delete",
    (t) => t.delete({ user: UPN, id: ID }),
    (r, c) =>
      r.DELETE(ITEM, {
        params: {
          path: { "user-id": UPN, "temporaryAccessPassAuthenticationMethod-id": ID },
          header: { "client-request-id": c },
        },
      }),
  ],
  [
    "an error status",
    (t) => t.get({ user: "missing", id: ID }),
    (r, c) =>
      r.GET(ITEM, {
        params: {
          path: { "user-id": "missing", "temporaryAccessPassAuthenticationMethod-id": ID },
          header: { "client-request-id": c },
        },
      }),
  ],
];

function wire(r: Received): unknown {
  return { method: r.method, url: r.url, headers: r.headers, body: r.body };
}

async function bothWays(options: Partial<TapClientOptions>) {
  const seen: unknown[] = [];
  const tap = createTapClient({
    baseUrl: server.graphUrl,
    credential: async () => "token-value",
    ...options,
    // The Request each attempt hands to a caller's fetch: method, URL, headers, body.
    fetch:
      options.fetch &&
      (async (request) => {
        seen.push({
          method: request.method,
          url: request.url,
          headers: [...request.headers],
          body: await request.clone().text(),
        });
        return fetch(request);
      }),
  });
  for (const [, typed, viaRaw] of cases) {
    const ours = await typed(tap);
    const theirs = await viaRaw(tap.raw, server.received.at(-1)!.headers["client-request-id"] as string);
    expect(theirs.response.status).toBe(ours.response.status);
  }
  return { received: server.received.map(wire), seen };
}

describe("the typed operations over raw", () => {
  it.each(cases.map(([name]) => name))("send the same request: %s", async (name) => {
    const tap = createTapClient({ baseUrl: server.graphUrl, credential: "token-value", retry: false });
    const [, typed, viaRaw] = cases.find(([n]) => n === name)!;
    const ours = await typed(tap);
    const clientRequestId = server.received[0]!.headers["client-request-id"] as string;
    expect(clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    const theirs = await viaRaw(tap.raw, clientRequestId);
    expect(server.received).toHaveLength(2);
    expect(wire(server.received[0]!)).toEqual(wire(server.received[1]!));
    expect(ours.response.status).toBe(theirs.response.status);
    expect(ours.response.bodyUsed).toBe(theirs.response.bodyUsed);
    const result = ours as { data?: unknown; error?: { error: unknown } };
    if (theirs.error) expect(result.error?.error).toEqual((theirs.error as { error: unknown }).error);
    else expect(result.data).toEqual(theirs.data);
  });

  it(
    "send what Graph expects on the wire: one bearer token, one client-request-id, JSON only with a " + "body",
    async () => {
      const tap = createTapClient({ baseUrl: server.graphUrl, credential: "token-value", retry: false });
      await tap.get({ user: UPN, id: ID, select: ["id", "isUsable"] });
      await tap.create({ user: samplePass.id });
      const [get, create] = server.received;
      expect(get).toMatchObject({
        method: "GET",
        url:
          `/v1.0/users/${encodeURIComponent(UPN).replace(/'/g, "%27")}/authentication/temporaryAccessPassMethods/` +
          `${ID}?$select=id,isUsable`,
        headers: { authorization: "Bearer token-value", "client-request-id": expect.stringMatching(/^[0-9a-f-]{36}$/) },
        body: "",
      });
      expect(get!.headers["content-type"]).toBeUndefined();
      expect(create).toMatchObject({
        method: "POST",
        url: `/v1.0/users/${samplePass.id}/authentication/temporaryAccessPassMethods`,
        headers: { authorization: "Bearer token-value", "content-type": "application/json" },
        body: "{}",
      });
      expect(create!.headers["client-request-id"]).not.toBe(get!.headers["client-request-id"]);
    },
  );

  it("hand the same Requests to a caller's fetch, with retries and the contract middleware on", async () => {
    const { received, seen } = await bothWays({
      fetch: (request) => fetch(request),
      contract: { onViolation: () => undefined },
    });
    expect(received).toHaveLength(cases.length * 2);
    expect(seen).toHaveLength(cases.length * 2);
    for (let i = 0; i < cases.length; i++) {
      expect(received[2 * i + 1]).toEqual(received[2 * i]);
      expect(seen[2 * i + 1]).toEqual(seen[2 * i]);
    }
  });
});
