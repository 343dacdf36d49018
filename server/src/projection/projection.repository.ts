// SQL of the projection: the queue of tickets to replay, the bulk (re)build work of the rollups,
// and which local days a set of instants falls on.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BACKGROUND_STATEMENT_MS, withLongStatements } from '../database/long-statements';
import { returnedRows } from '../database/returning';
import { wsId } from '../workspaces/workspace-context';

export interface QueueState {
  /** Tickets queued and not projected yet: exact up to COUNT_EXACT_UP_TO, else an estimate. */
  pending: number;
  /** `pending` is an estimate (the span of queue positions): the queue holds more than COUNT_EXACT_UP_TO. */
  estimated: boolean;
  /** Seconds since the oldest of them was queued (0 when none). */
  oldestSeconds: number;
}

/**
 * Queued rows counted one by one for a freshness note; past this the note estimates. Counting
 * 8.7M queued rows took 0.5-0.8 s of every read during a 10M load (docs/SCALING.md).
 */
export const COUNT_EXACT_UP_TO = 10_000;

/**
 * Tables the projector rewrites all the time. The product vacuums them itself (table-vacuums.ts):
 * autovacuum may be off (it is on some hosts' PostgreSQL), and when on it waits for a fifth of a table's
 * rows to be dead, counted against statistics a bulk load left behind: on this machine's
 * PostgreSQL 15 the emptied queue kept 1.17M dead rows and each freshness check read 4,400 index
 * pages of them (0.25-0.96 s) under bench:load.
 */
export const CHURNED_TABLES = ['projection_queue', 'rollup_pending', 'rollup_stale', 'rollup_cells', 'rollup_values', 'tickets'] as const;
export type ChurnedTable = (typeof CHURNED_TABLES)[number];
/** The work lists among them: meant to be empty, vacuumed past VACUUM_MIN_DEAD dead rows whatever their size. */
export const QUEUE_TABLES: readonly ChurnedTable[] = ['projection_queue', 'rollup_pending', 'rollup_stale'];

@Injectable()
export class ProjectionRepository {
  /** One projector at a time across every server on this database (held until the transaction ends). */
  async tryLock(m: EntityManager): Promise<boolean> {
    const [{ ok }] = await m.query(`SELECT pg_try_advisory_xact_lock(4, 0) AS ok`);
    if (!ok) return false;
    // A build beside a batch (lockBeside) that outlived its batch's session (killed, timed out)
    // still runs: not beside it.
    const [{ free }] = await m.query(`SELECT CASE WHEN pg_try_advisory_lock(4, 1) THEN pg_advisory_unlock(4, 1) ELSE false END AS free`);
    return free;
  }

  /**
   * Taken by a build beside a batch (projection/build-days.ts) for its transaction, so no batch
   * starts beside it should its own batch's session end first (tryLock). Waits for no lock the
   * batch holds for more than a moment: a third session queued for a table lock would otherwise
   * hold both, and the batch waits for this build in Node, where no deadlock detector sees it.
   */
  async lockBeside(m: EntityManager): Promise<void> {
    await m.query(`SET LOCAL lock_timeout = '2s'`);
    await m.query(`SELECT pg_advisory_xact_lock(4, 1)`);
  }

  /** Takes up to `limit` queued tickets, oldest first (deleted now; the commit makes it final). */
  async take(m: EntityManager, limit: number): Promise<{ ticketIds: string[]; last: string | null; rows: number }> {
    const rows = returnedRows<{ seq: string; ticket_id: string }>(await m.query(
      `DELETE FROM projection_queue WHERE workspace_id = $2 AND seq IN (SELECT seq FROM projection_queue WHERE workspace_id = $2 ORDER BY seq LIMIT $1)
       RETURNING seq::text, ticket_id`,
      [limit, wsId()],
    ));
    let last: string | null = null;
    for (const r of rows) if (last === null || BigInt(r.seq) > BigInt(last)) last = r.seq;
    return { ticketIds: [...new Set(rows.map((r) => r.ticket_id))], last, rows: rows.length };
  }

