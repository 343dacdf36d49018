// The write path of an event (docs/ARCHITECTURE.md): parse -> validate -> one transaction that
// locks the batch's tickets, inserts the new events, replays the touched tickets from all their
// events and refreshes the repeat-contact flags of their customers.
import { BadRequestException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IngestRejection, IngestResponse } from '../contract/api-types';
import { TicketState, replayTicket } from '../tickets/ticket-replay';
import { TicketsRepository } from '../tickets/tickets.repository';
import { BodyFormatError, BodyItem, BodyTooLargeError, parseEventBody } from './event-body.parser';
import { ValidEvent, validateEvent } from './event-validation';
import { EventsRepository, StoredReplayEvent } from './events.repository';
import { IngestNotifier } from './ingest-notifier';
import { TelemetryService } from '../telemetry/telemetry.service';

export interface IngestRejectionWithLine extends IngestRejection {
  /** NDJSON only: the 1-based line of the body. */
  line?: number;
}

@Injectable()
export class EventsService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventsRepository,
    private readonly tickets: TicketsRepository,
    private readonly notifier: IngestNotifier,
    private readonly telemetry: TelemetryService,
  ) {}

  /** `text` is undefined when the request had no body (or one Fastify did not hand over as text). */
  async ingestBody(text: string | undefined, contentType: string | undefined): Promise<IngestResponse> {
    let items: BodyItem[];
    try {
      items = parseEventBody(text, contentType);
    } catch (e) {
      if (e instanceof BodyTooLargeError) throw new PayloadTooLargeException(e.message);
      if (e instanceof BodyFormatError) throw new BadRequestException(e.message);
      throw e;
    }
    return this.ingest(items);
  }

  /** Validates every item; stores the valid ones even when others are rejected. */
  async ingest(items: readonly BodyItem[]): Promise<IngestResponse> {
    const rejected: IngestRejectionWithLine[] = [];
    const valid: ValidEvent[] = [];
    const seen = new Set<string>();
    let repeatedInBatch = 0;
    items.forEach((item, index) => {
      if ('parseError' in item) {
        rejected.push({ index, id: item.rawId, line: item.line, errors: [item.parseError] });
        return;
      }
      const r = validateEvent(item.value);
      if (!r.ok) {
        rejected.push({ index, id: r.id, ...(item.line ? { line: item.line } : {}), errors: r.errors });
      } else if (seen.has(r.event.id)) {
        repeatedInBatch++; // an id names one event: the first valid one in the batch wins
      } else {
        seen.add(r.event.id);
        valid.push(r.event);
      }
    });
    const end = this.telemetry.ingestBatchDuration.startTimer();
    const accepted = valid.length > 0 ? await this.store(valid) : 0;
    end();
    if (accepted > 0) this.notifier.notify();
    const duplicates = valid.length - accepted + repeatedInBatch;
    this.telemetry.ingestEvents.inc({ outcome: 'accepted' }, accepted);
    this.telemetry.ingestEvents.inc({ outcome: 'duplicate' }, duplicates);
    this.telemetry.ingestEvents.inc({ outcome: 'rejected' }, rejected.length);
    return { accepted, duplicates, rejected };
  }

  /**
   * One transaction: a failure leaves nothing half-applied and a resend completes the batch.
   * Concurrency: the insert runs without advisory locks (it is the slowest step, and ON CONFLICT
   * settles races on ids); then each touched ticket is locked, and then each affected customer, both in sorted
   * order, so each replay sees every event committed before it and no two batches deadlock.
   * Ticket rows are only written under their customer's lock, which the repeat-contact refresh of
   * another batch may be holding.
   */
  private store(valid: readonly ValidEvent[]): Promise<number> {
    // Inserting in id order makes concurrent inserts take their row locks in one global order, so
    // two batches that share ids wait for each other instead of deadlocking.
    const ordered = [...valid].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.ds.transaction(async (m) => {
      const insertedIds = await this.events.insertNew(m, ordered);
      if (insertedIds.size === 0) return 0;
      const inserted = valid.filter((e) => insertedIds.has(e.id));
      const touched = [...new Set(inserted.map((e) => e.ticketId))];
      await this.tickets.lockKeys(m, 1, touched);

      // A ticket with no stored row has no committed events (every insert upserts its ticket in
      // the same transaction), so it is replayed from this batch in memory; the others from the table.
      const before = await this.tickets.existing(m, touched);
      const fromMemory = new Map<string, StoredReplayEvent[]>();
      const fromTable = new Set(before.keys());
      for (const e of inserted) {
        if (fromTable.has(e.ticketId)) continue;
        const r = toReplayEvent(e);
        if (r === null) {
          fromTable.add(e.ticketId);
          fromMemory.delete(e.ticketId);
        } else {
          const list = fromMemory.get(e.ticketId);
          if (list) list.push(r);
          else fromMemory.set(e.ticketId, [r]);
        }
      }
      const stored = fromTable.size > 0 ? await this.events.forTickets(m, [...fromTable]) : [];
      const states = replayAll([...stored, ...[...fromMemory.values()].flat()]);

      const customers = new Set<string>();
      for (const c of before.values()) if (c) customers.add(c);
      for (const s of states.values()) if (s.customerId) customers.add(s.customerId);
      await this.tickets.lockKeys(m, 2, [...customers]);
      await this.tickets.upsert(m, states);
      await this.tickets.refreshRepeatContacts(m, [...customers]);
      return insertedIds.size;
    });
  }
}

/** The replay view of a just-validated event; null when its time needs PostgreSQL's rounding. */
function toReplayEvent(e: ValidEvent): StoredReplayEvent | null {
  const occurredUs = e.occurredUs;
  if (occurredUs === null) return null;
  return {
    ticketId: e.ticketId,
    id: e.id,
    type: e.type,
    occurredUs,
    channel: e.channel,
    category: e.category,
    customerId: e.customerId,
    language: e.language,
    agentType: e.agentType,
    handleSeconds: e.handleSeconds,
    score: e.score,
    authorType: e.authorType,
  };
}

function replayAll(events: readonly StoredReplayEvent[]): Map<string, TicketState> {
  const byTicket = new Map<string, StoredReplayEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId);
    if (list) list.push(e);
    else byTicket.set(e.ticketId, [e]);
  }
  const states = new Map<string, TicketState>();
  for (const [id, list] of byTicket) states.set(id, replayTicket(list));
  return states;
}
