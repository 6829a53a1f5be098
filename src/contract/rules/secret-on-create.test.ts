import { describe, expect, it } from "vitest";
import { createExchange, ruleFindings, trippedRules } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./secret-on-create.js";

describe("secret-on-create", () => {
  it("finds nothing on a faithful Create", () => {
    expect(ruleFindings(rule, createExchange())).toEqual([]);
  });

  it("trips on a passcode shorter than the policy allows, along with response-schema", () => {
    expect(trippedRules(createExchange("abcd"))).toEqual(["response-schema", "secret-on-create"]);
  });

  it("checks the exact pass length when it is known", () => {
    expect(trippedRules(createExchange("Q$wSrZ3R9"), { passLength: 8 })).toEqual(["secret-on-create"]);
    expect(ruleFindings(rule, createExchange("Q$wSrZ3R9"), { passLength: 9 })).toEqual([]);
    expect(trippedRules(createExchange("Q$wSrZ3R9"))).toEqual([]);
  });
});
