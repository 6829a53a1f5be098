/**
 * The retry budget for 429s: a throttled request waits `Retry-After` (capped) and tries again,
 * but the whole run has a bounded number of retries and of waiting, so a 429 storm ends.
 */
import { retryAfterMs } from "../../src/http/retry-after.js";

export interface RetryPolicy {
  /** Retries of one request. */
  perRequest: number;
  /** Retries in the whole run. */
  total: number;
  /** Longest single wait; a longer Retry-After is not waited for. */
  maxDelayMs: number;
  /** Wait when a 429 has no usable Retry-After. */
  defaultDelayMs: number;
  /** Total waiting in the whole run. */
  totalDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  perRequest: 2,
  total: 20,
  maxDelayMs: 5_000,
  defaultDelayMs: 100,
  totalDelayMs: 15_000,
};

export class RetryBudget {
  #retries = 0;
  #waited = 0;
  constructor(private readonly policy: RetryPolicy) {}

  /** How long to wait before retry number `attempt` (1-based), or undefined when the budget says stop. */
  delay(attempt: number, retryAfter: string | undefined): number | undefined {
    if (attempt > this.policy.perRequest || this.#retries >= this.policy.total) return undefined;
    const wanted = retryAfterMs(retryAfter, Date.now()) ?? this.policy.defaultDelayMs;
    if (wanted > this.policy.maxDelayMs || this.#waited + wanted > this.policy.totalDelayMs) return undefined;
    this.#retries++;
    this.#waited += wanted;
    return wanted;
  }
}
