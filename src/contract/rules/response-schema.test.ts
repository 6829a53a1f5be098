import { describe, expect, it } from "vitest";
import {
  contextUrl,
  createExchange,
  getExchange,
  listExchange,
  pass,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./response-schema.js";

describe("response-schema", () => {
  it.each([
    ["get", getExchange()],
    ["list", listExchange()],
    ["create", createExchange()],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it("trips on a property of the wrong type, and only it", () => {
    expect(
      trippedRules(getExchange({ "@odata.context": contextUrl("/$entity"), ...pass({ lifetimeInMinutes: "60" }) })),
    ).toEqual(["response-schema"]);
  });

  it("trips on a body that is not JSON, and only it", () => {
    const e = getExchange();
    e.response = { ...e.response, body: undefined, bodyText: "<html>oops</html>" };
    expect(trippedRules(e)).toEqual(["response-schema"]);
  });
});
