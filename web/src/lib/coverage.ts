// Says when a period lies partly outside the workspace's data: a comparison period that starts
// before the first ticket holds fewer days of tickets than the range it is compared with, so its
// counts and money are not like for like, and a range that does spreads its per-year, FTE and
// fixed-cost figures over days without data. Measured against the first and last ticket's dates
// (server period-coverage.ts). Pure, tested in coverage.spec.ts.
import type { PeriodCoverage } from '../../../server/src/contract';
import { addDays } from './date-range';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** True when some but not all of the period's days lie within the data's dates. */
export const isPartial = (c: PeriodCoverage | undefined): boolean => c !== undefined && c.daysInDataSpan > 0 && c.daysInDataSpan < c.days;

/** A short mark for a change against a partly covered comparison ("against 30 of its 90 days within the data"). */
export function partialMark(c: PeriodCoverage | undefined): string | null {
  return c && isPartial(c) ? `against ${c.daysInDataSpan.toLocaleString('en-US')} of ${plural(c.days, 'day')} within the data` : null;
}

/** Which edge of the data the period crosses, in words. */
function edge(period: { from: string; to: string }, c: PeriodCoverage, n: number): string {
  return c.dataFrom && c.dataFrom > period.from
    ? `starts before the data: ${n} of its ${plural(c.days, 'day')} are on or after the first ticket (${c.dataFrom})`
    : `runs past the data: ${n} of its ${plural(c.days, 'day')} are on or before the last ticket (${addDays(c.dataTo ?? period.to, -1)})`;
}

/**
 * The sentences a page shows under its range controls: one for the range when it lies partly
 * outside the data, one for the comparison period when it does. Nothing when both lie within it or
 * when the comparison lies wholly outside (the cards say "no tickets to compare with").
 */
export function coverageNotes(range: { from: string; to: string; coverage?: PeriodCoverage }, comparison?: { from: string; to: string; coverage?: PeriodCoverage }): string[] {
  const out: string[] = [];
  const c = range.coverage;
  if (c && isPartial(c)) {
    out.push(`This range ${edge(range, c, c.daysInDataSpan)}: figures per year, FTE and fixed costs are spread over all ${c.days}.`);
  }
  const p = comparison?.coverage;
  if (comparison && p && isPartial(p)) {
    out.push(
      `The comparison period (${comparison.from} – ${addDays(comparison.to, -1)}) ${edge(comparison, p, p.daysInDataSpan)}: ` +
        `its counts and money cover less time than this range, so changes in them are not like for like; rates still compare.`,
    );
  }
  return out;
}

/**
 * What a claim's page says when its period lies partly outside the data: "this year" claimed on
 * data from August read "333 of its 365 days are over" and checked four months as if they were the
 * year. Null when the period lies within the data (or wholly outside: the check says so).
 */
export function claimCoverageNote(period: { from: string; to: string }, c: PeriodCoverage | undefined): string | null {
  if (!c || !isPartial(c)) return null;
  return `This claim's period ${edge(period, c, c.daysInDataSpan)}: the events can only speak for those days, so a total stated for the whole period is checked against them alone.`;
}
