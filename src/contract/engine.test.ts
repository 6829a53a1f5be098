import { describe, expect, it } from "vitest";
import {
  createExchange,
  errorExchange,
  getExchange,
  graphErrorBody,
  JSON_TYPE,
  listExchange,
  pass,
  REQUEST_ID,
  trippedRules,
} from "../../test/conformance/exchange-fixtures.js";
import { checkExchange } from "./index.js";

// Each rule's own cases (a faithful exchange, the deviations it trips on) sit beside it in
// rules/<id>.test.ts; this file tests what the engine does for all of them.

describe("checkExchange on faithful exchanges", () => {
  it.each([
    ["get", getExchange()],
    ["list with one item", listExchange()],
    ["list empty", listExchange([])],
    ["create", createExchange()],
    [
      "429 with Retry-After",
      errorExchange(429, graphErrorBody("TooManyRequests", "Please retry again later."), { "retry-after": "2.128" }),
    ],
    ["404", errorExchange(404, graphErrorBody("itemNotFound", "not found"))],
  ])("finds nothing wrong: %s", (_name, exchange) => {
    expect(checkExchange(exchange)).toEqual([]);
  });

  it("parses bodyText when no body is given", () => {
    const exchange = getExchange();
    const text = JSON.stringify(exchange.response.body);
    exchange.response = { ...exchange.response, body: undefined, bodyText: text };
    expect(checkExchange(exchange)).toEqual([]);
  });

  it("accepts upper-case header names", () => {
    const exchange = getExchange();
    exchange.response.headers = {
      "Content-Type": JSON_TYPE,
      "Request-Id": REQUEST_ID,
      "Client-Request-Id": REQUEST_ID,
    };
    expect(checkExchange(exchange)).toEqual([]);
  });
});

describe("what every rule's findings share, and the options", () => {
  it("never puts a pass value in a message", () => {
    const violations = checkExchange(listExchange([pass({ temporaryAccessPass: "Secret!42" })]));
    const text = JSON.stringify(violations);
    expect(text).not.toContain("Secret!42");
    expect(text).toContain("<redacted: 9 chars>");
  });

  it("writes messages as Received / Expected and labels the operation", () => {
    const [v] = checkExchange(errorExchange(500, graphErrorBody("generalException", "x")));
    expect(v).toMatchObject({
      check: "not-a-server-error",
      severity: "high",
      operation:
        "GET /users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}",
      message: 'Received: 500 (error.code "generalException")\nExpected: a status below 500',
    });
  });

  it("runs only the rules asked for", () => {
    expect(trippedRules(createExchange("abcd"), { rules: ["secret-on-create"] })).toEqual(["secret-on-create"]);
  });
});
