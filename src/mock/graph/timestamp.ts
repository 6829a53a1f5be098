/**
 * Timestamps as Graph writes them: UTC, with the 7 fractional digits of .NET's 100 ns ticks and
 * the trailing zeros dropped (`2022-06-02T16:21:09.765173Z`, `2022-06-05T00:00:00Z`). The mock's
 * clock counts milliseconds; `ticks` (0..9999) are the 100 ns units below the millisecond.
 */
export function graphTimestamp(ms: number, ticks = 0): string {
  const iso = new Date(ms).toISOString();
  const fraction = `${iso.slice(20, 23)}${String(ticks).padStart(4, "0")}`.replace(/0+$/, "");
  return `${iso.slice(0, 19)}${fraction === "" ? "" : `.${fraction}`}Z`;
}

/** The sub-millisecond ticks a client's timestamp carries (`….1234567Z` → 4567), 0 when none. */
export function ticksOf(timestamp: string): number {
  const fraction = /T\d\d:\d\d:\d\d\.(\d+)/.exec(timestamp)?.[1] ?? "";
  return Number(fraction.slice(3, 7).padEnd(4, "0"));
}

/** Sub-millisecond ticks for an instant the mock makes up (Graph's clock has them, ours does not). */
export function someTicks(): number {
  return 1 + Math.floor(Math.random() * 9999);
}
