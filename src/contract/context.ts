/**
 * Builds the context every rule reads from one exchange: lower-cased headers, the parsed body and
 * what the spec documents for the operation and status, worked out once for all rules.
 */
import type { BodyState, CheckExchangeOptions, Exchange, ExchangeContext } from "./exchange.js";
import { documentedResponse } from "./tables.js";

/** Whether a header name needs lower-casing: any A-Z, or a non-ASCII character (Unicode case rules). */
function needsLowerCase(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/** The headers with lower-case names; the same object when they already are (fetch's Headers, HAR writers). */
function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  let lower = true;
  for (const key in headers) {
    if (needsLowerCase(key)) {
      lower = false;
      break;
    }
  }
  if (lower) return headers;
  const out: Record<string, string> = {};
  for (const key in headers) out[key.toLowerCase()] = headers[key]!;
  return out;
}

export function exchangeContext(exchange: Exchange, options: CheckExchangeOptions): ExchangeContext {
  const { response } = exchange;
  let body = response.body;
  let bodyState: BodyState = body === undefined ? "absent" : "json";
  if (body === undefined && response.bodyText !== undefined && response.bodyText.length > 0) {
    try {
      body = JSON.parse(response.bodyText) as unknown;
      bodyState = "json";
    } catch {
      bodyState = "invalid";
    }
  }
  return {
    exchange,
    operation: exchange.operation,
    status: response.status,
    documented: documentedResponse(exchange.operation, response.status),
    headers: lowerCaseKeys(response.headers),
    requestHeaders: lowerCaseKeys(exchange.request.headers),
    body,
    bodyState,
    options,
    // Present from the start, so that filling it does not give the context a second shape.
    items: undefined,
  };
}
