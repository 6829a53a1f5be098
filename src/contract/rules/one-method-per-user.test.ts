import { describe, expect, it } from "vitest";
import {
  listExchange,
  pass,
  REQUEST_ID,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./one-method-per-user.js";

describe("one-method-per-user", () => {
  it.each([
    ["one pass", listExchange()],
    ["no pass", listExchange([])],
  ])("finds nothing on a faithful List: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it("trips on two passes for one user, along with response-schema", () => {
    expect(trippedRules(listExchange([pass(), pass({ id: REQUEST_ID })]))).toEqual([
      "one-method-per-user",
      "response-schema",
    ]);
  });
});
