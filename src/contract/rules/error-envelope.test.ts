import { describe, expect, it } from "vitest";
import {
  errorExchange,
  graphErrorBody,
  METHOD,
  ruleFindings,
  trippedRules,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./error-envelope.js";

describe("error-envelope", () => {
  it.each([404, 429])("finds nothing on a faithful %s", (status) => {
    expect(
      ruleFindings(rule, errorExchange(status, graphErrorBody("itemNotFound", "not found"), { "retry-after": "2" })),
    ).toEqual([]);
  });

  it("trips on a body that is not Graph's error envelope, and only it", () => {
    expect(trippedRules(errorExchange(404, { message: "nope" }))).toEqual(["error-envelope"]);
  });

  it("trips on an innerError request-id that is not the response's, and only it", () => {
    const body = {
      error: { code: "x", message: "y", innerError: { date: "2026-11-28T10:30:00", "request-id": METHOD } },
    };
    expect(trippedRules(errorExchange(404, body))).toEqual(["error-envelope"]);
  });
});
