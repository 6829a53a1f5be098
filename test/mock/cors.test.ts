/**
 * The mock answers browsers: preflights on every TAP route and identity endpoint, allow/expose headers from the spec's
 * `x-cors`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFixtures, startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { corsPolicy, operations } from "../../src/spec/index.js";
import { call, ids, meganTap, tapPath } from "./helpers.js";

let mock: MockGraph;
const origin = "http://127.0.0.1:1";

beforeAll(async () => {
  mock = await startMockGraph({ port: 0 });
});
afterAll(() => mock.close());

async function preflight(url: string, method: string, headers = "authorization,content-type,client-request-id") {
  return fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers },
  });
}

const concrete = (path: string) => path.replace(/\{user-id\}/, ids.megan).replace(/\{[^}]+\}/, meganTap);

describe("CORS preflights", () => {
  it("answers every TAP operation of the spec with its methods and the headers clients send", async () => {
    for (const op of operations) {
      const res = await preflight(`${mock.graphUrl}${concrete(op.path)}`, op.method);
      expect(res.status, `${op.method} ${op.path}`).toBe(corsPolicy.preflightStatus);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")?.split(", ")).toContain(op.method);
      const allowed = res.headers.get("access-control-allow-headers")!.toLowerCase().split(", ");
      for (const h of ["authorization", "content-type", "client-request-id"]) expect(allowed).toContain(h);
      expect(await res.text()).toBe("");
    }
  });

  it("answers the token, keys, OpenID configuration and instance discovery endpoints", async () => {
    const tenant = defaultFixtures.tenant.id;
    const cases: Array<[string, string]> = [
      [mock.tokenUrl, "POST"],
      [mock.jwksUrl, "GET"],
      [`${mock.url}/${tenant}/v2.0/.well-known/openid-configuration`, "GET"],
      [`${mock.url}/common/discovery/instance`, "GET"],
    ];
    for (const [url, method] of cases) {
      const res = await preflight(url, method, "content-type,x-client-sku");
      expect(res.status, url).toBe(204);
      expect(res.headers.get("access-control-allow-methods")).toBe(method);
    }
  });

  it("a path the mock does not serve gets no preflight answer", async () => {
    const res = await preflight(`${mock.url}/v1.0/users/${ids.megan}/messages`, "GET");
    expect(res.status).not.toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toBeNull();
  });
});

describe("CORS on answers", () => {
  it(
    "a cross-origin request gets allow-origin and the exposed headers (request-id, client-request-id, " +
      "Retry-After, Location)",
    async () => {
      const res = await call(mock, "GET", tapPath(ids.megan), { headers: { origin } });
      expect(res.status).toBe(401);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const exposed = res.headers.get("access-control-expose-headers")!.toLowerCase().split(", ");
      for (const h of ["request-id", "client-request-id", "retry-after", "location"]) expect(exposed).toContain(h);
    },
  );

  it("a request without Origin (not from a page) gets no CORS headers, as before", async () => {
    const res = await call(mock, "GET", tapPath(ids.megan));
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("instance discovery names this host and the tenant's OpenID configuration", async () => {
    const authorize = `${mock.url}/${defaultFixtures.tenant.domain}/oauth2/v2.0/authorize`;
    const res = await fetch(
      `${mock.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tenant_discovery_endpoint: string; metadata: Array<{ aliases: string[] }> };
    expect(body.tenant_discovery_endpoint).toBe(
      `${mock.url}/${defaultFixtures.tenant.domain}/v2.0/.well-known/openid-configuration`,
    );
    expect(body.metadata[0]!.aliases).toEqual([new URL(mock.url).host]);
  });
});
