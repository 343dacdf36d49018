// The metrics endpoints. Every figure is the summary of CONTRACT.md §3 over some population:
// the request's (summary), each time bucket (timeseries), each segment (breakdown), the comparison
// period. Where each number comes from:
//   what a measure is          -> measures.ts (one table of definitions)
//   reading populations        -> rollups/population-reader.ts (rollups where they answer, tickets
//                                 for the rest; readPopulation(..., reference) is the plain SQL)
//   exact percentiles          -> stats/binned-percentiles.ts
//   like-for-like pricing      -> stats/savings.ts
//   assembling one population  -> summary-assembler.ts
//   read-your-writes           -> projection/freshness.service.ts
import { BadRequestException, Injectable } from '@nestjs/common';
import type { BreakdownResponse, Freshness, LeanBreakdownResponse, PeriodCoverage, LeanFigures, LeanTimeseriesResponse, PathCounts, ScopeEcho, SeriesPoint, SummaryResponse, TimeseriesResponse } from '../contract';
import type { SegmentOf } from '../contract';
import { LOAD_BEHIND_SECONDS, REPORTED_PATHS } from '../contract/api-types';
import { CostModelService } from '../cost-model/cost-model.service';
import { daysBetween, localDateOf, startOfLocalDate } from '../stats/time-range';
import { type BucketState, bucketState } from '../contract/bucket-state';
import { buckets } from './buckets';
import { BreakdownQueryDto, MetricsQueryDto, SummaryQueryDto, TimeseriesQueryDto } from './metrics-query.dto';
import { FreshnessService } from '../projection/freshness.service';
import { SingleFlight, requestKey } from '../common/single-flight';
import { wsId } from '../workspaces/workspace-context';
import { TelemetryService } from '../telemetry/telemetry.service';
import { MetricsScope, comparisonDates, comparisonScope, resolveScope, withDates } from './metrics-scope';
import { Column, SEGMENT_JOIN, Segmenting } from './rollups/key-scope';
import { groupKey, rangeGroupOf } from './rollups/population-assemble';
import { PopulationReader } from './rollups/population-reader';
import { leftOutDay, leftOutLocalDays, leftOutShare, PopulationRange } from './rollups/read-plan';
import { PathMetricsRow, SummaryCore, assembleSummary, byGroup, deltas } from './summary-assembler';
import { DataSource } from 'typeorm';
import { periodCoverage } from './period-coverage';
import { dataSpanQuery } from './queries/data-span.query';
import { judgedDates, judgedDaysOf } from './judged-days';

/** Reads a numeric field by dotted path (`savings.verifiedSavings`, `byPath.ai.csat.top2Box`). */
export function fieldValue(core: SummaryCore, field: string): number | null | undefined {
  let v: unknown = core;
  for (const k of field.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' || v === null ? v : undefined;
}

/** The scope's whole range as one population range (group ''). */
const wholeRange = (s: MetricsScope): PopulationRange => ({ fromDate: s.fromDate, toDate: s.toDate, from: s.filter.from, to: s.filter.to, grp: '' });

const withoutCostModel = ({ costModel: _cm, ...rest }: SummaryCore): Omit<SummaryCore, 'costModel'> => rest;

/** The figures without the distributions a percentiles=false read left out. */
export function leanFigures(core: SummaryCore): LeanFigures {
  const { costModel: _cm, byPath, ...rest } = core;
  const counts = (p: SummaryCore['byPath']['ai']): PathCounts => {
    const { handleSeconds, resolutionSeconds: _r, firstResponseSeconds: _f, ...other } = p;
    return { ...other, handleSeconds: { mean: handleSeconds.mean } };
  };
  return { ...rest, byPath: Object.fromEntries(REPORTED_PATHS.map((p) => [p, counts(byPath[p])])) as LeanFigures['byPath'] };
}

/** Per range group, what a read left out (readScope): how many days, for costs (read-plan.ts leftOutShare), and which local days, shown as building. */
interface LeftOut {
  share: Map<string, number>;
  days: Map<string, Set<string>>;
}
const leftOutTally = (): LeftOut => ({ share: new Map(), days: new Map() });

/** The days a population is charged for: its calendar days less those left out (to 1e-9: shares of days add up in floating point). */
const daysCounted = (days: number, leftOut = 0): number => Math.max(0, Math.round((days - leftOut) * 1e9) / 1e9);

/** A segment or a filtered population is part of the program: no share of its fixed costs. */
const partOfProgram = (s: MetricsScope, segment: Segmenting): boolean => {
  const { from: _f, to: _t, ...dims } = s.filter;
  return segment !== null || Object.values(dims).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));
};

