import { describe, expect, it } from "vitest";
import { listExchange, pass, ruleFindings, trippedRules } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./lifetime-in-range.js";

describe("lifetime-in-range", () => {
  it("finds nothing on a faithful exchange", () => {
    expect(ruleFindings(rule, listExchange())).toEqual([]);
  });

  it("trips on a lifetime below the policy's minimum, along with response-schema", () => {
    expect(trippedRules(listExchange([pass({ lifetimeInMinutes: 5, startDateTime: "2026-11-28T10:28:00Z" })]))).toEqual(
      ["lifetime-in-range", "response-schema"],
    );
  });
});
