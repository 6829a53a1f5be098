import { describe, expect, it } from "vitest";
import {
  contextUrl,
  getExchange,
  pass,
  REQUEST_ID,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./get-id-matches-request.js";

describe("get-id-matches-request", () => {
  it("finds nothing on a faithful Get", () => {
    expect(ruleFindings(rule, getExchange())).toEqual([]);
  });

  it("trips on a pass whose id is not the one asked for, and only it", () => {
    expect(
      trippedRules(getExchange({ "@odata.context": contextUrl("/$entity"), ...pass({ id: REQUEST_ID }) })),
    ).toEqual(["get-id-matches-request"]);
  });
});
