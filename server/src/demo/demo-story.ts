// The demo story, as events (CONTRACT.md §1), from a seed: an AI agent ramping up over months,
// fast cheap AI resolutions (about 2 min of handle time against about 11 min for a human), and
// in the last weeks a quality regression in one category on the AI path (more repeat contacts and
// reopens, lower CSAT), so that claimed and verified savings visibly part ways.
// Deterministic: the same options give the same events, ids included.

export interface DemoOptions {
  days: number;
  perDay: number;
  seed: number;
  /** Exclusive end; events after it are not generated. */
  end: Date;
}

/** Where and when the story's regression happens (the alerts issue tests that it is found). */
export const DEMO_REGRESSION = { category: 'billing', path: 'ai', daysBeforeEnd: 21 } as const;

export type DemoEvent = Record<string, string | number> & { id: string; type: string; ticketId: string; occurredAt: string };

interface Category {
  name: string;
  weight: number;
  humanSeconds: number; // median human handle time
  aiResolve: number; // share of AI conversations the AI resolves
  aiAffinity: number; // how much more often the AI is put on this category
}

const CATEGORIES: Category[] = [
  { name: 'account', weight: 0.2, humanSeconds: 420, aiResolve: 0.86, aiAffinity: 1.3 },
  { name: 'shipping', weight: 0.2, humanSeconds: 540, aiResolve: 0.8, aiAffinity: 1.2 },
  { name: 'billing', weight: 0.2, humanSeconds: 660, aiResolve: 0.76, aiAffinity: 1.2 },
  { name: 'payments', weight: 0.15, humanSeconds: 720, aiResolve: 0.66, aiAffinity: 0.9 },
  { name: 'technical', weight: 0.15, humanSeconds: 960, aiResolve: 0.5, aiAffinity: 0.7 },
  { name: 'disputes', weight: 0.1, humanSeconds: 1080, aiResolve: 0.35, aiAffinity: 0.5 },
];
const CHANNELS = [
  { name: 'chat', weight: 0.45, ai: 1.0 },
  { name: 'email', weight: 0.3, ai: 0.8 },
  { name: 'phone', weight: 0.15, ai: 0.3 },
  { name: 'social', weight: 0.1, ai: 0.9 },
];
const LANGUAGES = [
  { name: 'en', weight: 0.7 },
  { name: 'sv', weight: 0.1 },
  { name: 'de', weight: 0.1 },
  { name: 'es', weight: 0.1 },
];

interface Quality {
  repeat: number;
  reopen: number;
  top2: number;
}
const AI_QUALITY: Quality = { repeat: 0.07, reopen: 0.03, top2: 0.74 };
const AI_REGRESSED: Quality = { repeat: 0.3, reopen: 0.15, top2: 0.35 };
const HUMAN_QUALITY: Quality = { repeat: 0.06, reopen: 0.04, top2: 0.82 };
const CSAT_RESPONSE = 0.4;
const LEFT_OPEN = 0.03;
const EVENTS_PER_TICKET = 6; // measured: 214,866 events for 36,000 tickets (5.97), for progress estimates

/** mulberry32: small, fast, good enough for a story. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function estimateDemoEvents(o: Pick<DemoOptions, 'days' | 'perDay'>): number {
  return Math.round(o.days * o.perDay * EVENTS_PER_TICKET);
}

/** Share of tickets the AI takes on day fraction f of the story: about 8% rising to about 68%. */
export function aiRamp(f: number): number {
  return 0.08 + 0.6 / (1 + Math.exp(-10 * (f - 0.4)));
}

class Story {
  private readonly r: () => number;
  private seq = 0;
  private readonly prefix: string;
  private readonly customers: number;
  private readonly endMs: number;
  private readonly startMs: number;
  private readonly regressionMs: number;

  constructor(private readonly o: DemoOptions) {
    this.r = rng(o.seed);
    this.prefix = `demo${o.seed}`;
    // About 1.5 tickets a customer over the story: some come back by chance, as real ones do.
    this.customers = Math.max(50, Math.round((o.days * o.perDay) / 1.5));
    this.endMs = o.end.getTime();
    this.startMs = this.endMs - o.days * DAY;
    this.regressionMs = this.endMs - DEMO_REGRESSION.daysBeforeEnd * DAY;
  }

  private pick<T extends { weight: number }>(list: T[]): T {
    let u = this.r();
    for (const x of list) if ((u -= x.weight) < 0) return x;
    return list[list.length - 1];
  }

  /** Log-normal with the given median; sigma ≈ spread. */
  private lognormal(median: number, sigma: number): number {
    const u = 1 - this.r();
    const v = this.r();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }

  private csat(top2: number): number {
    if (this.r() < top2) return this.r() < 0.6 ? 5 : 4;
    const u = this.r();
    return u < 0.3 ? 1 : u < 0.6 ? 2 : 3;
  }

