import { describe, expect, it } from "vitest";
import { createClock } from "./clock.js";

describe("the mock clock", () => {
  it("starts at a given instant and moves with set and advance", () => {
    const clock = createClock("2026-03-01T09:00:00Z");
    expect(Math.abs(clock.now().getTime() - Date.parse("2026-03-01T09:00:00Z"))).toBeLessThan(5_000);
    clock.advance(3_600_000);
    expect(clock.now().toISOString().slice(0, 13)).toBe("2026-03-01T10");
    clock.set(new Date("2030-01-01T00:00:00Z"));
    expect(clock.now().getUTCFullYear()).toBe(2030);
  });

  it("wraps a caller's own time source, still shiftable", () => {
    const fixed = new Date("2026-01-01T00:00:00Z");
    const clock = createClock(() => fixed);
    expect(clock.now()).toEqual(fixed);
    clock.advance(1000);
    expect(clock.now().getTime()).toBe(fixed.getTime() + 1000);
  });

  it("resets to its start instant, or to the time it wraps", () => {
    const clock = createClock("2026-03-01T09:00:00Z");
    clock.advance(61 * 60_000);
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.parse("2026-03-01T09:00:00Z"))).toBeLessThan(5_000);
    const fixed = new Date("2026-01-01T00:00:00Z");
    const wrapped = createClock(() => fixed);
    wrapped.set("2030-01-01T00:00:00Z");
    wrapped.reset();
    expect(wrapped.now()).toEqual(fixed);
    const real = createClock();
    real.advance(-3_600_000);
    real.reset();
    expect(Math.abs(real.now().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("refuses what is not a date", () => {
    expect(() => createClock("soon")).toThrow("clock: expected a date (ISO 8601 string, Date or epoch ms), got soon");
    expect(() => createClock().advance(Number.NaN)).toThrow(/finite/);
  });
});
