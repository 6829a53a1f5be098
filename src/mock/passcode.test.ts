import { describe, expect, it } from "vitest";
import { hashPasscode, newPasscode, passcodeMatches } from "./passcode.js";

describe("passcodes", () => {
  it("have the asked length and mix character classes over many draws", async () => {
    const codes = await Promise.all(Array.from({ length: 50 }, () => newPasscode(12)));
    expect(codes.every((c) => c.length === 12)).toBe(true);
    const all = codes.join("");
    expect(all).toMatch(/[A-Z]/);
    expect(all).toMatch(/[a-z]/);
    expect(all).toMatch(/[2-9]/);
    expect(all).toMatch(/[!@#$%&*+=?]/);
    expect(new Set(codes).size).toBe(50);
  });

  it("are kept only as a salted hash that matches the passcode and nothing else", async () => {
    const hash = await hashPasscode("Q$wSrZ3R");
    expect(new TextDecoder().decode(hash.digest)).not.toContain("Q$wSrZ3R");
    expect(await passcodeMatches(hash, "Q$wSrZ3R")).toBe(true);
    expect(await passcodeMatches(hash, "Q$wSrZ3r")).toBe(false);
    const again = await hashPasscode("Q$wSrZ3R");
    expect(Buffer.from(again.digest).equals(Buffer.from(hash.digest))).toBe(false);
  });
});
