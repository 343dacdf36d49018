// Reads one or many populations (a summary, each time bucket, each segment) in one snapshot:
// plan (read-plan.ts), additive measures, maturity, then exact percentiles in two phases: the
// histogram says which bin holds each rank, then only that bin's values are read and ranked.
// Groups that are exactly one stored day (a daily bucket, unfiltered) use the day's stored
// percentiles, unless live batches changed the day since it was built (rollup-delta.query.ts).
// The result is rows summary-assembler.ts turns into summaries (population-assemble.ts shapes them).
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BinRank, percentilesAt, ranksNeeded } from '../../stats/binned-percentiles';
import { DISTRIBUTIONS } from '../measures';
import { storedPercentileSlices } from '../measures.sql';
import { CategoryVerifiedRow, PathMetricsRow } from '../summary-assembler';
import { Pct, assemble, groupKey, k4 } from './population-assemble';
import { HistogramRow, histogramQuery } from './histogram.query';
import { KeyScope, SumsRow, maturingQuery, referencePercentilesQuery, referenceSumsQuery, storedPercentilesQuery, sumsQuery } from './population.query';
import { DayPiece, WantedRank, valuesAtQuery } from './values-at.query';
import { PopulationRange, RawRange, ReadPlan, RollupState, Unit, onWholeMinutes, planRanges, utcDayPieces, withoutRanges } from './read-plan';
import { keyScope, PopulationFilter, Segmenting } from './key-scope';
import { rollupStateQuery, keysQuery } from './rollup-state.query';
import { PopulationCache } from './population-cache';
import { applyReadSettings } from './read-settings';
import { TelemetryService } from '../../telemetry/telemetry.service';
import { ReadActivity } from '../../projection/read-activity';

export interface PopulationRequest {
  ranges: readonly PopulationRange[];
  tz: string;
  filter: PopulationFilter;
  segment: Segmenting;
  asOf: Date;
  /** False: leave the distributions (medians, p90s) out; their two phases are most of a wide read's cost. */
  percentiles?: boolean;
  /**
   * The read did not wait, or is a load behind, and says so: days a load marked and never built
   * are left out (`plan.leftOut`) instead of counted from the tickets table.
   */
  leaveOutPending?: boolean;
}

export interface PopulationResult {
  /** One row per group, segment and path; `grp` is groupKey(range group, segment). */
  rows: PathMetricsRow[];
  categories: CategoryVerifiedRow[];
  plan: ReadPlan;
}


@Injectable()
export class PopulationReader {
  constructor(
    private readonly ds: DataSource,
    private readonly cache: PopulationCache,
    private readonly telemetry: TelemetryService,
    private readonly activity: ReadActivity,
  ) {}

  /**
   * One snapshot: tickets and rollups as one projector commit left them. The sums and
   * percentiles of a range no ticket changed in since they were computed come from the cache
   * (population-cache.ts); what is still maturing is read every time.
   */
  async read(req: PopulationRequest): Promise<PopulationResult> {
    // Counted as reading while it runs: a load's projector then mostly builds nothing beside its batches (read-activity.ts).
    const end = this.activity.begin();
    const result = await this.ds.transaction('REPEATABLE READ', (m) => readPopulation(m, req, false, this.cache)).finally(end);
    const months = result.plan.units.filter((u) => u.span === 'm').length;
    this.telemetry.readPlan.inc({ source: 'month' }, months);
    this.telemetry.readPlan.inc({ source: 'day' }, result.plan.units.length - months);
    this.telemetry.readPlan.inc({ source: 'tickets' }, result.plan.raw.length);
    this.telemetry.readPlan.inc({ source: 'tickets_subtracted' }, result.plan.units.reduce((n, u) => n + (u.except?.length ?? 0), 0));
    this.telemetry.readPlan.inc({ source: 'left_out' }, result.plan.leftOut.length);
    return result;
  }
}

/** The parts of a read that do not depend on asOf: sums and percentiles, per range group, segment and path. */
export interface SettledParts {
  sums: SumsRow[];
  /** By k4(groupKey(range group, segment), path). */
  pct: Map<string, Pct>;
  plan: ReadPlan;
}

const rawRanges = (req: PopulationRequest): RawRange[] => req.ranges.map((r) => ({ lo: r.from, hi: r.to, grp: r.grp }));

