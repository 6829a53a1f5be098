import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../../src/http/retry-after.js";
import { RetryBudget } from "./retry.js";

describe("retryAfterMs", () => {
  it("reads seconds, fractional seconds and HTTP dates", () => {
    expect(retryAfterMs("2", 0)).toBe(2000);
    expect(retryAfterMs("2.128", 0)).toBe(2128);
    expect(retryAfterMs("Sat, 28 Nov 2026 10:00:05 GMT", Date.parse("2026-11-28T10:00:00Z"))).toBe(5000);
    expect(retryAfterMs("soon", 0)).toBeUndefined();
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
  });
});

describe("RetryBudget", () => {
  const policy = { perRequest: 2, total: 3, maxDelayMs: 1000, defaultDelayMs: 10, totalDelayMs: 1500 };

  it("waits Retry-After, or the default when there is none, within the per-request limit", () => {
    const budget = new RetryBudget(policy);
    expect(budget.delay(1, "0.5")).toBe(500);
    expect(budget.delay(2, undefined)).toBe(10);
    expect(budget.delay(3, "0")).toBeUndefined();
  });

  it("stops at the run's retry count and waiting budget, and never waits longer than the cap", () => {
    const budget = new RetryBudget(policy);
    expect(budget.delay(1, "5")).toBeUndefined();
    expect(budget.delay(1, "1")).toBe(1000);
    expect(budget.delay(1, "0.6")).toBeUndefined();
    expect(budget.delay(1, "0.4")).toBe(400);
    expect(budget.delay(1, "0")).toBe(0);
    expect(budget.delay(1, "0")).toBeUndefined();
  });
});
