import { describe, expect, it } from "vitest";
import { listExchange, pass, ruleFindings, trippedRules } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./usability-matches-policy.js";

describe("usability-matches-policy", () => {
  it("skips without the tenant's policy, and finds nothing on a faithful exchange with it", () => {
    expect(ruleFindings(rule, listExchange())).toBeUndefined();
    expect(ruleFindings(rule, listExchange(), { policy: { state: "enabled", isUsableOnce: false } })).toEqual([]);
    expect(
      ruleFindings(rule, listExchange([pass({ isUsableOnce: true })]), {
        policy: { state: "enabled", isUsableOnce: true },
      }),
    ).toEqual([]);
  });

  it("trips on a usable pass while the method is disabled, and only it", () => {
    const options = { policy: { state: "disabled" as const }, policySource: "the tenant's policy" };
    expect(trippedRules(listExchange(), options)).toEqual(["usability-matches-policy"]);
    expect(ruleFindings(rule, listExchange(), options)![0]!.message).toContain(
      "while the method is disabled (the tenant's policy)",
    );
  });

  it("trips on a usable multi-use pass under a one-time-only policy", () => {
    const options = { policy: { state: "enabled" as const, isUsableOnce: true } };
    expect(trippedRules(listExchange([pass({ isUsableOnce: false })]), options)).toEqual(["usability-matches-policy"]);
    const disabled = pass({ isUsableOnce: false, isUsable: false, methodUsabilityReason: "DisabledByPolicy" });
    expect(trippedRules(listExchange([disabled]), options)).toEqual([]);
  });
});
