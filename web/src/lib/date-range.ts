// The view's range and filters, as they appear in the URL (?from=&to=&tz=&channel=&category=).
// Pure parsing with defaults; the hook in state/useUrlFilters.ts reads and writes the URL.

export interface ViewFilters {
  from: string;
  to: string;
  tz: string;
  channel?: string;
  category?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Today's date in tz, as YYYY-MM-DD. */
export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** True for a time zone this browser knows (an IANA name such as Europe/Stockholm, or UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Filters from a query string; missing or malformed dates fall back to the last 30 days. A zone
 * being typed (or mistyped) stays as given, for the API to name the problem, but the default
 * dates are then taken in the browser's zone rather than failing.
 */
export function parseFilters(search: string, defaultTz: string, now = new Date()): ViewFilters {
  const p = new URLSearchParams(search);
  const tz = p.get('tz') || defaultTz;
  const to = p.get('to') && DATE.test(p.get('to')!) ? p.get('to')! : addDays(todayIn(isTimeZone(tz) ? tz : defaultTz, now), 1);
  const from = p.get('from') && DATE.test(p.get('from')!) && p.get('from')! < to ? p.get('from')! : addDays(to, -30);
  return { from, to, tz, channel: p.get('channel') || undefined, category: p.get('category') || undefined };
}

export function filtersToSearch(f: ViewFilters): string {
  const p = new URLSearchParams({ from: f.from, to: f.to, tz: f.tz });
  if (f.channel) p.set('channel', f.channel);
  if (f.category) p.set('category', f.category);
  return `?${p.toString()}`;
}
