import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports as sources with versions (#16, docs/IMPORT.md "Versions"):
 *   import_sources  one row per mapping `source` (the prefix of every id it writes): its version,
 *                   the mapping that made it (and its hash), when, and what it held
 *   import_events   the events a source's imports wrote (first wrote: an id another writer had
 *                   stored first is not theirs), so a new version can take back exactly those
 * Events imported before this migration are claimed by their source at its next import (their
 * ids start with "<source>:").
 * Handle time only from handle time: tickets.handle_known is false for an import whose source
 * recorded no handle time (its segments are elapsed time); rollup_cells.handle_unrecorded counts
 * such resolved tickets (sparse: NULL where 0, i.e. everywhere for events sent). Every day is
 * rebuilt with the new definitions (read from tickets meanwhile).
 */
export class ImportSources1766400000000 implements MigrationInterface {
  name = 'ImportSources1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_sources (
        source        text PRIMARY KEY,
        version       int NOT NULL,
        mapping       jsonb NOT NULL,
        mapping_hash  text NOT NULL,
        file_name     text,
        imported_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TABLE import_events (source text NOT NULL, event_id text COLLATE "C" NOT NULL, PRIMARY KEY (source, event_id))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN handle_known boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE rollup_cells ADD COLUMN handle_unrecorded int`);
    await q.query(`
      INSERT INTO rollup_pending (zone, day)
      SELECT DISTINCT z.zone, (t.created_at AT TIME ZONE z.zone)::date FROM rollup_zones z CROSS JOIN tickets t WHERE t.created_at IS NOT NULL
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rollup_cells DROP COLUMN handle_unrecorded`);
    await q.query(`ALTER TABLE tickets DROP COLUMN handle_known`);
    await q.query(`DROP TABLE import_events`);
    await q.query(`DROP TABLE import_sources`);
  }
}
