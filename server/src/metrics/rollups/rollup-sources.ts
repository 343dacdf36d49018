// SQL shared by the rollup-backed metric queries: the plan's rollup units and raw ranges as
// relations, the group key of a row, and the filters. Each query is a UNION ALL of rollup rows
// (for the units) and tickets rows (for the raw ranges), summed per group.
import { COLUMNS, PopulationFilter, dimensionWhere } from '../queries/population';
import { RollupPlan } from './rollup-plan';

/** How a population is split into groups: by the plan's keys (buckets) or by a column (segments). */
export type GroupBy = { column: keyof typeof COLUMNS } | null;

/** Which of channel (1), category (2), language (4) a rollup row must keep to answer these needs. */
export function gsetFor(f: PopulationFilter, by: GroupBy, extra: (keyof typeof COLUMNS)[] = []): number {
  const bit = { channel: 1, category: 2, language: 4, path: 0 } as const;
  const used = new Set<keyof typeof COLUMNS>(extra);
  for (const k of ['channel', 'category', 'language'] as const) if (f[k] !== undefined) used.add(k);
  if (f.exclude) used.add(f.exclude.column);
  if (by) used.add(by.column);
  let g = 0;
  for (const k of used) g |= bit[k];
  return g;
}

export interface Sources {
  /** `WITH u(span, start, grp), r(lo, hi, grp)` over parameters $1..$6. */
  with: string;
  params: unknown[];
  /** The group key of a row of `alias`, whose unit or range is `src`. */
  grp(alias: string, src: string): string;
  /** The filters on `alias` ('TRUE' when none); parameters follow everything before. */
  dims(alias: string, taken: number): { sql: string; params: unknown[] };
  /** Tickets of the raw ranges, aliased t, joined to r. */
  rawTickets: string;
}

export function sources(plan: RollupPlan, f: PopulationFilter, by: GroupBy): Sources {
  return {
    with: `WITH u AS (SELECT * FROM unnest($1::char(1)[], $2::date[], $3::text[]) AS u(span, start, grp)),
                r AS (SELECT * FROM unnest($4::timestamptz[], $5::timestamptz[], $6::text[]) AS r(lo, hi, grp))`,
    params: [
      plan.units.map((x) => x.span),
      plan.units.map((x) => x.start),
      plan.units.map((x) => x.grp),
      plan.raw.map((x) => x.from),
      plan.raw.map((x) => x.to),
      plan.raw.map((x) => x.grp),
    ],
    grp: (alias, src) => (by ? `coalesce(${alias}.${COLUMNS[by.column]}, '(none)')` : `${src}.grp`),
    dims(alias, taken) {
      const d = dimensionWhere(f, alias, taken);
      return { sql: d.where || 'TRUE', params: d.params };
    },
    rawTickets: `r JOIN tickets t ON t.created_at >= r.lo AND t.created_at < r.hi`,
  };
}
