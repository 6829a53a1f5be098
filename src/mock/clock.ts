/** The mock's notion of "now": usability, token expiry and error dates all read it. */
export interface MockClock {
  now(): Date;
  /** Jump to a fixed instant (time then moves on from there, in step with the real clock). */
  set(date: Date | string | number): void;
  /** Move the clock forward (or back, with a negative value). */
  advance(ms: number): void;
  /** Back to where it started: the start instant given, or real time (or the caller's own time). */
  reset(): void;
}

/** `() => Date` (the caller owns time), a start instant, or nothing (real time). */
export type ClockOption = (() => Date) | Date | string | number;

/**
 * A clock that runs with real time plus an offset, so `set` and `advance` shift it. A caller's
 * own `() => Date` is wrapped: set/advance then add an offset to what it returns.
 */
export function createClock(option?: ClockOption): MockClock {
  const base: () => number = typeof option === "function" ? () => option().getTime() : Date.now;
  const start = option !== undefined && typeof option !== "function" ? toMillis(option, "clock") : undefined;
  let offset = start === undefined ? 0 : start - Date.now();
  return {
    now: () => new Date(base() + offset),
    set(date) {
      offset = toMillis(date, "clock.set") - base();
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new Error(`clock.advance: expected a finite number of milliseconds, got ${ms}`);
      inDateRange(base() + offset + ms, "clock.advance");
      offset += ms;
    },
    reset() {
      offset = start === undefined ? 0 : start - base();
    },
  };
}

function toMillis(value: Date | string | number, where: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new Error(`${where}: expected a date (ISO 8601 string, Date or epoch ms), got ${String(value)}`);
  return inDateRange(ms, where);
}

// A Date holds at most 8.64e15 ms either side of 1970; past it every date the mock writes would throw.
const DATE_LIMIT_MS = 8.64e15;

/** Whether the mock's clock may stand at `ms` (epoch milliseconds). */
export function isClockInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= DATE_LIMIT_MS - 86_400_000;
}

/**
 * `ms`, when a Date can hold it with a day to spare (passes, tokens and errors write dates a little
 * past "now"); else a one-line error naming the range.
 */
function inDateRange(ms: number, where: string): number {
  if (!isClockInstant(ms)) {
    throw new Error(
      `${where}: ${ms} ms is outside the range a Date holds: expected an instant between -271821-04-21 and ` +
        `275760-09-12`,
    );
  }
  return ms;
}
