import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Executive view (#13): two more additive measures in rollup_cells (server/src/metrics/measures.ts):
 *   human_sq_sum       sum of squared human seconds of resolved tickets: the spread of each
 *                      category's cost basis, for the 95% intervals of the savings
 *   durable_low_rated  durable AI resolutions rated 1-2: the audit's quality caveat
 * Existing cells get them by a rebuild: every (zone, day) with tickets is queued in
 * rollup_pending and every month marked stale; until a day is rebuilt, reads take it from the
 * tickets table (exact, slower), as after any bulk load.
 */
export class SavingsIntervals1766200000000 implements MigrationInterface {
  name = 'SavingsIntervals1766200000000';

  async up(q: QueryRunner): Promise<void> {
    // Sparse (NULL where 0: the ai and none paths have no human seconds, most cells no low rating):
    // a null bit instead of 12 bytes a row keeps the rollups within half the tickets table.
    await q.query(`ALTER TABLE rollup_cells ADD COLUMN human_sq_sum float8, ADD COLUMN durable_low_rated int`);
    await q.query(`
      INSERT INTO rollup_pending (zone, day)
      SELECT DISTINCT z.zone, (t.created_at AT TIME ZONE z.zone)::date FROM rollup_zones z CROSS JOIN tickets t WHERE t.created_at IS NOT NULL
      ON CONFLICT DO NOTHING`);
    await q.query(`
      INSERT INTO rollup_stale (zone, month)
      SELECT DISTINCT zone, date_trunc('month', period)::date FROM rollup_cells WHERE span = 'm'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rollup_cells DROP COLUMN human_sq_sum, DROP COLUMN durable_low_rated`);
  }
}
