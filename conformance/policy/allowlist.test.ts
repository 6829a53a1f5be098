import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import type { RunResult } from "../run/result.js";
import { isExpired, parseAllowlist, unmatchedAllowlistLines } from "./allowlist.js";

const doc = (deviations: unknown) => JSON.stringify({ deviations });

describe("parseAllowlist", () => {
  it("reads entries, with * or no operation meaning every operation", () => {
    const list = parseAllowlist(
      doc([
        {
          check: "odata-context",
          operation: "GET /me/authentication/temporaryAccessPassMethods",
          reason: "Graph quirk",
          expires: "2027-01-31",
        },
        { check: "content-type", operation: "*", reason: "proxy", expires: "2027-01-31" },
      ]),
      "allow.json",
    );
    expect(list.entries).toEqual([
      {
        check: "odata-context",
        operation: "GET /me/authentication/temporaryAccessPassMethods",
        reason: "Graph quirk",
        expires: "2027-01-31",
      },
      { check: "content-type", reason: "proxy", expires: "2027-01-31" },
    ]);
  });

  it.each([
    ["not JSON", "{", /allow.json: not valid JSON/],
    ["no deviations", "{}", /expected \{"deviations"/],
    [
      "unknown check",
      doc([{ check: "nope", reason: "r", expires: "2027-01-01" }]),
      /deviations\[0\]: unknown check "nope": expected one of content-type/,
    ],
    [
      "no reason",
      doc([{ check: "content-type", expires: "2027-01-01" }]),
      /deviations\[0\]: expected a non-empty "reason"/,
    ],
    [
      "a mistyped operation",
      doc([{ check: "content-type", operation: "GET /me/tap", reason: "r", expires: "2027-01-01" }]),
      /deviations\[0\]: unknown operation "GET \/me\/tap": expected "\*" or one of "GET \/me\/authentication\/temporaryAccessPassMethods"/,
    ],
    [
      "a trailing slash",
      doc([
        {
          check: "content-type",
          operation: "GET /me/authentication/temporaryAccessPassMethods/",
          reason: "r",
          expires: "2027-01-01",
        },
      ]),
      /deviations\[0\]: unknown operation/,
    ],
    [
      "an operation that is not a string",
      doc([{ check: "content-type", operation: 3, reason: "r", expires: "2027-01-01" }]),
      /deviations\[0\]: unknown operation 3/,
    ],
    [
      "bad date",
      doc([{ check: "content-type", reason: "r", expires: "2027-02-30" }]),
      /expected "expires" as a date YYYY-MM-DD, got "2027-02-30"/,
    ],
  ])("refuses %s in one line", (_name, text, message) => {
    expect(() => parseAllowlist(text, "allow.json")).toThrow(UserError);
    expect(() => parseAllowlist(text, "allow.json")).toThrow(message);
  });

  it("holds through the whole expiry day", () => {
    const entry = { check: "content-type", reason: "r", expires: "2026-11-28" };
    expect(isExpired(entry, new Date("2026-11-28T23:59:59Z"))).toBe(false);
    expect(isExpired(entry, new Date("2026-11-29T00:00:00Z"))).toBe(true);
  });
});

describe("unmatchedAllowlistLines", () => {
  it("names each entry in force that accepted no failure, and no other", () => {
    const list = parseAllowlist(
      doc([
        {
          check: "odata-context",
          operation: "GET /me/authentication/temporaryAccessPassMethods",
          reason: "used",
          expires: "2999-01-01",
        },
        { check: "content-type", reason: "unused", expires: "2999-01-01" },
        { check: "content-type", reason: "expired, reported elsewhere", expires: "2020-01-01" },
      ]),
      "allow.json",
    );
    const waived = {
      check: "odata-context",
      title: "t",
      severity: "medium",
      operation: "GET /me/authentication/temporaryAccessPassMethods",
      status: "fail",
      violations: [],
      waived: { reason: "used", expires: "2999-01-01" },
    };
    const result = { outcomes: [waived] } as unknown as RunResult;
    expect(unmatchedAllowlistLines(list, result)).toEqual([
      "allowlist entry deviations[1] (content-type) matched no failure in this run",
    ]);
  });
});
