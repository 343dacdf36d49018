// The population of a metrics query (CONTRACT.md §3): tickets whose createdAt is in [from, to),
// narrowed by exact-match filters on the normalised channel and category. Shared by every metric
// query so that one filter means the same thing everywhere.

export interface PopulationFilter {
  from: Date;
  to: Date;
  channel?: string;
  category?: string;
}

export interface SqlFragment {
  where: string;
  params: unknown[];
}

/** WHERE clause over `tickets` (alias-free); parameters start at $1. */
export function populationWhere(f: PopulationFilter): SqlFragment {
  const params: unknown[] = [f.from, f.to];
  const clauses = ['created_at >= $1', 'created_at < $2'];
  if (f.channel !== undefined) {
    params.push(f.channel);
    clauses.push(`channel = $${params.length}`);
  }
  if (f.category !== undefined) {
    params.push(f.category);
    clauses.push(`category = $${params.length}`);
  }
  return { where: clauses.join(' AND '), params };
}

/** Maturity (§3): an AI resolution is pending until the customer has had 7 full days to come back. */
export const pendingSql = (asOfParam: string) =>
  `(path = 'ai' AND resolved AND resolved_at + interval '604800 seconds' > ${asOfParam})`;

/** A durable AI resolution: matured, never reopened, no repeat contact. */
export const verifiedSql = (asOfParam: string) =>
  `(path = 'ai' AND resolved AND resolved_at + interval '604800 seconds' <= ${asOfParam} AND NOT reopened AND NOT repeat_contact)`;