/**
 * A population without tickets (a bucket, a summary): fixed costs still run for its days, but not
 * for those the read left out (none when a load's days fill it), nor for a part of the program.
 */
const emptyCore = (s: MetricsScope, segment: Segmenting, days: number, leftOut?: number): SummaryCore =>
  assembleSummary([], [], { costModel: s.costModel, days: daysCounted(days, leftOut), partOfProgram: partOfProgram(s, segment) });

/** A bucket's bounds, and how many of its local days the read left out, in whole or in part. */
const bounds = (b: { from: string; to: string }, building: LeftOut): Pick<SeriesPoint, 'bucket' | 'from' | 'to' | 'daysBuilding'> => {
  const n = building.days.get(b.from)?.size ?? 0;
  return { bucket: b.from, from: b.from, to: b.to, ...(n > 0 ? { daysBuilding: n } : {}) };
};
/** A bucket's bounds, figures and whether they are final (`today`: the local date of asOf). */
const withState = <P extends Omit<SeriesPoint, 'state'>>(p: P, today: string): P & { state: BucketState } => ({ ...p, state: bucketState(p, today) });
const seriesPoint = (b: { from: string; to: string }, core: SummaryCore, building: LeftOut, today: string): SeriesPoint => withState({ ...bounds(b, building), ...leanFigures(core) }, today);

@Injectable()
export class MetricsService {
  private readonly flight: SingleFlight;

  constructor(
    private readonly reader: PopulationReader,
    private readonly costModels: CostModelService,
    private readonly freshness: FreshnessService,
    private readonly ds: DataSource,
    telemetry: TelemetryService,
  ) {
    this.flight = new SingleFlight(() => telemetry.sharedReads.inc());
  }

  /**
   * Identical requests that run at the same time share one computation (a dashboard opened by ten
   * people at once costs one read). A request joins only while the first one still waits for the
   * projection; the computation then checks freshness again and takes its snapshot after every
   * joiner arrived, so each gets everything acknowledged before it asked (read-your-writes) and
   * the cost model as it stood. Joiners get the answer of the computation they joined.
   */
  private shared<T>(kind: string, q: MetricsQueryDto, compute: (freshness: Freshness) => Promise<T>): Promise<T> {
    const { format, ...params } = q;
    return this.flight.run(
      // Never shared across workspaces; a CSV never leaves days out (readScope), so not with JSON.
      requestKey(kind, { ...params, workspace: wsId(), csv: format === 'csv' }),
      () => this.freshness.catchUp(q.after, q.wait),
      async (first) => {
        const again = await this.freshness.catchUp(q.after, q.wait, first.waitedMs);
        return compute({ ...again, waitedMs: first.waitedMs + again.waitedMs });
      },
    );
  }

  async scope(q: MetricsQueryDto): Promise<MetricsScope> {
    return resolveScope(q, await this.costModels.current());
  }

  /**
   * The summary numbers of one population, or of several time ranges (keyed by `grp`), optionally
   * split into segments (keyed by the segment, or range and segment).
   */
  private async cores(
    s: MetricsScope,
    segment: Segmenting = null,
    ranges: PopulationRange[] = [wholeRange(s)],
    daysOf: (grp: string) => number = () => s.days,
    percentiles = true,
    /** Filled with what the read left out per range (its grp), when it left some out (readScope); empty when given. */
    building: LeftOut = leftOutTally(),
  ): Promise<Map<string, SummaryCore>> {
    const { from: _f, to: _t, ...dims } = s.filter;
    const { rows, categories, plan } = await this.reader.read({ ranges, tz: s.tz, filter: dims, segment, asOf: s.asOf, percentiles, leaveOutPending: s.leftOut !== undefined });
    // Days left out are not in the population: not in its days either (fixed costs, FTE, per year).
    const rangeOf = new Map(ranges.map((r) => [r.grp, r]));
    for (const d of plan.leftOut) {
      s.leftOut!.add(leftOutDay(d));
      building.share.set(d.grp, (building.share.get(d.grp) ?? 0) + leftOutShare(d, rangeOf.get(d.grp)!));
      const days = building.days.get(d.grp) ?? new Set<string>();
      for (const day of leftOutLocalDays(d, s.tz)) days.add(day);
      building.days.set(d.grp, days);
    }
    const cats = byGroup(categories);
    const out = new Map<string, SummaryCore>();
    const part = partOfProgram(s, segment);
    for (const [g, r] of byGroup(rows)) {
      const days = daysCounted(daysOf(g), building.share.get(rangeGroupOf(g, ranges)));
      out.set(g, assembleSummary(r, cats.get(g) ?? [], { costModel: s.costModel, days, partOfProgram: part, excludeLowRated: s.excludeLowRated }));
    }
    return out;
  }

