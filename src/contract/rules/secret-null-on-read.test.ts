import { describe, expect, it } from "vitest";
import {
  getExchange,
  listExchange,
  pass,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./secret-null-on-read.js";

describe("secret-null-on-read", () => {
  it.each([
    ["get", getExchange()],
    ["list", listExchange()],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it("trips on a passcode in a List, along with response-schema", () => {
    expect(trippedRules(listExchange([pass({ temporaryAccessPass: "Q$wSrZ3R" })]))).toEqual([
      "response-schema",
      "secret-null-on-read",
    ]);
  });
});
