import { describe, expect, it } from "vitest";
import { getExchange } from "../../test/conformance/exchange-fixtures.js";
import { exchangeContext } from "./context.js";

describe("exchangeContext headers", () => {
  const withHeaders = (headers: Record<string, string>) => {
    const exchange = getExchange();
    exchange.response.headers = headers;
    exchange.request.headers = headers;
    return exchangeContext(exchange, {});
  };

  it("reuses lower-case header objects and lower-cases others, whatever came before", () => {
    const lower = { "content-type": "a", "request-id": "b" };
    const upper = { "Content-Type": "a", "Request-Id": "b" };
    const longer = { "content-type": "a", "request-id": "b", "X-More": "c" };
    for (let round = 0; round < 3; round++) {
      expect(withHeaders(lower).headers).toBe(lower);
      expect(withHeaders(upper).headers).toEqual(lower);
      expect(withHeaders(upper).requestHeaders).toEqual(lower);
      expect(withHeaders(lower).requestHeaders).toBe(lower);
      expect(withHeaders(longer).headers).toEqual({ ...lower, "x-more": "c" });
      expect(withHeaders({}).headers).toEqual({});
      expect(withHeaders({ "content-type": "a" }).headers).toEqual({ "content-type": "a" });
    }
  });
});
