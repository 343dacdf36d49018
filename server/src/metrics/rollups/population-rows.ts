// The rows the summary is assembled from (PathMetricsRow, CategoryVerifiedRow per group), read
// through the rollups: one REPEATABLE READ snapshot in which the plan is made from the rollups'
// state and every query follows it. Same rows as queries/path-metrics.query.ts and
// queries/category-verified.query.ts over the tickets table (tests compare the two).
import { DataSource, EntityManager } from 'typeorm';
import { TicketPath } from '../../contract/api-types';
import { percentilesAt, ranksNeeded } from '../../stats/binned-percentiles';
import { CategoryVerifiedRow } from '../queries/category-verified.query';
import { PathMetricsRow } from '../queries/path-metrics.query';
import { PopulationFilter } from '../queries/population';
import { WantedRank, binRanksQuery } from './bin-ranks.query';
import { CellSums, cellSumsQuery } from './cell-sums.query';
import { cellPercentilesQuery, cellShaped } from './cell-percentiles.query';
import { RollupPlan, planRange, usablePeriods } from './rollup-plan';
import { GroupBy } from './rollup-sources';
import { rollupStateQuery } from './rollup-state.query';
import { BinCount, valueBinsQuery } from './value-bins.query';

/** A population's time range and the key its rows are grouped under. */
export interface PopulationRange {
  from: Date;
  to: Date;
  grp: string;
}

export interface PopulationRows {
  rows: PathMetricsRow[];
  categories: CategoryVerifiedRow[];
  plan: RollupPlan;
}

/** Metric 1 handle [p50, p90], 2 resolution [p50, p90], 3 first response [p50]. */
const FRACTIONS: Record<number, number[]> = { 1: [0.5, 0.9], 2: [0.5, 0.9], 3: [0.5] };

export async function populationRows(ds: DataSource, ranges: readonly PopulationRange[], f: PopulationFilter, by: GroupBy, asOf: Date): Promise<PopulationRows> {
  return ds.transaction('REPEATABLE READ', async (m) => {
    const from = new Date(Math.min(...ranges.map((r) => r.from.getTime())));
    const to = new Date(Math.max(...ranges.map((r) => r.to.getTime())));
    const state = await rollupStateQuery(m, from, to);
    const usable = usablePeriods(state.periods, state.dirty, asOf);
    const plan: RollupPlan = { units: [], raw: [], maturing: [] };
    for (const r of ranges) planRange(plan, r.from, r.to, r.grp, usable);
    // Groups that are exactly one day cell read their stored percentiles; the rest go two-phase.
    const single = singleDayGroups(plan, f, by);
    const twoPhase: RollupPlan = { units: plan.units.filter((u) => !single.has(u.grp)), raw: plan.raw, maturing: [] };
    // One after another: they share the snapshot's one connection, which runs one query at a time.
    const cells = await cellSumsQuery(m, plan, f, by, asOf);
    const stored = await cellPercentilesQuery(m, plan.units.filter((u) => single.has(u.grp)), f);
    const bins = twoPhase.units.length + twoPhase.raw.length > 0 ? await valueBinsQuery(m, twoPhase, f, by) : { shift: 0, bins: [] };
    const pct = await percentiles(m, twoPhase, f, by, bins);
    for (const r of stored) {
      pct.set(key(r.grp, r.path, 1), [r.pct[0], r.pct[1]]);
      pct.set(key(r.grp, r.path, 2), [r.pct[2], r.pct[3]]);
      pct.set(key(r.grp, r.path, 3), [r.pct[4]]);
    }
    return { rows: pathRows(cells, pct), categories: categoryRows(cells), plan };
  });
}

/** The groups whose population is exactly one built day cell (one unit, nothing read raw). */
function singleDayGroups(plan: RollupPlan, f: PopulationFilter, by: GroupBy): Set<string> {
  if (by || !cellShaped(f)) return new Set();
  const units = new Map<string, number>();
  for (const u of plan.units) units.set(u.grp, (units.get(u.grp) ?? 0) + (u.span === 'd' ? 1 : 2));
  for (const r of plan.raw) units.delete(r.grp);
  return new Set([...units].filter(([, n]) => n === 1).map(([g]) => g));
}

type Key = string; // grp \u0000 path \u0000 metric
const key = (grp: string, path: string, metric: number): Key => `${grp}\u0000${path}\u0000${metric}`;

