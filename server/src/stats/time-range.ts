// Local calendar dates to instants (CONTRACT.md §3a: `from`/`to` are the first instant of that
// local date in `tz`). Uses the runtime's IANA database through Intl; DST-correct, including the
// zones where midnight itself is skipped or repeated.
import { isOffset } from '../contract/calendar';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An IANA zone name this runtime knows. Never an offset ("+05:30"): Node 22's Intl takes one, and
 * PostgreSQL reads a bare offset as POSIX, with its sign reversed, so the SQL's days would not be
 * the server's.
 */
export function isValidTimeZone(tz: string): boolean {
  if (isOffset(tz)) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Milliseconds of a UTC wall-clock time; unlike Date.UTC, years 0-99 are those years, not 1900-1999. */
export function utcMs(year: number, month0: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

export { FIRST_DATE, LAST_DATE, calendarDateProblem } from '../contract/calendar';

/** The wall-clock time of an instant in tz, as if it were UTC (ms). */
function wallClockMs(instantMs: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return utcMs(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

function dayMs(date: string): number {
  const m = DATE_RE.exec(date)!;
  return utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * Start instants already worked out, by zone and date: each costs a few Intl calls (~40 µs), and a
 * read plans every day of its ranges (a 365-day read: hundreds). Bounded; emptied when full.
 */
const starts = new Map<string, number>();
const STARTS_KEPT = 100_000;

/** The first instant of a local date in tz. */
export function startOfLocalDate(date: string, tz: string): Date {
  const key = `${tz} ${date}`;
  let ms = starts.get(key);
  if (ms === undefined) {
    if (starts.size >= STARTS_KEPT) starts.clear();
    starts.set(key, (ms = computeStartOfLocalDate(date, tz)));
  }
  return new Date(ms);
}

function computeStartOfLocalDate(date: string, tz: string): number {
  const local = dayMs(date);
  // The offset in force a day either side; at most two candidates, keep the earliest instant
  // whose wall clock is on `date` (a skipped midnight makes the later offset's candidate valid).
  const candidates = [local - 86_400_000, local + 86_400_000].map((probe) => local - (wallClockMs(probe, tz) - probe));
  const onDate = candidates.filter((t) => {
    const wall = wallClockMs(t, tz);
    return wall >= local && wall < local + 86_400_000;
  });
  // A date skipped whole (Pacific/Apia, 2011-12-30): the first instant after it.
  const pick = onDate.length > 0 ? onDate : candidates.filter((t) => wallClockMs(t, tz) >= local);
  return Math.min(...pick);
}

/** Calendar days in [from, to). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / 86_400_000);
}

export function addDays(date: string, n: number): string {
  return new Date(dayMs(date) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant of a wall-clock time in tz (milliseconds). In a DST overlap the earlier instant; in a
 * gap (a time that does not exist) it is read with the offset before the jump.
 */
export function localTimeToInstant(localMs: number, tz: string): number {
  // Probes on whole seconds: wallClockMs has no milliseconds.
  const whole = Math.floor(localMs / 1000) * 1000;
  const candidates = [whole - 86_400_000, whole + 86_400_000].map((probe) => localMs - (wallClockMs(probe, tz) - probe));
  const sec = (x: number) => Math.floor(x / 1000);
  const matching = candidates.filter((t) => sec(wallClockMs(t, tz)) === sec(localMs));
  return Math.min(...(matching.length > 0 ? matching : [candidates[0]]));
}

/** The local calendar date (YYYY-MM-DD) of an instant in tz. */
export function localDateOf(instant: Date, tz: string): string {
  return new Date(wallClockMs(Math.floor(instant.getTime() / 1000) * 1000, tz)).toISOString().slice(0, 10);
}
