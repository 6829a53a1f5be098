import { describe, expect, it } from "vitest";
import { getExchange, ruleFindings, trippedRules } from "../../../test/conformance/exchange-fixtures.js";
import rule from "./status-code-documented.js";

describe("status-code-documented", () => {
  it("finds nothing on a faithful exchange", () => {
    expect(ruleFindings(rule, getExchange())).toEqual([]);
  });

  it("trips on a status the operation does not document, and only it", () => {
    const e = getExchange();
    e.response.status = 418;
    expect(trippedRules(e)).toEqual(["status-code-documented"]);
  });
});