  async state(m: EntityManager): Promise<QueueState> {
    // Each part by the (workspace_id, seq) index: the oldest row, the newest, and at most
    // COUNT_EXACT_UP_TO + 1 rows counted.
    const [r] = await m.query(
      `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM projection_queue WHERE workspace_id = $1 LIMIT $2) c) AS counted,
              coalesce((SELECT extract(epoch FROM now() - enqueued_at) FROM projection_queue WHERE workspace_id = $1 ORDER BY seq LIMIT 1), 0)::float8 AS oldest,
              coalesce((SELECT max(seq) - min(seq) + 1 FROM projection_queue WHERE workspace_id = $1), 0)::float8 AS span`,
      [wsId(), COUNT_EXACT_UP_TO + 1],
    );
    const estimated = r.counted > COUNT_EXACT_UP_TO;
    // Queue positions are numbered across workspaces and a ticket may be queued more than once:
    // the span is an estimate from above, never below the rows counted.
    return { pending: estimated ? Math.max(r.span, r.counted) : r.counted, estimated, oldestSeconds: r.oldest };
  }

  /** The last queue position acknowledged (by the primary key's index; null when the queue is empty). */
  async last(m: EntityManager): Promise<string | null> {
    const [r] = await m.query(`SELECT max(seq)::text AS last FROM projection_queue WHERE workspace_id = $1`, [wsId()]);
    return r.last;
  }

  /** Whether every ticket queued at or before `seq` is projected (committed). */
  async projectedThrough(m: EntityManager, seq: string): Promise<boolean> {
    const [{ left }] = await m.query(`SELECT EXISTS (SELECT 1 FROM projection_queue WHERE workspace_id = $2 AND seq <= $1::int8) AS left`, [seq, wsId()]);
    return !left;
  }

  /** The local day of each instant in each zone, without repeats. */
  async daysOf(m: EntityManager, instants: readonly Date[], zones: readonly string[]): Promise<{ zone: string; day: string }[]> {
    if (instants.length === 0) return [];
    return m.query(
      `SELECT DISTINCT z.zone, (i.at AT TIME ZONE z.zone)::date::text AS day
         FROM unnest($1::timestamptz[]) AS i(at) CROSS JOIN unnest($2::text[]) AS z(zone)`,
      [instants, zones],
    );
  }

  /** Zones that have rollups, and whether each is fully built. */
  async zones(m: EntityManager): Promise<string[]> {
    return (await m.query(`SELECT zone FROM rollup_zones WHERE workspace_id = $1 ORDER BY zone`, [wsId()])).map((r: { zone: string }) => r.zone);
  }

  /** A new zone gets rollups: every local day with tickets is to be built. */
  async addZone(m: EntityManager, zone: string): Promise<number> {
    await m.query(`INSERT INTO rollup_zones (workspace_id, zone) VALUES ($2, $1) ON CONFLICT DO NOTHING`, [zone, wsId()]);
    const rows = await m.query(
      `INSERT INTO rollup_pending (workspace_id, zone, day)
       SELECT DISTINCT $2::int, $1::text, (created_at AT TIME ZONE $1)::date FROM tickets WHERE workspace_id = $2 AND created_at IS NOT NULL
       ON CONFLICT DO NOTHING RETURNING day`,
      [zone, wsId()],
    );
    return rows.length;
  }

  /**
   * These local days of `zone` are to be built in bulk (a load's batches touched them). A day
   * already marked is marked again (a no-op update), which locks its row until this transaction
   * ends: a build beside the batch (build-days.ts) skips it, and one that took the day
   * first makes this wait for its commit and then mark the day anew. With DO NOTHING, a build
   * could take the mark while this batch's tickets of the day were uncommitted, and the day would
   * be left built without them. A day newly marked is marked as a load's (`by_load`): a read that
   * does not wait may leave it out until it is built (rollup-state.query.ts). A day already marked
   * keeps what it was: a new zone's or a migration's stays counted from the tickets.
   */
  async addPending(m: EntityManager, zone: string, days: readonly string[]): Promise<void> {
    await m.query(
      `INSERT INTO rollup_pending (workspace_id, zone, day, by_load) SELECT DISTINCT $3::int, $1::text, d, true FROM unnest($2::date[]) AS d ORDER BY 3
       ON CONFLICT (workspace_id, zone, day) DO UPDATE SET day = EXCLUDED.day`,
      [zone, days, wsId()],
    );
  }