  /** The scope's population per path, without distributions: the figures a ticket list's total is read from (tickets/list-total.ts). */
  async pathRows(s: MetricsScope): Promise<PathMetricsRow[]> {
    const { from: _f, to: _t, ...dims } = s.filter;
    return (await this.reader.read({ ranges: [wholeRange(s)], tz: s.tz, filter: dims, segment: null, asOf: s.asOf, percentiles: false })).rows;
  }

  async core(s: MetricsScope, percentiles = true): Promise<SummaryCore> {
    const building = leftOutTally();
    return (await this.cores(s, null, undefined, undefined, percentiles, building)).get('') ?? emptyCore(s, null, s.days, building.share.get(''));
  }

  /**
   * The scope of a request. One that asked not to wait (`wait=0`, no `after`: the dashboard), or
   * that is already a load behind (it could not wait, and the oldest queued ticket is
   * LOAD_BEHIND_SECONDS old or more), leaves out the days a load has marked and not built yet
   * rather than counting them from the tickets table, so it stays on the rollups while the
   * projector works through a load and then builds its days; its freshness says how many days
   * (echo). Such a read is incomplete anyway, or asked for what is ready now. A read that waits
   * counts them, exactly (read-your-writes).
   */
  private async readScope(q: MetricsQueryDto, freshness: Freshness): Promise<MetricsScope> {
    const s = await this.scope(q);
    const noWait = q.wait !== undefined && Number(q.wait) === 0 && q.after === undefined;
    const loadBehind = !freshness.complete && freshness.behindSeconds >= LOAD_BEHIND_SECONDS;
    // A CSV carries no freshness: it never leaves a day out.
    return q.format !== 'csv' && (noWait || loadBehind) ? { ...s, leftOut: new Set() } : s;
  }

  /** Call after the scope's reads: the freshness then counts the days they left out (not complete then). */
  private echo(s: MetricsScope, freshness: Freshness): ScopeEcho {
    const days = s.leftOut?.size ?? 0;
    const f: Freshness = days > 0 ? { ...freshness, complete: false, daysBuilding: days } : freshness;
    return { from: s.fromDate, to: s.toDate, tz: s.tz, asOf: s.asOf.toISOString(), costModelVersion: s.costModelVersion, currency: s.currency, freshness: f };
  }

  /** How much of a period lies within the workspace's data (a claim's, as a summary's `coverage`). */
  async coverageOf(from: string, to: string, tz: string, asOf: Date): Promise<PeriodCoverage> {
    return periodCoverage(from, to, await dataSpanQuery(this.ds.manager), tz, asOf);
  }

  summary(q: SummaryQueryDto): Promise<SummaryResponse> {
    return this.shared('summary', q, (freshness) => this.summaryOf(q, freshness));
  }

  timeseries(q: TimeseriesQueryDto): Promise<TimeseriesResponse | LeanTimeseriesResponse> {
    return this.shared('timeseries', q, (freshness) => this.timeseriesOf(q, freshness));
  }

  breakdown(q: BreakdownQueryDto): Promise<BreakdownResponse | LeanBreakdownResponse> {
    return this.shared('breakdown', q, (freshness) => this.breakdownOf(q, freshness));
  }

