/**
 * `Retry-After` with one meaning for the client, createMany and the runner: exactly the values
 * the spec's header schema allows (decision 42), read as milliseconds from `now`.
 * - seconds, possibly fractional: rounded UP to a whole millisecond, so a retry never comes early
 *   (`0.0004` is 1 ms); a huge value is a huge wait, which every caller's cap turns into "stop";
 * - an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`): the time until then, 0 once it has passed;
 * - anything else (`-1`, `1e3`, `soon`, other date formats, a date that does not exist): undefined,
 *   "no usable Retry-After", and the caller falls back to its own backoff.
 * Surrounding whitespace is not part of a field value (RFC 9110, section 5.5) and is ignored.
 */

const SECONDS = /^\d+(?:\.\d+)?$/;
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Milliseconds a `Retry-After` value asks for, or undefined when it is absent or outside the spec's schema. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (SECONDS.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  if (!IMF_FIXDATE.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  // Date.parse rolls some impossible dates over (31 Feb); a date that does not print back as itself is not one.
  if (Number.isNaN(date) || new Date(date).toUTCString() !== trimmed) return undefined;
  return Math.max(0, date - now);
}
