// Says when a period is only partly covered by the workspace's data: a comparison period that
// starts before the first ticket holds fewer days of tickets than the range it is compared with,
// so its counts and money are not like for like, and a range that does spreads its per-year,
// FTE and fixed-cost figures over days without data. Pure, tested in coverage.spec.ts.
import type { PeriodCoverage } from '../../../server/src/contract';
import { addDays } from './date-range';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The part of the period the data covers, as inclusive local dates ("2026-09-02 – 2026-10-01"). */
function coveredDates(period: { from: string; to: string }, c: PeriodCoverage): string {
  const start = c.dataFrom && c.dataFrom > period.from ? c.dataFrom : period.from;
  const end = c.dataTo && c.dataTo < period.to ? c.dataTo : period.to;
  return `${start} – ${addDays(end, -1)}`;
}

/** True when some but not all of the period's days lie within the data. */
export const isPartial = (c: PeriodCoverage | undefined): boolean => c !== undefined && c.daysWithData > 0 && c.daysWithData < c.days;

/** A short mark for a change against a partly covered comparison ("against 30 of 90 days with data"). */
export function partialMark(c: PeriodCoverage | undefined): string | null {
  return c && isPartial(c) ? `against ${c.daysWithData.toLocaleString('en-US')} of ${plural(c.days, 'day')} with data` : null;
}

/**
 * The sentences a page shows under its range controls: one for the range when the data covers
 * only part of it, one for the comparison period when it does. Nothing when both are whole or
 * when the comparison has no data at all (the cards say "no tickets to compare with").
 */
export function coverageNotes(range: { from: string; to: string; coverage?: PeriodCoverage }, comparison?: { from: string; to: string; coverage?: PeriodCoverage }): string[] {
  const out: string[] = [];
  const c = range.coverage;
  if (c && isPartial(c)) {
    out.push(
      `The data covers ${plural(c.daysWithData, 'day')} of this range's ${c.days} (${coveredDates(range, c)}): ` +
        `figures per year, FTE and fixed costs are spread over all ${c.days}.`,
    );
  }
  const p = comparison?.coverage;
  if (comparison && p && isPartial(p)) {
    const edge = p.dataFrom && p.dataFrom > comparison.from ? `the first ticket is from ${p.dataFrom}` : `the last ticket is from ${addDays(p.dataTo ?? comparison.to, -1)}`;
    out.push(
      `The comparison period (${comparison.from} – ${addDays(comparison.to, -1)}) has data on ${p.daysWithData} of its ${plural(p.days, 'day')} (${edge}): ` +
        `its counts and money cover less time than this range, so changes in them are not like for like; rates still compare.`,
    );
  }
  return out;
}
