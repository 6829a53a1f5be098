import { describe, expect, it } from "vitest";
import {
  errorExchange,
  graphErrorBody,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./retry-after-on-429.js";

const throttled = (extra: Record<string, string> = {}) =>
  errorExchange(429, graphErrorBody("TooManyRequests", "Please retry again later."), extra);

describe("retry-after-on-429", () => {
  it("finds nothing on a faithful 429 with Retry-After", () => {
    expect(ruleFindings(rule, throttled({ "retry-after": "2.128" }))).toEqual([]);
  });

  it("trips on a 429 without Retry-After, and only it", () => {
    expect(trippedRules(throttled())).toEqual(["retry-after-on-429"]);
  });
});
