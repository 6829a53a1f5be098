/**
 * The types of the single request/response pair every rule looks at, and of the context built
 * from it once for all rules (see `context.ts`).
 */
import type { PolicyDefaults } from "../spec/document.js";
import type { TapOperation } from "../spec/operations.js";
import type { DocumentedResponse } from "./tables.js";

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
  /** Where an inner request of a JSON batch came from (`$batch entry 3, request id "2"`), for reports. */
  via?: string;
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
  /** Where `policy` came from, named in messages (e.g. "the tenant's policy, read at the start of the run"). */
  policySource?: string;
  /**
   * The length a created pass must have (the runner gives the tenant's `defaultLength` when it
   * could read the policy). Default: any length in the policy's `lengthRange`.
   */
  passLength?: number;
  /** The signed-in user's object id, for `@odata.context` on `/me` (default: the token's `oid`). */
  meObjectId?: string;
}

/** One TAP item of a body and its JSON pointer (`""` for Get and Create, `/value/<i>` for List). */
export interface TapItem {
  item: Record<string, unknown>;
  path: string;
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
  /** The TAP items of a success body, collected on first use by `tapItems()` for the rules of this one exchange. */
  items?: TapItem[];
}
