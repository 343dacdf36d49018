// SQL of the tickets table, written only by the projector: set-based upsert of replayed states and
// the repeat-contact flags that depend on a customer's other tickets.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { eachInBackgroundSlices } from '../common/slices';
import { returnedRows } from '../database/returning';
import { analyzeWhenBehind } from '../database/table-statistics';
import { TicketState } from './ticket-replay';
import { wsId } from '../workspaces/workspace-context';

/** 7 days as an exact duration; `interval '7 days'` would follow DST in the session time zone. */
export const REPEAT_WINDOW_SQL = `interval '604800 seconds'`;

/**
 * Tickets per upsert statement: serialising a load's whole 50,000-ticket batch at once held the
 * server's thread for 170-220 ms (common/slices.ts); 5,000 take about a slice.
 */
export const UPSERT_ROWS = 5_000;

/** Microseconds since the epoch to timestamptz, exactly (no float rounding). */
const usToTs = (expr: string) => `'epoch'::timestamptz + ${expr} * interval '1 microsecond'`; // NULL stays NULL

/** refreshRepeatContacts' statement ($1 the customers, $2 the workspace); exported for its plan's test. */
export const REFRESH_REPEAT_CONTACTS_SQL = `UPDATE tickets a SET repeat_contact = NOT a.repeat_contact
  WHERE a.workspace_id = $2 AND a.customer_id = ANY($1::text[])
    AND a.repeat_contact <> (a.resolved AND EXISTS (
          SELECT 1 FROM tickets b
           WHERE b.workspace_id = a.workspace_id AND b.customer_id = a.customer_id AND b.id <> a.id
             AND b.created_at > a.resolved_at
             AND b.created_at <= a.resolved_at + ${REPEAT_WINDOW_SQL}))
  RETURNING a.id, a.created_at`;

@Injectable()
export class TicketsRepository {
  /** These tickets as stored now: their customer and creation time (null while incomplete). */
  async existing(m: EntityManager, ticketIds: readonly string[]): Promise<{ id: string; customerId: string | null; createdAt: Date | null }[]> {
    const rows: { id: string; customer_id: string | null; created_at: Date | null }[] = await m.query(
      `SELECT id, customer_id, created_at FROM tickets WHERE workspace_id = $2 AND id = ANY($1::text[])`,
      [ticketIds, wsId()],
    );
    return rows.map((r) => ({ id: r.id, customerId: r.customer_id, createdAt: r.created_at }));
  }

