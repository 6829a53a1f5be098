import { describe, expect, it } from "vitest";
import { listExchange, pass, ruleFindings, trippedRules } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./usable-matches-reason.js";

describe("usable-matches-reason", () => {
  it("finds nothing on a faithful exchange", () => {
    expect(ruleFindings(rule, listExchange())).toEqual([]);
  });

  it("trips on a usable pass with a reason that makes it unusable, and only it", () => {
    const e = listExchange([
      pass({ isUsable: true, methodUsabilityReason: "Expired", startDateTime: "2026-11-27T10:00:00Z" }),
    ]);
    expect(trippedRules(e)).toEqual(["usable-matches-reason"]);
  });
});
