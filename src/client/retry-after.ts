/** When to retry: Graph's `Retry-After` (seconds, possibly fractional, or an HTTP date) and a backoff. */

const SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

/** Milliseconds a `Retry-After` value asks for, or undefined when it is absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const seconds = SECONDS.exec(value);
  if (seconds) return Math.round(Number(seconds[1]) * 1000);
  // An HTTP date names its weekday and zone; bare numbers like "-1" are not dates.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface DelayPolicy {
  /** The longest wait before a retry; a server asking for more gets its response returned instead. */
  maxDelayMs: number;
  /** The first backoff step when the server gave no `Retry-After`; it doubles per attempt. */
  baseDelayMs: number;
  /** A number in [0, 1); `Math.random` unless a test pins it. */
  random: () => number;
}

/**
 * The wait before retry number `attempt` (0 for the first retry), or undefined for "do not
 * retry". A `Retry-After` is honoured as a minimum (jitter only adds, up to 10% or 1 s) so that
 * the retry does not arrive early; without one, exponential backoff with half jitter.
 */
export function retryDelayMs(attempt: number, retryAfter: number | undefined, policy: DelayPolicy): number | undefined {
  if (retryAfter !== undefined) {
    if (retryAfter > policy.maxDelayMs) return undefined;
    const jitter = policy.random() * Math.min(retryAfter * 0.1, 1000);
    return Math.min(policy.maxDelayMs, Math.round(retryAfter + jitter));
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + (policy.random() * step) / 2);
}
