// SQL generated from the measure definitions (measures.ts), for the reference query, the rollup
// build and the rollup reads. Expressions name the tickets columns unqualified: the relations they
// are joined with (ranges, units, keys) use other column names.
import { ADDITIVE, DISTRIBUTIONS } from './measures';

/** `sum(<per ticket>)::type AS <column>` for every additive measure, over tickets rows (each times `weight`, a column of 1 or -1, if given). */
export const ticketSums = (weight?: string): string =>
  ADDITIVE.map((a) => `coalesce(sum(${weight ? `${weight} * (${a.perTicket})` : a.perTicket}), 0)::${a.type} AS ${a.column}`).join(',\n  ');

/** The same per-ticket values, unaggregated, named as the rollup columns (to UNION with cells); each times `weight` if given. */
export const ticketRowValues = (weight?: string): string => ADDITIVE.map((a) => `(${weight ? `${weight} * (${a.perTicket})` : a.perTicket})::${a.type} AS ${a.column}`).join(', ');

/** Every additive column of `alias` (a row of ticketSums) times `weight`, as the rollup columns (to UNION with cells). */
export const scaledSums = (alias: string, weight: string): string => ADDITIVE.map((a) => `(${alias}.${a.column} * ${weight})::${a.type} AS ${a.column}`).join(', ');

/** `sum(c.<column>)` for every additive measure, over rollup cells (or a union with ticketRowValues or scaledSums). */
export const cellSums = (alias: string): string => ADDITIVE.map((a) => `coalesce(sum(${alias}.${a.column}), 0)::${a.type} AS ${a.column}`).join(',\n  ');

/** The additive columns of rollup_cells, in definition order. */
export const ADDITIVE_COLUMNS = ADDITIVE.map((a) => a.column);

/**
 * Every distribution's value of a ticket, one row each, as select-list columns `metric` and `x`
 * (unnested side by side; `x IS NOT NULL` is for the query around it). Not a lateral VALUES list
 * rescanned per ticket: a histogram of 80,394 tickets took 392 ms with it, 255 ms this way
 * (PostgreSQL 18, docs/SCALING.md).
 */
export const distributionColumns = (): string =>
  `unnest(ARRAY[${DISTRIBUTIONS.map((d) => d.metric).join(', ')}]::int2[]) AS metric, unnest(ARRAY[${DISTRIBUTIONS.map((d) => `(${d.value})::float8`).join(', ')}]) AS x`;

/** percentile_cont of every distribution's fractions, one float8[] column each (`<name>_pct`). */
export const ticketPercentiles = (): string =>
  DISTRIBUTIONS.map((d) => `percentile_cont(ARRAY[${d.fractions.join(', ')}]::float8[]) WITHIN GROUP (ORDER BY ${d.value}) AS ${d.name}_pct`).join(',\n  ');

/** The day cells' stored percentiles: every distribution's fractions in order, in one array. */
export const storedPercentiles = (): string =>
  `ARRAY[${DISTRIBUTIONS.flatMap((d) => d.fractions.map((f) => `percentile_cont(${f}) WITHIN GROUP (ORDER BY ${d.value})`)).join(', ')}]::float8[]`;

/** Where each distribution's percentiles sit in a stored-percentiles array. */
export function storedPercentileSlices(): Record<string, [number, number]> {
  let at = 0;
  const out: Record<string, [number, number]> = {};
  for (const d of DISTRIBUTIONS) {
    out[d.name] = [at, at + d.fractions.length];
    at += d.fractions.length;
  }
  return out;
}
