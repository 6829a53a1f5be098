import { describe, expect, it } from "vitest";
import { operationById } from "../spec/operations.js";
import {
  createExchange,
  errorExchange,
  getExchange,
  graphErrorBody,
  JSON_TYPE,
  listExchange,
  METHOD,
  ORIGIN,
  pass,
  REQUEST_ID,
  USER,
} from "../../test/conformance/exchange-fixtures.js";
import { checkExchange, exchangeRuleIds, type Exchange } from "./index.js";

const ids = (exchange: Exchange, options = {}) => [...new Set(checkExchange(exchange, options).map((v) => v.check))].sort();

const ctx = (path: string) => `${ORIGIN}/v1.0/$metadata#users('${USER}')/authentication/temporaryAccessPassMethods${path}`;

describe("checkExchange on faithful exchanges", () => {
  it.each([
    ["get", getExchange()],
    ["list with one item", listExchange()],
    ["list empty", listExchange([])],
    ["create", createExchange()],
    ["429 with Retry-After", errorExchange(429, graphErrorBody("TooManyRequests", "Please retry again later."), { "retry-after": "2.128" })],
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
    exchange.response.headers = { "Content-Type": JSON_TYPE, "Request-Id": REQUEST_ID, "Client-Request-Id": REQUEST_ID };
    expect(checkExchange(exchange)).toEqual([]);
  });
});

describe("each rule trips on its own deviation and only there", () => {
  const cases: Array<[string, () => Exchange, string[], object?]> = [
    ["not-a-server-error", () => errorExchange(500, graphErrorBody("generalException", "x")), ["not-a-server-error"]],
    ["status-code-documented", () => ({ ...getExchange(), response: { ...getExchange().response, status: 418 } }), ["status-code-documented"]],
    ["content-type", () => { const e = getExchange(); e.response.headers["content-type"] = "text/plain"; return e; }, ["content-type"]],
    ["request-id missing", () => { const e = getExchange(); delete e.response.headers["request-id"]; return e; }, ["request-id-headers"]],
    ["client-request-id not echoed", () => { const e = getExchange(); e.request.headers["client-request-id"] = "mine"; return e; }, ["request-id-headers"]],
    ["error-envelope", () => errorExchange(404, { message: "nope" }), ["error-envelope"]],
    ["error-envelope request-id mismatch", () => errorExchange(404, { error: { code: "x", message: "y", innerError: { date: "2026-11-28T10:30:00", "request-id": METHOD } } }), ["error-envelope"]],
    ["retry-after-on-429", () => errorExchange(429, graphErrorBody("TooManyRequests", "Please retry again later.")), ["retry-after-on-429"]],
    ["odata-context other user", () => getExchange({ "@odata.context": ctx("/$entity").replace(USER, METHOD), ...pass() }), ["odata-context"]],
    ["odata-context no $entity", () => getExchange({ "@odata.context": ctx(""), ...pass() }), ["odata-context"]],
    ["response-schema", () => getExchange({ "@odata.context": ctx("/$entity"), ...pass({ lifetimeInMinutes: "60" }) }), ["response-schema"]],
    ["undocumented-properties", () => getExchange({ "@odata.context": ctx("/$entity"), ...pass({ lastUsedDateTime: "2026-11-28T10:00:00Z" }) }), ["undocumented-properties"]],
    ["secret-null-on-read", () => listExchange([pass({ temporaryAccessPass: "Q$wSrZ3R" })]), ["response-schema", "secret-null-on-read"]],
    ["secret-on-create", () => createExchange("abcd"), ["response-schema", "secret-on-create"]],
    ["one-method-per-user", () => listExchange([pass(), pass({ id: REQUEST_ID })]), ["one-method-per-user", "response-schema"]],
    ["get-id-matches-request", () => getExchange({ "@odata.context": ctx("/$entity"), ...pass({ id: REQUEST_ID }) }), ["get-id-matches-request"]],
    ["usable-matches-reason", () => listExchange([pass({ isUsable: true, methodUsabilityReason: "Expired", startDateTime: "2026-11-27T10:00:00Z" })]), ["usable-matches-reason"]],
    ["usability-matches-clock", () => listExchange([pass({ isUsable: false, methodUsabilityReason: "NotYetValid" })]), ["usability-matches-clock"]],
    ["one-time-used-only-for-one-time", () => listExchange([pass({ isUsable: false, methodUsabilityReason: "OneTimeUsed" })]), ["one-time-used-only-for-one-time"]],
    ["lifetime-in-range", () => listExchange([pass({ lifetimeInMinutes: 5, startDateTime: "2026-11-28T10:28:00Z" })]), ["lifetime-in-range", "response-schema"]],
  ];

  it.each(cases)("%s", (_name, make, expected, options) => {
    expect(ids(make(), options)).toEqual(expected);
  });

  it("covers every rule", () => {
    const tripped = new Set(cases.flatMap(([, , expected]) => expected));
    expect(exchangeRuleIds.filter((id) => !tripped.has(id))).toEqual([]);
  });
});

