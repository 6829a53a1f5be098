import addFormatsPkg from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastFormats, fastUri, isRfc3339DateTime, ucs2length } from "./fast-formats.js";
import { fullFormats } from "ajv-formats/dist/formats.js";

// The reference: ajv-formats' full date-time, through a plain Ajv instance.
const ajv = new Ajv2020();
addFormatsPkg.default(ajv);
const reference = ajv.compile({ type: "string", format: "date-time" });
const stock = (s: string) => reference(s) === true;

describe("isRfc3339DateTime", () => {
  it.each([
    ["2022-06-02T16:21:09.5893903Z", true],
    ["2021-08-07T13:02:06Z", true],
    ["2024-02-29T00:00:00+01:00", true],
    ["2023-02-29T00:00:00Z", false],
    ["2021-04-01T17:02:01", false],
    ["2016-12-31T23:59:60Z", true],
    ["2016-12-31T22:59:60-01:00", true],
    ["2016-12-31T12:59:60Z", false],
    ["2021-13-01T00:00:00Z", false],
    ["2021-01-01t00:00:00z", true],
    ["2021-01-01 00:00:00Z", true],
    ["2021-01-01T00:00:00.Z", false],
    ["2021-01-01T24:00:00Z", false],
    ["2021-01-01T00:00:00+0100", true],
    ["2021-01-01T00:00:00+01", true],
  ])("%s → %s, as ajv-formats says", (input, expected) => {
    expect(isRfc3339DateTime(input)).toBe(expected);
    expect(stock(input)).toBe(expected);
  });

  it("agrees with ajv-formats' full date-time on generated strings", () => {
    const n = (lo: number, hi: number, width: number) =>
      fc.integer({ min: lo, max: hi }).map((v) => String(v).padStart(width, "0"));
    const dateTime = fc
      .tuple(
        n(0, 9999, 4),
        n(0, 13, 2),
        n(0, 32, 2),
        fc.constantFrom("T", "t", " ", "x"),
        n(0, 25, 2),
        n(0, 61, 2),
        n(0, 61, 2),
        fc.option(fc.stringMatching(/^\.\d{0,8}$/)),
        fc.constantFrom("Z", "z", "", "+01:00", "-23:59", "+24:00", "+0130", "-05", "+01:60"),
      )
      .map(([y, mo, d, sep, h, mi, s, frac, tz]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac ?? ""}${tz}`);
    fc.assert(
      fc.property(fc.oneof(dateTime, fc.string()), (s) => isRfc3339DateTime(s) === stock(s)),
      { numRuns: 3000 },
    );
  });
});

describe("fastUri", () => {
  const full = fullFormats.uri as (s: string) => boolean;
  const uri = fastUri(full);

  it("accepts what the full format accepts, and nothing more", () => {
    const samples = [
      "https://graph.microsoft.com/v1.0/$metadata#users('adele%40contoso.onmicrosoft.com')/authentication/" +
        "temporaryAccessPassMethods/$entity",
      "http://127.0.0.1:41234/v1.0/$metadata#users('c0a70000-0000-4000-8000-000000000001')/authentication/" +
        "temporaryAccessPassMethods",
      "urn:isbn:0451450523",
      "mailto:a@b.c",
      "https://a b",
      "not a uri",
      "https://x/#a#b",
      "https://x/^",
      "",
    ];
    for (const s of samples) expect(uri(s)).toBe(full(s));
  });

  it("agrees with the full format on generated URLs", () => {
    const part = fc.stringMatching(/^[a-zA-Z0-9%'()$#:@/?._~ -]{0,20}$/);
    const url = fc
      .tuple(
        fc.constantFrom("http://", "https://", "ftp://", "http:/", ""),
        fc.stringMatching(/^[a-z0-9.:-]{0,12}$/),
        part,
        part,
      )
      .map(([a, b, c, d]) => `${a}${b}/${c}${d}`);
    fc.assert(
      fc.property(fc.oneof(url, fc.string()), (s) => uri(s) === full(s)),
      { numRuns: 3000 },
    );
  });
});

describe("fastUri's simple-URI shortcut", () => {
  // The shortcut as first written, with the `i` flag: spelling both cases out must not change it.
  const withFlag =
    /^https?:\/\/[a-z0-9.-]*(?::\d*)?(?:\/[a-z0-9\-._~!$&'()*+,;=:@/]*)?(?:#[a-z0-9\-._~!$&'()*+,;=:@/?]*)?$/i;
  const never = () => false;
  const shortcut = fastUri(never);

  it("accepts exactly what the case-insensitive expression accepts", () => {
    for (const s of [
      "HTTPS://Graph.Microsoft.COM/v1.0/$metadata#users('A')/x/$entity",
      "hTtP://h:8/",
      "https://ſ/",
      "https://K/",
      "https://x/\u0130",
    ]) {
      expect(shortcut(s)).toBe(withFlag.test(s));
    }
    const text = fc.stringMatching(/^[hHtTpPsS:/a-zA-Z0-9.#?'()$@~\u017f\u212a\u0130-]{0,30}$/);
    fc.assert(
      fc.property(
        fc.oneof(
          text.map((t) => `https://${t}`),
          text,
        ),
        (s) => shortcut(s) === withFlag.test(s),
      ),
      { numRuns: 3000 },
    );
  });
});

describe("isUuid", () => {
  it("agrees with ajv-formats' full uuid", () => {
    const full = fullFormats.uuid as RegExp;
    const hex = fc.constantFrom(..."0123456789abcdefABCDEFgG-:urn");
    const text = fc.array(hex, { minLength: 30, maxLength: 46 }).map((a) => a.join(""));
    const uuid = fc.uuid().map((u) => u);
    const near = fc
      .tuple(fc.uuid(), fc.integer({ min: 0, max: 35 }), hex)
      .map(([u, i, c]) => u.slice(0, i) + c + u.slice(i + 1));
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          uuid,
          near,
          uuid.map((u) => `urn:uuid:${u}`),
          uuid.map((u) => u.toUpperCase()),
        ),
        (s) => fastFormats.uuid(s) === full.test(s),
      ),
      { numRuns: 5000 },
    );
  });
});

describe("ucs2length", () => {
  it("counts code points, a surrogate pair as one", () => {
    for (const s of ["", "abc", "é", "😀", "a😀b", "\ud800", "\udc00x", "😀😀"])
      expect(ucs2length(s)).toBe([...s].length);
  });
});

describe("fastFormats", () => {
  it("accepts what ajv-formats' full formats accept", () => {
    const samples = [
      "2026-11-28T10:00:00Z",
      "2026-02-30T10:00:00Z",
      "https://graph.microsoft.com/v1.0/$metadata#x",
      "not a uri",
      "6f1967b7-15e8-4935-ac26-d50770ed07a7",
      "6f1967b7",
    ];
    for (const name of ["date-time", "uri", "uuid"] as const) {
      const full = fullFormats[name] as RegExp | ((s: string) => boolean) | { validate: (s: string) => boolean };
      const stock = (s: string) =>
        full instanceof RegExp ? full.test(s) : typeof full === "function" ? full(s) : full.validate(s);
      for (const s of samples) expect(fastFormats[name](s), `${name} ${s}`).toBe(stock(s));
    }
  });
});
