// Time buckets of a timeseries: local days, ISO weeks (from Monday) or months, clipped to
// [from, to). Pure; bucketGrouping keys tickets the same way in SQL (the reference queries the
// rollup tests compare with).
import { addDays } from '../stats/time-range';
import type { Grouping } from './queries/population';

export type Interval = 'day' | 'week' | 'month';

export interface Bucket {
  /** The bucket's first date inside the range (its key). */
  from: string;
  /** Exclusive end. */
  to: string;
}

function periodStart(date: string, interval: Interval): string {
  if (interval === 'day') return date;
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

function nextPeriod(start: string, interval: Interval): string {
  if (interval === 'day') return addDays(start, 1);
  if (interval === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function buckets(from: string, to: string, interval: Interval): Bucket[] {
  const out: Bucket[] = [];
  for (let start = periodStart(from, interval); start < to; start = nextPeriod(start, interval)) {
    const end = nextPeriod(start, interval);
    out.push({ from: start < from ? from : start, to: end > to ? to : end });
  }
  return out;
}

/** SQL key of a ticket's bucket: the local date of its period start, clipped to `from`. */
export function bucketGrouping(interval: Interval, tz: string, from: string): Grouping {
  const local = `(created_at AT TIME ZONE $G1)`;
  const start = interval === 'day' ? `${local}::date` : `date_trunc('${interval}', ${local})::date`;
  return { sql: `to_char(GREATEST(${start}, $G2::date), 'YYYY-MM-DD')`, params: [tz, from] };
}
