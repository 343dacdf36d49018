// Reads one or many populations (a summary, each time bucket, each segment) in one snapshot:
// plan (read-plan.ts), additive measures, maturity, then exact percentiles in two phases: the
// histogram says which bin holds each rank, then only that bin's values are read and ranked.
// Groups that are exactly one stored day (a daily bucket, unfiltered) use the day's stored
// percentiles, unless live batches changed the day since it was built (rollup-delta.query.ts).
// The result is rows summary-assembler.ts turns into summaries.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BinRank, Histogram, percentilesAt, ranksNeeded } from '../../stats/binned-percentiles';
import { DISTRIBUTIONS } from '../measures';
import { ADDITIVE_COLUMNS, storedPercentileSlices } from '../measures.sql';
import { CategoryVerifiedRow, PathMetricsRow } from '../summary-assembler';
import { DayPiece, KeyScope, MaturingRow, SumsRow, WantedRank, histogramQuery, maturingQuery, referencePercentilesQuery, referenceSumsQuery, storedPercentilesQuery, sumsQuery, valuesAtQuery } from './population.query';
import { PopulationRange, RawRange, ReadPlan, RollupState, Unit, planRanges, utcDayPieces, withoutRanges } from './read-plan';
import { keyScope, KeyRow, PopulationFilter, Segmenting } from './key-scope';
import { rollupStateQuery, keysQuery } from './rollup-state.query';
import { PopulationCache } from './population-cache';
import { TelemetryService } from '../../telemetry/telemetry.service';

export interface PopulationRequest {
  ranges: readonly PopulationRange[];
  tz: string;
  filter: PopulationFilter;
  segment: Segmenting;
  asOf: Date;
  /** False: leave the distributions (medians, p90s) out; their two phases are most of a wide read's cost. */
  percentiles?: boolean;
  /**
   * The read is already a load behind and says so: days a load marked and never built are left
   * out (`plan.leftOut`) instead of counted from the tickets table.
   */
  leaveOutPending?: boolean;
}

export interface PopulationResult {
  /** One row per group, segment and path; `grp` is groupKey(range group, segment). */
  rows: PathMetricsRow[];
  categories: CategoryVerifiedRow[];
  plan: ReadPlan;
}

/** The key of a (range group, segment) pair in the result. */
export const groupKey = (grp: string, seg: string) => (seg === '' ? grp : grp === '' ? seg : `${grp}\u0001${seg}`);
/** The range group of a groupKey: with one range, that range's; with several (never ''), what precedes the separator. */
export const rangeGroupOf = (key: string, ranges: readonly { grp: string }[]) => (ranges.length === 1 ? ranges[0].grp : key.split('\u0001')[0]);

const k4 = (...parts: (string | number)[]) => parts.join('\u0000');

@Injectable()
export class PopulationReader {
  constructor(
    private readonly ds: DataSource,
    private readonly cache: PopulationCache,
    private readonly telemetry: TelemetryService,
  ) {}

