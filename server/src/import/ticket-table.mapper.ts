// One row per ticket (e.g. the Kaggle ticket table): created, assigned, first response, resolved
// and CSAT events from the row's columns.
import type { CsvRecord } from './csv-reader';
import { parseTimestamp } from './datetime';
import { ContractEvent, Mapper, RowOutcome, TicketTableMapping, aiMatcher, missing, ticketFields } from './mapping';

export class TicketTableMapper implements Mapper {
  private readonly isAi: (agent: string | undefined) => boolean;
  constructor(private readonly m: TicketTableMapping) {
    this.isAi = aiMatcher(m.ai);
  }

  push(rec: CsvRecord): RowOutcome[] {
    const out = (events: ContractEvent[], reason?: string): RowOutcome[] => [{ row: rec.row, line: rec.line, events, ...(reason ? { reason } : {}) }];
    const v = rec.values;
    const m = this.m;
    if (missing(v[m.ticketId])) return out([], `${m.ticketId}: missing ticket id`);
    const id = v[m.ticketId].trim();
    const tz = m.createdAt.timeZone ?? 'UTC';
    const format = m.createdAt.format ?? 'auto';
    const time = (column: string | undefined) => {
      if (!column || missing(v[column])) return null;
      const r = parseTimestamp(v[column], format, tz);
      if ('problem' in r) throw new Error(`${column}: ${r.problem}`);
      return r;
    };
    try {
      const createdColumns = 'columns' in m.createdAt ? m.createdAt.columns : [m.createdAt.column];
      const candidates = createdColumns.map(time).filter((t): t is NonNullable<typeof t> => t !== null);
      if (candidates.length === 0) return out([], `${createdColumns.join(' / ')}: no timestamp to place the ticket in time`);
      const created = candidates.reduce((a, b) => (b.ms < a.ms ? b : a));
      const firstResponse = time(m.firstResponseAt);
      const resolvedAt = time(m.resolvedAt);
      const resolved = m.resolvedWhen ? m.resolvedWhen.values.includes((v[m.resolvedWhen.column] ?? '').trim()) : resolvedAt !== null;
      let score: number | null = null;
      if (m.csat && !missing(v[m.csat])) {
        score = Number(v[m.csat]);
        if (!Number.isInteger(score) || score < 1 || score > 5) return out([], `${m.csat}: CSAT must be a whole number from 1 to 5, got "${v[m.csat]}"`);
      }
      if (resolved && resolvedAt === null) return out([], `${m.resolvedAt}: the ticket is resolved but has no resolution time`);

      const agent = m.agent && !missing(v[m.agent]) ? v[m.agent].trim() : undefined;
      const agentType = this.isAi(agent) ? 'ai' : 'human';
      const ticketId = `${m.source}:${id}`;
      const ev = (kind: string, type: string, at: { iso: string }, extra: Record<string, unknown> = {}): ContractEvent => ({ id: `${ticketId}:${kind}`, type, ticketId, occurredAt: at.iso, ...extra });
      const events = [ev('created', 'ticket.created', created, ticketFields(m.ticket, v)), ev('assigned', 'ticket.assigned', created, { agentType, ...(agent ? { agentId: agent } : {}) })];
      if (firstResponse) events.push(ev('first-response', 'message.sent', firstResponse, { authorType: agentType }));
      if (resolved && resolvedAt) events.push(ev('resolved', 'ticket.resolved', resolvedAt, { agentType }));
      if (score !== null) {
        // No CSAT time in the export: the customer answers at resolution (or at the latest time known).
        const at = resolvedAt ?? firstResponse ?? created;
        events.push(ev('csat', 'csat.submitted', at, { score }));
      }
      return out(events);
    } catch (e) {
      return out([], (e as Error).message);
    }
  }

  flush(): RowOutcome[] {
    return [];
  }
}
