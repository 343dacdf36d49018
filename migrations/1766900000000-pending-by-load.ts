import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which days waiting to be built a bulk load marked (#11). A read that answers without waiting may
 * leave out the days a load has not built yet (docs/API.md "Freshness"), but not the days a new
 * reporting zone, or a migration, has to build: those are counted from the tickets, as before.
 * Days marked before this migration are not a load's.
 */
export class PendingByLoad1766900000000 implements MigrationInterface {
  name = 'PendingByLoad1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rollup_pending ADD COLUMN by_load boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rollup_pending DROP COLUMN by_load`);
  }
}
