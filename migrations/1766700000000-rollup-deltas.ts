import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live batches change the rollups by difference (#11, server/src/metrics/rollups/rollup-delta.query.ts):
 * a batch subtracts its tickets' old contributions from their day and month cells and adds the
 * new ones, instead of rebuilding every day it touches from the tickets table (under bench:load
 * the two days the writers fill held ~80,000 tickets each, rebuilt once per batch).
 *   cc_hist_add     adds two histograms (bins[], counts[]), dropping bins whose count becomes 0
 *   rollup_cells_pct_idx  the key-0 day cells whose exact percentiles a difference cannot keep
 *                   (pct NULL): reads rank those days' values, the projector recomputes them
 *                   when it has time
 *   rollup_versions  per UTC day, how many projector batches changed its tickets: a range whose
 *                   days' versions add up as before has the same numbers as before, so reads
 *                   keep those (server/src/metrics/rollups/population-cache.ts)
 */
export class RollupDeltas1766700000000 implements MigrationInterface {
  name = 'RollupDeltas1766700000000';

  async up(q: QueryRunner): Promise<void> {
    // PL/pgSQL for the early return: most changes leave most of a cell's three histograms alone.
    await q.query(`
      CREATE FUNCTION cc_hist_add(b1 smallint[], n1 int[], b2 smallint[], n2 int[], OUT bins smallint[], OUT counts int[])
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
      $$ BEGIN
           IF b2 IS NULL THEN bins := b1; counts := n1; RETURN; END IF;
           SELECT array_agg(b ORDER BY b), array_agg(n ORDER BY b) INTO bins, counts
             FROM (SELECT b, sum(n)::int AS n
                     FROM (SELECT * FROM unnest(b1, n1) UNION ALL SELECT * FROM unnest(b2, n2)) x(b, n)
                    GROUP BY b HAVING sum(n) <> 0) y;
         END $$`);
    await q.query(`
      CREATE TABLE rollup_versions (
        workspace_id int NOT NULL REFERENCES workspaces (id),
        day          date NOT NULL,
        version      bigint NOT NULL,
        PRIMARY KEY (workspace_id, day)
      )`);
    await q.query(`CREATE INDEX rollup_cells_pct_idx ON rollup_cells (workspace_id, zone, period) WHERE span = 'd' AND key_id = 0 AND pct IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rollup_versions`);
    await q.query(`DROP INDEX rollup_cells_pct_idx`);
    await q.query(`DROP FUNCTION cc_hist_add(smallint[], int[], smallint[], int[])`);
  }
}
