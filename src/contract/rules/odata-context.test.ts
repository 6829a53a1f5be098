import { describe, expect, it } from "vitest";
import { operationById } from "../../spec/operations.js";
import type { Exchange } from "../index.js";
import {
  contextUrl,
  createExchange,
  getExchange,
  listExchange,
  METHOD,
  ORIGIN,
  pass,
  ruleFindings,
  trippedRules,
  USER,
} from "../../../test/conformance/exchange-fixtures.js";
import rule from "./odata-context.js";

describe("odata-context", () => {
  it.each([
    ["get", getExchange()],
    ["list", listExchange()],
    ["create", createExchange()],
  ])("finds nothing on a faithful exchange: %s", (_name, exchange) => {
    expect(ruleFindings(rule, exchange)).toEqual([]);
  });

  it("trips on a context naming another user, and only it", () => {
    expect(
      trippedRules(getExchange({ "@odata.context": contextUrl("/$entity").replace(USER, METHOD), ...pass() })),
    ).toEqual(["odata-context"]);
  });

  it("trips on a Get's context without /$entity, and only it", () => {
    expect(trippedRules(getExchange({ "@odata.context": contextUrl(), ...pass() }))).toEqual(["odata-context"]);
  });

  it("accepts a UPN written with %40 or @ either way (decision 26), and no other user", () => {
    const context = (user: string) =>
      getExchange({
        "@odata.context": `${ORIGIN}/v1.0/$metadata#users('${user}')/authentication/temporaryAccessPassMethods/$entity`,
        ...pass(),
      });
    const url = (user: string) => `${ORIGIN}/v1.0/users/${user}/authentication/temporaryAccessPassMethods/${METHOD}`;
    for (const sent of ["adele%40contoso.onmicrosoft.com", "adele@contoso.onmicrosoft.com"]) {
      for (const named of ["adele%40contoso.onmicrosoft.com", "adele@contoso.onmicrosoft.com"]) {
        const e = context(named);
        e.request.url = url(sent);
        expect(trippedRules(e)).toEqual([]);
      }
      const other = context("megan%40contoso.onmicrosoft.com");
      other.request.url = url(sent);
      expect(trippedRules(other)).toEqual(["odata-context"]);
    }
  });

  it("resolves /me to the token's UPN (upn, else preferred_username) as well as its object id", () => {
    const token = (claims: Record<string, string>) =>
      ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "sig"].join(".");
    const me = (claims: Record<string, string>, user: string): Exchange => ({
      operation: operationById("listMyTemporaryAccessPassMethods"),
      params: {},
      request: {
        method: "GET",
        url: `${ORIGIN}/v1.0/me/authentication/temporaryAccessPassMethods`,
        headers: { authorization: `Bearer ${token(claims)}` },
      },
      response: {
        ...listExchange().response,
        body: {
          ...(listExchange().response.body as object),
          "@odata.context": `${ORIGIN}/v1.0/$metadata#users('${user}')/authentication/temporaryAccessPassMethods`,
        },
      },
    });
    const upn = "megan@contoso.onmicrosoft.com";
    expect(trippedRules(me({ oid: USER, upn }, "megan%40contoso.onmicrosoft.com"))).toEqual([]);
    expect(trippedRules(me({ oid: USER, upn }, upn))).toEqual([]);
    expect(trippedRules(me({ oid: USER, preferred_username: upn }, upn))).toEqual([]);
    expect(trippedRules(me({ oid: USER, upn }, USER))).toEqual([]);
    expect(trippedRules(me({ oid: USER, upn }, "adele@contoso.onmicrosoft.com"))).toEqual(["odata-context"]);
  });

  it("resolves /me to the token's object id", () => {
    const token = (oid: string) => ["e30", Buffer.from(JSON.stringify({ oid })).toString("base64url"), "sig"].join(".");
    const e: Exchange = {
      operation: operationById("listMyTemporaryAccessPassMethods"),
      params: {},
      request: {
        method: "GET",
        url: `${ORIGIN}/v1.0/me/authentication/temporaryAccessPassMethods`,
        headers: { authorization: `Bearer ${token(USER)}` },
      },
      response: listExchange().response,
    };
    expect(trippedRules(e)).toEqual([]);
    e.request.headers = { authorization: `Bearer ${token(METHOD)}` };
    expect(trippedRules(e)).toEqual(["odata-context"]);
  });

  it("accepts a $select in the context and requires only the selected properties", () => {
    const e = getExchange({ "@odata.context": contextUrl("(id,isUsable)/$entity"), id: METHOD, isUsable: true });
    e.request.url += "?$select=id,isUsable";
    expect(trippedRules(e)).toEqual([]);
    expect(ruleFindings(rule, e)).toEqual([]);
  });

  it("accepts a cloud's Graph root in the context (behind a gateway), and no other root", () => {
    const graphCtx = (root: string) => {
      const e = getExchange({
        "@odata.context": `${root}/$metadata#users('${USER}')/authentication/temporaryAccessPassMethods/$entity`,
        ...pass(),
      });
      e.request.url = e.request.url.replace(ORIGIN, "http://127.0.0.1:8080");
      return e;
    };
    expect(trippedRules(graphCtx("http://127.0.0.1:8080/v1.0"))).toEqual([]);
    expect(trippedRules(graphCtx("https://graph.microsoft.com/v1.0"))).toEqual([]);
    expect(trippedRules(graphCtx("https://graph.microsoft.us/v1.0"))).toEqual([]);
    expect(trippedRules(graphCtx("https://graph.microsoft.com/beta"))).toEqual(["odata-context"]);
    expect(trippedRules(graphCtx("https://gateway.example.com/v1.0"))).toEqual(["odata-context"]);
    expect(trippedRules(graphCtx("https://microsoftgraph.chinacloudapi.cn/v1.0"))).toEqual(["odata-context"]);
    // A request sent to Graph itself names that cloud's root, no other.
    const direct = getExchange({
      "@odata.context":
        `https://graph.microsoft.us/v1.0/$metadata#users('${USER}')/authentication/` +
        `temporaryAccessPassMethods/$entity`,
      ...pass(),
    });
    expect(direct.request.url.startsWith("https://graph.microsoft.com/")).toBe(true);
    expect(trippedRules(direct)).toEqual(["odata-context"]);
  });
});
