import { describe, expect, it } from "vitest";
import { checkExchange } from "../index.js";
import {
  contextUrl,
  getExchange,
  listExchange,
  pass,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./undocumented-properties.js";

describe("undocumented-properties", () => {
  it.each([
    ["get", getExchange()],
    ["list", listExchange()],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it("trips on a property the schema does not document, and only it", () => {
    const e = getExchange({
      "@odata.context": contextUrl("/$entity"),
      ...pass({ lastUsedDateTime: "2026-11-28T10:00:00Z" }),
    });
    expect(trippedRules(e)).toEqual(["undocumented-properties"]);
  });

  it(
    "reports a methodUsabilityReason outside the documented set at low severity, naming it, without a schema " +
      "failure",
    () => {
      const found = checkExchange(listExchange([pass({ isUsable: false, methodUsabilityReason: "BlockedByRisk" })]));
      expect(found.map((v) => [v.check, v.severity])).toEqual([["undocumented-properties", "low"]]);
      expect(found[0]!.message).toContain('"BlockedByRisk"');
      expect(found[0]!.instancePath).toBe("/value/0/methodUsabilityReason");
    },
  );

  it("tolerates the beta contract's own properties on beta only (x-beta)", () => {
    const onV1 = listExchange([pass({ lastUsedDateTime: null })]);
    expect(ruleFindings(rule, onV1)?.map((f) => f.instancePath)).toEqual(["/value/0/lastUsedDateTime"]);
    const onBeta = {
      ...onV1,
      request: { ...onV1.request, url: onV1.request.url.replace("/v1.0/", "/beta/") },
      response: {
        ...onV1.response,
        body: {
          ...(onV1.response.body as Record<string, unknown>),
          "@odata.context": contextUrl().replace("/v1.0/", "/beta/"),
        },
      },
    };
    expect(ruleFindings(rule, onBeta)).toEqual([]);
    expect(trippedRules(onBeta)).toEqual([]);
  });
});
