/**
 * A finding about a secret property is described by its shape and place, and redaction masks
 * values, never the words around them: with the mock leaking passcodes on reads, no reporter
 * prints a marker for a one-character "secret" (the word "a" of "a string of 8 chars"), and
 * none prints the passcode.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../conformance/cli/commands/check.js";
import { tempDir } from "../conformance/recordings.js";

describe("reports of a leaked passcode", () => {
  it("describe it in every reporter without a garbled redaction", async () => {
    const dir = tempDir();
    let out = "";
    const code = await runCheck(
      [
        "--mock-scenario",
        "secret-on-read",
        "--checks",
        "response-schema,secret-null-on-read",
        "--reporter",
        "console,json,junit,github,html",
        "--out",
        dir,
      ],
      { stdout: (t) => void (out += t), env: {}, color: false },
    );
    expect(code).toBe(1);
    const texts = [out, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"))];
    expect(texts.length).toBeGreaterThan(3);
    const json = readFileSync(join(dir, "tap-contract.json"), "utf8");
    expect(json).toContain("a string of 8 chars at /temporaryAccessPass");
    for (const text of texts) {
      // A masked word is a marker shorter than any passcode Graph issues (8 to 48 characters).
      expect(text).not.toMatch(/redacted: [1-7] char/);
      expect(text).not.toMatch(/= <redacted/);
    }
  });
});