  /**
   * Up to `limit` days still to be built in bulk, one zone at a time, newest days first (what the
   * dashboard reads first becomes fast first); on the same day UTC first (its days hold the sorted
   * values every zone reads). Reads count a pending day from the tickets table meanwhile, so the
   * order changes only speed. With `before`: that zone's days before that day, oldest first.
   * Days a running batch has just marked (their rows locked: addPending) are skipped.
   */
  async takePending(m: EntityManager, limit: number, before?: { zone: string; before: string }): Promise<{ zone: string; days: string[] } | null> {
    const pick = before
      ? `zone = $3 AND day < $4::date ORDER BY day`
      : `zone = (SELECT zone FROM rollup_pending WHERE workspace_id = $2 ORDER BY day DESC, zone <> 'UTC', zone LIMIT 1) ORDER BY day DESC`;
    const rows = returnedRows<{ zone: string; day: string }>(await m.query(
      `DELETE FROM rollup_pending WHERE workspace_id = $2 AND (zone, day) IN (
         SELECT zone, day FROM rollup_pending WHERE workspace_id = $2 AND ${pick} LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING zone, day::text`,
      before ? [limit, wsId(), before.zone, before.before] : [limit, wsId()],
    ));
    return rows.length === 0 ? null : { zone: rows[0].zone, days: rows.map((r) => r.day).sort() };
  }

  /** Days waiting to be built in bulk, in any workspace (after a load's last batch: its days). */
  async daysWaitToBuild(m: EntityManager): Promise<boolean> {
    return (await m.query(`SELECT EXISTS (SELECT 1 FROM rollup_pending) AS waits`))[0].waits;
  }

  async pendingDays(m: EntityManager): Promise<number> {
    return (await m.query(`SELECT count(*)::int AS n FROM rollup_pending WHERE workspace_id = $1`, [wsId()]))[0].n;
  }

  /**
   * The workspaces with projection work (queued tickets, days to build, stale months, days whose
   * percentiles a live batch left to recompute), in that order
   * of urgency: one statement, each test by the workspace's own leading index key.
   */
  async workspacesWithWork(m: EntityManager): Promise<{ id: number; queued: boolean }[]> {
    return m.query(
      `SELECT w.id, EXISTS (SELECT 1 FROM projection_queue q WHERE q.workspace_id = w.id) AS queued
         FROM workspaces w
        WHERE EXISTS (SELECT 1 FROM projection_queue q WHERE q.workspace_id = w.id)
           OR EXISTS (SELECT 1 FROM rollup_pending p WHERE p.workspace_id = w.id)
           OR EXISTS (SELECT 1 FROM rollup_stale s WHERE s.workspace_id = w.id)
           OR EXISTS (SELECT 1 FROM rollup_cells c WHERE c.workspace_id = w.id AND c.span = 'd' AND c.key_id = 0 AND c.pct IS NULL)
        ORDER BY 2 DESC, w.id`,
    );
  }

  /** Fresh planner statistics after a bulk load (autovacuum may be off, or late). */
  async analyze(m: EntityManager): Promise<void> {
    // SKIP_LOCKED: a VACUUM (ANALYZE) of the table running meanwhile (table-vacuums.ts) analyses it
    // anyway; waiting for it would hold up the projector.
    for (const t of ['ticket_events', 'tickets', 'measure_keys', 'rollup_cells', 'rollup_values']) await m.query(`ANALYZE (SKIP_LOCKED) ${t}`);
  }

  /**
   * The tables the projector rewrites all the time that hold enough dead rows to be worth a VACUUM:
   * at least `minDead` and a tenth of the live ones (the queue: at least `minDead`, it is meant to
   * be empty). From the statistics PostgreSQL keeps (pg_stat_user_tables, track_counts on by default).
   */
  async churned(m: EntityManager, minDead: number): Promise<ChurnedTable[]> {
    const rows: { relname: ChurnedTable }[] = await m.query(
      `SELECT relname FROM pg_stat_user_tables
        WHERE schemaname = current_schema() AND relname = ANY($1::text[]) AND n_dead_tup >= $2
          AND (relname = ANY($3::text[]) OR n_dead_tup >= n_live_tup / 10)
        ORDER BY relname`,
      [CHURNED_TABLES, minDead, QUEUE_TABLES],
    );
    return rows.map((r) => r.relname);
  }

