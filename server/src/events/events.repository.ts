// SQL of the event store. A batch goes in as one COPY (or one JSON document when it repeats stored
// ids), never one statement per event.
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { eachInBackgroundSlices } from '../common/slices';
import { copyIn, copyRow } from '../database/copy-in';
import { analyzeWhenBehind } from '../database/table-statistics';
import { ReplayEvent } from '../tickets/ticket-replay';
import { ValidEvent } from './event-validation';
import { wsId } from '../workspaces/workspace-context';

export interface StoredReplayEvent extends ReplayEvent {
  ticketId: string;
}

const OPTIONAL: (keyof ValidEvent)[] = ['channel', 'category', 'customerId', 'language', 'agentType', 'agentId', 'handleSeconds', 'reason', 'score', 'authorType', 'extra'];

/**
 * The batch as one JSON document. Missing keys read as NULL, so nulls are left out (the document is
 * ~40% smaller); built as plain objects, because JSON.stringify with a replacer is twice as slow.
 */
function batchDocument(events: readonly ValidEvent[]): string {
  return JSON.stringify(
    events.map((e) => {
      const row: Record<string, unknown> = { id: e.id, ticketId: e.ticketId, type: e.type, occurredAt: e.occurredAt };
      for (const k of OPTIONAL) if (e[k] !== null) row[k] = e[k];
      return row;
    }),
  );
}

const COLUMNS = 'workspace_id, id, ticket_id, type, occurred_at, channel, category, customer_id, language, agent_type, agent_id, handle_seconds, reason, score, author_type, extra';

/** The batch as COPY text, in the column order of COLUMNS. */
function copyDocument(ws: number, events: readonly ValidEvent[]): string {
  let out = '';
  for (const e of events) {
    out += copyRow([ws, e.id, e.ticketId, e.type, e.occurredAt, e.channel, e.category, e.customerId, e.language, e.agentType, e.agentId, e.handleSeconds, e.reason, e.score, e.authorType, e.extra === null ? null : JSON.stringify(e.extra)]);
  }
  return out;
}

const UNIQUE_VIOLATION = '23505';

/** Every stored event of some tickets ($1) of a workspace ($2), named as the replay wants them. */
export const TICKET_EVENTS_SQL = `SELECT ticket_id AS "ticketId", id, type, (extract(epoch FROM occurred_at) * 1000000)::int8 AS "occurredUs",
   channel, category, customer_id AS "customerId", language, agent_type AS "agentType",
   handle_seconds AS "handleSeconds", score, author_type AS "authorType",
   coalesce(extra->>'handleTime' = 'unrecorded', false) AS "handleUnrecorded"
   FROM ticket_events WHERE workspace_id = $2 AND ticket_id = ANY($1::text[])`;

@Injectable()
export class EventsRepository {
  /**
   * Stores the events whose ids are new and queues their tickets for the projector, in one
   * transaction committed before the caller answers. Nothing here waits for another request but
   * on the same ids. Returns how many were new and the queue position of the last ticket queued
   * (for read-your-writes), or null when nothing was new.
   *
   * First as a COPY (all new, the usual case): about 40% less database time an event than the
   * INSERT below (docs/SCALING.md). A COPY cannot skip a stored id, so a batch with one (a resend)
   * is rolled back whole and stored by the INSERT … ON CONFLICT DO NOTHING instead.
   */
  async insertAndQueue(ds: DataSource, events: readonly ValidEvent[]): Promise<{ inserted: number; seq: string | null }> {
    const ws = wsId();
    const qr = ds.createQueryRunner();
    try {
      const client = (await qr.connect()) as PoolClient;
      await qr.startTransaction();
      try {
        await copyIn(client, `COPY ticket_events (${COLUMNS}) FROM STDIN`, copyDocument(ws, events));
        const tickets = [...new Set(events.map((e) => e.ticketId))];
        const [{ seq }]: { seq: string }[] = await qr.query(
          `WITH q AS (INSERT INTO projection_queue (workspace_id, ticket_id) SELECT $2::int, unnest($1::text[]) RETURNING seq)
           SELECT max(seq)::text AS seq FROM q`,
          [tickets, ws],
        );
        await qr.commitTransaction();
        return { inserted: events.length, seq };
      } catch (e) {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        if ((e as { driverError?: { code?: string } }).driverError?.code !== UNIQUE_VIOLATION) throw e;
      }
    } finally {
      await qr.release();
    }
    return this.insertNewAndQueue(ds.manager, events);
  }

