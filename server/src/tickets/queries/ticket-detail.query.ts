// One ticket for the drill-down: its row, its events in replay order and the tickets that made it
// a repeat contact.
import { EntityManager } from 'typeorm';
import { pendingSql, verifiedSql } from '../../metrics/queries/population';
import { REPEAT_WINDOW_SQL } from '../tickets.repository';
import { TicketListRow } from './ticket-list.query';
import { wsId } from '../../workspaces/workspace-context';

export async function ticketRowQuery(m: EntityManager, id: string, asOf: Date): Promise<(TicketListRow & { has_created: boolean }) | null> {
  const rows = await m.query(
    `SELECT id, created_at, channel, category, customer_id, language, path, resolved, resolved_at,
            resolved_by, reopened, csat, ai_seconds, human_seconds, handle_known, first_response_seconds, repeat_contact,
            ${pendingSql('$2::timestamptz')} AS pending, ${verifiedSql('$2::timestamptz')} AS verified,
            created_at IS NOT NULL AS has_created, '' AS sort_value
       FROM tickets WHERE workspace_id = $3 AND id = $1`,
    [id, asOf, wsId()],
  );
  return rows[0] ?? null;
}

export interface TimelineRow {
  id: string;
  type: string;
  occurred_at: Date;
  effective_at: Date;
  received_at: Date;
  channel: string | null;
  category: string | null;
  customer_id: string | null;
  language: string | null;
  agent_type: string | null;
  agent_id: string | null;
  handle_seconds: number | null;
  reason: string | null;
  score: number | null;
  author_type: string | null;
  extra: Record<string, unknown> | null;
}

/** Events in the contract's replay order: effective time, then type order, then id by code point. */
export async function ticketTimelineQuery(m: EntityManager, id: string, createdAt: Date | null): Promise<TimelineRow[]> {
  return m.query(
    `SELECT id, type, occurred_at, GREATEST(occurred_at, coalesce($2::timestamptz, occurred_at)) AS effective_at,
            received_at, channel, category, customer_id, language, agent_type, agent_id, handle_seconds,
            reason, score, author_type, extra
       FROM ticket_events WHERE workspace_id = $3 AND ticket_id = $1
      ORDER BY effective_at,
               array_position(ARRAY['ticket.created','ticket.assigned','ticket.escalated','ticket.resolved',
                                    'ticket.reopened','csat.submitted','message.sent'], type),
               id COLLATE "C"`,
    [id, createdAt, wsId()],
  );
}

export async function repeatContactsQuery(m: EntityManager, id: string): Promise<{ id: string; created_at: Date }[]> {
  return m.query(
    `SELECT b.id, b.created_at FROM tickets a JOIN tickets b
        ON b.workspace_id = a.workspace_id AND b.customer_id = a.customer_id AND b.id <> a.id
       AND b.created_at > a.resolved_at AND b.created_at <= a.resolved_at + ${REPEAT_WINDOW_SQL}
     WHERE a.workspace_id = $2 AND a.id = $1 AND a.resolved
     ORDER BY b.created_at`,
    [id, wsId()],
  );
}
