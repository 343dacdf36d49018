// The percentiles of populations that are exactly one built day cell (a day bucket, unfiltered or
// one value per filter): read as stored, computed by percentile_cont when the day was built.
import { EntityManager } from 'typeorm';
import { PopulationFilter } from '../queries/population';
import { RollupUnit } from './rollup-plan';
import { gsetFor, sources } from './rollup-sources';

/** handle p50, p90, resolution p50, p90, first response p50. */
export type CellPercentiles = [number | null, number | null, number | null, number | null, number | null];

export interface CellPercentileRow {
  grp: string;
  path: string;
  pct: CellPercentiles;
}

/** True when each group's population can be one cell: no split by column, at most one value per dimension. */
export function cellShaped(f: PopulationFilter): boolean {
  return !f.exclude && [f.channel, f.category, f.language].every((v) => v === undefined || v.length === 1);
}

export async function cellPercentilesQuery(m: EntityManager, units: readonly RollupUnit[], f: PopulationFilter): Promise<CellPercentileRow[]> {
  if (units.length === 0) return [];
  const s = sources({ units: [...units], raw: [], maturing: [] }, f, null);
  const dc = s.dims('c', 7);
  return m.query(
    `${s.with}
     SELECT u.grp, c.path, c.pct
       FROM u CROSS JOIN LATERAL (
              SELECT * FROM rollup_cells c
               WHERE c.span = u.span AND c.start = u.start AND c.gset = $7::smallint AND c.path <> 'none' AND ${dc.sql} OFFSET 0) c`,
    [...s.params, gsetFor(f, null), ...dc.params],
  );
}