/**
 * `reference`: read everything from tickets with the plain definitions (percentile_cont), as the
 * tests do to hold the rollups to them; the reader does so itself when no rollup can help.
 */
export async function readPopulation(m: EntityManager, req: PopulationRequest, reference = false, cache?: PopulationCache): Promise<PopulationResult> {
  await applyReadSettings(m);
  const state = await rollupStateQuery(m, !reference && req.leaveOutPending === true);
  const keys = keyScope(await keysQuery(m), req.filter, req.segment);
  // Days are left out only when the read's ranges hold some never built; such a read is not kept
  // (population-cache.ts): building a day does not change its version, so the kept numbers would
  // stay without it.
  const leaving = !reference && req.leaveOutPending === true ? planRanges(req.ranges, req.tz, state, true) : null;
  const leaveOut = leaving !== null && leaving.leftOut.length > 0;
  // Leaving days out, the cache is not asked: the plan is the whole request's, made once.
  const planOf = (r: PopulationRequest): ReadPlan => (reference ? { units: [], raw: rawRanges(r), leftOut: [] } : leaveOut ? leaving : planRanges(r.ranges, r.tz, state));
  if (keys.keyIds.length === 0) return { rows: [], categories: [], plan: planOf(req) };
  const { cached, missing, remember } = cache && !reference && !leaveOut ? await cache.lookup(m, req, keys) : { cached: { sums: [], pct: [] }, missing: [...req.ranges], remember: () => undefined };
  const parts = missing.length > 0 ? await settledParts(m, { ...req, ranges: missing }, planOf({ ...req, ranges: missing }), state, keys, reference) : { sums: [], pct: new Map<string, Pct>(), plan: { units: [], raw: [], leftOut: [] } };
  remember(parts);
  // What is still maturing, from the tickets of the ranges the read covers (not of days it left out).
  const maturing = await maturingQuery(m, withoutRanges(rawRanges(req), parts.plan.leftOut), keys, req.asOf);
  return { ...assemble([...cached.sums, ...parts.sums], new Map([...cached.pct, ...parts.pct]), maturing), plan: parts.plan };
}

async function settledParts(m: EntityManager, req: PopulationRequest, plan: ReadPlan, state: RollupState, keys: KeyScope, reference = false): Promise<SettledParts> {
  const direct = plan.units.length === 0;
  const sums = direct ? await referenceSumsQuery(m, plan.raw, keys) : await sumsQuery(m, plan.units, plan.raw, keys);
  const pct =
    req.percentiles === false
      ? new Map<string, Pct>()
      : direct
        ? referencePercentiles(await referencePercentilesQuery(m, plan.raw, keys))
        : await percentiles(m, plan, keys, state);
  return { sums, pct, plan };
}

function referencePercentiles(rows: Record<string, unknown>[]): Map<string, Pct> {
  const out = new Map<string, Pct>();
  for (const r of rows) {
    const p: Pct = {};
    for (const d of DISTRIBUTIONS) p[d.name] = (r[`${d.name.toLowerCase()}_pct`] as (number | null)[] | null) ?? d.fractions.map(() => null);
    out.set(k4(groupKey(String(r.grp), String(r.seg)), String(r.path)), p);
  }
  return out;
}

