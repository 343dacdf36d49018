// Per category (and group): the human cost basis (mean humanSeconds of resolved human-path
// tickets) and the verified AI resolutions to price at it, for the like-for-like verified savings.
// The plain-SQL definition, as path-metrics.query.ts.
import { EntityManager } from 'typeorm';
import { CategoryVerified } from '../../stats/savings';
import { Grouping, PopulationFilter, groupingSql, populationWhere, verifiedSql } from './population';

export interface CategoryVerifiedRow extends CategoryVerified {
  grp: string;
}

export async function categoryVerifiedQuery(m: EntityManager, f: PopulationFilter, asOf: Date, group?: Grouping): Promise<CategoryVerifiedRow[]> {
  const { where, params } = populationWhere(f);
  const g = groupingSql(group, params.length + 1);
  const rows: { grp: string; h: number | null; verified: number }[] = await m.query(
    `SELECT ${g.where} AS grp, category,
       avg(human_seconds) FILTER (WHERE path = 'human' AND resolved)::float8 AS h,
       count(*) FILTER (WHERE ${verifiedSql(`$${params.length + 1}::timestamptz`)})::int AS verified
     FROM tickets
     WHERE ${where}
     GROUP BY 1, category`,
    [...params, asOf, ...g.params],
  );
  return rows.map((r) => ({ grp: r.grp, humanSecondsMean: r.h, verified: r.verified }));
}
