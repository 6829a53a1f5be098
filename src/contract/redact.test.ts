// Redaction leaves what is not secret alone: a TAP body, a Graph error envelope and prose with
// check ids and Graph's error codes come out of it unchanged, while the run knows secrets that
// they do not hold; and a secret it knows is masked in each form it is known in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KnownSecrets, redactText, redactValue } from "./redact.js";

const word = fc.string({ unit: fc.constantFrom(..."acdfghijkmnoqrsuvwxyz0123456789 -/.,()"), maxLength: 40 });

describe("redaction", () => {
  it("leaves TAP bodies, error envelopes and prose without secrets unchanged", () => {
    const secrets = new KnownSecrets();
    secrets.add("Zq7!Zq7!Zq7!Zq7!Zq7!");
    secrets.add("eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ");
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 100_000 }), fc.boolean(), (a, b, n, usable) => {
        const body = {
          "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${a}')/x`,
          id: b,
          temporaryAccessPass: null,
          lifetimeInMinutes: n,
          isUsable: usable,
          methodUsabilityReason: a,
          tokenCount: n,
          error: {
            code: "InvalidAuthenticationToken",
            message: `Access token is empty. ${b}`,
            innerError: { date: a },
          },
        };
        expect(redactValue(body, { secrets })).toEqual(body);
        const prose =
          `Graph answered 401 InvalidAuthenticationToken: ${a} (rejects-expired-token, ` + `secret-on-create: ${b})`;
        expect(redactText(prose, { secrets })).toBe(prose);
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it("masks a known secret in each form it is known in, and keeps the text around it", () => {
    const secret = "N0t-a-JWT-but-a-token_0123456789abcdefXYZ";
    const secrets = new KnownSecrets();
    secrets.add(secret);
    for (const form of [
      secret,
      [...secret].reverse().join(""),
      Buffer.from(secret).toString("base64"),
      Buffer.from(`xy${secret}`).toString("base64url"),
      secret.slice(7, 30),
      encodeURIComponent(secret).replaceAll("-", "%2D"),
      `${secret.slice(0, 5)}\\u00${secret.charCodeAt(5).toString(16)}${secret.slice(6)}`,
      secret.replaceAll("-", "&#45;"),
    ]) {
      const out = redactText(`before ${form} after`, { secrets });
      expect(out, form).toMatch(/^before .*<redacted.* after$/);
      expect(out).not.toContain(secret.slice(10, 26));
    }
  });
});
