/**
 * Bounded retries on 429, 503 and 504, honouring `Retry-After`. GET and DELETE are idempotent
 * and retried on all three; Create only on 429, the one status with which Graph says it did not
 * process the request (a 503 or 504 may come after the pass was made).
 */
import type { Middleware } from "openapi-fetch";
import { retryAfterMs } from "../../http/retry-after.js";
import { retryDelayMs } from "../retry-after.js";

export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 turns retries off). */
  maxRetries?: number;
  /** The longest wait before a retry (default 10 000 ms); a longer `Retry-After` ends the retries. */
  maxDelayMs?: number;
  /** The first backoff step when there is no `Retry-After` (default 500 ms, doubling). */
  baseDelayMs?: number;
  /** Waits `ms`, rejecting with the signal's reason when it aborts. Tests inject a fake. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock for HTTP-date `Retry-After` values and the call's deadline (default `Date.now`). */
  now?: () => number;
  /** Jitter source in [0, 1) (default `Math.random`). */
  random?: () => number;
  /** Told before each retry, e.g. for logs. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  method: string;
  url: string;
  status: number;
  delayMs: number;
}

/** Statuses the spec documents with a `Retry-After` header (a test keeps the two in step). */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 503, 504]);
const IDEMPOTENT = new Set(["GET", "HEAD", "DELETE", "PUT", "OPTIONS"]);

/** Whether a call with this method may be repeated after this status. */
export function mayRetry(method: string, status: number): boolean {
  return retryableStatuses.has(status) && (status === 429 || IDEMPOTENT.has(method));
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The retry middleware: its `onResponse` sends the call again (the same Request, headers and
 * all, through the client's fetch) while the policy allows, and returns the last response.
 * `budgetMs` is the call's time budget (the client's timeout): a wait that would end after it is
 * not started, and the throttled response is returned instead. `inspect` sees each response a
 * retry is about to replace (the contract middleware's hook).
 */
export function retryMiddleware(
  options: RetryOptions = {},
  budgetMs = Number.POSITIVE_INFINITY,
  inspect?: (request: Request, response: Response) => Promise<void>,
): Middleware {
  const maxRetries = options.maxRetries ?? 3;
  const policy = {
    maxDelayMs: options.maxDelayMs ?? 10_000,
    baseDelayMs: options.baseDelayMs ?? 500,
    random: options.random ?? Math.random,
  };
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  // When each call started, and an unsent copy of a request with a body (a sent body cannot be sent again).
  const started = new WeakMap<Request, number>();
  const copies = new WeakMap<Request, Request>();

  return {
    onRequest({ request }) {
      if (maxRetries === 0) return;
      started.set(request, now());
      if (request.body !== null) copies.set(request, request.clone());
    },
    async onResponse({ request, response, options: merged }) {
      if (maxRetries === 0 || !mayRetry(request.method, response.status)) return undefined;
      const start = started.get(request) ?? now();
      let current = response;
      for (let attempt = 0; attempt < maxRetries && mayRetry(request.method, current.status); attempt++) {
        const delay = retryDelayMs(attempt, retryAfterMs(current.headers.get("retry-after"), now()), policy);
        if (delay === undefined || now() + delay - start > budgetMs) break;
        await inspect?.(request, current);
        options.onRetry?.({
          attempt: attempt + 1,
          method: request.method,
          url: request.url,
          status: current.status,
          delayMs: delay,
        });
        await wait(delay, request.signal);
        let next = request;
        const copy = copies.get(request);
        if (copy) {
          next = copy;
          copies.set(request, copy.clone());
        }
        current = await merged.fetch(next);
      }
      return current === response ? undefined : current;
    },
  };
}
