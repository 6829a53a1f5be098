/** One faithful Get exchange of a TAP method, as Graph sends it, for the in-process benchmarks. */
import { randomUUID } from "node:crypto";
import type { Exchange } from "../../src/contract/index.js";
import { graphJsonContentType, operationById } from "../../src/spec/index.js";

const ORIGIN = "https://graph.microsoft.com";
const USER = "5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01";
const METHOD = "42cf61da-0b54-4b61-b6cd-362343f41a0e";
const REQUEST_ID = "07ddd94e-55c9-4c36-b6a8-80676ae0830e";
const GRAPH_JSON = graphJsonContentType;

/** The JSON text of one Get response body (a usable pass with Graph's 7-digit fractions). */
export const getBodyText = JSON.stringify({
  "@odata.context": `${ORIGIN}/v1.0/$metadata#users('${USER}')/authentication/temporaryAccessPassMethods/$entity`,
  id: METHOD,
  temporaryAccessPass: null,
  createdDateTime: "2026-11-28T10:00:00.5740124Z",
  startDateTime: "2026-11-28T10:00:00.5740124Z",
  lifetimeInMinutes: 60,
  isUsableOnce: false,
  isUsable: true,
  methodUsabilityReason: "EnabledByPolicy",
});

/** The exchange with the body already parsed, as the runner and the client hold it after reading. */
export function getExchange(body: unknown): Exchange {
  return {
    operation: operationById("getUserTemporaryAccessPassMethod"),
    params: { "user-id": USER, "temporaryAccessPassAuthenticationMethod-id": METHOD },
    request: {
      method: "GET",
      url: `${ORIGIN}/v1.0/users/${USER}/authentication/temporaryAccessPassMethods/${METHOD}`,
      headers: {},
    },
    response: {
      status: 200,
      headers: {
        "content-type": GRAPH_JSON,
        "request-id": REQUEST_ID,
        "client-request-id": REQUEST_ID,
        date: "Sat, 28 Nov 2026 10:30:00 GMT",
      },
      body,
    },
  };
}

/**
 * Many faithful Get exchanges in which every id, request id and timestamp differs, each with
 * its body's text: what a runner or a client really sees, so no remembered answer can help.
 */
export function distinctGetExchanges(n: number): Array<{ text: string; exchange: Exchange }> {
  const out: Array<{ text: string; exchange: Exchange }> = [];
  for (let i = 0; i < n; i++) {
    const user = randomUUID();
    const method = randomUUID();
    const requestId = randomUUID();
    // Started between 09:31 and 10:29, so a 60-minute pass is usable at the response's Date (10:30).
    const seconds = 31 * 60 + ((i * 7919) % (58 * 60));
    const start = new Date(Date.UTC(2026, 10, 28, 9, 0, seconds))
      .toISOString()
      .replace(".000Z", `.${String(1000000 + i * 37).slice(1)}0Z`);
    const text = JSON.stringify({
      "@odata.context": `${ORIGIN}/v1.0/$metadata#users('${user}')/authentication/temporaryAccessPassMethods/$entity`,
      id: method,
      temporaryAccessPass: null,
      createdDateTime: start,
      startDateTime: start,
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      isUsable: true,
      methodUsabilityReason: "EnabledByPolicy",
    });
    out.push({
      text,
      exchange: {
        operation: operationById("getUserTemporaryAccessPassMethod"),
        params: { "user-id": user, "temporaryAccessPassAuthenticationMethod-id": method },
        request: {
          method: "GET",
          url: `${ORIGIN}/v1.0/users/${user}/authentication/temporaryAccessPassMethods/${method}`,
          headers: {},
        },
        response: {
          status: 200,
          headers: {
            "content-type": GRAPH_JSON,
            "request-id": requestId,
            "client-request-id": requestId,
            date: "Sat, 28 Nov 2026 10:30:00 GMT",
          },
          body: JSON.parse(text) as unknown,
        },
      },
    });
  }
  return out;
}

/**
 * Many faithful List exchanges (one item each), every id, request id and timestamp different,
 * each with its body's text.
 */
export function distinctListExchanges(n: number): Array<{ text: string; exchange: Exchange }> {
  return distinctGetExchanges(n).map(({ exchange }) => {
    const item = { ...(exchange.response.body as Record<string, unknown>) };
    delete item["@odata.context"];
    const user = exchange.params["user-id"]!;
    const text = JSON.stringify({
      "@odata.context": `${ORIGIN}/v1.0/$metadata#users('${user}')/authentication/temporaryAccessPassMethods`,
      value: [item],
    });
    return {
      text,
      exchange: {
        operation: operationById("listUserTemporaryAccessPassMethods"),
        params: { "user-id": user },
        request: {
          method: "GET",
          url: `${ORIGIN}/v1.0/users/${user}/authentication/temporaryAccessPassMethods`,
          headers: {},
        },
        response: { ...exchange.response, body: JSON.parse(text) as unknown },
      },
    };
  });
}

/** `n` distinct exchanges, Get and List in turn (half each). */
export function distinctGetAndListExchanges(n: number): Array<{ text: string; exchange: Exchange }> {
  const gets = distinctGetExchanges(Math.ceil(n / 2));
  const lists = distinctListExchanges(Math.floor(n / 2));
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? gets[i >> 1]! : lists[i >> 1]!));
}
