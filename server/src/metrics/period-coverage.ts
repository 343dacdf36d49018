// How much of a period lies within the workspace's data: a comparison period that starts before
// the first ticket holds fewer days of tickets than the range it is compared with, so its counts
// and money are not like for like. Measured against the first and last ticket's dates (a gap
// between two imports is not seen). Pure; the dates are local dates of the request's zone.
import type { PeriodCoverage } from '../contract';
import { addDays, daysBetween, localDateOf } from '../stats/time-range';
import type { DataSpan } from './queries/data-span.query';

/**
 * `asOf`: data whose last ticket is from the three days before asOf or later is live, and has no
 * end: the days after it are days still to come or quiet ones (just after midnight, or a weekend
 * without tickets, "quarter to date" read as running past the data). Data that stopped earlier (an
 * import) ends at its last ticket.
 */
export function periodCoverage(fromDate: string, toDate: string, span: DataSpan, tz: string, asOf: Date): PeriodCoverage {
  const days = daysBetween(fromDate, toDate);
  if (!span.first || !span.last) return { days, daysInDataSpan: 0, dataFrom: null, dataTo: null };
  const dataFrom = localDateOf(span.first, tz);
  const dataTo = addDays(localDateOf(span.last, tz), 1);
  const live = dataTo >= addDays(localDateOf(asOf, tz), -2);
  const start = fromDate > dataFrom ? fromDate : dataFrom;
  const end = live || toDate < dataTo ? toDate : dataTo;
  return { days, daysInDataSpan: end > start ? daysBetween(start, end) : 0, dataFrom, dataTo };
}
