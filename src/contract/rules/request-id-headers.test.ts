import { describe, expect, it } from "vitest";
import {
  errorExchange,
  getExchange,
  graphErrorBody,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./request-id-headers.js";

describe("request-id-headers", () => {
  it.each([
    ["a 200", getExchange()],
    ["a 404", errorExchange(404, graphErrorBody("itemNotFound", "not found"))],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it("finds nothing when the client's client-request-id is echoed", () => {
    const e = getExchange();
    e.request.headers["client-request-id"] = "mine";
    e.response.headers["client-request-id"] = "mine";
    expect(ruleFindings(rule, e)).toEqual([]);
  });

  it("trips on a missing request-id, and only it", () => {
    const e = getExchange();
    delete e.response.headers["request-id"];
    expect(trippedRules(e)).toEqual(["request-id-headers"]);
  });

  it("trips on a client-request-id that is not echoed, and only it", () => {
    const e = getExchange();
    e.request.headers["client-request-id"] = "mine";
    expect(trippedRules(e)).toEqual(["request-id-headers"]);
  });
});
