import { describe, expect, it } from "vitest";
import { listExchange, pass, ruleFindings, trippedRules } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./one-time-used-only-for-one-time.js";

describe("one-time-used-only-for-one-time", () => {
  it.each([
    ["a reusable pass", listExchange()],
    [
      "a used one-time pass",
      listExchange([pass({ isUsableOnce: true, isUsable: false, methodUsabilityReason: "OneTimeUsed" })]),
    ],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it("trips on OneTimeUsed for a reusable pass, and only it", () => {
    expect(trippedRules(listExchange([pass({ isUsable: false, methodUsabilityReason: "OneTimeUsed" })]))).toEqual([
      "one-time-used-only-for-one-time",
    ]);
  });
});
