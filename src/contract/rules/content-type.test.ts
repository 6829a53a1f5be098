import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  errorExchange,
  getExchange,
  graphErrorBody,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import { exchangeContext } from "../context.js";
import { judge } from "../engine.js";
import contentType from "./content-type.js";

// The rule's definition, written the plain way: the media type before `;`, trimmed, lower case.
const accepted = (header: string) => header.split(";")[0]!.trim().toLowerCase() === "application/json";

const passes = (header: string) => {
  const exchange = getExchange();
  exchange.response.headers["content-type"] = header;
  return (judge(contentType, exchangeContext(exchange, {})) ?? []).length === 0;
};

describe("content-type", () => {
  it.each([
    ["a 200", getExchange()],
    ["a 404", errorExchange(404, graphErrorBody("itemNotFound", "not found"))],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(contentType, exchange)).toEqual([]);
  });

  it("trips on a body sent as text/plain, and only it", () => {
    const e = getExchange();
    e.response.headers["content-type"] = "text/plain";
    expect(trippedRules(e)).toEqual(["content-type"]);
  });

  it.each([
    ["application/json", true],
    ["Application/JSON; charset=utf-8", true],
    ["  application/json  ;odata.metadata=minimal", true],
    ["\u00a0application/json", true],
    ["application/json\u2028", true],
    ["applİcation/json", false],
    ["application/jsonx", false],
    ["text/plain", false],
    ["", false],
  ])("%j → %s", (header, expected) => {
    expect(passes(header)).toBe(expected);
    expect(accepted(header)).toBe(expected);
  });

  it("agrees with the plain definition on generated headers", () => {
    const spaces = fc.constantFrom("", " ", "\t", "\u00a0", "\u3000", "\n");
    const type = fc.constantFrom(
      "application/json",
      "APPLICATION/Json",
      "application/jso",
      "application/json5",
      "appl\u0130cation/json",
      "text/json",
    );
    const header = fc
      .tuple(spaces, type, spaces, fc.option(fc.string({ maxLength: 12 })))
      .map(([a, t, b, rest]) => `${a}${t}${b}${rest === null ? "" : `;${rest}`}`);
    fc.assert(
      fc.property(fc.oneof(header, fc.string({ maxLength: 24 })), (h) => passes(h) === accepted(h)),
      { numRuns: 3000 },
    );
  });
});