  /**
   * One snapshot: tickets and rollups as one projector commit left them. The sums and
   * percentiles of a range no ticket changed in since they were computed come from the cache
   * (population-cache.ts); what is still maturing is read every time.
   */
  async read(req: PopulationRequest): Promise<PopulationResult> {
    const result = await this.ds.transaction('REPEATABLE READ', (m) => readPopulation(m, req, false, this.cache));
    const months = result.plan.units.filter((u) => u.span === 'm').length;
    this.telemetry.readPlan.inc({ source: 'month' }, months);
    this.telemetry.readPlan.inc({ source: 'day' }, result.plan.units.length - months);
    this.telemetry.readPlan.inc({ source: 'tickets' }, result.plan.raw.length);
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

/** Rows and categories from the sums, the percentiles and what is still maturing. */
function assemble(sums: readonly SumsRow[], pct: ReadonlyMap<string, Pct>, maturing: readonly MaturingRow[]): Omit<PopulationResult, 'plan'> {
  // Sums per group, segment and path (several categories make one path), and per category.
  const totals = new Map<string, { grp: string; path: string; sums: Record<string, number> }>();
  const cats = new Map<string, CategoryAcc>();
  const cat = (grp: string, category: string) => {
    const key = k4(grp, category);
    let c = cats.get(key);
    if (!c) cats.set(key, (c = newCategory(grp)));
    return c;
  };
  for (const s of sums) {
    const grp = groupKey(s.grp, s.seg);
    const key = k4(grp, s.path);
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { grp, path: s.path, sums: Object.fromEntries(ADDITIVE_COLUMNS.map((c) => [c, 0])) }));
    for (const c of ADDITIVE_COLUMNS) t.sums[c] += Number(s[c]);
    addCategorySums(cat(grp, s.category), s);
  }
  const pendingOf = new Map<string, Maturing>();
  for (const x of maturing) {
    const grp = groupKey(x.grp, x.seg);
    const e = pendingOf.get(grp) ?? noneMaturing();
    e.pending += x.pending;
    e.durable += x.durable_maturing;
    e.reopened += x.reopened_maturing;
    pendingOf.set(grp, e);
    const c = cat(grp, x.category);
    c.maturing += x.durable_maturing;
    c.lowMaturing += x.low_rated_maturing;
    c.pending += x.pending;
  }
  const rows: PathMetricsRow[] = [...totals.values()].map((t) => {
    const p = pct.get(k4(t.grp, t.path));
    const ai = t.path === 'ai' ? (pendingOf.get(t.grp) ?? noneMaturing()) : noneMaturing();
    return pathRow(t.grp, t.path, t.sums, p, ai);
  });
  return { rows, categories: [...cats.values()].map(categoryRow) };
}

/** AI resolutions of a group still inside their 7 days: all, durable so far, reopened. */
interface Maturing {
  pending: number;
  durable: number;
  reopened: number;
}
const noneMaturing = (): Maturing => ({ pending: 0, durable: 0, reopened: 0 });

/** One category of a group, summed over its rows: what prices its verified AI resolutions. */
interface CategoryAcc {
  grp: string;
  human: { n: number; sum: number; sq: number };
  escalated: { n: number; sum: number; sq: number };
  aiInvolved: number;
  durable: number;
  lowRated: number;
  maturing: number;
  lowMaturing: number;
  pending: number;
}

const newCategory = (grp: string): CategoryAcc => ({
  grp, human: { n: 0, sum: 0, sq: 0 }, escalated: { n: 0, sum: 0, sq: 0 }, aiInvolved: 0, durable: 0, lowRated: 0, maturing: 0, lowMaturing: 0, pending: 0,
});

function addCategorySums(c: CategoryAcc, s: SumsRow): void {
  const sample = s.path === 'human' ? c.human : s.path === 'escalated' ? c.escalated : null;
  if (sample) {
    sample.n += Number(s.resolved) - Number(s.handle_unrecorded);
    sample.sum += Number(s.human_sum);
    sample.sq += Number(s.human_sq_sum);
  }
  if (s.path === 'ai' || s.path === 'escalated') c.aiInvolved += Number(s.tickets);
  if (s.path === 'ai') {
    c.durable += Number(s.durable);
    c.lowRated += Number(s.durable_low_rated);
  }
}

const categoryRow = (c: CategoryAcc): CategoryVerifiedRow => ({
  grp: c.grp,
  verified: c.durable - c.maturing,
  judged: c.aiInvolved - c.pending,
  lowRated: c.lowRated - c.lowMaturing,
  human: c.human,
  escalated: c.escalated,
});

const pair = (v: (number | null)[] | undefined): [number, number] | null => (v && v[0] !== null && v[1] !== null ? [v[0], v[1]] : null);

