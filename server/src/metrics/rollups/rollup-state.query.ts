// What the rollups hold for a date range at the read's snapshot: built periods and dirty days.
import { EntityManager } from 'typeorm';
import { PeriodState } from './rollup-plan';

export async function rollupStateQuery(m: EntityManager, from: Date, to: Date): Promise<{ periods: PeriodState[]; dirty: string[] }> {
  // Months start up to 31 days before the range; days outside it do no harm.
  // In turn: both run on the caller's snapshot connection, which takes one query at a time.
  const periods = (await m.query(
    `SELECT span, start::text AS start, ai_resolved_max_at FROM rollup_periods
      WHERE start >= ($1::timestamptz AT TIME ZONE 'UTC')::date - 31 AND start <= ($2::timestamptz AT TIME ZONE 'UTC')::date`,
    [from, to],
  )) as { span: 'd' | 'm'; start: string; ai_resolved_max_at: Date | null }[];
  const dirty = (await m.query(
    `SELECT DISTINCT day::text AS day FROM rollup_dirty
      WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date - 31 AND day <= ($2::timestamptz AT TIME ZONE 'UTC')::date`,
    [from, to],
  )) as { day: string }[];
  return {
    periods: periods.map((p) => ({ span: p.span, start: p.start, aiResolvedMaxAt: p.ai_resolved_max_at })),
    dirty: dirty.map((d) => d.day),
  };
}
