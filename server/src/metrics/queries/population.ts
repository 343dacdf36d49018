// The population of a metrics query (CONTRACT.md §3): tickets whose createdAt is in [from, to),
// narrowed by exact-match filters (each a list: any of its values) on the normalised channel,
// category, language and path. Shared by every metric query and the drill-down, so that one filter
// means the same thing everywhere.
import { wsId } from '../../workspaces/workspace-context';
import { MATURITY_SQL } from '../measures';

export const COLUMNS = { channel: 'channel', category: 'category', language: 'language', path: 'path' } as const;

/** How rows are grouped: a trusted SQL expression (built in code) and its own parameters. */
export interface Grouping {
  /** SQL using $G1, $G2… for its parameters. */
  sql: string;
  params: unknown[];
}

/** Splices a grouping's parameters after `taken` others. */
export function groupingSql(g: Grouping | undefined, taken: number): SqlFragment {
  if (!g) return { where: `''`, params: [] };
  return { where: g.sql.replace(/\$G(\d+)/g, (_, n) => `$${taken + Number(n)}`), params: g.params };
}

export interface PopulationFilter {
  from: Date;
  to: Date;
  channel?: string[];
  category?: string[];
  language?: string[];
  path?: string[];
  /** Segments left out (the "other" row of a breakdown). */
  exclude?: { column: keyof typeof COLUMNS; values: string[] };
}

export interface SqlFragment {
  where: string;
  params: unknown[];
}


/** WHERE clause over `tickets` (alias-free), the workspace first; parameters start at $1 + offset. */
export function populationWhere(f: PopulationFilter, offset = 0): SqlFragment {
  const dims = dimensionWhere(f, '', offset + 3);
  const clauses = [`workspace_id = $${offset + 1}::int`, `created_at >= $${offset + 2}`, `created_at < $${offset + 3}`, ...(dims.where ? [dims.where] : [])];
  return { where: clauses.join(' AND '), params: [wsId(), f.from, f.to, ...dims.params] };
}

/**
 * The filters other than time, on any relation with the ticket's channel, category, language and
 * path columns (tickets, rollup rows); `alias` prefixes the columns. '' when there are none.
 */
export function dimensionWhere(f: PopulationFilter, alias: string, offset: number): SqlFragment {
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  const params: unknown[] = [];
  const clauses: string[] = [];
  for (const key of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
    const values = f[key];
    if (values === undefined) continue;
    params.push(values);
    clauses.push(`${col(COLUMNS[key])} = ANY($${offset + params.length}::text[])`);
  }
  if (f.exclude) {
    params.push(f.exclude.values);
    clauses.push(`NOT (coalesce(${col(COLUMNS[f.exclude.column])}, '(none)') = ANY($${offset + params.length}::text[]))`);
  }
  return { where: clauses.join(' AND '), params };
}

/** Pending at asOf: one definition, measures.ts's (the rollups' maturity reads use the same window). */
export { pendingSql } from '../measures';

/** A durable AI resolution: matured, never reopened, no repeat contact. */
export const verifiedSql = (asOfParam: string) =>
  `(path = 'ai' AND resolved AND resolved_at + ${MATURITY_SQL} <= ${asOfParam} AND NOT reopened AND NOT repeat_contact)`;
