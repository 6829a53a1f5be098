// Issue 11, finding 8: CI cannot pass with a browser test skipped or an audit that did not run.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditRefusal } from "./audit-refusal.js";
import { browserSkipReason, findChromium, isCi } from "./chromium.js";

function pathWith(name: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), "tap-path-"));
  mkdirSync(join(dir, "bin"));
  if (name) {
    writeFileSync(join(dir, "bin", name), "#!/bin/sh\n");
    chmodSync(join(dir, "bin", name), 0o755);
  }
  return join(dir, "bin");
}

describe("the browser tests", () => {
  it("find Chromium on PATH, as .ci/run does, under either name", () => {
    const dir = pathWith("chromium-browser");
    expect(findChromium({ PATH: `/nonexistent:${dir}` })).toBe(join(dir, "chromium-browser"));
    expect(findChromium({ PATH: pathWith(undefined) })).toBeUndefined();
  });

  it("skip without Chromium only outside CI; under CI=true they run (and fail without it)", () => {
    const empty = pathWith(undefined);
    expect(browserSkipReason({ PATH: empty })).toMatch(/Chromium is not on PATH/);
    expect(browserSkipReason({ PATH: empty, CI: "true" })).toBeUndefined();
    expect(browserSkipReason({ PATH: empty, CI: "1" })).toBeUndefined();
    expect(browserSkipReason({ PATH: empty, CI: "false" })).toMatch(/not on PATH/);
    expect(browserSkipReason({ PATH: pathWith("chromium") })).toBeUndefined();
    expect(isCi({})).toBe(false);
  });
});

describe("npm audit", () => {
  it("is skipped only for this registry's known 405, never for a 404 or a 5xx", () => {
    expect(
      auditRefusal({
        statusCode: 405,
        message: "405 Method Not Allowed - POST https://registry/-/npm/v1/security/advisories/bulk",
      }),
    ).toMatch(/405/);
    expect(auditRefusal({ statusCode: 404, message: "404 Not Found" })).toBeUndefined();
    expect(auditRefusal({ statusCode: 501, message: "501 Not Implemented" })).toBeUndefined();
    expect(auditRefusal({})).toBeUndefined();
  });
});
