// What an import's data can and cannot show (docs/IMPORT.md, "What the data can show"): which
// contract fields the source filled, what the dashboard will therefore show empty or estimated,
// how to map what is missing, and the dates the data covers. Fed every event the import produces.
import { DEFAULT_SLUG, maybeCurrentWorkspace } from '../workspaces/workspace-context';
import type { CoverageField, ImportCoverage } from '../contract';
import type { ContractEvent } from './mapping';

export class CoverageCounter {
  constructor(private readonly handleRule: 'unrecorded' | 'elapsed' = 'unrecorded') {}

  private readonly tickets = new Set<string>();
  private readonly ai = new Set<string>();
  private readonly handle = new Set<string>();
  private readonly resolvedOrEscalated = new Set<string>();
  private readonly csat = new Set<string>();
  private readonly customer = new Set<string>();
  private readonly firstResponse = new Set<string>();
  private readonly knownChannel = new Set<string>();
  private readonly category = new Set<string>();
  private minCreated: string | null = null;
  private maxCreated: string | null = null;

  add(e: ContractEvent): void {
    const t = e.ticketId;
    if (e.type === 'ticket.created') {
      this.tickets.add(t);
      if (e.customerId) this.customer.add(t);
      if (e.channel && e.channel !== 'unknown') this.knownChannel.add(t);
      if (e.category) this.category.add(t);
      if (this.minCreated === null || e.occurredAt < this.minCreated) this.minCreated = e.occurredAt;
      if (this.maxCreated === null || e.occurredAt > this.maxCreated) this.maxCreated = e.occurredAt;
    }
    if (e.agentType === 'ai' || e.type === 'ticket.escalated') this.ai.add(t);
    if (e.type === 'ticket.resolved' || e.type === 'ticket.escalated') {
      this.resolvedOrEscalated.add(t);
      if (typeof e.handleSeconds === 'number') this.handle.add(t);
    }
    if (e.type === 'csat.submitted') this.csat.add(t);
    if (e.type === 'message.sent' && e.authorType !== 'customer') this.firstResponse.add(t);
  }

  result(): ImportCoverage {
    const n = this.tickets.size;
    const f = (field: CoverageField['field'], count: number, of: number, effect: string, howToMap: string | null): CoverageField => ({ field, count, of, filled: count > 0, effect, howToMap });
    const fields: CoverageField[] = [
      f(
        'aiAttribution',
        this.ai.size,
        n,
        this.ai.size > 0 ? `${this.ai.size} tickets involve the AI` : 'no ticket is attributed to an AI agent: every ticket counts as human, and every AI number (involvement, verified resolutions, savings) is empty',
        this.ai.size > 0 ? null : 'name the AI agents or queues: --ai-ids "Virtual agent,bot-1" or --ai-pattern "^bot" (mapping "ai": {"ids": [...], "pattern": "..."})',
      ),
      f(
        'handleTime',
        this.handle.size,
        this.resolvedOrEscalated.size,
        this.handle.size > 0
          ? `${this.handle.size} of ${this.resolvedOrEscalated.size} resolved or escalated tickets carry handle time`
          : this.handleRule === 'elapsed'
            ? 'no handle time in the source; by choice (--handle-time elapsed) elapsed time, waiting included, is priced as handle time: every cost is an upper bound'
            : 'no handle time in the source, only elapsed (wall-clock) times: handle time is left empty, so human cost per ticket, savings and FTE have no basis (the cost cards say why)',
        this.handle.size > 0 ? null : this.handleRule === 'elapsed' ? null : 'map a handle-time or work-time column if the helpdesk exports one, or price elapsed time as an upper bound: --handle-time elapsed (mapping "handleTime": "elapsed")',
      ),
      f('csat', this.csat.size, n, this.csat.size > 0 ? `${this.csat.size} tickets rated` : 'no CSAT: satisfaction figures and CSAT alerts are empty', this.csat.size > 0 ? null : 'map a satisfaction column (ticket-table "csat")'),
      f(
        'customerId',
        this.customer.size,
        n,
        this.customer.size > 0 ? `${this.customer.size} tickets name their customer` : 'no customer id: a repeat contact cannot be seen, so "verified" only checks reopens and overstates durable resolutions',
        this.customer.size > 0 ? null : 'map a customer, requester or caller column (ticket.customerId)',
      ),
      f('firstResponse', this.firstResponse.size, n, this.firstResponse.size > 0 ? `${this.firstResponse.size} tickets have a first response` : 'no messages: first-response time is empty', this.firstResponse.size > 0 ? null : 'map a first-response time (ticket-table "firstResponseAt") or message activities'),
      f('channel', this.knownChannel.size, n, this.knownChannel.size > 0 ? `${this.knownChannel.size} tickets have a channel` : 'no channel: every ticket is in channel "unknown"', this.knownChannel.size > 0 ? null : 'map a channel column, or a constant: "channel": {"value": "email"}'),
      f('category', this.category.size, n, this.category.size > 0 ? `${this.category.size} tickets have a category` : 'no category: savings cannot be priced like for like (every ticket is "uncategorized")', this.category.size > 0 ? null : 'map a category, type or service column (ticket.category)'),
    ];
    const from = this.minCreated?.slice(0, 10) ?? null;
    const to = this.maxCreated ? new Date(Date.parse(`${this.maxCreated.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : null;
    // The dashboard opens the workspace the import went into (the default one needs no parameter).
    const ws = maybeCurrentWorkspace();
    const wsParam = ws && ws.slug !== DEFAULT_SLUG ? `&ws=${ws.slug}` : '';
    return { fields, from, to, dashboardPath: from && to ? `/?from=${from}&to=${to}&tz=UTC${wsParam}` : null };
  }
}
