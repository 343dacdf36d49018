// A ticket's state, replayed from its events: CONTRACT.md §2 and §3a, rule by rule.
// Pure and order-independent: the input may come in any order and the result depends only on
// the set of events. Times are integer microseconds since the epoch (exact, like PostgreSQL).
import { AgentType, AuthorType, EVENT_TYPES, EventType, TicketPath } from '../contract/api-types';

export interface ReplayEvent {
  id: string;
  type: EventType;
  occurredUs: number;
  channel?: string | null;
  category?: string | null;
  customerId?: string | null;
  language?: string | null;
  agentType?: AgentType | null;
  handleSeconds?: number | null;
  score?: number | null;
  authorType?: AuthorType | null;
  /** ticket.created of an import whose source records no handle time (docs/IMPORT.md): its segments are elapsed time, not work. */
  handleUnrecorded?: boolean;
}

export interface TicketState {
  /** null while the ticket has no ticket.created: it is incomplete and left out of every metric. */
  createdUs: number | null;
  channel: string | null;
  category: string | null;
  customerId: string | null;
  language: string | null;
  path: TicketPath;
  aiInvolved: boolean;
  humanInvolved: boolean;
  resolved: boolean;
  resolvedUs: number | null;
  resolvedBy: AgentType | null;
  reopened: boolean;
  csat: number | null;
  aiSeconds: number;
  humanSeconds: number;
  firstResponseSeconds: number | null;
  eventCount: number;
  lastEventUs: number;
  /** False when the source recorded no handle time: aiSeconds and humanSeconds are elapsed time, left out of every handle-time figure. */
  handleKnown: boolean;
}

export const UNCATEGORIZED = 'uncategorized';
const TYPE_RANK = new Map<EventType, number>(EVENT_TYPES.map((t, i) => [t, i]));

/** Code-point order, as SQL `COLLATE "C"` (JS `<` on strings compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

function byTimeTypeId(a: { t: number; e: ReplayEvent }, b: { t: number; e: ReplayEvent }): number {
  return a.t - b.t || TYPE_RANK.get(a.e.type)! - TYPE_RANK.get(b.e.type)! || compareCodePoints(a.e.id, b.e.id);
}

/** The ticket.created that counts: the earliest, then the lowest id. */
function governingCreated(events: readonly ReplayEvent[]): ReplayEvent | null {
  let best: ReplayEvent | null = null;
  for (const e of events) {
    if (e.type !== 'ticket.created') continue;
    if (!best || e.occurredUs < best.occurredUs || (e.occurredUs === best.occurredUs && compareCodePoints(e.id, best.id) < 0)) {
      best = e;
    }
  }
  return best;
}

const US = 1_000_000;

export function replayTicket(events: readonly ReplayEvent[]): TicketState {
  const lastEventUs = events.reduce((m, e) => Math.max(m, e.occurredUs), -Infinity);
  const created = governingCreated(events);
  const state: TicketState = {
    createdUs: created?.occurredUs ?? null,
    channel: created?.channel ?? null,
    category: created ? created.category || UNCATEGORIZED : null,
    customerId: created?.customerId || null,
    language: created?.language || null,
    path: 'none',
    aiInvolved: false,
    humanInvolved: false,
    resolved: false,
    resolvedUs: null,
    resolvedBy: null,
    reopened: false,
    csat: null,
    aiSeconds: 0,
    humanSeconds: 0,
    firstResponseSeconds: null,
    eventCount: events.length,
    lastEventUs,
    handleKnown: created?.handleUnrecorded !== true,
  };
  if (!created) return state;

  const createdUs = created.occurredUs;
  // Events earlier than createdAt count as happening at createdAt; the other created events are ignored.
  const timeline = events
    .filter((e) => e.type !== 'ticket.created')
    .map((e) => ({ t: Math.max(e.occurredUs, createdUs), e }))
    .sort(byTimeTypeId);

  // The running segment; null when none runs (after a resolution without a reopen).
  let segment: { startUs: number; handler: AgentType | null } | null = { startUs: createdUs, handler: null };
  const add = (handler: AgentType | null, seconds: number) => {
    if (handler === 'ai') state.aiSeconds += seconds;
    else if (handler === 'human') state.humanSeconds += seconds;
  };
  const close = (t: number, as: AgentType | null, handleSeconds: number | null | undefined) => {
    if (!segment) return;
    add(as, handleSeconds ?? (t - segment.startUs) / US);
  };
  const involve = (agent: AgentType | null | undefined) => {
    if (agent === 'ai') state.aiInvolved = true;
    if (agent === 'human') state.humanInvolved = true;
  };

  for (const { t, e } of timeline) {
    switch (e.type) {
      case 'ticket.assigned':
        // Closes as the segment's own handler (a queue adds nothing) with wall-clock time.
        if (segment) close(t, segment.handler, null);
        segment = { startUs: t, handler: e.agentType ?? null };
        involve(e.agentType);
        break;
      case 'ticket.escalated':
        close(t, 'ai', e.handleSeconds);
        segment = { startUs: t, handler: null };
        state.aiInvolved = state.humanInvolved = true;
        break;
      case 'ticket.resolved':
        close(t, e.agentType ?? null, e.handleSeconds);
        segment = null;
        involve(e.agentType);
        state.resolved = true;
        state.resolvedUs = t;
        state.resolvedBy = e.agentType ?? null;
        break;
      case 'ticket.reopened':
        segment = { startUs: t, handler: null }; // a running segment is discarded
        state.reopened = true;
        state.resolved = false;
        state.resolvedUs = null;
        state.resolvedBy = null;
        break;
      case 'csat.submitted':
        state.csat = e.score ?? null;
        break;
      case 'message.sent':
        if (state.firstResponseSeconds === null && (e.authorType === 'ai' || e.authorType === 'human')) {
          state.firstResponseSeconds = (t - createdUs) / US;
        }
        break;
      default:
        break;
    }
  }
  state.path = state.aiInvolved
    ? state.humanInvolved
      ? 'escalated'
      : 'ai'
    : state.humanInvolved
      ? 'human'
      : 'none';
  return state;
}
