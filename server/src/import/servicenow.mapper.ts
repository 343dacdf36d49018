// The ServiceNow incident audit log (UCI "incident management process enriched event log"): one
// row per update of an incident, incident-level fields repeated on every row. The updates are a
// state machine, so this preset is code rather than a JSON mapping:
//   opened_at                    -> ticket.created (channel contact_type, category, customer caller_id)
//   assigned_to set or changed   -> ticket.assigned (ticket.escalated first when an AI hands over to a human)
//   reopen_count goes up         -> ticket.resolved (at the last Resolved update, if not yet) + ticket.reopened
//   resolved_at                  -> the final ticket.resolved, by resolved_by
import { CaseBufferedMapper } from './case-buffer';
import type { CsvRecord } from './csv-reader';
import { parseTimestamp } from './datetime';
import { Mapper, RowOutcome, ServiceNowMapping, aiMatcher, eventEmitter, missing } from './mapping';

const FORMAT = 'D/M/YYYY HH:mm';

export class ServiceNowMapper extends CaseBufferedMapper implements Mapper {
  private readonly isAi: (agent: string | undefined) => boolean;
  constructor(private readonly m: ServiceNowMapping) {
    super();
    this.isAi = aiMatcher(m.ai);
  }

  protected caseOf(rec: CsvRecord): string | null {
    return missing(rec.values.number) ? null : rec.values.number.trim();
  }

  protected mapCase(caseId: string, rows: CsvRecord[]): RowOutcome[] {
    const tz = this.m.timeZone ?? 'UTC';
    const time = (v: string | undefined) => (missing(v) ? null : parseTimestamp(v!, FORMAT, tz));
    const outcomes = rows.map((rec): RowOutcome => ({ row: rec.row, line: rec.line, events: [] }));
    const opened = time(rows[0].values.opened_at);
    if (!opened || 'problem' in opened) {
      const reason = `opened_at: ${opened ? opened.problem : 'missing'}; the incident cannot be placed in time`;
      return outcomes.map((o) => ({ ...o, reason }));
    }
    const updates: { rec: CsvRecord; out: RowOutcome; iso: string; ms: number; seq: number }[] = [];
    rows.forEach((rec, i) => {
      const t = time(rec.values.sys_updated_at);
      if (!t || 'problem' in t) outcomes[i].reason = `sys_updated_at: ${t ? t.problem : 'missing'}`;
      else updates.push({ rec, out: outcomes[i], iso: t.iso, ms: t.ms, seq: Number(rec.values.sys_mod_count) || 0 });
    });
    // The file is not always in update order: sort by (sys_mod_count, sys_updated_at).
    updates.sort((a, b) => a.seq - b.seq || a.ms - b.ms || a.rec.row - b.rec.row);

    const ticketId = `${this.m.source}:${caseId}`;
    const ev = eventEmitter(ticketId);
    const v0 = rows[0].values;
    const created: Record<string, unknown> = { channel: missing(v0.contact_type) ? 'unknown' : v0.contact_type.trim().toLowerCase() };
    if (!missing(v0.category)) created.category = v0.category.trim();
    if (!missing(v0.caller_id)) created.customerId = v0.caller_id.trim();
    ev(outcomes[0], 'created', 'ticket.created', opened.iso, created);

    let assignee: string | undefined;
    let reopens = 0;
    let resolved = false;
    let lastResolvedUpdate: string | null = null;
    for (const u of updates) {
      const v = u.rec.values;
      const who = missing(v.assigned_to) ? undefined : v.assigned_to.trim();
      if (who !== undefined && who !== assignee) {
        if (this.isAi(assignee) && !this.isAi(who)) ev(u.out, 'escalated', 'ticket.escalated', u.iso);
        ev(u.out, 'assigned', 'ticket.assigned', u.iso, { agentType: this.isAi(who) ? 'ai' : 'human', agentId: who });
        assignee = who;
      }
      const r = Number(v.reopen_count) || 0;
      if (r > reopens) {
        if (!resolved) ev(u.out, 'resolved', 'ticket.resolved', lastResolvedUpdate ?? u.iso, { agentType: this.isAi(assignee) ? 'ai' : 'human' });
        ev(u.out, 'reopened', 'ticket.reopened', u.iso);
        resolved = false;
        reopens = r;
      }
      if (v.incident_state?.trim() === 'Resolved') lastResolvedUpdate = u.iso;
    }
    const last = updates[updates.length - 1]?.out ?? outcomes[outcomes.length - 1];
    const resolvedAt = time(v0.resolved_at);
    if (resolvedAt && 'iso' in resolvedAt) {
      const by = missing(v0.resolved_by) ? assignee : v0.resolved_by.trim();
      ev(last, 'resolved', 'ticket.resolved', resolvedAt.iso, { agentType: this.isAi(by) ? 'ai' : 'human' });
      resolved = true;
    } else if (resolvedAt && 'problem' in resolvedAt) {
      last.reason = `resolved_at: ${resolvedAt.problem}`;
      last.events = [];
    }
    return outcomes;
  }
}