/** The row summary-assembler.ts reads, from one path's sums, percentiles and maturity. */
function pathRow(grp: string, path: string, s: Record<string, number>, p: Pct | undefined, m: Maturing): PathMetricsRow {
  const per = (num: number, den: number) => (den > 0 ? num / den : null);
  const timed = s.resolved - s.handle_unrecorded; // resolved tickets whose handle time was recorded
  // An AI resolution is durable, reopened, or (not reopened) came back: the last is what is left.
  const cameBack = s.resolved - s.durable - s.reopened_resolved;
  const cameBackMaturing = m.pending - m.durable - m.reopened;
  return {
    grp,
    path: path as PathMetricsRow['path'],
    tickets: s.tickets,
    resolved: s.resolved,
    handleMean: per(s.handle_sum, timed),
    handlePct: pair(p?.handle),
    resolutionPct: pair(p?.resolution),
    firstResponseMedian: p?.firstResponse?.[0] ?? null,
    csatResponses: s.csat_responses,
    csatAverage: per(s.csat_sum, s.csat_responses),
    csatTop2: s.csat_top2,
    reopenedResolved: s.reopened_resolved,
    repeatResolved: s.repeat_resolved,
    pending: m.pending,
    verified: s.durable - m.durable,
    reopenedJudged: path === 'ai' ? s.reopened_resolved - m.reopened : 0,
    cameBackJudged: path === 'ai' ? cameBack - cameBackMaturing : 0,
    humanSecondsMean: per(s.human_sum, timed),
    handleUnrecorded: s.handle_unrecorded,
  };
}

export type Pct = Partial<Record<(typeof DISTRIBUTIONS)[number]['name'], (number | null)[]>>;

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
  const single = keys.all ? [...unitsOf.entries()].filter(([g, us]) => us.length === 1 && us[0].span === 'd' && !rawGroups.has(g)).map(([, us]) => us[0]) : [];
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
  // Sorted values are kept per UTC day; a day whose values are not built yet is read from tickets.
  const utcPending = state.pending.get('UTC') ?? new Set<string>();
  const piecesOf = (us: readonly Unit[]) => {
    const pieces: DayPiece[] = [];
    const fromTickets: RawRange[] = [];
    for (const u of us) {
      for (const piece of utcDayPieces(u.lo, u.hi)) {
        if (!utcPending.has(piece.day)) pieces.push({ grp: u.grp, ...piece });
        else {
          const dayStart = Date.parse(`${piece.day}T00:00:00Z`);
          fromTickets.push({ lo: new Date(dayStart + piece.mlo * 60_000), hi: new Date(dayStart + piece.mhi * 60_000), grp: u.grp });
        }
      }
    }
    return { pieces, fromTickets };
  };
  // Phase 1: the histograms, from the cells (key 0, or each key's) and the tickets of the raw ranges.
  const hist = new Map<string, { grp: string; seg: string; path: string; metric: number; h: Map<number, number> }>();
  for (const r of await histogramQuery(m, units, raw, keys)) {
    const key = k4(r.grp, r.seg, r.path, r.metric);
    const h = new Map<number, number>();
    for (let i = 0; i < r.bins.length; i++) h.set(r.bins[i], r.ns[i]);
    hist.set(key, { grp: r.grp, seg: r.seg, path: r.path, metric: Number(r.metric), h });
  }
  const wanted: WantedRank[] = [];
  const fractionsOf = new Map(DISTRIBUTIONS.map((d) => [d.metric as number, d]));
  for (const e of hist.values()) {
    for (const r of ranksNeeded(e.h as Histogram, fractionsOf.get(e.metric)!.fractions)) wanted.push({ grp: e.grp, seg: e.seg, path: e.path, metric: e.metric, bin: r.bin, offset: r.offset });
  }
  // Phase 2: the values at those ranks, from every unit's days and the tickets of the rest.
  const all = piecesOf(units);
  const pieces = all.pieces;
  const phase2Raw: RawRange[] = [...raw, ...all.fromTickets];
  const values = new Map<string, number>();
  for (const v of await valuesAtQuery(m, wanted, pieces, phase2Raw, keys)) values.set(k4(v.grp, v.seg, v.path, v.metric, v.bin, v.offset), v.v);
  for (const e of hist.values()) {
    const d = fractionsOf.get(e.metric)!;
    const got = percentilesAt(e.h as Histogram, d.fractions, (r: BinRank) => {
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