  private async summaryOf(q: SummaryQueryDto, freshness: Freshness): Promise<SummaryResponse> {
    const s = await this.readScope(q, freshness);
    const current = await this.core(s);
    const c = q.compare ? comparisonDates(s.fromDate, s.toDate, q.compare) : null;
    const prevScope = c ? comparisonScope(s, c) : null;
    const previous = prevScope ? await this.core(prevScope) : null;
    const span = await dataSpanQuery(this.ds.manager);
    const { costModelVersion, currency, ...echo } = this.echo(s, freshness);
    const out: SummaryResponse = { ...echo, ...current, costModelVersion, currency, coverage: periodCoverage(s.fromDate, s.toDate, span, s.tz, s.asOf) };
    const jd = judgedDates(s.fromDate, s.toDate, s.asOf, s.tz);
    if (jd) out.judgedDays = judgedDaysOf(jd, await this.core(withDates(s, jd.from, jd.to), false));
    if (c && previous) {
      out.comparison = { from: c.from, to: c.to, asOf: prevScope!.asOf.toISOString(), coverage: periodCoverage(c.from, c.to, span, s.tz, s.asOf), ...previous };
      // Its judged days at its own asOf (the same age): what the range's judged days compare with.
      const pjd = judgedDates(prevScope!.fromDate, prevScope!.toDate, prevScope!.asOf, s.tz);
      if (jd && pjd) out.comparison.judgedDays = judgedDaysOf(pjd, await this.core(withDates(prevScope!, pjd.from, pjd.to), false));
      out.deltas = deltas(current, previous);
    }
    return out;
  }

  private async timeseriesOf(q: TimeseriesQueryDto, freshness: Freshness): Promise<TimeseriesResponse | LeanTimeseriesResponse> {
    const full = q.percentiles !== 'false';
    const s = await this.readScope(q, freshness);
    const interval = q.interval ?? 'day';
    const list = buckets(s.fromDate, s.toDate, interval);
    if (list.length > 2000) throw new BadRequestException(`interval: ${list.length} ${interval}s is too many points; use a longer interval`);
    // Each bucket is its own population: its own human baseline, and its own days for the FTE.
    const days = new Map(list.map((b) => [b.from, daysBetween(b.from, b.to)]));
    const ranges = list.map((b) => ({ fromDate: b.from, toDate: b.to, from: startOfLocalDate(b.from, s.tz), to: startOfLocalDate(b.to, s.tz), grp: b.from }));
    const building = leftOutTally();
    const cores = await this.cores(s, null, ranges, (g) => days.get(g) ?? s.days, full, building);
    const coreOf = (b: { from: string }) => cores.get(b.from) ?? emptyCore(s, null, days.get(b.from)!, building.share.get(b.from));
    const head = { ...this.echo(s, freshness), interval, costModel: s.costModel };
    const today = localDateOf(s.asOf, s.tz);
    if (!full) return { ...head, percentiles: false as const, buckets: list.map((b) => seriesPoint(b, coreOf(b), building, today)) };
    return { ...head, percentiles: true as const, buckets: list.map((b) => withState({ ...bounds(b, building), ...withoutCostModel(coreOf(b)) }, today)) };
  }

