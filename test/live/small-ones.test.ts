// The small ones of issue 18: an expired token from the CLI, and `mock --https` leaving no files.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { parseTokenArgs } from "../../conformance/cli/commands/token.js";
import { UsageError } from "../../src/errors.js";
import { appClientId, startMockGraph } from "./support.js";

describe("tap-contract token --expires-in", () => {
  it("asks the mock for a token of that lifetime; negative gives an expired one", async () => {
    const mock = await startMockGraph();
    try {
      const { url, tenant, form } = parseTokenArgs([
        ...["--url", mock.url, "--app", appClientId, "--expires-in", "-60"],
      ]);
      expect(form.get("mock_expires_in")).toBe("-60");
      const res = await fetch(new URL(`/${tenant}/oauth2/v2.0/token`, url), { method: "POST", body: form });
      const { access_token } = (await res.json()) as { access_token: string };
      const { exp } = decodeJwt(access_token);
      expect(exp).toBeLessThan(Date.now() / 1000);
      expect(exp).toBeGreaterThan(Date.now() / 1000 - 120);
    } finally {
      await mock.close();
    }
  });

  it.each([["0"], ["abc"], ["1.5"], ["999999"]])("--expires-in %s is a usage error", (value) => {
    expect(() => parseTokenArgs(["--url", "http://127.0.0.1:9", "--user", "adele", "--expires-in", value])).toThrow(
      UsageError,
    );
  });
});

describe("mock --https", () => {
  it("deletes its key file once loaded and its certificate when it stops", async () => {
    const mock = await startMockGraph({ https: true });
    const cert = mock.certificatePath!;
    try {
      expect(existsSync(cert)).toBe(true);
      expect(existsSync(join(dirname(cert), "key.pem"))).toBe(false);
    } finally {
      await mock.close();
    }
    expect(existsSync(dirname(cert))).toBe(false);
  });
});
