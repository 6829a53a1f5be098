// The README's app-credential example for real: @azure/identity's ClientSecretCredential gets
// its token from the mock's token endpoint (over HTTPS, as MSAL requires) and the client uses it.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFixtures, startMockGraph, type MockGraph } from "../../src/mock/index.js";
import { repoRoot } from "../support/paths.js";

const ADMIN_APP = "00000000-0000-0000-0000-00000000a11c";
let mock: MockGraph;

beforeAll(async () => {
  mock = await startMockGraph({ https: true });
});
afterAll(() => mock.close());

async function runClient(clientId: string, secret: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        join(repoRoot, "test/client/support/azure-identity-client.ts"),
        mock.graphUrl,
        mock.url,
        mock.tenantId,
        clientId,
        secret,
      ],
      {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: mock.certificatePath },
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? "", stderr: e.stderr ?? "", code: e.code ?? 1 };
  }
}

describe("an @azure/identity TokenCredential", () => {
  it("works as it is: the client asks it for the .default scope and creates a pass", async () => {
    const { stdout, stderr, code } = await runClient(ADMIN_APP, defaultFixtures.clientSecret);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ passLength: 8, listed: [true] });
  });

  it("fails with a CredentialError that keeps Entra's message and prints no secret", async () => {
    const { stderr, code } = await runClient(ADMIN_APP, "wrong-secret-value");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(
      /CredentialError: the TokenCredential failed to get a token for https:\/\/graph\.microsoft\.com\/\.default: /,
    );
    expect(stderr).not.toContain("wrong-secret-value");
    expect(stderr).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