  private async breakdownOf(q: BreakdownQueryDto, freshness: Freshness): Promise<BreakdownResponse | LeanBreakdownResponse> {
    const full = q.percentiles !== 'false';
    const s = await this.readScope(q, freshness);
    const sort = q.sort ?? 'tickets';
    const order = q.order ?? 'desc';
    const limit = q.limit === undefined ? 10 : Math.floor(Number(q.limit));
    if (limit < 1 || limit > 1000) throw new BadRequestException(`limit: must be from 1 to 1000, got ${q.limit}`);
    if (fieldValue(assembleSummary([], [], s), sort) === undefined) {
      throw new BadRequestException(`sort: "${sort}" is not a numeric summary field (e.g. tickets, verifiedAiResolutionRate, savings.verifiedSavings)`);
    }
    if (!full && /(^|\.)(handleSeconds\.(median|p90)|resolutionSeconds|firstResponseSeconds)(\.|$)/.test(sort)) {
      throw new BadRequestException(`sort: "${sort}" is a distribution, which percentiles=false leaves out; sort by another field or drop percentiles=false`);
    }
    const columns = q.by.split(',') as Column[];
    if (columns.length === 2 && columns[0] === columns[1]) throw new BadRequestException(`by: the two columns must differ, got ${q.by}`);
    const bySegment: Segmenting = { by: columns };
    const all = await this.cores(s, bySegment, undefined, undefined, full);
    const dates = q.compare ? comparisonDates(s.fromDate, s.toDate, q.compare) : undefined;
    const prevScope = dates ? comparisonScope(s, dates) : undefined;
    const previous = prevScope ? await this.cores(prevScope, bySegment, undefined, undefined, full) : undefined;
    // A segment with tickets in the comparison period only (a channel closed) is a segment of this
    // range with none: listed, its fall to zero shown, not left out of the table.
    if (previous) for (const k of previous.keys()) if (!all.has(k)) all.set(k, emptyCore(s, bySegment, s.days));
    const ranked = [...all.entries()].sort(([ka, a], [kb, b]) => {
      const va = fieldValue(a, sort) ?? null;
      const vb = fieldValue(b, sort) ?? null;
      if (va === vb) return ka < kb ? -1 : 1;
      if (va === null) return 1; // nulls last, whatever the order
      if (vb === null) return -1;
      return order === 'asc' ? va - vb : vb - va;
    });
    const top = ranked.slice(0, limit);
    const rest = ranked.slice(limit).map(([k]) => k);

    const comparison = dates && prevScope ? { ...dates, asOf: prevScope.asOf.toISOString(), coverage: periodCoverage(dates.from, dates.to, await dataSpanQuery(this.ds.manager), s.tz, s.asOf) } : undefined;
    const series = q.series ? await this.segmentSeries(s, bySegment, q.series, top.map(([k]) => k)) : undefined;
    // "other" is one more population: the same scope without the top segments.
    const exclude = rest.length > 0 && columns.length === 1 ? { column: columns[0], values: top.map(([k]) => k) } : null;
    const without = (sc: MetricsScope): MetricsScope => ({ ...sc, filter: { ...sc.filter, exclude: exclude! } });
    const otherCore = exclude ? await this.core(without(s), full) : null;
    const otherPrev = exclude && prevScope ? await this.core(without(prevScope), full) : undefined;

    const shape = <F extends LeanFigures>(figures: (c: SummaryCore) => F) => {
      // The "other" row is told apart by where it comes from, not by its key: a category may be named "other".
      const segment = (key: string, core: SummaryCore, prev?: SummaryCore, isOther = false): SegmentOf<F> => {
        const parts = isOther ? [] : columns.length === 2 ? key.split(SEGMENT_JOIN) : [key];
        const seg: SegmentOf<F> = { key: parts.join(' · ') || key, values: Object.fromEntries(parts.map((v, i) => [columns[i], v])), ...figures(core) };
        if (previous) {
          const p = prev ?? assembleSummary([], [], s);
          seg.comparison = figures(p);
          seg.deltas = deltas(core, p);
        }
        if (series && !isOther) seg.series = series.get(key) ?? [];
        return seg;
      };
      return {
        ...this.echo(s, freshness),
        by: q.by,
        columns,
        sort,
        order,
        limit,
        costModel: s.costModel,
        ...(comparison ? { comparison } : {}),
        segments: top.map(([k, core]) => segment(k, core, previous?.get(k))),
        other: otherCore ? segment('other', otherCore, otherPrev, true) : null,
      };
    };
    return full ? { ...shape(withoutCostModel), percentiles: true as const } : { ...shape(leanFigures), percentiles: false as const };
  }

  /** The given segments' counts and rates per bucket, in one read without percentiles (sparklines). */
  private async segmentSeries(s: MetricsScope, segment: Segmenting, interval: 'day' | 'week' | 'month', segments: readonly string[]): Promise<Map<string, SeriesPoint[]>> {
    const list = buckets(s.fromDate, s.toDate, interval);
    if (list.length > 400) throw new BadRequestException(`series: ${list.length} ${interval}s is too many points per segment; use a longer interval`);
    const days = new Map(list.map((b) => [b.from, daysBetween(b.from, b.to)]));
    const bucketOf = new Map(list.flatMap((b) => segments.map((seg) => [groupKey(b.from, seg), b.from] as const)));
    const ranges = list.map((b) => ({ fromDate: b.from, toDate: b.to, from: startOfLocalDate(b.from, s.tz), to: startOfLocalDate(b.to, s.tz), grp: b.from }));
    const building = leftOutTally();
    const cores = await this.cores(s, segment, ranges, (g) => days.get(bucketOf.get(g) ?? '') ?? s.days, false, building);
    const today = localDateOf(s.asOf, s.tz);
    return new Map(
      segments.map((seg) => [
        seg,
        list.map((b) => seriesPoint(b, cores.get(groupKey(b.from, seg)) ?? emptyCore(s, segment, days.get(b.from)!, building.share.get(b.from)), building, today)),
      ]),
    );
  }
}
