import { describe, expect, it } from "vitest";
import {
  errorExchange,
  getExchange,
  graphErrorBody,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./not-a-server-error.js";

describe("not-a-server-error", () => {
  it.each([
    ["a 200", getExchange()],
    ["a 404", errorExchange(404, graphErrorBody("itemNotFound", "not found"))],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it.each([500, 503])("trips on a %s, and only it", (status) => {
    expect(trippedRules(errorExchange(status, graphErrorBody("generalException", "x")))).toEqual([
      "not-a-server-error",
    ]);
  });
});
