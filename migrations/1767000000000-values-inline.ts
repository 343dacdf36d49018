import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sorted values stored inline and uncompressed up to 8 kB a row (#11). PostgreSQL compresses the
 * largest values of a row over ~2 kB (28% of the rows at 1M tickets), and a read slices a row's
 * arrays (one histogram bin's values) after decompressing each whole: about a third of a 90-day
 * weekly series' values phase. Rows over 8 kB (3% there) are still compressed. The existing rows are written again so
 * that they are stored the new way (`|| '{}'` gives a fresh, uncompressed array); about 20% more
 * space for this table (39 -> 47 MB at 1M tickets). docs/SCALING.md, "2026-11-29, eighth".
 */
export class ValuesInline1767000000000 implements MigrationInterface {
  name = 'ValuesInline1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rollup_values SET (toast_tuple_target = 8160)`);
    await q.query(`UPDATE rollup_values SET vals = vals || '{}'::float8[], keys = keys || '{}'::int[], mins = mins || '{}'::int2[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rollup_values RESET (toast_tuple_target)`);
  }
}
