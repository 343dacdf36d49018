// Timestamps of helpdesk exports: a format string (tokens YYYY, M, MM, D, DD, H, HH, mm, ss, SSS)
// or 'auto'; local times are read in the mapping's time zone. Returns RFC 3339 UTC text.
import { timestampProblem } from '../events/event-validation';
import { localTimeToInstant } from '../stats/time-range';

const TOKENS: Record<string, string> = { YYYY: '(\\d{4})', MM: '(\\d{2})', M: '(\\d{1,2})', DD: '(\\d{2})', D: '(\\d{1,2})', HH: '(\\d{2})', H: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})', SSS: '(\\d{1,6})' };
const cache = new Map<string, { re: RegExp; order: string[] }>();

function compile(format: string): { re: RegExp; order: string[] } {
  let c = cache.get(format);
  if (c) return c;
  const order: string[] = [];
  let re = '';
  for (let i = 0; i < format.length; ) {
    const tok = ['YYYY', 'SSS', 'MM', 'DD', 'HH', 'mm', 'ss', 'M', 'D', 'H'].find((t) => format.startsWith(t, i));
    if (tok) {
      order.push(tok[0] === 'S' ? 'S' : tok[0]);
      re += TOKENS[tok];
      i += tok.length;
    } else {
      re += format[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    }
  }
  c = { re: new RegExp(`^${re}$`), order };
  cache.set(format, c);
  return c;
}

/** Formats tried, in order, for 'auto' (after RFC 3339 with an offset). */
export const AUTO_FORMATS = ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DDTHH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY/MM/DD HH:mm:ss.SSS', 'YYYY/MM/DD HH:mm:ss', 'D/M/YYYY HH:mm:ss', 'D/M/YYYY HH:mm', 'YYYY-MM-DD'];

export type ParsedTime = { iso: string; ms: number } | { problem: string };

export function parseTimestamp(value: string, format: string, tz: string): ParsedTime {
  const v = value.trim();
  if (format === 'auto' || format === 'rfc3339') {
    if (/[zZ]$|[+-]\d{2}:\d{2}$/.test(v) && timestampProblem(v) === null) {
      const ms = Date.parse(v);
      return { iso: new Date(ms).toISOString(), ms };
    }
    if (format === 'rfc3339') return { problem: `"${v}" is not an RFC 3339 timestamp with an offset` };
    let invalid: string | null = null;
    for (const f of AUTO_FORMATS) {
      const r = parseTimestamp(v, f, tz);
      if ('iso' in r) return r;
      // The shape of a known format, but no such day or time ("2026-11-31"): say that, not "no format".
      if (invalid === null && r.problem.endsWith('is not a valid date and time')) invalid = `"${v}" is not a valid date and time (read as ${f})`;
    }
    return { problem: invalid ?? `"${v}" matches none of the known date formats (RFC 3339, ${AUTO_FORMATS.join(', ')})` };
  }
  const { re, order } = compile(format);
  const m = re.exec(v);
  if (!m) return { problem: `"${v}" does not match the date format ${format}` };
  const part: Record<string, number> = { Y: 0, M: 1, D: 1, H: 0, m: 0, s: 0, S: 0 };
  order.forEach((k, i) => (part[k] = k === 'S' ? Number(m[i + 1].padEnd(3, '0').slice(0, 3)) : Number(m[i + 1])));
  const d = new Date(0);
  d.setUTCFullYear(part.Y, part.M - 1, part.D);
  d.setUTCHours(part.H, part.m, part.s, part.S);
  if (d.getUTCMonth() !== part.M - 1 || d.getUTCDate() !== part.D || part.H > 23 || part.m > 59 || part.s > 59) {
    return { problem: `"${v}" is not a valid date and time` };
  }
  const ms = tz === 'UTC' ? d.getTime() : localTimeToInstant(d.getTime(), tz);
  return { iso: new Date(ms).toISOString(), ms };
}
