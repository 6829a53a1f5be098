import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-after.js";

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
