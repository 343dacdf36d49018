// One row per activity of a case (e.g. the Italian help desk log): the case is created at its
// first activity; assignments, resolutions, closures and escalations follow the mapping.
import { CaseBufferedMapper } from './case-buffer';
import type { CsvRecord } from './csv-reader';
import { parseTimestamp } from './datetime';
import { EventLogMapping, Mapper, RowOutcome, aiMatcher, eventEmitter, missing, ticketFields } from './mapping';

export class EventLogMapper extends CaseBufferedMapper implements Mapper {
  private readonly isAi: (agent: string | undefined) => boolean;
  constructor(private readonly m: EventLogMapping) {
    super();
    this.isAi = aiMatcher(m.ai);
  }

  protected caseOf(rec: CsvRecord): string | null {
    const v = rec.values[this.m.caseId];
    return missing(v) ? null : v.trim();
  }

  protected mapCase(caseId: string, rows: CsvRecord[]): RowOutcome[] {
    const m = this.m;
    const outcomes: RowOutcome[] = [];
    const timed: { rec: CsvRecord; iso: string; ms: number; out: RowOutcome }[] = [];
    for (const rec of rows) {
      const out: RowOutcome = { row: rec.row, line: rec.line, events: [] };
      outcomes.push(out);
      const t = parseTimestamp(rec.values[m.timestamp.column] ?? '', m.timestamp.format ?? 'auto', m.timestamp.timeZone ?? 'UTC');
      if ('problem' in t) out.reason = `${m.timestamp.column}: ${t.problem}`;
      else if (missing(rec.values[m.activity])) out.reason = `${m.activity}: missing activity`;
      else timed.push({ rec, iso: t.iso, ms: t.ms, out });
    }
    if (timed.length === 0) return outcomes;
    timed.sort((a, b) => a.ms - b.ms || a.rec.row - b.rec.row); // stable: file order at equal times

    const ticketId = `${m.source}:${caseId}`;
    // Activities logged at the same instant keep their file order: each event after the first at
    // one instant is moved 1 µs later, since the contract orders equal times by event type.
    let lastUs = -Infinity;
    const inOrder = (iso: string): string => {
      const us = Math.max(Date.parse(iso) * 1000, lastUs + 1);
      lastUs = us;
      const ms = Math.floor(us / 1000);
      return `${new Date(ms).toISOString().slice(0, 23)}${String(us - ms * 1000).padStart(3, '0')}Z`;
    };
    const ev = eventEmitter(ticketId, inOrder);

    const first = timed[0];
    ev(first.out, 'created', 'ticket.created', first.iso, ticketFields(m.ticket, first.rec.values));

    let agent: string | undefined;
    let resolved = false;
    for (const { rec, iso, out } of timed) {
      const meaning = m.activities[rec.values[m.activity].trim()];
      const rowAgent = m.agent && !missing(rec.values[m.agent]) ? rec.values[m.agent].trim() : undefined;
      const who = rowAgent ?? agent;
      const agentType = this.isAi(who) ? 'ai' : 'human';
      const reopenIfResolved = () => {
        if (resolved) ev(out, 'reopened', 'ticket.reopened', iso);
        resolved = false;
      };
      switch (meaning) {
        case 'assigned':
          reopenIfResolved();
          ev(out, 'assigned', 'ticket.assigned', iso, { agentType, ...(who ? { agentId: who } : {}) });
          agent = who;
          break;
        case 'resolved':
          reopenIfResolved();
          ev(out, 'resolved', 'ticket.resolved', iso, { agentType });
          resolved = true;
          break;
        case 'closed':
          if (!resolved) ev(out, 'resolved', 'ticket.resolved', iso, { agentType });
          resolved = true;
          break;
        case 'reopened':
          reopenIfResolved();
          break;
        case 'escalation':
          // The contract's escalation is the AI handing over to a human; a human team escalating
          // internally is not one.
          if (this.isAi(agent)) ev(out, 'escalated', 'ticket.escalated', iso);
          break;
        case 'message':
          ev(out, 'message', 'message.sent', iso, { authorType: agentType });
          break;
        default:
          break;
      }
    }
    return outcomes;
  }
}
