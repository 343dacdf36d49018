// Drill-down: the tickets behind any number, and one ticket's story.
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AgentType, EventType, TicketDetail, TicketPage, TicketPath, TicketRow } from '../contract/api-types';
import { csvLine, flatten } from '../common/csv';
import { MetricsService } from '../metrics/metrics.service';
import type { MetricsScope } from '../metrics/metrics-scope';
import { repeatContactsQuery, ticketRowQuery, ticketTimelineQuery } from './queries/ticket-detail.query';
import { TicketListParams, TicketListRow, TicketPredicates, ticketCountQuery, ticketListQuery } from './queries/ticket-list.query';
import { FreshnessService } from '../projection/freshness.service';
import { TicketsQueryDto } from './tickets-query.dto';
import { decodeCursor, encodeCursor, isMicroseconds } from './cursor';
import { listTotal, totalFromRollups } from './list-total';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toTicketRow(r: TicketListRow): TicketRow {
  return {
    id: r.id,
    createdAt: iso(r.created_at)!,
    channel: r.channel,
    category: r.category,
    customerId: r.customer_id,
    language: r.language,
    path: r.path as TicketPath,
    resolved: r.resolved,
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by as AgentType | null,
    reopened: r.reopened,
    csat: r.csat,
    aiSeconds: r.ai_seconds,
    humanSeconds: r.human_seconds,
    handleSeconds: r.handle_known ? r.ai_seconds + r.human_seconds : null,
    resolutionSeconds: r.resolved_at ? (new Date(r.resolved_at).getTime() - new Date(r.created_at).getTime()) / 1000 : null,
    firstResponseSeconds: r.first_response_seconds,
    repeatContact: r.repeat_contact,
    pending: r.pending,
    verified: r.verified,
  };
}

const flag = (v: string | undefined) => (v === undefined ? undefined : v === 'true');

@Injectable()
export class TicketsService {
  constructor(
    private readonly ds: DataSource,
    private readonly metrics: MetricsService,
    private readonly freshness: FreshnessService,
  ) {}

  /** Read-your-writes first (projection/freshness.service.ts), as every read. */
  private async params(q: TicketsQueryDto, limit: number): Promise<TicketListParams & { scope: MetricsScope }> {
    await this.freshness.catchUp(q.after, q.wait);
    const s = await this.metrics.scope(q);
    const predicates: TicketPredicates = {
      resolved: flag(q.resolved),
      verified: flag(q.verified),
      pending: flag(q.pending),
      repeatContact: flag(q.repeatContact),
      reopened: flag(q.reopened),
      aiInvolved: flag(q.aiInvolved),
      hasCsat: flag(q.hasCsat),
      csatMin: q.csatMin === undefined ? undefined : Number(q.csatMin),
      csatMax: q.csatMax === undefined ? undefined : Number(q.csatMax),
    };
    const sort = q.sort ?? 'createdAt';
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (after && sort === 'createdAt' && !isMicroseconds(after.value)) throw new BadRequestException('cursor: not a cursor this API returned');
    return { filter: s.filter, asOf: s.asOf, predicates, sort, order: q.order ?? 'desc', limit, after, scope: s };
  }

  async list(q: TicketsQueryDto): Promise<TicketPage> {
    const p = await this.params(q, q.limit ? Number(q.limit) : 50);
    const [rows, total] = await Promise.all([ticketListQuery(this.ds.manager, { ...p, limit: p.limit + 1 }), this.total(p)]);
    const page = rows.slice(0, p.limit);
    const last = page[page.length - 1];
    return { total, items: page.map(toTicketRow), nextCursor: rows.length > p.limit && last ? encodeCursor(last.sort_value, last.id) : null };
  }

  /** The list's total: from the rollups when it is a number the summary has, else counted. */
  private async total(p: TicketListParams & { scope: MetricsScope }): Promise<number> {
    if (totalFromRollups(p.predicates)) {
      const total = listTotal(p.predicates, await this.metrics.pathRows(p.scope));
      if (total !== null) return total;
    }
    return ticketCountQuery(this.ds.manager, p);
  }

  /**
   * Every matching ticket as CSV, streamed page by page (constant memory). The first page is read
   * before the answer starts, so a database that is down gives a 503, not an empty 200; a failure
   * later aborts the download (the client sees an incomplete chunked response, never a short 200).
   */
  async csv(q: TicketsQueryDto): Promise<Readable> {
    const p = await this.params(q, 2000);
    const m = this.ds.manager;
    const first = await ticketListQuery(m, p);
    async function* lines() {
      let after = p.after;
      let header = true;
      let page: TicketListRow[] | null = first;
      for (;;) {
        const rows = page ?? (await ticketListQuery(m, { ...p, after }));
        page = null;
        for (const r of rows) {
          const flat = flatten(toTicketRow(r));
          if (header) {
            yield csvLine(Object.keys(flat));
            header = false;
          }
          yield csvLine(Object.values(flat));
        }
        if (rows.length < p.limit) break;
        const last = rows[rows.length - 1];
        after = { value: last.sort_value, id: last.id };
      }
      if (header) yield csvLine(Object.keys(flatten(toTicketRow(EMPTY_ROW))));
    }
    return Readable.from(lines());
  }

  async detail(id: string, asOfRaw: string | undefined, wait?: string): Promise<TicketDetail> {
    await this.freshness.catchUp(undefined, wait);
    const asOf = asOfRaw ? new Date(asOfRaw) : new Date();
    const row = await ticketRowQuery(this.ds.manager, id, asOf);
    if (!row) throw new NotFoundException(`ticket ${id} has no events`);
    const [events, repeats] = await Promise.all([ticketTimelineQuery(this.ds.manager, id, row.created_at), repeatContactsQuery(this.ds.manager, id)]);
    return {
      id,
      ticket: row.has_created ? toTicketRow(row) : null,
      events: events.map((e) => {
        const fields: Record<string, unknown> = {};
        const all: Record<string, unknown> = {
          channel: e.channel, category: e.category, customerId: e.customer_id, language: e.language, agentType: e.agent_type,
          agentId: e.agent_id, handleSeconds: e.handle_seconds, reason: e.reason, score: e.score, authorType: e.author_type,
        };
        for (const [k, v] of Object.entries(all)) if (v !== null) fields[k] = v;
        // defineProperty: an unknown field named "__proto__" is shown as a field, not taken as a prototype.
        for (const [k, v] of Object.entries(e.extra ?? {})) Object.defineProperty(fields, k, { value: v, enumerable: true, writable: true, configurable: true });
        return { id: e.id, type: e.type as EventType, occurredAt: iso(e.occurred_at)!, effectiveAt: iso(e.effective_at)!, receivedAt: iso(e.received_at)!, fields };
      }),
      repeatContacts: repeats.map((r) => ({ id: r.id, createdAt: iso(r.created_at)! })),
    };
  }
}

const EMPTY_ROW: TicketListRow = {
  id: '', created_at: new Date(0), channel: '', category: '', customer_id: null, language: null, path: 'none', resolved: false,
  resolved_at: null, resolved_by: null, reopened: false, csat: null, ai_seconds: 0, human_seconds: 0, handle_known: true, first_response_seconds: null,
  repeat_contact: false, pending: false, verified: false, sort_value: '0',
};
