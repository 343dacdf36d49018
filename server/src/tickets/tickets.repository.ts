// SQL of the tickets table: set-based upsert of replayed states and the repeat-contact flags that
// depend on a customer's other tickets.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketState } from './ticket-replay';

/** 7 days as an exact duration; `interval '7 days'` would follow DST in the session time zone. */
export const REPEAT_WINDOW_SQL = `interval '604800 seconds'`;

/** Microseconds since the epoch to timestamptz, exactly (no float rounding). */
const usToTs = (expr: string) => `'epoch'::timestamptz + ${expr} * interval '1 microsecond'`; // NULL stays NULL

@Injectable()
export class TicketsRepository {
  /** Takes transaction-scoped locks in a fixed order, so concurrent batches never deadlock. */
  async lockKeys(m: EntityManager, namespace: 1 | 2, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await m.query(
      `SELECT pg_advisory_xact_lock(${namespace}, k)
         FROM (SELECT DISTINCT hashtext(x) AS k FROM unnest($1::text[]) x ORDER BY 1) s`,
      [keys],
    );
  }

  /** Which of these tickets are already stored, with the customer each belongs to now. */
  async existing(m: EntityManager, ticketIds: readonly string[]): Promise<Map<string, string | null>> {
    const rows: { id: string; customer_id: string | null }[] = await m.query(
      `SELECT id, customer_id FROM tickets WHERE id = ANY($1::text[])`,
      [ticketIds],
    );
    return new Map(rows.map((r) => [r.id, r.customer_id]));
  }

  /** Writes the replayed states (one JSON document for the batch; times as exact microseconds). */
  async upsert(m: EntityManager, states: ReadonlyMap<string, TicketState>): Promise<void> {
    const rows: (TicketState & { id: string })[] = [];
    for (const [id, s] of states) rows.push({ ...s, id });
    await m.query(
      `INSERT INTO tickets (id, created_at, channel, category, customer_id, language, path,
         ai_involved, human_involved, resolved, resolved_at, resolved_by, reopened, csat,
         ai_seconds, human_seconds, first_response_seconds, event_count, last_event_at, updated_at)
       SELECT u."id", ${usToTs('u."createdUs"')}, u."channel", u."category", u."customerId", u."language",
         u."path", u."aiInvolved", u."humanInvolved", u."resolved", ${usToTs('u."resolvedUs"')},
         u."resolvedBy", u."reopened", u."csat", u."aiSeconds", u."humanSeconds",
         u."firstResponseSeconds", u."eventCount", ${usToTs('u."lastEventUs"')}, now()
       FROM json_to_recordset($1::json) AS u("id" text, "createdUs" int8, "channel" text,
         "category" text, "customerId" text, "language" text, "path" text, "aiInvolved" bool,
         "humanInvolved" bool, "resolved" bool, "resolvedUs" int8, "resolvedBy" text,
         "reopened" bool, "csat" smallint, "aiSeconds" float8, "humanSeconds" float8,
         "firstResponseSeconds" float8, "eventCount" int, "lastEventUs" int8)
       ON CONFLICT (id) DO UPDATE SET
         created_at = EXCLUDED.created_at, channel = EXCLUDED.channel, category = EXCLUDED.category,
         customer_id = EXCLUDED.customer_id, language = EXCLUDED.language, path = EXCLUDED.path,
         ai_involved = EXCLUDED.ai_involved, human_involved = EXCLUDED.human_involved,
         resolved = EXCLUDED.resolved, resolved_at = EXCLUDED.resolved_at,
         resolved_by = EXCLUDED.resolved_by, reopened = EXCLUDED.reopened, csat = EXCLUDED.csat,
         ai_seconds = EXCLUDED.ai_seconds, human_seconds = EXCLUDED.human_seconds,
         first_response_seconds = EXCLUDED.first_response_seconds,
         event_count = EXCLUDED.event_count, last_event_at = EXCLUDED.last_event_at, updated_at = now()`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Recomputes repeatContact (CONTRACT.md §2) for every ticket of these customers: a resolved
   * ticket is a repeat contact when another ticket of the same customer was created after its
   * resolution and at most 7 days later. Writes only the flags that change.
   */
  async refreshRepeatContacts(m: EntityManager, customerIds: readonly string[]): Promise<void> {
    if (customerIds.length === 0) return;
    // A single-table UPDATE, so the customer index drives it (a join back to tickets invited a
    // full scan per batch as the table grew); only flags that change are written.
    await m.query(
      `UPDATE tickets a SET repeat_contact = NOT a.repeat_contact
        WHERE a.customer_id = ANY($1::text[])
          AND a.repeat_contact <> (a.resolved AND EXISTS (
                SELECT 1 FROM tickets b
                 WHERE b.customer_id = a.customer_id AND b.id <> a.id
                   AND b.created_at > a.resolved_at
                   AND b.created_at <= a.resolved_at + ${REPEAT_WINDOW_SQL}))`,
      [customerIds],
    );
  }
}