  /**
   * VACUUM (and ANALYZE) one of CHURNED_TABLES, outside any transaction, on a connection of its
   * own with the background statement limit, not the API's (tickets at 10M can take longer than
   * 60 s; long-statements.ts). SKIP_LOCKED: another server's VACUUM of it is as good.
   */
  async vacuum(ds: DataSource, table: ChurnedTable): Promise<void> {
    if (!CHURNED_TABLES.includes(table)) throw new Error(`not a projector table: ${table}`);
    const qr = ds.createQueryRunner();
    try {
      await withLongStatements(qr, () => qr.query(`VACUUM (ANALYZE, SKIP_LOCKED) ${table}`), BACKGROUND_STATEMENT_MS, true);
    } finally {
      await qr.query('RESET statement_timeout').catch(() => undefined);
      await qr.release();
    }
  }

  async donePending(m: EntityManager, zone: string, days: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM rollup_pending WHERE workspace_id = $3 AND zone = $1 AND day = ANY($2::date[])`, [zone, days, wsId()]);
  }

  /** These months' days changed: their month cells are out of date until rebuilt. */
  async markStale(m: EntityManager, zone: string, months: readonly string[]): Promise<void> {
    await m.query(`INSERT INTO rollup_stale (workspace_id, zone, month) SELECT $3, $1, unnest($2::date[]) ON CONFLICT DO NOTHING`, [zone, months, wsId()]);
  }

  /**
   * Up to `limit` stale months whose days are all built, oldest first (taken now; the commit,
   * after their rebuild, makes it final).
   */
  async takeStale(m: EntityManager, limit: number): Promise<{ zone: string; month: string }[]> {
    return returnedRows<{ zone: string; month: string }>(
      await m.query(
        `DELETE FROM rollup_stale WHERE workspace_id = $2 AND (zone, month) IN (
           SELECT s.zone, s.month FROM rollup_stale s
            WHERE s.workspace_id = $2
              AND NOT EXISTS (SELECT 1 FROM rollup_pending p WHERE p.workspace_id = $2 AND p.zone = s.zone AND p.day >= s.month AND p.day < (s.month + interval '1 month')::date)
            ORDER BY s.month, s.zone LIMIT $1)
         RETURNING zone, month::text`,
        [limit, wsId()],
      ),
    );
  }

  /**
   * Up to `limit` local days whose exact percentiles live batches left to recompute (their key-0
   * cells' pct is NULL, rollup-delta.query.ts), newest first, leaving those in `skip` ("zone|YYYY-MM-DD").
   */
  async unrankedDays(m: EntityManager, limit: number, skip: readonly string[] = []): Promise<{ zone: string; days: string[] }[]> {
    const rows: { zone: string; day: string }[] = await m.query(
      `SELECT zone, period::text AS day FROM (
         SELECT DISTINCT zone, period FROM rollup_cells WHERE workspace_id = $1 AND span = 'd' AND key_id = 0 AND pct IS NULL) x
        WHERE zone || '|' || period::text <> ALL($3::text[])
        ORDER BY period DESC, zone LIMIT $2`,
      [wsId(), limit, skip],
    );
    const byZone = new Map<string, string[]>();
    for (const r of rows) (byZone.get(r.zone) ?? byZone.set(r.zone, []).get(r.zone)!).push(r.day);
    return [...byZone].map(([zone, days]) => ({ zone, days }));
  }

  /** One more version for each of these UTC days: their tickets changed (population-cache.ts). */
  async bumpVersions(m: EntityManager, days: readonly string[]): Promise<void> {
    if (days.length === 0) return;
    await m.query(
      `INSERT INTO rollup_versions (workspace_id, day, version) SELECT $1, d, 1 FROM unnest($2::date[]) AS d
       ON CONFLICT (workspace_id, day) DO UPDATE SET version = rollup_versions.version + 1`,
      [wsId(), [...days].sort()],
    );
  }
}
