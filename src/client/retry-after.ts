/** When to retry: the wait a `Retry-After` (read by src/http/retry-after.ts) or a backoff gives. */

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