/** Exact percentiles per group and path: stored day percentiles, or two phases. */
async function percentiles(m: EntityManager, plan: ReadPlan, keys: KeyScope, state: RollupState): Promise<Map<string, Pct>> {
  const out = new Map<string, Pct>();
  // Groups that are exactly one day cell of key 0: their stored percentiles are the answer.
  const unitsOf = new Map<string, Unit[]>();
  for (const u of plan.units) (unitsOf.get(u.grp) ?? unitsOf.set(u.grp, []).get(u.grp)!).push(u);
  const rawGroups = new Set(plan.raw.map((r) => r.grp));
  const single = keys.all ? [...unitsOf.entries()].filter(([g, us]) => us.length === 1 && us[0].span === 'd' && !us[0].except && !rawGroups.has(g)).map(([, us]) => us[0]) : [];
  const stored = await storedPercentilesQuery(m, single);
  // A day live batches changed by difference has no stored percentiles yet (pct NULL): ranked below.
  const unranked = new Set(stored.filter((r) => r.pct === null).map((r) => r.grp));
  const singleGroups = new Set(single.map((u) => u.grp).filter((g) => !unranked.has(g)));
  const slices = storedPercentileSlices();
  for (const r of stored) {
    if (unranked.has(r.grp) || (keys.paths && !keys.paths.includes(r.path))) continue;
    const p: Pct = {};
    for (const d of DISTRIBUTIONS) p[d.name] = r.pct!.slice(...slices[d.name]);
    out.set(k4(groupKey(r.grp, keys.segByPath ? r.path : ''), r.path), p);
  }

  const units = plan.units.filter((u) => !singleGroups.has(u.grp));
  const raw = plan.raw.filter((r) => !singleGroups.has(r.grp));
  if (units.length + raw.length === 0) return out;
  // Sorted values are kept per UTC day, with each value's minute: any instants of a built UTC day
  // are read from them, the raw ranges' too (another zone's short edges); a day whose values are
  // not built yet, or a bound inside a minute, from tickets.
  const utcPending = state.pending.get('UTC') ?? new Set<string>();
  const valuesBuilt = state.zones.has('UTC');
  const piecesOf = (ranges: readonly RawRange[]) => {
    const pieces: DayPiece[] = [];
    const fromTickets: RawRange[] = [];
    for (const r of ranges) {
      if (!valuesBuilt || !onWholeMinutes(r)) {
        fromTickets.push(r);
        continue;
      }
      for (const piece of utcDayPieces(r.lo, r.hi)) {
        if (!utcPending.has(piece.day)) pieces.push({ grp: r.grp, ...piece });
        else {
          const dayStart = Date.parse(`${piece.day}T00:00:00Z`);
          fromTickets.push({ lo: new Date(dayStart + piece.mlo * 60_000), hi: new Date(dayStart + piece.mhi * 60_000), grp: r.grp });
        }
      }
    }
    return { pieces, fromTickets };
  };
  // A month unit may hold days the read leaves out: not their values either (read-plan.ts coverDays);
  // a day unit of another zone's edge holds instants the range does not (its except ranges).
  const spans = (u: Unit): RawRange[] => (u.except ? withoutRanges([u], u.except) : u.span === 'm' && plan.leftOut.length > 0 ? withoutRanges([u], plan.leftOut) : [u]);
  // Phase 1: the histograms, from the cells (key 0, or each key's), plus the tickets of the raw ranges, less those of the units' except ranges.
  const hist = new Map<string, HistogramRow>();
  for (const r of await histogramQuery(m, units, raw, keys)) hist.set(k4(r.grp, r.seg, r.path, r.metric), r);
  const wanted: WantedRank[] = [];
  const fractionsOf = new Map(DISTRIBUTIONS.map((d) => [d.metric as number, d]));
  for (const e of hist.values()) {
    for (const r of ranksNeeded(e.h, fractionsOf.get(e.metric)!.fractions)) wanted.push({ grp: e.grp, seg: e.seg, path: e.path, metric: e.metric, bin: r.bin, offset: r.offset });
  }
  // Phase 2: the values at those ranks, from the built days' sorted values and the tickets of the rest.
  const { pieces, fromTickets } = piecesOf([...units.flatMap(spans), ...raw]);
  const values = new Map<string, number>();
  for (const v of await valuesAtQuery(m, wanted, pieces, fromTickets, keys)) values.set(k4(v.grp, v.seg, v.path, v.metric, v.bin, v.offset), v.v);
  for (const e of hist.values()) {
    const d = fractionsOf.get(e.metric)!;
    const got = percentilesAt(e.h, d.fractions, (r: BinRank) => {
      const v = values.get(k4(e.grp, e.seg, e.path, e.metric, r.bin, r.offset));
      // The histogram counted this value: not finding it means the rollups disagree with themselves.
      if (v === undefined) throw new Error(`percentile: no value at rank ${r.offset} of bin ${r.bin} (${d.name}, ${e.path})`);
      return v;
    });
    const key = k4(groupKey(e.grp, e.seg), e.path);
    const p = out.get(key) ?? {};
    p[d.name] = got;
    out.set(key, p);
  }
  return out;
}
