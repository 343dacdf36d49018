// Phase 1 of the exact percentiles (population-reader.ts): each distribution's histogram per
// group, segment and path, from the cells' stored bins plus the raw ranges' tickets, less the
// tickets of the units' except ranges.
import { EntityManager } from 'typeorm';
import { BinCounts } from '../../stats/binned-percentiles';
import { DISTRIBUTIONS } from '../measures';
import { distributionColumns } from '../measures.sql';
import { k4 } from './population-assemble';
import { KeyScope, pathFilter, rawTickets, relations, seg } from './population.query';
import { RawRange, Unit } from './read-plan';

export interface HistogramRow {
  grp: string;
  seg: string;
  path: string;
  metric: number;
  /** Tickets per bin. */
  h: BinCounts;
}

/**
 * The histogram of every distribution per group, segment and path: the cells' stored bins summed
 * here, the raw ranges' tickets (and, subtracted, the except ranges') binned in SQL. The cells come as their arrays, one row per cell
 * and path: unnested and summed in SQL, a 90-day weekly series made 70,486 (bin, count) rows to
 * aggregate, 58-70 of its 160 ms (PostgreSQL 15, 1M tickets; docs/SCALING.md).
 */
export async function histogramQuery(m: EntityManager, units: readonly Unit[], raw: readonly RawRange[], keys: KeyScope): Promise<HistogramRow[]> {
  const out = new Map<string, HistogramRow>();
  const histogram = (grp: string, seg: string, path: string, metric: number): BinCounts => {
    const key = k4(grp, seg, path, metric);
    let row = out.get(key);
    if (!row) out.set(key, (row = { grp, seg, path, metric, h: new BinCounts() }));
    return row.h;
  };
  if (units.length > 0) {
    const { p, with: w, ws } = relations(units, [], keys);
    // Key 0 holds every key's histogram: one row per unit and path instead of one per key. Otherwise
    // the cells of the keys the read keeps (sent whole, a filter's few keys were 2.3x slower), each
    // one's segment looked up by key id.
    const cellKeys = keys.all ? `AND c.key_id = 0` : `AND c.key_id = ANY(${p.add(keys.keyIds, 'int[]')})`;
    // As JSON: node-postgres parses int arrays character by character in JavaScript (20 ms of a
    // 90-day weekly series' 360 cells), JSON.parse natively.
    const cols = DISTRIBUTIONS.map((x) => `to_json(c.h${x.metric}_bins) AS b${x.metric}, to_json(c.h${x.metric}_counts) AS n${x.metric}`).join(', ');
    const cells: ({ grp: string; key_id: number; path: string } & Record<string, number[] | null>)[] = await m.query(
      `${w}
       SELECT u.u_grp AS grp, c.key_id, c.path, ${cols}
         -- One index range scan per unit (OFFSET 0), as in sumsQuery.
         FROM u CROSS JOIN LATERAL (
           SELECT * FROM rollup_cells c WHERE c.workspace_id = ${ws()} AND c.zone = u.u_zone AND c.span = u.u_span::"char" AND c.period = u.u_period ${cellKeys} OFFSET 0) c
        WHERE TRUE ${pathFilter(p, keys, 'c.path')}`,
      p.values,
    );
    for (const c of cells) {
      const keySeg = keys.all ? '' : (keys.segByKey[c.key_id - 1] ?? null);
      if (keySeg === null) continue;
      const seg = keys.segByPath ? c.path : keySeg;
      for (const d of DISTRIBUTIONS) {
        const bins = c[`b${d.metric}`];
        const ns = c[`n${d.metric}`];
        if (!bins || !ns) continue;
        const h = histogram(c.grp, seg, c.path, d.metric);
        for (let i = 0; i < bins.length; i++) h.add(bins[i], ns[i]);
      }
    }
  }
  // The raw ranges' tickets added, the units' except ranges' subtracted (read-plan.ts edgePart):
  // each range binned once, then spread over the groups it counts for (relations: shared).
  if (raw.length > 0 || units.some((u) => u.except)) {
    const { p, with: w, ws, shared } = relations(units, raw, keys, true);
    const rawJoin = keys.all ? '' : 'JOIN k ON k.k_id = tk.key_id';
    const rawSeg = keys.all ? (keys.segByPath ? 'tk.path' : `''`) : seg(keys, 'tk.path');
    const rows: { r_i: number; seg: string; path: string; metric: number; bin: number; n: number }[] = await m.query(
      `${w}
       SELECT m.r_i, m.seg, m.path, m.metric, cc_bin(m.x) AS bin, count(*)::int AS n
         FROM (SELECT r.r_i, ${rawSeg} AS seg, tk.path, ${distributionColumns()}
                 FROM ${rawTickets(ws())}
                 ${rawJoin}
                WHERE TRUE ${pathFilter(p, keys, 'tk.path')}) m
        WHERE m.x IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5`,
      p.values,
    );
    // A range's rows of one segment, path and distribution go to the same histograms: looked up
    // once, by range (an array) and then by the few segment, path and distribution names.
    const targets: Map<string, { h: BinCounts; w: number }[]>[] = [];
    for (const r of rows) {
      const ofRange = (targets[r.r_i] ??= new Map());
      const key = k4(r.seg, r.path, r.metric);
      let to = ofRange.get(key);
      if (!to) ofRange.set(key, (to = shared[r.r_i].uses.map((use) => ({ h: histogram(use.grp, r.seg, r.path, Number(r.metric)), w: use.w }))));
      for (const t of to) t.h.add(r.bin, t.w * r.n);
    }
  }
  for (const row of out.values()) {
    for (const [bin, n] of row.h.entries()) {
      // More subtracted than the day's cell holds: the rollups disagree with the tickets.
      if (n < 0) throw new Error(`histogram: ${n} values in bin ${bin} (metric ${row.metric}, ${row.path}, group ${row.grp})`);
    }
  }
  return [...out.values()];
}
