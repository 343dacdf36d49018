// SQL of the tickets table: set-based upsert of replayed states and the repeat-contact flags that
// depend on a customer's other tickets.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketState } from './ticket-replay';

/** 7 days as an exact duration; `interval '7 days'` would follow DST in the session time zone. */
export const REPEAT_WINDOW_SQL = `interval '604800 seconds'`;

/** Microseconds since the epoch to timestamptz, exactly (no float rounding). */
const usToTs = (expr: string) => `CASE WHEN ${expr} IS NULL THEN NULL ELSE 'epoch'::timestamptz + ${expr} * interval '1 microsecond' END`;

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

  /** The customers these tickets belong to now (before an update). */
  async customersOf(m: EntityManager, ticketIds: readonly string[]): Promise<string[]> {
    const rows: { customer_id: string }[] = await m.query(
      `SELECT DISTINCT customer_id FROM tickets WHERE id = ANY($1::text[]) AND customer_id IS NOT NULL`,
      [ticketIds],
    );
    return rows.map((r) => r.customer_id);
  }

  async upsert(m: EntityManager, states: ReadonlyMap<string, TicketState>): Promise<void> {
    const c = {
      id: [] as string[],
      created: [] as (number | null)[],
      channel: [] as (string | null)[],
      category: [] as (string | null)[],
      customerId: [] as (string | null)[],
      language: [] as (string | null)[],
      path: [] as string[],
      aiInvolved: [] as boolean[],
      humanInvolved: [] as boolean[],
      resolved: [] as boolean[],
      resolvedAt: [] as (number | null)[],
      resolvedBy: [] as (string | null)[],
      reopened: [] as boolean[],
      csat: [] as (number | null)[],
      aiSeconds: [] as number[],
      humanSeconds: [] as number[],
      firstResponse: [] as (number | null)[],
      eventCount: [] as number[],
      lastEvent: [] as number[],
    };
    for (const [id, s] of states) {
      c.id.push(id);
      c.created.push(s.createdUs);
      c.channel.push(s.channel);
      c.category.push(s.category);
      c.customerId.push(s.customerId);
      c.language.push(s.language);
      c.path.push(s.path);
      c.aiInvolved.push(s.aiInvolved);
      c.humanInvolved.push(s.humanInvolved);
      c.resolved.push(s.resolved);
      c.resolvedAt.push(s.resolvedUs);
      c.resolvedBy.push(s.resolvedBy);
      c.reopened.push(s.reopened);
      c.csat.push(s.csat);
      c.aiSeconds.push(s.aiSeconds);
      c.humanSeconds.push(s.humanSeconds);
      c.firstResponse.push(s.firstResponseSeconds);
      c.eventCount.push(s.eventCount);
      c.lastEvent.push(s.lastEventUs);
    }
    await m.query(
      `INSERT INTO tickets (id, created_at, channel, category, customer_id, language, path,
         ai_involved, human_involved, resolved, resolved_at, resolved_by, reopened, csat,
         ai_seconds, human_seconds, first_response_seconds, event_count, last_event_at, updated_at)
       SELECT u.id, ${usToTs('u.created')}, u.channel, u.category, u.customer_id, u.language, u.path,
         u.ai_involved, u.human_involved, u.resolved, ${usToTs('u.resolved_at')}, u.resolved_by,
         u.reopened, u.csat, u.ai_seconds, u.human_seconds, u.first_response, u.event_count,
         ${usToTs('u.last_event')}, now()
       FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::bool[], $9::bool[], $10::bool[], $11::int8[], $12::text[], $13::bool[], $14::smallint[],
         $15::float8[], $16::float8[], $17::float8[], $18::int[], $19::int8[])
         AS u(id, created, channel, category, customer_id, language, path, ai_involved, human_involved,
              resolved, resolved_at, resolved_by, reopened, csat, ai_seconds, human_seconds,
              first_response, event_count, last_event)
       ON CONFLICT (id) DO UPDATE SET
         created_at = EXCLUDED.created_at, channel = EXCLUDED.channel, category = EXCLUDED.category,
         customer_id = EXCLUDED.customer_id, language = EXCLUDED.language, path = EXCLUDED.path,
         ai_involved = EXCLUDED.ai_involved, human_involved = EXCLUDED.human_involved,
         resolved = EXCLUDED.resolved, resolved_at = EXCLUDED.resolved_at,
         resolved_by = EXCLUDED.resolved_by, reopened = EXCLUDED.reopened, csat = EXCLUDED.csat,
         ai_seconds = EXCLUDED.ai_seconds, human_seconds = EXCLUDED.human_seconds,
         first_response_seconds = EXCLUDED.first_response_seconds,
         event_count = EXCLUDED.event_count, last_event_at = EXCLUDED.last_event_at, updated_at = now()`,
      Object.values(c),
    );
  }

  /**
   * Recomputes repeatContact (CONTRACT.md §2) for every ticket of these customers: a resolved
   * ticket is a repeat contact when another ticket of the same customer was created after its
   * resolution and at most 7 days later. Writes only the flags that change.
   */
  async refreshRepeatContacts(m: EntityManager, customerIds: readonly string[]): Promise<void> {
    if (customerIds.length === 0) return;
    await m.query(
      `UPDATE tickets t SET repeat_contact = v.rc
         FROM (
           SELECT a.id, (a.resolved AND EXISTS (
                    SELECT 1 FROM tickets b
                     WHERE b.customer_id = a.customer_id AND b.id <> a.id
                       AND b.created_at > a.resolved_at
                       AND b.created_at <= a.resolved_at + ${REPEAT_WINDOW_SQL})) AS rc
             FROM tickets a
            WHERE a.customer_id = ANY($1::text[])
         ) v
        WHERE t.id = v.id AND t.repeat_contact IS DISTINCT FROM v.rc`,
      [customerIds],
    );
  }
}
