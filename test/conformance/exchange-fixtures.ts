/** Faithful recorded exchanges for the rules' unit tests, built from the spec's own operations. */
import { graphJsonContentType, operationById } from "../../src/spec/index.js";
import {
  checkExchange,
  exchangeContext,
  judge,
  type CheckExchangeOptions,
  type Exchange,
  type ExchangeRule,
} from "../../src/contract/index.js";

export const ORIGIN = "https://graph.microsoft.com";
export const USER = "5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01";
export const METHOD = "42cf61da-0b54-4b61-b6cd-362343f41a0e";
export const REQUEST_ID = "07ddd94e-55c9-4c36-b6a8-80676ae0830e";
export const NOW = "Sat, 28 Nov 2026 10:30:00 GMT";

export const JSON_TYPE = graphJsonContentType;

const headers = () => ({
  "content-type": JSON_TYPE,
  "request-id": REQUEST_ID,
  "client-request-id": REQUEST_ID,
  date: NOW,
});

export function pass(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: METHOD,
    temporaryAccessPass: null,
    createdDateTime: "2026-11-28T10:00:00.5740124Z",
    startDateTime: "2026-11-28T10:00:00Z",
    lifetimeInMinutes: 60,
    isUsableOnce: false,
    isUsable: true,
    methodUsabilityReason: "EnabledByPolicy",
    ...overrides,
  };
}

const base = `${ORIGIN}/v1.0/users/${USER}/authentication/temporaryAccessPassMethods`;
const context = `${ORIGIN}/v1.0/$metadata#users('${USER}')/authentication/temporaryAccessPassMethods`;

export function getExchange(body: unknown = { "@odata.context": `${context}/$entity`, ...pass() }): Exchange {
  return {
    operation: operationById("getUserTemporaryAccessPassMethod"),
    params: { "user-id": USER, "temporaryAccessPassAuthenticationMethod-id": METHOD },
    request: { method: "GET", url: `${base}/${METHOD}`, headers: {} },
    response: { status: 200, headers: headers(), body },
  };
}

export function listExchange(items: unknown[] = [pass()]): Exchange {
  return {
    operation: operationById("listUserTemporaryAccessPassMethods"),
    params: { "user-id": USER },
    request: { method: "GET", url: base, headers: {} },
    response: { status: 200, headers: headers(), body: { "@odata.context": context, value: items } },
  };
}

export function createExchange(secret: unknown = "Q$wSrZ3R"): Exchange {
  return {
    operation: operationById("createUserTemporaryAccessPassMethod"),
    params: { "user-id": USER },
    request: { method: "POST", url: base, headers: { "content-type": "application/json" }, body: {} },
    response: {
      status: 201,
      headers: headers(),
      body: { "@odata.context": `${context}/$entity`, ...pass({ temporaryAccessPass: secret }) },
    },
  };
}

export function errorExchange(status: number, body: unknown, extra: Record<string, string> = {}): Exchange {
  return {
    ...getExchange(),
    response: {
      status,
      headers: { ...headers(), ...extra },
      body,
    },
  };
}

export function graphErrorBody(code: string, message: string): unknown {
  return {
    error: {
      code,
      message,
      innerError: { date: "2026-11-28T10:30:00", "request-id": REQUEST_ID, "client-request-id": REQUEST_ID },
    },
  };
}

/** The `@odata.context` of USER's passes, followed by `tail` (e.g. `/$entity`). */
export function contextUrl(tail = ""): string {
  return `${context}${tail}`;
}

/** The ids of the rules that find something in `exchange`, once each, sorted: which rules trip. */
export function trippedRules(exchange: Exchange, options: CheckExchangeOptions = {}): string[] {
  return [...new Set(checkExchange(exchange, options).map((v) => v.check))].sort();
}

/**
 * What one rule finds in `exchange`: undefined when its gate does not apply, so `toEqual([])`
 * proves the rule ran and found nothing.
 */
export function ruleFindings(rule: ExchangeRule, exchange: Exchange, options: CheckExchangeOptions = {}) {
  return judge(rule, exchangeContext(exchange, options));
}
