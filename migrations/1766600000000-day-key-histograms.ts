import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-key histograms for days too (#11): a day's cells per key (rollup_cells, key_id <> 0) now
 * carry their histograms as months' did, so key-filtered and segmented reads find a day's bins
 * without counting its sorted values. No column changes; every built day is marked to be rebuilt
 * (rollup_pending), which the projector does in bulk, newest first; reads count a day not rebuilt
 * yet from the tickets table meanwhile, so every number stays exact.
 */
export class DayKeyHistograms1766600000000 implements MigrationInterface {
  name = 'DayKeyHistograms1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO rollup_pending (workspace_id, zone, day)
      SELECT DISTINCT workspace_id, zone, period FROM rollup_cells WHERE span = 'd' AND key_id = 0
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The per-key day histograms are ignored by the reads of before; nothing to undo.
  }
}
