// SQL of the event store. Every statement here is one round trip for a whole batch: arrays go in
// through unnest(), never one statement per event.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventType } from '../contract/api-types';
import { ReplayEvent } from '../tickets/ticket-replay';
import { ValidEvent } from './event-validation';

export interface StoredReplayEvent extends ReplayEvent {
  ticketId: string;
}

@Injectable()
export class EventsRepository {
  /**
   * Inserts the events whose ids are new; returns the ticket ids they belong to, one per inserted
   * event (so its length is the number accepted).
   */
  async insertNew(m: EntityManager, events: readonly ValidEvent[]): Promise<string[]> {
    const cols = {
      id: [] as string[],
      ticketId: [] as string[],
      type: [] as string[],
      occurredAt: [] as string[],
      channel: [] as (string | null)[],
      category: [] as (string | null)[],
      customerId: [] as (string | null)[],
      language: [] as (string | null)[],
      agentType: [] as (string | null)[],
      agentId: [] as (string | null)[],
      handleSeconds: [] as (number | null)[],
      reason: [] as (string | null)[],
      score: [] as (number | null)[],
      authorType: [] as (string | null)[],
      extra: [] as (string | null)[],
    };
    for (const e of events) {
      cols.id.push(e.id);
      cols.ticketId.push(e.ticketId);
      cols.type.push(e.type);
      cols.occurredAt.push(e.occurredAt);
      cols.channel.push(e.channel);
      cols.category.push(e.category);
      cols.customerId.push(e.customerId);
      cols.language.push(e.language);
      cols.agentType.push(e.agentType);
      cols.agentId.push(e.agentId);
      cols.handleSeconds.push(e.handleSeconds);
      cols.reason.push(e.reason);
      cols.score.push(e.score);
      cols.authorType.push(e.authorType);
      cols.extra.push(e.extra ? JSON.stringify(e.extra) : null);
    }
    const rows: { ticket_id: string }[] = await m.query(
      `INSERT INTO ticket_events (id, ticket_id, type, occurred_at, channel, category, customer_id,
         language, agent_type, agent_id, handle_seconds, reason, score, author_type, extra)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[],
         $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::float8[], $12::text[],
         $13::smallint[], $14::text[], $15::jsonb[])
       ON CONFLICT (id) DO NOTHING
       RETURNING ticket_id`,
      Object.values(cols),
    );
    return rows.map((r) => r.ticket_id);
  }

  /** Every stored event of these tickets, with times as exact integer microseconds. */
  async forTickets(m: EntityManager, ticketIds: readonly string[]): Promise<StoredReplayEvent[]> {
    const rows: {
      ticket_id: string;
      id: string;
      type: EventType;
      us: string;
      channel: string | null;
      category: string | null;
      customer_id: string | null;
      language: string | null;
      agent_type: 'ai' | 'human' | null;
      handle_seconds: number | null;
      score: number | null;
      author_type: 'customer' | 'ai' | 'human' | null;
    }[] = await m.query(
      `SELECT ticket_id, id, type, (extract(epoch FROM occurred_at) * 1000000)::int8 AS us,
              channel, category, customer_id, language, agent_type, handle_seconds, score, author_type
         FROM ticket_events WHERE ticket_id = ANY($1::text[])`,
      [ticketIds],
    );
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      id: r.id,
      type: r.type,
      occurredUs: Number(r.us),
      channel: r.channel,
      category: r.category,
      customerId: r.customer_id,
      language: r.language,
      agentType: r.agent_type,
      handleSeconds: r.handle_seconds,
      score: r.score,
      authorType: r.author_type,
    }));
  }
}
