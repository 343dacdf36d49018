// A metrics request resolved into what the queries need: instants, days, filters, asOf and the
// cost model after what-ifs. Pure apart from the stored cost model passed in.
import { BadRequestException } from '@nestjs/common';
import type { CostModel } from '../contract/api-types';
import { filterValues } from '../common/validators';
import { COST_FIELDS, CostModelVersion } from '../cost-model/cost-model.service';
import { addDays, daysBetween, startOfLocalDate } from '../stats/time-range';
import { MetricsQueryDto } from './metrics-query.dto';
import { PopulationFilter } from './queries/population';
import { MAX_RANGE_DAYS } from '../contract/calendar';

const PATHS = ['ai', 'escalated', 'human', 'none'];

export interface MetricsScope {
  fromDate: string;
  toDate: string;
  tz: string;
  days: number;
  asOf: Date;
  filter: PopulationFilter;
  costModel: CostModel;
  costModelVersion: number;
  currency: string;
  /** Verified AI resolutions rated 1-2 left out of the verified savings. */
  excludeLowRated: boolean;
  /**
   * Set when the read did not wait (`wait=0`) or is a load behind (MetricsService.readScope): its
   * reads leave out days a load has not built yet and record each here (its first instant, ISO).
   */
  leftOut?: Set<string>;
}

export function resolveScope(q: MetricsQueryDto, stored: CostModelVersion, now = new Date()): MetricsScope {
  const tz = q.tz ?? 'UTC';
  const days = daysBetween(q.from, q.to);
  if (days <= 0) throw new BadRequestException(`from: must be before to (got from=${q.from}, to=${q.to})`);
  if (days > MAX_RANGE_DAYS) throw new BadRequestException(`to: the range may span at most 5 years, got ${days} days`);
  const path = filterValues(q.path);
  const unknown = path?.filter((p) => !PATHS.includes(p));
  if (unknown?.length) throw new BadRequestException(`path: unknown value ${unknown.map((u) => `"${u}"`).join(', ')}; use ${PATHS.join(', ')}`);

  const costModel: CostModel = {
    humanHourlyCost: stored.humanHourlyCost,
    aiCostPerConversation: stored.aiCostPerConversation,
    aiCostPerResolution: stored.aiCostPerResolution,
    fteHoursPerMonth: stored.fteHoursPerMonth,
    fixedCostPerMonth: stored.fixedCostPerMonth,
  };
  for (const f of COST_FIELDS) if (q[f] !== undefined) costModel[f] = Number(q[f]);

  return {
    fromDate: q.from,
    toDate: q.to,
    tz,
    days,
    asOf: q.asOf ? new Date(q.asOf) : now,
    filter: {
      from: startOfLocalDate(q.from, tz),
      to: startOfLocalDate(q.to, tz),
      channel: filterValues(q.channel),
      category: filterValues(q.category),
      language: filterValues(q.language),
      path,
    },
    costModel,
    costModelVersion: stored.version,
    currency: stored.currency,
    excludeLowRated: q.excludeLowRated === 'true',
  };
}

/** The same scope over other dates (comparison periods, buckets). */
export function withDates(s: MetricsScope, fromDate: string, toDate: string): MetricsScope {
  return {
    ...s,
    fromDate,
    toDate,
    days: daysBetween(fromDate, toDate),
    filter: { ...s.filter, from: startOfLocalDate(fromDate, s.tz), to: startOfLocalDate(toDate, s.tz) },
  };
}

/**
 * The comparison period's scope, judged at the same age: its asOf moved back by as long as the
 * period is before the range (previous: the range's length; year: a year). A range read today has
 * its last week's AI resolutions still maturing, so its verified figures read low against a
 * period judged long since: "verified −8.2 pt, −$4,731" where, at the same age, it was −3.6 pt and
 * +$1,418, and every segment showed a fall. At the same age both carry their young tickets alike.
 */
export function comparisonScope(s: MetricsScope, c: { from: string; to: string }, now = new Date()): MetricsScope {
  const p = withDates(s, c.from, c.to);
  const back = s.filter.from.getTime() - p.filter.from.getTime();
  // A range that runs past now ("this quarter") holds only the tickets so far: its comparison, only
  // those of its own days so far (it counted 16,352 tickets created after the moment it is judged
  // at, all unresolved or maturing: "+32.3 pt").
  const end = Math.min(p.filter.to.getTime(), Math.min(s.filter.to.getTime(), now.getTime()) - back);
  const to = new Date(Math.max(p.filter.from.getTime(), end));
  return { ...p, asOf: new Date(s.asOf.getTime() - back), filter: { ...p.filter, to } };
}

/** previous: the same number of days just before; year: the same dates a year earlier (29 Feb -> 28 Feb). */
export function comparisonDates(fromDate: string, toDate: string, compare: 'previous' | 'year'): { from: string; to: string } {
  if (compare === 'previous') {
    const days = daysBetween(fromDate, toDate);
    return { from: addDays(fromDate, -days), to: fromDate };
  }
  const back = (d: string) => {
    const y = String(Number(d.slice(0, 4)) - 1).padStart(4, '0');
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${y}-${md}`;
  };
  return { from: back(fromDate), to: back(toDate) };
}