  /** The same as one INSERT … ON CONFLICT DO NOTHING: for a batch that repeats stored ids. */
  private async insertNewAndQueue(m: EntityManager, events: readonly ValidEvent[]): Promise<{ inserted: number; seq: string | null }> {
    const rows: { inserted: number; seq: string | null }[] = await m.query(
      `WITH ins AS (
         INSERT INTO ticket_events (${COLUMNS})
         SELECT $2::int, "id", "ticketId", "type", "occurredAt", "channel", "category", "customerId", "language",
                "agentType", "agentId", "handleSeconds", "reason", "score", "authorType", "extra"
           FROM json_to_recordset($1::json) AS x("id" text, "ticketId" text, "type" text,
                "occurredAt" timestamptz, "channel" text, "category" text, "customerId" text,
                "language" text, "agentType" text, "agentId" text, "handleSeconds" float8,
                "reason" text, "score" smallint, "authorType" text, "extra" jsonb)
         ON CONFLICT (workspace_id, id) DO NOTHING
         RETURNING ticket_id),
       q AS (INSERT INTO projection_queue (workspace_id, ticket_id) SELECT DISTINCT $2::int, ticket_id FROM ins RETURNING seq)
       SELECT (SELECT count(*)::int FROM ins) AS inserted, (SELECT max(seq)::text FROM q) AS seq`,
      [batchDocument(events), wsId()],
    );
    return rows[0];
  }

  /**
   * Planner statistics for `ticket_events` when they lag the table: never analysed, or more rows
   * changed since the last ANALYZE than it counted (the table at least doubled: a load). Without
   * them a load's batch read its events (forTickets) by a plan made for 1,309 rows: every event of
   * the workspace through the primary key's workspace_id, filtered by ticket id, batch after batch,
   * a pass that grows with the load (1,315 against 167 ms at 5.7M events; docs/SCALING.md,
   * thirteenth). The projector's own ANALYZEs (every 500,000 tickets of a load, and when idle) come
   * too late for a first load. Also when the table has no column statistics (analyzeWhenBehind).
   * `minRows`: fewer changes never count as behind (a small table's plan does not matter). Answers
   * whether it analysed.
   */
  async analyzeIfBehind(m: EntityManager, minRows = 10_000): Promise<boolean> {
    // Asked of every batch: the counter by its function, not the pg_stat_user_tables view (about
    // 1.2 ms a call against 2-5 on PostgreSQL 15).
    return analyzeWhenBehind(m, 'ticket_events', 'ticket_id', 'c.reltuples < 0 OR coalesce(pg_stat_get_mod_since_analyze(c.oid), 0) > greatest(c.reltuples, $1)', [minRows]);
  }

  /**
   * Every stored event of these tickets, with times as exact integer microseconds. By
   * `ticket_id = ANY(list)`, which PostgreSQL 18 reads as one bitmap scan, each heap page once
   * (given statistics: analyzeIfBehind).
   * A join to the list (an index probe per ticket, pages revisited) measured the same on a warm
   * cache but made this step 75% slower over a 1M-ticket load (bench:query, 2026-11-29).
   */
  async forTickets(m: EntityManager, ticketIds: readonly string[]): Promise<StoredReplayEvent[]> {
    // Named as the replay wants them, so each row is the event itself: a batch's events are much
    // of the server's memory at its peak, and a copy of each doubled it.
    const rows: (Omit<StoredReplayEvent, 'occurredUs'> & { occurredUs: string | number })[] = await m.query(
      TICKET_EVENTS_SQL,
      [ticketIds, wsId()],
    );
    // int8 arrives as text; in slices (common/slices.ts): a load's batch reads about 285,000 events.
    await eachInBackgroundSlices(rows, (r) => (r.occurredUs = Number(r.occurredUs)));
    return rows as StoredReplayEvent[];
  }
}
