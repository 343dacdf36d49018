// Planner settings of a population read, for its whole transaction. PostgreSQL 16 began to sort an
// ordered aggregate's input together with its groups ("presorted aggregates"): phase 2's
// array_agg(v ORDER BY v) per wanted bin (values-at.query.ts) then sorts every value of the read,
// about 86,000 for a 365-day summary, by (bin, value) in one tuple sort. Off, the rows are sorted
// by bin alone and each bin's values on their own, as PostgreSQL 15 does: that statement went from
// 90.6 to 66.2 ms (median of 12 runs) on the embedded PostgreSQL 18 (docs/SCALING.md, eleventh).
// The read's other ordered aggregates (percentile_cont from tickets, for a plan without rollup
// units) kept the same plan with it.
import { EntityManager } from 'typeorm';

/**
 * Turns presorted aggregates off in the transaction, where the server has the setting: asked of
 * the server in the same statement (not read from a version number), so a server without it
 * (PostgreSQL 15, or a fork that left it out) is left as it is instead of failing the read.
 */
const READ_SETTINGS_SQL = `SELECT set_config('enable_presorted_aggregate', 'off', true)
  WHERE current_setting('enable_presorted_aggregate', true) IS NOT NULL`;

/** Applies them in `m`'s transaction; outside one they would end with this statement, so nothing is sent. */
export async function applyReadSettings(m: EntityManager): Promise<void> {
  if (!m.queryRunner?.isTransactionActive) return;
  await m.query(READ_SETTINGS_SQL);
}
