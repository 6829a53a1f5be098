/**
 * Microsoft's own Graph client (`@microsoft/microsoft-graph-client`), unchanged, against the
 * mock over HTTPS with its generated self-signed certificate: it reads a TAP method and gets
 * a 404 as its own error type.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { graphError } from "../../src/spec/index.js";
import { bin, repoRoot } from "../support/paths.js";
import { ids, meganTap } from "./helpers.js";

const run = promisify(execFile);
let mock: MockGraph;

beforeAll(async () => {
  mock = await startMockGraph({ port: 0, https: true });
});
afterAll(() => mock.close());

describe("the mock over HTTPS", () => {
  it("serves Graph with its self-signed certificate, which a client can trust", async () => {
    expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = readFileSync(mock.certificatePath!, "utf8");
    const token = await mock.issueToken({ user: "grace" });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${mock.graphUrl}/users/${ids.megan}/authentication/temporaryAccessPassMethods`,
        { ca, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it("works with Microsoft's Graph client: a TAP read, and a 404 as GraphError", async () => {
    const token = await mock.issueToken({ user: "adele", scopes: ["UserAuthenticationMethod.Read.All"] });
    const missing = "6f1967b7-15e8-4935-ac26-d50770ed07a7";
    const { stdout } = await run(bin("tsx"), ["test/mock/support/graph-sdk-client.ts"], {
      cwd: repoRoot,
      timeout: 60_000,
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: mock.certificatePath,
        MOCK_URL: mock.url,
        MOCK_TOKEN: token,
        USER_ID: ids.megan,
        METHOD_ID: meganTap,
        MISSING_ID: missing,
      },
    });
    const out = JSON.parse(stdout.trim().split("\n").pop()!) as {
      read: Record<string, unknown>;
      listed: { value: unknown[] };
      error: Record<string, unknown>;
    };
    expect(out.read).toMatchObject({
      id: meganTap,
      temporaryAccessPass: null,
      isUsable: true,
      methodUsabilityReason: "EnabledByPolicy",
    });
    expect(out.listed.value).toEqual([{ id: meganTap, methodUsabilityReason: "EnabledByPolicy" }]);
    const expected = graphError("methodNotFound", { methodId: missing });
    expect(out.error).toMatchObject({
      isGraphError: true,
      statusCode: 404,
      code: expected.code,
      message: expected.message,
    });
    expect(out.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("Microsoft's Graph client and the tenant's TAP policy", () => {
  it("reads the policy, PATCHes it, reads the change back, and gets a refused PATCH as GraphError", async () => {
    const token = await mock.issueToken({ user: "alex", scopes: ["Policy.ReadWrite.AuthenticationMethod"] });
    const { stdout } = await run(bin("tsx"), ["test/mock/support/graph-sdk-policy.ts"], {
      cwd: repoRoot,
      timeout: 60_000,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: mock.certificatePath, MOCK_URL: mock.url, MOCK_TOKEN: token },
    });
    const out = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, Record<string, unknown>>;
    expect(out.before).toMatchObject({ id: "TemporaryAccessPass", isUsableOnce: false, maximumLifetimeInMinutes: 480 });
    expect(out.after).toMatchObject({ isUsableOnce: true, maximumLifetimeInMinutes: 240 });
    const expected = graphError("policyLifetimeOrder", { min: 600, max: 240 });
    expect(out.error).toMatchObject({
      isGraphError: true,
      statusCode: 400,
      code: expected.code,
      message: expected.message,
    });
    expect(mock.policy).toMatchObject({
      isUsableOnce: true,
      maximumLifetimeInMinutes: 240,
      minimumLifetimeInMinutes: 60,
    });
  });
});
