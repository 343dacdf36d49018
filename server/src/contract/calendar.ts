// The dates and zone names a request may carry, one rule for the server's validation and the
// dashboard's reading of its address (a date the dashboard took that the server refuses failed
// the whole view). Imports nothing. Not in index.ts (no API type).

/**
 * The dates a request may name (from, to, asOf): years 1900-2199, as for a vendor export's dates.
 * Reads work out dates around them (the comparison period, whole weeks and months, other zones'
 * days), all of which stay 4-digit years well inside these; a typo such as 9999-12-01 or 0202 is
 * said at the parameter instead of reading an empty millennium.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';
/** The longest range a read takes, in days ("at most 5 years"); the dashboard shortens a longer one in the address to it. */
export const MAX_RANGE_DAYS = 5 * 366;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns why `s` is not a calendar date YYYY-MM-DD a request may name, or null when it is one. */
export function calendarDateProblem(s: string): string | null {
  const m = DATE_RE.exec(s);
  if (!m) return `must be a date YYYY-MM-DD, got "${s}"`;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // years 0-99 are those years
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    return `${s} is not a calendar date`;
  }
  if (s < FIRST_DATE || s > LAST_DATE) return `${s} is outside the years ${FIRST_DATE.slice(0, 4)}-${LAST_DATE.slice(0, 4)}`;
  return null;
}

/**
 * An offset such as "+05:30", "-03:30" or "0545", which is no zone name: newer Intl takes one, and
 * PostgreSQL reads a bare offset as POSIX, with its sign reversed.
 */
export const isOffset = (tz: string): boolean => /^\s*[+\-\u2212]?\d/.test(tz);
