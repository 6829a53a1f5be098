import { describe, expect, it } from "vitest";
import { header_Retry_After, header_Retry_After_optional } from "../../generated/validators.js";
import { retryAfterMs } from "./retry-after.js";

const NOW = Date.parse("2026-11-28T10:00:00Z");

describe("retryAfterMs", () => {
  it.each([
    ["10", 10_000],
    ["2.128", 2128],
    [" 0 ", 0],
    ["0.5", 500],
    ["0.0004", 1],
    ["1.0001", 1001],
  ])("reads seconds %j as %d ms (rounded up: never early)", (value, want) => {
    expect(retryAfterMs(value, NOW)).toBe(want);
  });

  it("reads an HTTP date relative to now, never negative", () => {
    expect(retryAfterMs("Sat, 28 Nov 2026 10:00:07 GMT", NOW)).toBe(7000);
    expect(retryAfterMs("Sat, 28 Nov 2026 09:59:00 GMT", NOW)).toBe(0);
  });

  it("reads a huge value as a huge wait (the callers' caps stop on it)", () => {
    expect(retryAfterMs("99999999999", NOW)).toBe(99_999_999_999_000);
  });

  it.each([
    null,
    undefined,
    "",
    "soon",
    "-1",
    "1e3",
    "+1",
    ".5",
    "1.",
    "Sat, 28 Nov 2026 10:00:07 UTC",
    "Saturday, 28-Nov-26 10:00:07 GMT",
    "Mon, 31 Feb 2026 10:00:07 GMT",
  ])("ignores %j", (value) => {
    expect(retryAfterMs(value, NOW)).toBeUndefined();
  });

  // One meaning: what the parser reads is exactly what the spec's header schemas (429 and 503/504) allow.
  it.each([
    "10",
    "2.128",
    "0",
    "0.0004",
    "99999999999",
    "-1",
    "1e3",
    "soon",
    "",
    "1.",
    "Sat, 28 Nov 2026 10:00:07 GMT",
    "Sat, 28 Nov 2026 10:00:07 UTC",
    "Saturday, 28-Nov-26 10:00:07 GMT",
  ])("agrees with the spec's Retry-After schema on %j", (value) => {
    const read = retryAfterMs(value, NOW) !== undefined;
    expect(header_Retry_After(value)).toBe(read);
    expect(header_Retry_After_optional(value)).toBe(read);
  });
});
