import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily rollups of the tickets table, so that long-window metrics read thousands of rows instead
 * of a million (docs/ARCHITECTURE.md, "Rollups"). All of it is derived data, rebuilt per UTC day:
 *   rollup_dirty   days whose tickets changed since their rollup was built (a trigger on tickets
 *                  writes them in the ingest transaction; the refresher clears what it rebuilt)
 *   rollup_periods days ('d') and months ('m') that have been built, with the latest AI resolution
 *                  of their tickets (matured for verified/pending once that is 7 days before asOf)
 *   rollup_cells   counts and sums per period x path x CUBE(channel, category, language); `gset`
 *                  says which of the three are kept (1 channel, 2 category, 4 language); day rows
 *                  also hold their exact percentiles
 *   rollup_bins    the same cells' value histograms (handle, resolution, first response) on
 *                  log-spaced bins, to find which bin holds a percentile's rank
 *   rollup_values  every value with its day and bin, to read the few values inside that bin: exact
 *                  percentiles without sorting the population
 * Reads use a period's rollup only when it is built, not dirty and matured; everything else comes
 * from the tickets table, so the numbers are the same either way.
 */
export class Rollups1764000000000 implements MigrationInterface {
  name = 'Rollups1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // ~3.2% wide bins on ln(1 + x); everything <= 0 in bin 0. Monotone in x, which is all the
    // two-phase percentile needs. IMMUTABLE so that reads and builds bin identically.
    await q.query(`
      CREATE FUNCTION cc_bin(x float8) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT CASE WHEN x IS NULL THEN NULL WHEN x <= 0 THEN 0::smallint
                     ELSE least(32000, 1 + floor(ln(1 + x) * 32))::smallint END $$`);

    await q.query(`CREATE TABLE rollup_dirty (day date NOT NULL)`);
    await q.query(`CREATE INDEX rollup_dirty_day_idx ON rollup_dirty (day)`);
    await q.query(`
      CREATE TABLE rollup_periods (
        span                char(1) NOT NULL,
        start               date NOT NULL,
        ai_resolved_max_at  timestamptz,
        built_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (span, start)
      )`);
    await q.query(`
      CREATE TABLE rollup_cells (
        span              char(1) NOT NULL,
        start             date NOT NULL,
        gset              smallint NOT NULL,
        path              text NOT NULL,
        channel           text,
        category          text,
        language          text,
        tickets           int NOT NULL,
        resolved          int NOT NULL,
        handle_sum        float8,
        human_sum         float8,
        csat_responses    int NOT NULL,
        csat_sum          int,
        csat_top2         int NOT NULL,
        reopened_resolved int NOT NULL,
        repeat_resolved   int NOT NULL,
        durable           int NOT NULL,
        -- Day rows only: the cell's own exact percentiles (handle p50/p90, resolution p50/p90,
        -- first response p50), for a population that is exactly this cell (a day bucket).
        pct               float8[]
      )`);
    await q.query(`CREATE INDEX rollup_cells_idx ON rollup_cells (span, start, gset, channel, category, language)`);
    await q.query(`
      CREATE TABLE rollup_bins (
        span     char(1) NOT NULL,
        start    date NOT NULL,
        gset     smallint NOT NULL,
        path     text NOT NULL,
        channel  text,
        category text,
        language text,
        metric   smallint NOT NULL,
        bin      smallint NOT NULL,
        n        int NOT NULL
      )`);
    await q.query(`CREATE INDEX rollup_bins_idx ON rollup_bins (span, start, gset, channel, category, language)`);
    await q.query(`
      CREATE TABLE rollup_values (
        day      date NOT NULL,
        metric   smallint NOT NULL,
        path     text NOT NULL,
        bin      smallint NOT NULL,
        channel  text,
        category text,
        language text,
        value    float8 NOT NULL
      )`);
    // Phase 2 reads by index alone: a bin's values over some days, or a bin in value order.
    await q.query(`CREATE INDEX rollup_values_idx ON rollup_values (metric, path, bin, day) INCLUDE (value, channel, category, language)`);
    await q.query(`CREATE INDEX rollup_values_order_idx ON rollup_values (metric, path, bin, value) INCLUDE (day, channel, category, language)`);
    await q.query(`CREATE INDEX rollup_values_day_idx ON rollup_values (day)`);

    // Marks the UTC days of every ticket row a statement wrote (old and new createdAt), in the
    // writer's transaction: a rollup is never trusted for a day with uncommitted or unbuilt changes.
    await q.query(`
      CREATE FUNCTION cc_mark_dirty_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO rollup_dirty (day)
          SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date FROM new_rows WHERE created_at IS NOT NULL;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION cc_mark_dirty_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO rollup_dirty (day)
          SELECT DISTINCT d FROM (
            SELECT (created_at AT TIME ZONE 'UTC')::date AS d FROM old_rows WHERE created_at IS NOT NULL
            UNION ALL
            SELECT (created_at AT TIME ZONE 'UTC')::date FROM new_rows WHERE created_at IS NOT NULL) s;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tickets_dirty_insert AFTER INSERT ON tickets
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cc_mark_dirty_new()`);
    await q.query(`
      CREATE TRIGGER tickets_dirty_update AFTER UPDATE ON tickets
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cc_mark_dirty_changed()`);

    // Existing data: every day is to be built (the server's refresher does it after start-up).
    await q.query(`
      INSERT INTO rollup_dirty (day)
        SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date FROM tickets WHERE created_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tickets_dirty_update ON tickets`);
    await q.query(`DROP TRIGGER tickets_dirty_insert ON tickets`);
    await q.query(`DROP FUNCTION cc_mark_dirty_changed()`);
    await q.query(`DROP FUNCTION cc_mark_dirty_new()`);
    for (const t of ['rollup_values', 'rollup_bins', 'rollup_cells', 'rollup_periods', 'rollup_dirty']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP FUNCTION cc_bin(float8)`);
  }
}