  async remove(m: EntityManager, ticketIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM tickets WHERE workspace_id = $2 AND id = ANY($1::text[])`, [ticketIds, wsId()]);
  }

  /**
   * Adds the (channel, category, language) keys of these created tickets that are new, and
   * answers each ticket's key id (null while it is incomplete). Looked up here once per key rather
   * than per row in upsert(): a subquery per row was 225 ms of a 45,000-ticket batch's 738.
   */
  async ensureKeys(m: EntityManager, states: ReadonlyMap<string, TicketState>): Promise<Map<string, number | null>> {
    const keyOf = (s: TicketState) => JSON.stringify([s.channel, s.category, s.language]);
    const keys = new Map<string, [string, string, string | null]>();
    await eachInBackgroundSlices(states.values(), (s) => {
      // A created ticket has a channel and a category (CONTRACT §1); without them, no key.
      if (s.createdUs === null || s.channel === null || s.category === null) return;
      keys.set(keyOf(s), [s.channel, s.category, s.language]);
    });
    const ids = new Map<string, number>();
    if (keys.size > 0) {
      const list = [...keys.values()];
      const params = [list.map((k) => k[0]), list.map((k) => k[1]), list.map((k) => k[2]), wsId()];
      await m.query(
        `INSERT INTO measure_keys (workspace_id, channel, category, language)
         SELECT $4::int, * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
        params,
      );
      // In a second statement: rows a statement inserts are not visible to itself.
      const rows: { key_id: number; channel: string; category: string; language: string | null }[] = await m.query(
        `SELECT k.key_id, k.channel, k.category, k.language
           FROM unnest($1::text[], $2::text[], $3::text[]) AS u(channel, category, language)
           JOIN measure_keys k ON k.workspace_id = $4 AND k.channel = u.channel AND k.category = u.category
                              AND k.language IS NOT DISTINCT FROM u.language`,
        params,
      );
      for (const r of rows) ids.set(JSON.stringify([r.channel, r.category, r.language]), r.key_id);
    }
    const out = new Map<string, number | null>();
    await eachInBackgroundSlices(states, ([id, s]) => {
      if (s.createdUs === null) {
        out.set(id, null);
        return;
      }
      const key = ids.get(keyOf(s));
      // A created ticket without a key would be counted in the all-keys cells twice: fail the batch.
      if (key === undefined) throw new Error(`ticket ${id}: no measure key for ${keyOf(s)} after adding it`);
      out.set(id, key);
    });
    return out;
  }

  /**
   * Writes the replayed states (a JSON document per `perStatement` tickets; times as exact
   * microseconds), each created ticket with the id of its (channel, category, language) from
   * ensureKeys(). In order of creation, so a table page holds tickets created close together:
   * reads take tickets by a range of `created_at` (another zone's edges, the days the projector
   * builds), and in the order of the batch (ticket ids) each ticket of a range was on its own page.
   */
  async upsert(m: EntityManager, states: ReadonlyMap<string, TicketState>, keyIds: ReadonlyMap<string, number | null>, perStatement = UPSERT_ROWS): Promise<void> {
    // Tickets still waiting for their ticket.created (no createdUs) last.
    const all = [...states].sort(([, a], [, b]) => (a.createdUs === b.createdUs ? 0 : a.createdUs === null ? 1 : b.createdUs === null ? -1 : a.createdUs - b.createdUs));
    const step = Math.max(1, Math.floor(perStatement));
    for (let i = 0; i < all.length; i += step) {
      const rows = all.slice(i, i + step).map(([id, s]) => ({ ...s, id, keyId: keyIds.get(id) ?? null }));
      await this.upsertRows(m, JSON.stringify(rows));
    }
  }

  private async upsertRows(m: EntityManager, rowsJson: string): Promise<void> {
    await m.query(
      `WITH u AS (
         SELECT * FROM json_to_recordset($1::json) AS u("id" text, "createdUs" int8, "channel" text,
           "category" text, "customerId" text, "language" text, "path" text, "aiInvolved" bool,
           "humanInvolved" bool, "resolved" bool, "resolvedUs" int8, "resolvedBy" text,
           "reopened" bool, "csat" smallint, "aiSeconds" float8, "humanSeconds" float8,
           "firstResponseSeconds" float8, "eventCount" int, "lastEventUs" int8, "handleKnown" bool, "keyId" int))
       INSERT INTO tickets (workspace_id, id, created_at, channel, category, customer_id, language, path,
         ai_involved, human_involved, resolved, resolved_at, resolved_by, reopened, csat,
         ai_seconds, human_seconds, first_response_seconds, event_count, last_event_at, updated_at, key_id, handle_known)
       SELECT $2::int, u."id", ${usToTs('u."createdUs"')}, u."channel", u."category", u."customerId", u."language",
         u."path", u."aiInvolved", u."humanInvolved", u."resolved", ${usToTs('u."resolvedUs"')},
         u."resolvedBy", u."reopened", u."csat", u."aiSeconds", u."humanSeconds",
         u."firstResponseSeconds", u."eventCount", ${usToTs('u."lastEventUs"')}, now(), u."keyId", u."handleKnown"
       FROM u
       ON CONFLICT (workspace_id, id) DO UPDATE SET
         created_at = EXCLUDED.created_at, channel = EXCLUDED.channel, category = EXCLUDED.category,
         customer_id = EXCLUDED.customer_id, language = EXCLUDED.language, path = EXCLUDED.path,
         ai_involved = EXCLUDED.ai_involved, human_involved = EXCLUDED.human_involved,
         resolved = EXCLUDED.resolved, resolved_at = EXCLUDED.resolved_at,
         resolved_by = EXCLUDED.resolved_by, reopened = EXCLUDED.reopened, csat = EXCLUDED.csat,
         ai_seconds = EXCLUDED.ai_seconds, human_seconds = EXCLUDED.human_seconds,
         first_response_seconds = EXCLUDED.first_response_seconds,
         event_count = EXCLUDED.event_count, last_event_at = EXCLUDED.last_event_at, updated_at = now(),
         key_id = EXCLUDED.key_id, handle_known = EXCLUDED.handle_known,
         -- Without a customer there is no repeat contact (refreshRepeatContacts recomputes the rest,
         -- by customer: a ticket whose customer was taken away belongs to none of them).
         repeat_contact = CASE WHEN EXCLUDED.customer_id IS NULL THEN false ELSE tickets.repeat_contact END
       -- A ticket replayed to the same state (an event already counted, a late duplicate) is not rewritten.
       WHERE (tickets.created_at, tickets.channel, tickets.category, tickets.customer_id, tickets.language, tickets.path,
              tickets.resolved, tickets.resolved_at, tickets.resolved_by, tickets.reopened, tickets.csat,
              tickets.ai_seconds, tickets.human_seconds, tickets.first_response_seconds, tickets.event_count,
              tickets.last_event_at, tickets.key_id, tickets.ai_involved, tickets.human_involved, tickets.handle_known)
         IS DISTINCT FROM
             (EXCLUDED.created_at, EXCLUDED.channel, EXCLUDED.category, EXCLUDED.customer_id, EXCLUDED.language, EXCLUDED.path,
              EXCLUDED.resolved, EXCLUDED.resolved_at, EXCLUDED.resolved_by, EXCLUDED.reopened, EXCLUDED.csat,
              EXCLUDED.ai_seconds, EXCLUDED.human_seconds, EXCLUDED.first_response_seconds, EXCLUDED.event_count,
              EXCLUDED.last_event_at, EXCLUDED.key_id, EXCLUDED.ai_involved, EXCLUDED.human_involved, EXCLUDED.handle_known)`,
      [rowsJson, wsId()],
    );
  }

  /**
   * Planner statistics for `tickets`, in the batch's transaction (its own rows count), when those
   * PostgreSQL has describe fewer rows than the batch writes: never analysed, or analysed nearly
   * empty (a fresh install's first load; autovacuum may be off, or late). Planned without them, the
   * repeat-contact probe below walked 7 days of tickets per ticket by the created_at index instead
   * of the customer's few by tickets_customer_idx: 204 s for a 1M seeding's second batch (50,000
   * tickets after 2,721), past the client's timeout (docs/SCALING.md). Also when the table has no
   * column statistics: ANALYZE writes reltuples in place, so a batch that analysed and rolled back
   * leaves it counted, but not the statistics. Once analysed with a batch's rows, later batches of
   * that size find the statistics describe enough; the projector's own ANALYZEs keep them fresh.
   * Answers whether it analysed.
   */
  async analyzeIfBehind(m: EntityManager, rows: number): Promise<boolean> {
    return analyzeWhenBehind(m, 'tickets', 'customer_id', 'c.reltuples < $1', [rows]);
  }

  /**
   * Recomputes repeatContact (CONTRACT.md §2) after a batch: a resolved ticket is a repeat contact
   * when another ticket of the same customer was created after its resolution and at most 7 days
   * later. Every ticket of the batch's customers (as they were and are) is checked, one index
   * probe each, and only the flags that differ are written; answers those tickets (the projector
   * takes their old flags out of the rollups: rollup-delta.query.ts). No narrower candidate list:
   * the probe ran for every ticket of the customers anyway, and the list (tickets resolved within
   * 7 days before a batch ticket, matched per row against every (customer, instant) pair of the
   * batch) cost rows x pairs once many flags were off: 88 s for a 45,000-ticket batch with 50,653
   * of them to correct (PostgreSQL 15), against 1.2 s this way; the 120-s stalls of the step after
   * 1M-ticket seedings (docs/SCALING.md) had that shape.
   */
  async refreshRepeatContacts(
    m: EntityManager,
    /** Every customer the batch's tickets had or have. */
    customers: readonly string[],
  ): Promise<{ id: string; createdAt: Date | null }[]> {
    if (customers.length === 0) return [];
    // A single-table UPDATE, so the customer index drives it (a join back to tickets invited a
    // full scan per batch as the table grew).
    const rows = returnedRows<{ id: string; created_at: Date | null }>(await m.query(REFRESH_REPEAT_CONTACTS_SQL, [customers, wsId()]));
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
  }
}
