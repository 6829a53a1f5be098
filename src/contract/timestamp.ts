/**
 * `Date.parse` of the canonical UTC timestamps Graph writes (`2026-11-28T10:00:00.5740124Z`),
 * by arithmetic instead of the general date parser, which costs as much as the rest of a
 * passing check. Any other form (offsets, lower case, impossible days, leap seconds) goes to
 * `Date.parse` itself, so the answer is always Date.parse's.
 */
const DAYS: readonly number[] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function parseTimestamp(s: string): number {
  const n = s.length;
  // T, Z and the separators at their places; anything else is not the canonical form.
  if (n < 20 || n > 64 || s.charCodeAt(10) !== 84 || s.charCodeAt(n - 1) !== 90) return Date.parse(s);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return Date.parse(s);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return Date.parse(s);
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS[month]!)) return Date.parse(s);
  let ms = 0;
  if (n > 20) {
    // `.` and at least one digit; Date.parse keeps milliseconds and drops the rest.
    if (s.charCodeAt(19) !== 46 || n === 21 || digits(s, 20, n - 21) < 0) return Date.parse(s);
    const kept = Math.min(3, n - 21);
    ms = digits(s, 20, kept) * (kept === 1 ? 100 : kept === 2 ? 10 : 1);
  }
  return (((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days algorithm, inverted). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
const WEEKDAYS = "Sun,Mon,Tue,Wed,Thu,Fri,Sat,";

/**
 * `Date.parse` of an HTTP `Date` header in the IMF-fixdate form every server sends
 * (`Sat, 28 Nov 2026 10:30:00 GMT`), by arithmetic; any other form goes to `Date.parse` itself.
 */
export function parseHttpDate(s: string): number {
  if (
    s.length !== 29 ||
    s.charCodeAt(3) !== 44 ||
    s.charCodeAt(4) !== 32 ||
    s.charCodeAt(7) !== 32 ||
    s.charCodeAt(11) !== 32
  )
    return Date.parse(s);
  if (s.charCodeAt(16) !== 32 || s.charCodeAt(19) !== 58 || s.charCodeAt(22) !== 58 || !s.endsWith(" GMT"))
    return Date.parse(s);
  const weekday = WEEKDAYS.indexOf(s.slice(0, 4));
  const monthAt = MONTHS.indexOf(s.slice(8, 11));
  if (weekday === -1 || weekday % 4 !== 0 || monthAt === -1 || monthAt % 3 !== 0) return Date.parse(s);
  const month = monthAt / 3 + 1;
  const day = digits(s, 5, 2);
  const year = digits(s, 12, 4);
  const hour = digits(s, 17, 2);
  const minute = digits(s, 20, 2);
  const second = digits(s, 23, 2);
  if (year < 1970 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return Date.parse(s);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS[month]!)) return Date.parse(s);
  return (((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000;
}