async function percentiles(m: EntityManager, plan: RollupPlan, f: PopulationFilter, by: GroupBy, { shift, bins }: { shift: number; bins: BinCount[] }): Promise<Map<Key, (number | null)[]>> {
  const hists = new Map<Key, { grp: string; path: string; metric: number; h: Map<number, number> }>();
  for (const b of bins) {
    const k = key(b.grp, b.path, b.metric);
    let e = hists.get(k);
    if (!e) hists.set(k, (e = { grp: b.grp, path: b.path, metric: b.metric, h: new Map() }));
    e.h.set(b.bin, b.n);
  }
  const wanted: WantedRank[] = [];
  for (const e of hists.values()) for (const r of ranksNeeded(e.h, FRACTIONS[e.metric])) wanted.push({ grp: e.grp, path: e.path, metric: e.metric, ...r });
  const values = new Map<string, number>();
  for (const v of await binRanksQuery(m, plan, f, by, shift, wanted)) {
    const count = hists.get(key(v.grp, v.path, v.metric))?.h.get(v.bin);
    // Both phases read one snapshot; a mismatch would be a bug in the rollups, never a guess.
    if (v.n !== null && count !== v.n) throw new Error(`rollups: bin ${v.bin} of ${v.path}/${v.metric} holds ${v.n} values for a count of ${count}`);
    values.set(`${key(v.grp, v.path, v.metric)}\u0000${v.bin}\u0000${v.offset}`, v.value);
  }
  const out = new Map<Key, (number | null)[]>();
  for (const [k, e] of hists) {
    out.set(k, percentilesAt(e.h, FRACTIONS[e.metric], (r) => {
      const v = values.get(`${k}\u0000${r.bin}\u0000${r.offset}`);
      if (v === undefined) throw new Error(`rollups: no value at rank ${r.offset} of bin ${r.bin} (${e.path}/${e.metric})`);
      return v;
    }));
  }
  return out;
}

function pathRows(cells: readonly CellSums[], pct: Map<Key, (number | null)[]>): PathMetricsRow[] {
  const acc = new Map<string, PathMetricsRow & { handleSum: number; humanSum: number; csatSum: number }>();
  for (const c of cells) {
    const k = `${c.grp}\u0000${c.path}`;
    let r = acc.get(k);
    if (!r) {
      r = {
        grp: c.grp, path: c.path, tickets: 0, resolved: 0, handleMean: null, handlePct: null, resolutionPct: null, firstResponseMedian: null,
        csatResponses: 0, csatAverage: null, csatTop2: 0, reopenedResolved: 0, repeatResolved: 0, pending: 0, verified: 0, humanSecondsMean: null,
        handleSum: 0, humanSum: 0, csatSum: 0,
      };
      acc.set(k, r);
    }
    r.tickets += c.tickets;
    r.resolved += c.resolved;
    r.handleSum += c.handleSum ?? 0;
    r.humanSum += c.humanSum ?? 0;
    r.csatResponses += c.csatResponses;
    r.csatSum += c.csatSum ?? 0;
    r.csatTop2 += c.csatTop2;
    r.reopenedResolved += c.reopenedResolved;
    r.repeatResolved += c.repeatResolved;
    r.pending += c.pending;
    r.verified += c.verified;
  }
  return [...acc.values()].map(({ handleSum, humanSum, csatSum, ...r }) => {
    const p = (metric: number) => pct.get(key(r.grp, r.path, metric));
    const pair = (v: (number | null)[] | undefined) => (v ? ([v[0], v[1]] as [number, number]) : null);
    return {
      ...r,
      handleMean: r.resolved > 0 ? handleSum / r.resolved : null,
      humanSecondsMean: r.resolved > 0 ? humanSum / r.resolved : null,
      csatAverage: r.csatResponses > 0 ? csatSum / r.csatResponses : null,
      handlePct: r.resolved > 0 ? pair(p(1)) : null,
      resolutionPct: r.resolved > 0 ? pair(p(2)) : null,
      firstResponseMedian: p(3)?.[0] ?? null,
    };
  });
}

function categoryRows(cells: readonly CellSums[]): CategoryVerifiedRow[] {
  const acc = new Map<string, { grp: string; humanSum: number; humanResolved: number; verified: number }>();
  for (const c of cells) {
    const k = `${c.grp}\u0000${c.category ?? ''}\u0000${c.category === null ? 'null' : ''}`;
    let r = acc.get(k);
    if (!r) acc.set(k, (r = { grp: c.grp, humanSum: 0, humanResolved: 0, verified: 0 }));
    if (c.path === ('human' satisfies TicketPath)) {
      r.humanSum += c.humanSum ?? 0;
      r.humanResolved += c.resolved;
    }
    if (c.path === 'ai') r.verified += c.verified;
  }
  return [...acc.values()].map((r) => ({ grp: r.grp, humanSecondsMean: r.humanResolved > 0 ? r.humanSum / r.humanResolved : null, verified: r.verified }));
}
