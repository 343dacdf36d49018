// Every measure of the summary, defined once (CONTRACT.md §3). Each is a SQL expression over one
// row of `tickets`; from this table are generated the reference query over tickets
// (measures.sql.ts), the rollup build (rollups/rollup-build.query.ts) and the rollup reads
// (rollups/population.query.ts). Adding a measure: a line here, a column in a migration, a test.

/** A count or sum: the per-ticket expression is summed over a population, or over rollup cells. */
export interface AdditiveMeasure {
  /** Column of rollup_cells and field of a row read back. */
  column: string;
  /** Per ticket; 0 when the ticket does not count. */
  perTicket: string;
  type: 'int' | 'float8';
  /** Zero in most cells: stored as NULL there (no bytes but a null bit); reads sum it as 0. */
  sparse?: true;
}

/** A distribution whose exact percentiles are reported (two-phase: histogram, then values). */
export interface Distribution {
  /** Stored in rollup_values.metric and in the histogram columns h<metric>_bins / h<metric>_counts. */
  metric: 1 | 2 | 3;
  name: 'handle' | 'resolution' | 'firstResponse';
  /** Per ticket; NULL when the ticket is not in the distribution. */
  value: string;
  /** The percentiles the summary reports, as percentile_cont fractions. */
  fractions: readonly number[];
}

export const ADDITIVE: readonly AdditiveMeasure[] = [
  { column: 'tickets', perTicket: '1', type: 'int' },
  { column: 'resolved', perTicket: 'resolved::int', type: 'int' },
  { column: 'csat_responses', perTicket: '(resolved AND csat IS NOT NULL)::int', type: 'int' },
  { column: 'csat_sum', perTicket: 'CASE WHEN resolved THEN coalesce(csat, 0) ELSE 0 END', type: 'int' },
  { column: 'csat_top2', perTicket: '(resolved AND csat >= 4)::int', type: 'int' },
  { column: 'reopened_resolved', perTicket: '(resolved AND reopened)::int', type: 'int' },
  { column: 'repeat_resolved', perTicket: '(resolved AND repeat_contact)::int', type: 'int' },
  /** A durable AI resolution once matured: never reopened, no repeat contact (verified = durable − durable still maturing). */
  { column: 'durable', perTicket: "(path = 'ai' AND resolved AND NOT reopened AND NOT repeat_contact)::int", type: 'int' },
  /** Handle time counts only where the source recorded it (an import of elapsed times does not: handle_known false). */
  { column: 'handle_sum', perTicket: 'CASE WHEN resolved AND handle_known THEN ai_seconds + human_seconds ELSE 0 END', type: 'float8' },
  /** H: the mean human seconds of resolved human-path tickets is human_sum / (resolved − handle_unrecorded) of path human. */
  { column: 'human_sum', perTicket: 'CASE WHEN resolved AND handle_known THEN human_seconds ELSE 0 END', type: 'float8' },
  /** Their squares: the spread of a category's cost basis, for the savings intervals (stats/savings-interval.ts). */
  { column: 'human_sq_sum', perTicket: 'CASE WHEN resolved AND handle_known THEN human_seconds * human_seconds ELSE 0 END', type: 'float8', sparse: true },
  /** Resolved tickets whose source recorded no handle time (0 for everything sent as events). */
  { column: 'handle_unrecorded', perTicket: '(resolved AND NOT handle_known)::int', type: 'int', sparse: true },
  /** Durable AI resolutions the customer rated 1-2: the audit's quality caveat (verified = this − those still maturing). */
  { column: 'durable_low_rated', perTicket: "(path = 'ai' AND resolved AND NOT reopened AND NOT repeat_contact AND coalesce(csat, 5) <= 2)::int", type: 'int', sparse: true },
];

export const DISTRIBUTIONS: readonly Distribution[] = [
  { metric: 1, name: 'handle', value: 'CASE WHEN resolved AND handle_known THEN ai_seconds + human_seconds END', fractions: [0.5, 0.9] },
  { metric: 2, name: 'resolution', value: 'CASE WHEN resolved THEN extract(epoch FROM resolved_at - created_at)::float8 END', fractions: [0.5, 0.9] },
  { metric: 3, name: 'firstResponse', value: 'first_response_seconds', fractions: [0.5] },
];

/** Maturity (§3): an AI resolution is pending until the customer has had 7 full days to come back. */
export const MATURITY_SQL = `interval '604800 seconds'`;
export const pendingSql = (asOf: string) => `(path = 'ai' AND resolved AND resolved_at + ${MATURITY_SQL} > ${asOf})`;

/** The additive measures of one population and path, read back. */
export type Sums = Record<string, number>;

/** One population's figures for one path: what summary-assembler.ts turns into the summary. */
export interface PathFigures {
  grp: string;
  path: string;
  sums: Sums;
  /** Per distribution name, its percentiles in the order of `fractions` (null: no values). */
  pct: Record<Distribution['name'], (number | null)[]>;
  /** AI resolutions still inside their 7 days at asOf, and how many of them are durable so far. */
  pending: number;
  durableMaturing: number;
}

