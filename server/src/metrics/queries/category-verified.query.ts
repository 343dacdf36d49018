// Per category: the human cost basis (mean humanSeconds of resolved human-path tickets) and the
// verified AI resolutions to price at it, for the like-for-like verified savings.
import { EntityManager } from 'typeorm';
import { CategoryVerified } from '../../stats/savings';
import { PopulationFilter, populationWhere, verifiedSql } from './population';

export async function categoryVerifiedQuery(m: EntityManager, f: PopulationFilter, asOf: Date): Promise<CategoryVerified[]> {
  const { where, params } = populationWhere(f);
  const rows: { h: number | null; verified: number }[] = await m.query(
    `SELECT category,
       avg(human_seconds) FILTER (WHERE path = 'human' AND resolved)::float8 AS h,
       count(*) FILTER (WHERE ${verifiedSql(`$${params.length + 1}::timestamptz`)})::int AS verified
     FROM tickets
     WHERE ${where}
     GROUP BY category`,
    [...params, asOf],
  );
  return rows.map((r) => ({ humanSecondsMean: r.h, verified: r.verified }));
}
