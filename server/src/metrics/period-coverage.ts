// How much of a period the workspace's data covers: a comparison period that starts before the
// first ticket holds fewer days of tickets than the range it is compared with, so its counts and
// money are not like for like. Pure; the dates are local dates of the request's zone.
import type { PeriodCoverage } from '../contract';
import { addDays, daysBetween, localDateOf } from '../stats/time-range';
import type { DataSpan } from './queries/data-span.query';

export function periodCoverage(fromDate: string, toDate: string, span: DataSpan, tz: string): PeriodCoverage {
  const days = daysBetween(fromDate, toDate);
  if (!span.first || !span.last) return { days, daysWithData: 0, dataFrom: null, dataTo: null };
  const dataFrom = localDateOf(span.first, tz);
  const dataTo = addDays(localDateOf(span.last, tz), 1);
  const start = fromDate > dataFrom ? fromDate : dataFrom;
  const end = toDate < dataTo ? toDate : dataTo;
  return { days, daysWithData: end > start ? daysBetween(start, end) : 0, dataFrom, dataTo };
}
