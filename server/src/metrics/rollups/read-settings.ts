// Planner settings of a population read, for its transaction only (SET LOCAL). PostgreSQL 16 began
// to sort an ordered aggregate's input together with its groups ("presorted aggregates"): phase 2's
// array_agg(v ORDER BY v) per wanted bin (population.query.ts) then sorts every value of the read,
// about 86,000 for a 365-day summary, by (bin, value) in one tuple sort. Off, the rows are sorted
// by bin alone and each bin's values on their own, as PostgreSQL 15 does: that statement went from
// 97-110 to 69-70 ms (median of 9 runs) on the embedded PostgreSQL 18 (docs/SCALING.md, eleventh).
// PostgreSQL 15 does not know the setting (setting it would fail): nothing is set there.
import { EntityManager } from 'typeorm';

/** The statements that set a read's planner settings on a server of this version ("18.1", "15.14"). */
export function readSettings(serverVersion: string | undefined): string[] {
  const major = Number.parseInt(serverVersion ?? '', 10);
  return major >= 16 ? ['SET LOCAL enable_presorted_aggregate = off'] : [];
}

/** Applies them in `m`'s transaction (outside one, SET LOCAL would do nothing). */
export async function applyReadSettings(m: EntityManager): Promise<void> {
  if (!m.queryRunner?.isTransactionActive) return;
  for (const sql of readSettings(m.connection.driver.version)) await m.query(sql);
}
