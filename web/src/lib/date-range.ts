// The view's range and filters, as they appear in the URL (?from=&to=&tz=&channel=&category=).
// Pure parsing with defaults; the hook in state/useUrlFilters.ts reads and writes the URL.
import { MAX_RANGE_DAYS, calendarDateProblem, isOffset } from '../../../server/src/contract/calendar';
import { joinFilterValues, splitFilterValues } from '../../../server/src/contract/filter-list';

export interface ViewFilters {
  from: string;
  to: string;
  tz: string;
  channel?: string;
  category?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date YYYY-MM-DD the server takes ("2026-13-45", "2026-02-30" and "1800-01-01" are not: contract/calendar.ts). */
export function isCalendarDate(s: string | null | undefined): s is string {
  return !!s && calendarDateProblem(s) === null;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from one local date to another (YYYY-MM-DD, `to` exclusive). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Today's date in tz, as YYYY-MM-DD. */
export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * True for a time zone name this browser knows (an IANA name such as Europe/Stockholm, or UTC).
 * Not an offset ("+05:30"): newer browsers take one, the server does not (and PostgreSQL reads
 * a bare offset with its sign reversed), so the whole view failed on it.
 */
export function isTimeZone(tz: string): boolean {
  if (isOffset(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * An instant as the view shows it: in the view's zone (the browser's when `tz` is not one), one
 * format on every page ("Nov 29, 2026, 11:54 PM"; with seconds for a ticket's events).
 */
/** What to say about a name that is not a time zone (the zone box, a workspace's zone). */
export const notAZone = (name: string): string => `"${name}" is not a time zone: use an IANA name such as UTC or Europe/Stockholm`;

export function formatInstant(iso: string, tz: string, seconds = false): string {
  return new Date(iso).toLocaleString('en-US', { timeZone: isTimeZone(tz) ? tz : undefined, dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
}

/**
 * Filters from a query string; missing or malformed dates fall back to the last 30 complete days
 * (today is not over, so it is not in the default view). A zone
 * being typed (or mistyped) stays as given, for the API to name the problem, but the default
 * dates are then taken in the browser's zone rather than failing.
 */
export function parseFilters(search: string, defaultTz: string, now = new Date()): ViewFilters {
  const p = new URLSearchParams(search);
  // A zone the address names that is none: the view's own zone (rangeNote says so).
  const asked = p.get('tz');
  const tz = asked && isTimeZone(asked) ? asked : defaultTz;
  const to = isCalendarDate(p.get('to')) ? p.get('to')! : todayIn(isTimeZone(tz) ? tz : 'UTC', now);
  const start = isCalendarDate(p.get('from')) && p.get('from')! < to ? p.get('from')! : addDays(to, -30);
  // Longer than a read takes (the API's 400 was the whole view's error): its last 5 years, said by rangeNote.
  const from = daysBetween(start, to) > MAX_RANGE_DAYS ? addDays(to, -MAX_RANGE_DAYS) : start;
  return { from, to, tz, channel: filterList(p.get('channel')), category: filterList(p.get('category')) };
}

/** A filter as the API takes it: empty values dropped ("chat,,,email" was a 400 that failed the view), undefined for none. */
function filterList(raw: string | null): string | undefined {
  const values = raw ? splitFilterValues(raw) : [];
  return values.length ? joinFilterValues(values) : undefined;
}

/**
 * What the view says when the address's dates could not be used as written (a link typed by hand:
 * the end before the start, a date that is not YYYY-MM-DD), and which range it shows instead.
 * They used to be replaced without a word. Null when they were used.
 */
export function rangeNote(search: string, shown: ViewFilters): string | null {
  const p = new URLSearchParams(search);
  const from = p.get('from');
  const to = p.get('to');
  const tz = p.get('tz');
  if (tz && !isTimeZone(tz)) return `The address's zone "${tz}" is not a time zone (use an IANA name such as Asia/Kolkata, not an offset): showing ${shown.tz} instead.`;
  const instead = `showing ${shown.from} to ${addDays(shown.to, -1)} instead`;
  const bad = (d: string, which: string) => `The address's ${which} date "${d}" ${DATE.test(d) ? calendarDateProblem(d)!.replace(`${d} `, '') : 'is not a date YYYY-MM-DD'}: ${instead}.`;
  if (to && !isCalendarDate(to)) return bad(to, 'end');
  if (from && !isCalendarDate(from)) return bad(from, 'start');
  if (from && to && from < to && daysBetween(from, to) > MAX_RANGE_DAYS) return `The address's range is ${daysBetween(from, to).toLocaleString('en-US')} days, longer than a view shows (5 years): ${instead}.`;
  if (from && from !== shown.from) return `The address's range ends (${to ?? 'today'}) before it starts (${from}): ${instead}.`;
  return null;
}

export function filtersToSearch(f: ViewFilters): string {
  const p = new URLSearchParams({ from: f.from, to: f.to, tz: f.tz });
  if (f.channel) p.set('channel', f.channel);
  if (f.category) p.set('category', f.category);
  return `?${p.toString()}`;
}

export type Preset = 'last7' | 'last30' | 'last90' | 'lastMonth' | 'quarterToDate' | 'lastQuarter' | 'yearToDate';

export const PRESETS: { key: Preset; label: string }[] = [
  { key: 'last7', label: 'Last 7 days' },
  { key: 'last30', label: 'Last 30 days' },
  { key: 'last90', label: 'Last 90 days' },
  { key: 'lastMonth', label: 'Last full month' },
  { key: 'quarterToDate', label: 'Quarter to date' },
  { key: 'lastQuarter', label: 'Last quarter' },
  { key: 'yearToDate', label: 'Year to date' },
];

const monthStart = (date: string, monthsBack = 0) => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - monthsBack;
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};
const quarterStart = (date: string, quartersBack = 0) => {
  const m = Number(date.slice(5, 7)) - 1;
  return monthStart(date, (m % 3) + 3 * quartersBack);
};

/**
 * A preset's [from, to) in local dates, given today's local date. Ranges end at the last complete
 * day (today is not over); a "to date" range on its first day holds today alone.
 */
export function presetRange(p: Preset, today: string): { from: string; to: string } {
  const toDate = (from: string) => ({ from, to: from < today ? today : addDays(today, 1) });
  switch (p) {
    case 'last7':
      return { from: addDays(today, -7), to: today };
    case 'last30':
      return { from: addDays(today, -30), to: today };
    case 'last90':
      return { from: addDays(today, -90), to: today };
    case 'lastMonth':
      return { from: monthStart(today, 1), to: monthStart(today) };
    case 'quarterToDate':
      return toDate(quarterStart(today));
    case 'lastQuarter':
      return { from: quarterStart(today, 1), to: quarterStart(today) };
    case 'yearToDate':
      return toDate(`${today.slice(0, 4)}-01-01`);
  }
}

/** The preset a range is, if any ('custom' otherwise). */
export function presetOf(f: Pick<ViewFilters, 'from' | 'to'>, today: string): Preset | 'custom' {
  return PRESETS.find((p) => {
    const r = presetRange(p.key, today);
    return r.from === f.from && r.to === f.to;
  })?.key ?? 'custom';
}

/** A date the user finished typing (a date box reports 0002-…, 0020-… while a year is typed). */
export const completeDate = (v: string) => /^(19|2\d)\d\d-\d\d-\d\d$/.test(v);

/** What the date boxes say when they hold a range that ends before it starts (the view stays on its own). */
export function reversedRange(typed: { from: string; to: string }, shown: Pick<ViewFilters, 'from' | 'to'>): string | null {
  if (!completeDate(typed.from) || !completeDate(typed.to) || typed.from < typed.to) return null;
  return `To (exclusive) must be after From: ${typed.from} to ${typed.to} holds no day (the view stays on ${shown.from} to ${addDays(shown.to, -1)})`;
}