describe("rule details", () => {
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
      operation: "GET /users/{user-id}/authentication/temporaryAccessPassMethods/{temporaryAccessPassAuthenticationMethod-id}",
      message: 'Received: 500 (error.code "generalException")\nExpected: a status below 500',
    });
  });

  it("runs only the rules asked for", () => {
    expect(ids(createExchange("abcd"), { rules: ["secret-on-create"] })).toEqual(["secret-on-create"]);
  });

  it("checks the exact pass length when it is known", () => {
    expect(ids(createExchange("Q$wSrZ3R9"), { passLength: 8 })).toEqual(["secret-on-create"]);
    expect(ids(createExchange("Q$wSrZ3R9"))).toEqual([]);
  });

  it("keeps a percent-encoded UPN in the context as sent", () => {
    const upn = "adele%40contoso.onmicrosoft.com";
    const e = getExchange({ "@odata.context": `${ORIGIN}/v1.0/$metadata#users('${upn}')/authentication/temporaryAccessPassMethods/$entity`, ...pass() });
    e.request.url = `${ORIGIN}/v1.0/users/${upn}/authentication/temporaryAccessPassMethods/${METHOD}`;
    expect(ids(e)).toEqual([]);
    e.request.url = e.request.url.replace(upn, "adele@contoso.onmicrosoft.com");
    expect(ids(e)).toEqual(["odata-context"]);
  });

  it("resolves /me to the token's object id", () => {
    const token = ["e30", Buffer.from(JSON.stringify({ oid: USER })).toString("base64url"), "sig"].join(".");
    const e: Exchange = {
      operation: operationById("listMyTemporaryAccessPassMethods"),
      params: {},
      request: { method: "GET", url: `${ORIGIN}/v1.0/me/authentication/temporaryAccessPassMethods`, headers: { authorization: `Bearer ${token}` } },
      response: listExchange().response,
    };
    expect(ids(e)).toEqual([]);
    e.request.headers = { authorization: `Bearer ${token.replace(Buffer.from(JSON.stringify({ oid: USER })).toString("base64url"), Buffer.from(JSON.stringify({ oid: METHOD })).toString("base64url"))}` };
    expect(ids(e)).toEqual(["odata-context"]);
  });

  it("accepts a $select in the context and requires only the selected properties", () => {
    const e = getExchange({ "@odata.context": ctx("(id,isUsable)/$entity"), id: METHOD, isUsable: true });
    e.request.url += "?$select=id,isUsable";
    expect(ids(e)).toEqual([]);
  });

  it("accepts a cloud's Graph root in the context (behind a gateway), and no other root", () => {
    const graphCtx = (root: string) => {
      const e = getExchange({ "@odata.context": `${root}/$metadata#users('${USER}')/authentication/temporaryAccessPassMethods/$entity`, ...pass() });
      e.request.url = e.request.url.replace(ORIGIN, "http://127.0.0.1:8080");
      return e;
    };
    expect(ids(graphCtx("http://127.0.0.1:8080/v1.0"))).toEqual([]);
    expect(ids(graphCtx("https://graph.microsoft.com/v1.0"))).toEqual([]);
    expect(ids(graphCtx("https://graph.microsoft.us/v1.0"))).toEqual([]);
    expect(ids(graphCtx("https://graph.microsoft.com/beta"))).toEqual(["odata-context"]);
    expect(ids(graphCtx("https://gateway.example.com/v1.0"))).toEqual(["odata-context"]);
    expect(ids(graphCtx("https://microsoftgraph.chinacloudapi.cn/v1.0"))).toEqual(["odata-context"]);
    // A request sent to Graph itself names that cloud's root, no other.
    const direct = getExchange({ "@odata.context": `https://graph.microsoft.us/v1.0/$metadata#users('${USER}')/authentication/temporaryAccessPassMethods/$entity`, ...pass() });
    expect(direct.request.url.startsWith("https://graph.microsoft.com/")).toBe(true);
    expect(ids(direct)).toEqual(["odata-context"]);
  });

  it("reports a methodUsabilityReason outside the documented set at low severity, naming it, without a schema failure", () => {
    const e = listExchange([pass({ isUsable: false, methodUsabilityReason: "BlockedByRisk" })]);
    const found = checkExchange(e);
    expect(found.map((v) => [v.check, v.severity])).toEqual([["undocumented-properties", "low"]]);
    expect(found[0]!.message).toContain('"BlockedByRisk"');
    expect(found[0]!.instancePath).toBe("/value/0/methodUsabilityReason");
  });

  it("gives the clock a tolerance at the boundaries", () => {
    // Date is 10:30; a pass from 10:29:30 reported NotYetValid is within 60 s of its start.
    expect(ids(listExchange([pass({ isUsable: false, methodUsabilityReason: "NotYetValid", startDateTime: "2026-11-28T10:29:30Z" })]))).toEqual([]);
    expect(ids(listExchange([pass({ isUsable: false, methodUsabilityReason: "NotYetValid", startDateTime: "2026-11-28T10:29:30Z" })]), { clockToleranceMs: 1000 })).toEqual(["usability-matches-clock"]);
  });

  it("reports a body that is not JSON", () => {
    const e = getExchange();
    e.response = { ...e.response, body: undefined, bodyText: "<html>oops</html>" };
    expect(ids(e)).toEqual(["response-schema"]);
  });
});
