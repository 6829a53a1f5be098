/** The socket adapter: hostile requests still get Graph's envelope, and fixtures from a file. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "../../src/contract/schemas.js";
import { defaultFixtures, loadFixtures, startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { call, tapPath } from "./helpers.js";

let mock: MockGraph;
beforeAll(async () => {
  mock = await startMockGraph({ port: 0 });
});
afterAll(() => mock.close());

/** Write raw bytes to the mock and read until it closes. */
function raw(text: string): Promise<string> {
  const { port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let out = "";
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer")));
    socket.on("data", (d: Buffer) => (out += d.toString()));
    socket.on("end", () => resolve(out));
    socket.on("close", () => resolve(out));
    socket.on("error", reject);
    socket.write(text);
  });
}

const odataError = schemaValidator("ODataError");
const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4)) as unknown;

describe("hostile requests", () => {
  it("answers headers over Node's limit with 431 and the envelope", async () => {
    const res = await raw(`GET /v1.0/me HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(res).toMatch(/^HTTP\/1\.1 431 /);
    expect(res).toMatch(/\r\nrequest-id: [0-9a-f-]{36}\r\n/);
    expect(odataError(bodyOf(res))).toBe(true);
  });

  it("answers a broken request line with 400 and the envelope", async () => {
    const res = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(res).toMatch(/^HTTP\/1\.1 400 /);
    expect(odataError(bodyOf(res))).toBe(true);
  });

  it("uses its own address in @odata.context when the Host header is hostile", async () => {
    const token = await mock.issueToken({ user: "adele" });
    const res = await raw(
      `GET /v1.0${tapPath("megan@contoso.onmicrosoft.com")} HTTP/1.1\r\nHost: ` +
        `evil.example/'><script>\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    );
    const body = bodyOf(res) as Record<string, string>;
    expect(body["@odata.context"]!.startsWith(`${mock.url}/v1.0/$metadata#users(`)).toBe(true);
  });

  it("replaces an absurd client-request-id instead of echoing it", async () => {
    const res = await call(mock, "GET", "/me/authentication/temporaryAccessPassMethods", {
      headers: { "client-request-id": "x".repeat(500) },
    });
    expect(res.headers.get("client-request-id")).toBe(res.headers.get("request-id"));
  });
});

describe("fixtures from a file", () => {
  it("replace the default tenant", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tap-fixtures-"));
    const file = join(dir, "fixtures.json");
    const fixtures = {
      ...defaultFixtures,
      tenant: { id: "f1f1f1f1-0000-4000-8000-000000000000", domain: "fabrikam.onmicrosoft.com" },
      // The default tenant's groups name its users; this tenant has none, and the default policy.
      groups: [],
      tapPolicy: {},
      users: [
        {
          name: "ada",
          id: "f1f1f1f1-0000-4000-8000-000000000001",
          userPrincipalName: "ada@fabrikam.onmicrosoft.com",
          displayName: "Ada",
          directoryRoles: ["authenticationAdministrator"],
        },
      ],
    };
    writeFileSync(file, JSON.stringify(fixtures));
    const other = await startMockGraph({ port: 0, fixtures: loadFixtures(file) });
    try {
      expect(other.tenantId).toBe(fixtures.tenant.id);
      const token = await other.issueToken({ user: "ada" });
      const res = await call(other, "GET", tapPath("ada@fabrikam.onmicrosoft.com"), { token });
      expect([res.status, (res.body as { value: unknown[] }).value]).toEqual([200, []]);
      expect((await call(other, "GET", tapPath("adele@contoso.onmicrosoft.com"), { token })).status).toBe(404);
      // A token of another tenant (the default mock's) is no good here.
      const foreign = await mock.issueToken({ user: "adele" });
      expect((await call(other, "GET", tapPath("ada@fabrikam.onmicrosoft.com"), { token: foreign })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("are checked, with the problem named", () => {
    const dir = mkdtempSync(join(tmpdir(), "tap-fixtures-"));
    const bad = join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({ ...defaultFixtures, users: [{ ...defaultFixtures.users[0], directoryRoles: ["wizard"] }] }),
    );
    expect(() => loadFixtures(bad)).toThrow(
      'fixtures: users[0].directoryRoles: unknown role "wizard": expected one of globalReader, ' +
        "authenticationAdministrator, privilegedAuthenticationAdministrator",
    );
    writeFileSync(bad, "{");
    expect(() => loadFixtures(bad)).toThrow(/fixtures file .* is not valid JSON/);
  });
});
