/**
 * The single request/response pair every pure rule looks at, and the context built from it once
 * (lower-cased headers, the parsed body) so that no rule repeats that work.
 */
import type { PolicyDefaults } from "../../spec/document.js";
import type { TapOperation } from "../../spec/operations.js";
import { documentedResponse, type DocumentedResponse } from "./documented-response.js";

/** One recorded or observed call of a TAP operation. */
export interface Exchange {
  operation: TapOperation;
  /** Decoded path parameters, as `matchOperation()` returns them. */
  params: Record<string, string>;
  request: {
    method: string;
    /** The absolute URL as sent (scheme, host, still percent-encoded path, query). */
    url: string;
    headers: Record<string, string>;
    body?: unknown;
  };
  response: {
    status: number;
    headers: Record<string, string>;
    /** The parsed JSON body, when the caller has already parsed it. */
    body?: unknown;
    /** The raw body text; parsed here when `body` is not given. */
    bodyText?: string;
  };
}

export interface CheckExchangeOptions {
  /** Run only these rules (default: all). */
  rules?: readonly string[];
  /** The server's clock; default: the response's `Date` header, else the rule skips. */
  now?: Date;
  /** How far the server's clock may be off the pass's timestamps before a reason contradicts it. */
  clockToleranceMs?: number;
  /** The tenant policy, when known (default: the spec's `x-policy-defaults`). */
  policy?: Partial<PolicyDefaults>;
  /**
   * The length a created pass must have. Default: any length in the policy's `lengthRange`,
   * because a live tenant's `defaultLength` is not visible to the caller.
   */
  passLength?: number;
  /** The signed-in user's object id, for `@odata.context` on `/me` (default: the token's `oid`). */
  meObjectId?: string;
}

export type BodyState = "absent" | "json" | "invalid";

/** What rules read: the exchange plus the work done once for all of them. */
export interface ExchangeContext {
  exchange: Exchange;
  operation: TapOperation;
  status: number;
  /** What the spec documents for this operation and status, looked up once for every rule. */
  documented: DocumentedResponse;
  /** Response headers with lower-case names. */
  headers: Record<string, string>;
  /** Request headers with lower-case names. */
  requestHeaders: Record<string, string>;
  body: unknown;
  bodyState: BodyState;
  options: CheckExchangeOptions;
  /** Memo of `tapItems()`. */
  items?: Array<{ item: Record<string, unknown>; path: string }>;
}

// Header names already seen in lower case. Property names are interned strings with a cached
// hash, so asking this set is cheaper than lower-casing the name again; bounded, since a
// recording may carry any names.
const lowerNames = new Set<string>();
const lowerNamesLimit = 1024;

function isLowerCase(name: string): boolean {
  if (lowerNames.has(name)) return true;
  if (name !== name.toLowerCase()) return false;
  if (lowerNames.size < lowerNamesLimit) lowerNames.add(name);
  return true;
}

/** The names, in order, of the last header set found all lower case (one per side of the exchange). */
interface LowerNamesMemo {
  names: string[];
}

const responseNames: LowerNamesMemo = { names: [] };
const requestNames: LowerNamesMemo = { names: [] };

function lowerCaseKeys(headers: Record<string, string>, memo: LowerNamesMemo): Record<string, string> {
  // A service answers with the same names in the same order: compare them name by name first.
  const seen = memo.names;
  let i = 0;
  let same = true;
  for (const key in headers) {
    if (key !== seen[i++]) {
      same = false;
      break;
    }
  }
  if (same && i === seen.length) return headers;
  // Most callers (fetch's Headers, HAR writers) already send lower-case names: reuse the object.
  let lower = true;
  const names: string[] = [];
  for (const key in headers) {
    if (!isLowerCase(key)) {
      lower = false;
      break;
    }
    names.push(key);
  }
  if (lower) {
    memo.names = names;
    return headers;
  }
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
    headers: lowerCaseKeys(response.headers, responseNames),
    requestHeaders: lowerCaseKeys(exchange.request.headers, requestNames),
    body,
    bodyState,
    options,
    // Present from the start, so that filling the memo does not give the context a second shape.
    items: undefined,
  };
}

/** `METHOD /path/template`, the operation label of violations and reports. */
export function operationLabel(op: TapOperation): string {
  return `${op.method} ${op.path}`;
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Whether a response of this operation and status can carry TAP items at all (see `tapItems`). */
export function mayHaveItems(op: TapOperation, status: number): boolean {
  return isSuccess(status) && (op.kind === "list" || op.kind === "get" || op.kind === "create");
}

/** The TAP items of a success body: the entity of Get/Create, the `value` items of List. */
export function tapItems(ctx: ExchangeContext): Array<{ item: Record<string, unknown>; path: string }> {
  return (ctx.items ??= collectItems(ctx));
}

const noItems: Array<{ item: Record<string, unknown>; path: string }> = [];

function collectItems(ctx: ExchangeContext): Array<{ item: Record<string, unknown>; path: string }> {
  if (!isSuccess(ctx.status) || ctx.bodyState !== "json" || !isObject(ctx.body)) return noItems;
  if (ctx.operation.kind === "list") {
    const value = ctx.body.value;
    if (!Array.isArray(value)) return noItems;
    const out: Array<{ item: Record<string, unknown>; path: string }> = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isObject(item)) out.push({ item, path: `/value/${i}` });
    }
    return out;
  }
  if (ctx.operation.kind === "get" || ctx.operation.kind === "create") return [{ item: ctx.body, path: "" }];
  return noItems;
}

/** A string for a value in a message, never a secret: strings that may be passes are shown by length. */
export function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (typeof value === "string") return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
