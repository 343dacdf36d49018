// Phase 1 of the exact percentiles: how many values of each distribution (1 handle, 2 resolution,
// 3 first response) fall in each bin, per group x path, from rollup bins plus the raw ranges. Bins
// are those of the gset the filters need (coarser for finer cells: binShift).
import { EntityManager } from 'typeorm';
import { PopulationFilter } from '../queries/population';
import { METRIC_VALUES_SQL, binShift } from './rollup-refresh.query';
import { RollupPlan } from './rollup-plan';
import { GroupBy, gsetFor, sources } from './rollup-sources';

export interface BinCount {
  grp: string;
  path: string;
  metric: number;
  bin: number;
  n: number;
}

export async function valueBinsQuery(m: EntityManager, plan: RollupPlan, f: PopulationFilter, by: GroupBy): Promise<{ shift: number; bins: BinCount[] }> {
  const s = sources(plan, f, by);
  const gset = gsetFor(f, by);
  const shift = binShift(gset);
  const db = s.dims('b', 7);
  const dt = s.dims('t', 7 + db.params.length);
  const bins: BinCount[] = await m.query(
    `${s.with}
     SELECT grp, path, metric::int AS metric, bin::int AS bin, sum(n)::int AS n FROM (
       SELECT ${s.grp('b', 'u')} AS grp, b.path, b.metric, b.bin, b.n
         FROM u CROSS JOIN LATERAL (
                -- OFFSET 0: an index lookup per unit, never a scan of the whole table.
                SELECT * FROM rollup_bins b
                 WHERE b.span = u.span AND b.start = u.start AND b.gset = $7::smallint AND b.path <> 'none' AND ${db.sql} OFFSET 0) b
       UNION ALL
       SELECT ${s.grp('t', 'r')}, t.path, v.metric, cc_bin(v.x) >> ${shift}, 1
         FROM ${s.rawTickets} CROSS JOIN LATERAL ${METRIC_VALUES_SQL('t')}
        WHERE v.x IS NOT NULL AND t.path <> 'none' AND ${dt.sql}
     ) x
     GROUP BY 1, 2, 3, 4`,
    [...s.params, gset, ...db.params, ...dt.params],
  );
  return { shift, bins };
}