  day(d: number): DemoEvent[] {
    const out: DemoEvent[] = [];
    const dayStart = this.startMs + d * DAY;
    for (let i = 0; i < this.o.perDay; i++) {
      // Busier in the daytime: 70% of tickets between 08:00 and 20:00 UTC.
      const offset = this.r() < 0.7 ? 8 * HOUR + this.r() * 12 * HOUR : this.r() * DAY;
      const customer = this.r() < 0.1 ? null : `C-${Math.floor(this.r() * this.customers)}`;
      this.ticket(out, dayStart + offset, customer, null, true);
    }
    return out;
  }

  private ticket(out: DemoEvent[], created: number, customer: string | null, category: Category | null, mayRepeat: boolean): void {
    const n = ++this.seq;
    const ticketId = `${this.prefix}-T${n}`;
    let k = 0;
    const emit = (type: string, at: number, extra: Record<string, string | number> = {}) => {
      if (at >= this.endMs) return false; // the story stops at `end`: later events have not happened yet
      out.push({ id: `${this.prefix}-${n}-${++k}`, type, ticketId, occurredAt: new Date(Math.round(at)).toISOString(), ...extra });
      return true;
    };
    const cat = category ?? this.pick(CATEGORIES);
    const channel = this.pick(CHANNELS);
    const f = (created - this.startMs) / (this.endMs - this.startMs);
    const created_: Record<string, string> = { channel: channel.name, category: cat.name, language: this.pick(LANGUAGES).name };
    if (customer) created_.customerId = customer;
    if (!emit('ticket.created', created, created_)) return;
    emit('message.sent', created, { authorType: 'customer' });

    const regressed = cat.name === DEMO_REGRESSION.category && created >= this.regressionMs;
    const ai = this.r() < Math.min(0.95, aiRamp(f) * channel.ai * cat.aiAffinity);
    let t = created;
    let quality = HUMAN_QUALITY;
    let resolvedBy: 'ai' | 'human';

    const human = (waitMedian: number, handleFactor: number) => {
      t += this.lognormal(waitMedian, 0.7);
      emit('ticket.assigned', t, { agentType: 'human', agentId: `H-${Math.floor(this.r() * 40)}` });
      emit('message.sent', t + 30_000, { authorType: 'human' });
      const handle = this.lognormal(cat.humanSeconds * handleFactor, 0.5);
      t += handle * 1000 + this.lognormal(20 * MIN, 0.8);
      emit('ticket.resolved', t, { agentType: 'human', handleSeconds: Math.round(handle * 10) / 10 });
    };

    if (ai) {
      emit('ticket.assigned', t + 2000, { agentType: 'ai', agentId: 'assistant' });
      emit('message.sent', t + 5000 + this.r() * 20_000, { authorType: 'ai' });
      const handle = this.lognormal(105, 0.45);
      t += handle * 1000 + 10_000;
      if (this.r() < cat.aiResolve) {
        if (this.r() < LEFT_OPEN) return;
        emit('ticket.resolved', t, { agentType: 'ai', handleSeconds: Math.round(handle * 10) / 10 });
        quality = regressed ? AI_REGRESSED : AI_QUALITY;
        resolvedBy = 'ai';
      } else {
        emit('ticket.escalated', t, { handleSeconds: Math.round(handle * 10) / 10, reason: 'needs_human' });
        if (this.r() < LEFT_OPEN) return;
        human(20 * MIN, 1.15);
        resolvedBy = 'human';
      }
    } else {
      if (this.r() < LEFT_OPEN) return;
      human(45 * MIN, 0.9);
      resolvedBy = 'human';
    }

    const resolvedAt = t;
    if (this.r() < quality.reopen) {
      t += this.lognormal(8 * HOUR, 1);
      emit('ticket.reopened', t);
      if (resolvedBy === 'ai' && this.r() < 0.5) {
        emit('ticket.assigned', t + 2000, { agentType: 'ai', agentId: 'assistant' });
        const handle = this.lognormal(90, 0.4);
        t += handle * 1000 + 5000;
        emit('ticket.resolved', t, { agentType: 'ai', handleSeconds: Math.round(handle * 10) / 10 });
      } else {
        human(30 * MIN, 0.8);
      }
    }
    if (this.r() < CSAT_RESPONSE) emit('csat.submitted', t + this.lognormal(2 * HOUR, 1), { score: this.csat(quality.top2) });
    // The customer comes back with the same problem within the week.
    if (mayRepeat && customer && this.r() < quality.repeat) {
      this.ticket(out, resolvedAt + HOUR + this.r() * 5 * DAY, customer, cat, false);
    }
  }
}

/** The story, a day of events at a time (follow-up tickets may fall on later days). */
export function* demoEvents(o: DemoOptions): Generator<DemoEvent[]> {
  const story = new Story(o);
  for (let d = 0; d < o.days; d++) yield story.day(d);
}

/** The story ends at the current hour, so it fills the dashboard's default range and nothing is in the future. */
export function defaultDemoEnd(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / HOUR) * HOUR);
}
