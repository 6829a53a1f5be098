import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHttpDate, parseTimestamp } from "./timestamp.js";

describe("parseTimestamp", () => {
  it.each([
    "2026-11-28T10:00:00.5740124Z",
    "2026-11-28T10:00:00Z",
    "2026-11-28T10:00:00.5Z",
    "2026-11-28T10:00:00.57Z",
    "2024-02-29T23:59:59.999Z",
    "2026-02-30T10:00:00Z",
    "2026-11-28T24:00:00Z",
    "2016-12-31T23:59:60Z",
    "2026-11-28t10:00:00z",
    "2026-11-28T10:00:00+01:00",
    "2026-11-28T10:00:00.Z",
    "1969-12-31T23:59:59Z",
    "0099-01-01T00:00:00Z",
    "2026-11-28 10:00:00Z",
    "not a date",
    `2026-11-28T10:00:00.${"5".repeat(40)}Z`,
  ])("%s as Date.parse reads it", (s) => {
    expect(parseTimestamp(s)).toBe(Date.parse(s));
  });

  it("agrees with Date.parse on generated timestamps", () => {
    const n = (lo: number, hi: number, width: number) =>
      fc.integer({ min: lo, max: hi }).map((v) => String(v).padStart(width, "0"));
    const stamp = fc
      .tuple(
        n(0, 9999, 4),
        n(0, 13, 2),
        n(0, 32, 2),
        fc.constantFrom("T", "t", " "),
        n(0, 25, 2),
        n(0, 61, 2),
        n(0, 61, 2),
        fc.option(fc.stringMatching(/^\.[0-9a]{0,9}$/)),
        fc.constantFrom("Z", "z", "", "+01:00"),
      )
      .map(([y, mo, d, sep, h, mi, s, frac, tz]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac ?? ""}${tz}`);
    fc.assert(
      fc.property(fc.oneof(stamp, fc.string({ maxLength: 30 })), (s) => Object.is(parseTimestamp(s), Date.parse(s))),
      { numRuns: 5000 },
    );
  });

  it("reads every canonical timestamp to the millisecond", () => {
    const stamp = fc
      .tuple(
        fc.integer({ min: 1970, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.option(fc.stringMatching(/^[0-9]{1,9}$/)),
      )
      .map(([y, mo, d, h, mi, s, frac]) => {
        const p2 = (v: number) => String(v).padStart(2, "0");
        return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}${frac === null ? "" : `.${frac}`}Z`;
      });
    fc.assert(
      fc.property(stamp, (s) => Object.is(parseTimestamp(s), Date.parse(s))),
      { numRuns: 5000 },
    );
  });
});

describe("parseHttpDate", () => {
  it("agrees with Date.parse on generated IMF-fixdates and near misses", () => {
    const p2 = (v: number) => String(v).padStart(2, "0");
    const date = fc
      .tuple(
        fc.constantFrom("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "sat", "Xyz"),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom(
          "Jan",
          "Feb",
          "Mar",
          "Apr",
          "May",
          "Jun",
          "Jul",
          "Aug",
          "Sep",
          "Oct",
          "Nov",
          "Dec",
          "nov",
          "Foo",
        ),
        fc.integer({ min: 1960, max: 9999 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom("GMT", "UTC", "gmt"),
      )
      .map(([w, d, m, y, h, mi, s, z]) => `${w}, ${p2(d)} ${m} ${y} ${p2(h)}:${p2(mi)}:${p2(s)} ${z}`);
    fc.assert(
      fc.property(fc.oneof(date, fc.string({ maxLength: 30 })), (s) => Object.is(parseHttpDate(s), Date.parse(s))),
      { numRuns: 5000 },
    );
    expect(parseHttpDate("Sat, 28 Nov 2026 10:30:00 GMT")).toBe(Date.UTC(2026, 10, 28, 10, 30, 0));
  });
});
