import { describe, expect, it } from "vitest";
import { retryAfterMs, retryDelayMs } from "./retry-after.js";

const NOW = Date.parse("2026-11-28T10:00:00Z");

describe("retryAfterMs", () => {
  it.each([
    ["10", 10_000],
    ["2.128", 2128],
    [" 0 ", 0],
    ["0.5", 500],
  ])("reads seconds %j as %d ms", (value, want) => {
    expect(retryAfterMs(value, NOW)).toBe(want);
  });

  it("reads an HTTP date relative to now, never negative", () => {
    expect(retryAfterMs("Sat, 28 Nov 2026 10:00:07 GMT", NOW)).toBe(7000);
    expect(retryAfterMs("Sat, 28 Nov 2026 09:59:00 GMT", NOW)).toBe(0);
  });

  it.each([null, undefined, "", "soon", "-1", "1e3"])("ignores %j", (value) => {
    expect(retryAfterMs(value, NOW)).toBeUndefined();
  });
});

describe("retryDelayMs", () => {
  const policy = (random: number) => ({ maxDelayMs: 10_000, baseDelayMs: 500, random: () => random });

  it("honours Retry-After as a minimum; jitter adds at most 10% or 1 s", () => {
    expect(retryDelayMs(0, 2128, policy(0))).toBe(2128);
    expect(retryDelayMs(0, 2000, policy(0.999))).toBe(2200);
    expect(retryDelayMs(0, 9_500, policy(0.999))).toBe(10_000);
  });

  it("gives up when the server asks for more than the cap", () => {
    expect(retryDelayMs(0, 10_001, policy(0))).toBeUndefined();
  });

  it("backs off exponentially with half jitter when there is no Retry-After", () => {
    expect(retryDelayMs(0, undefined, policy(0))).toBe(250);
    expect(retryDelayMs(0, undefined, policy(0.999))).toBe(500);
    expect(retryDelayMs(3, undefined, policy(0))).toBe(2000);
    expect(retryDelayMs(10, undefined, policy(0.999))).toBe(9995);
  });
});
