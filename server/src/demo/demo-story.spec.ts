// The demo story tells what it promises, checked on the replayed tickets (no database).
import { validateEvent } from '../events/event-validation';
import { ReplayEvent, TicketState, replayTicket } from '../tickets/ticket-replay';
import { DEMO_REGRESSION, DemoEvent, demoEvents } from './demo-story';

const END = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;
const opts = { days: 90, perDay: 150, seed: 7, end: END };

function story(o = opts): DemoEvent[] {
  return [...demoEvents(o)].flat();
}

function replayAll(events: DemoEvent[]): TicketState[] {
  const byTicket = new Map<string, ReplayEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId) ?? [];
    list.push({ ...(e as unknown as ReplayEvent), occurredUs: Date.parse(e.occurredAt) * 1000 });
    byTicket.set(e.ticketId, list);
  }
  return [...byTicket.values()].map(replayTicket);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const top2 = (ts: TicketState[]) => {
  const rated = ts.filter((t) => t.csat !== null);
  return rated.filter((t) => t.csat! >= 4).length / rated.length;
};

describe('demo story', () => {
  const events = story();
  const tickets = replayAll(events);

  it('is deterministic, valid and stops at its end', () => {
    expect(story({ ...opts, days: 5 })).toEqual(story({ ...opts, days: 5 }));
    expect(story({ ...opts, days: 5, seed: 8 })).not.toEqual(story({ ...opts, days: 5 }));
    expect(events.filter((e) => !validateEvent(e).ok)).toEqual([]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.every((e) => Date.parse(e.occurredAt) < END.getTime())).toBe(true);
  });

  it('ramps the AI up: a small share in the first month, most tickets in the last', () => {
    const start = END.getTime() - opts.days * DAY;
    const share = (from: number, to: number) => {
      const inRange = tickets.filter((t) => t.createdUs! / 1000 >= from && t.createdUs! / 1000 < to);
      return inRange.filter((t) => t.aiInvolved).length / inRange.length;
    };
    expect(share(start, start + 30 * DAY)).toBeLessThan(0.25);
    expect(share(END.getTime() - 30 * DAY, END.getTime())).toBeGreaterThan(0.45);
  });

  it('AI handle time is about 2 minutes, a human ticket about 11', () => {
    const ai = tickets.filter((t) => t.path === 'ai' && t.resolved && !t.reopened).map((t) => t.aiSeconds);
    const human = tickets.filter((t) => t.path === 'human' && t.resolved && !t.reopened).map((t) => t.humanSeconds);
    expect(median(ai)).toBeGreaterThan(80);
    expect(median(ai)).toBeLessThan(140);
    expect(median(human)).toBeGreaterThan(450);
    expect(median(human)).toBeLessThan(800);
  });

  it(`regresses in ${DEMO_REGRESSION.category} on the AI path only, in the last ${DEMO_REGRESSION.daysBeforeEnd} days`, () => {
    const cut = (END.getTime() - DEMO_REGRESSION.daysBeforeEnd * DAY) * 1000;
    const aiResolved = (cat: (c: string) => boolean, after: boolean) =>
      tickets.filter((t) => t.path === 'ai' && t.resolved && cat(t.category!) && t.createdUs! >= cut === after);
    const billing = (c: string) => c === DEMO_REGRESSION.category;
    const others = (c: string) => c !== DEMO_REGRESSION.category;
    expect(top2(aiResolved(billing, true))).toBeLessThan(top2(aiResolved(billing, false)) - 0.15);
    expect(Math.abs(top2(aiResolved(others, true)) - top2(aiResolved(others, false)))).toBeLessThan(0.08);
    const humanBilling = (after: boolean) => tickets.filter((t) => t.path === 'human' && t.resolved && billing(t.category!) && t.createdUs! >= cut === after);
    expect(Math.abs(top2(humanBilling(true)) - top2(humanBilling(false)))).toBeLessThan(0.1);
  });
});
