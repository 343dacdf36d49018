// Each replay rule of CONTRACT.md §2/§3a on a hand-worked ticket. Times are minutes:seconds after
// 10:00:00 UTC on 2026-01-05 unless written otherwise; expected seconds are worked out by hand.
import { ReplayEvent, compareCodePoints, replayTicket } from './ticket-replay';

const BASE_US = Date.UTC(2026, 0, 5, 10, 0, 0) * 1000;
/** "mm:ss" after 10:00, or a negative number of seconds before it. */
const at = (t: string | number) => {
  if (typeof t === 'number') return BASE_US + t * 1_000_000;
  const [m, s] = t.split(':').map(Number);
  return BASE_US + (m * 60 + s) * 1_000_000;
};
let n = 0;
const ev = (type: ReplayEvent['type'], t: string | number, extra: Partial<ReplayEvent> = {}): ReplayEvent => ({
  id: extra.id ?? `e${++n}`,
  type,
  occurredUs: at(t),
  ...extra,
});
const created = (t: string | number = '00:00', extra: Partial<ReplayEvent> = {}) =>
  ev('ticket.created', t, { channel: 'chat', category: 'billing', customerId: 'c1', ...extra });

describe('replayTicket', () => {
  it('AI resolution: handleSeconds of the closing event, queue before assignment adds nothing', () => {
    const s = replayTicket([
      created(),
      ev('ticket.assigned', '00:02', { agentType: 'ai' }),
      ev('message.sent', '00:10', { authorType: 'ai' }),
      ev('ticket.resolved', '02:02', { agentType: 'ai', handleSeconds: 115 }),
    ]);
    expect(s).toMatchObject({ path: 'ai', resolved: true, resolvedBy: 'ai', aiSeconds: 115, humanSeconds: 0, firstResponseSeconds: 10 });
    expect(s.resolvedUs).toBe(at('02:02'));
  });

  it('without handleSeconds the wall-clock time of the segment counts', () => {
    const s = replayTicket([created(), ev('ticket.assigned', '00:00', { agentType: 'ai' }), ev('ticket.resolved', '03:00', { agentType: 'ai' })]);
    expect(s.aiSeconds).toBe(180);
  });

  it('escalation: AI segment closed as ai, queue adds nothing, then the human', () => {
    const s = replayTicket([
      created(),
      ev('ticket.assigned', '00:00', { agentType: 'ai' }),
      ev('ticket.escalated', '02:00'), // 120 s of AI, wall clock
      ev('ticket.assigned', '30:00', { agentType: 'human' }), // closes the queue: nothing
      ev('ticket.resolved', '45:00', { agentType: 'human', handleSeconds: 600 }),
    ]);
    expect(s).toMatchObject({ path: 'escalated', aiInvolved: true, humanInvolved: true, aiSeconds: 120, humanSeconds: 600, resolvedBy: 'human' });
  });

  it('ticket.escalated closes the running segment as ai whatever its handler', () => {
    const s = replayTicket([created(), ev('ticket.assigned', '00:00', { agentType: 'human' }), ev('ticket.escalated', '05:00')]);
    expect(s).toMatchObject({ aiSeconds: 300, humanSeconds: 0, path: 'escalated', resolved: false });
  });

  it('an escalation alone makes both sides involved', () => {
    expect(replayTicket([created(), ev('ticket.escalated', '01:00')]).path).toBe('escalated');
  });

  it('events before createdAt count at createdAt (handle time and first response)', () => {
    const s = replayTicket([
      ev('ticket.assigned', -3600, { agentType: 'ai' }),
      ev('message.sent', -60, { authorType: 'ai' }),
      created('00:00'),
      ev('ticket.resolved', '01:00', { agentType: 'ai' }),
    ]);
    expect(s).toMatchObject({ aiSeconds: 60, firstResponseSeconds: 0 });
  });

  it('at equal times the type order decides: resolved then reopened leaves it open', () => {
    const s = replayTicket([
      created(),
      ev('ticket.reopened', '05:00'),
      ev('ticket.resolved', '05:00', { agentType: 'ai', handleSeconds: 30 }),
    ]);
    expect(s).toMatchObject({ resolved: false, reopened: true, resolvedUs: null, aiSeconds: 30 });
  });

  it('at equal time and type, ids compare by code point (not locale): the last csat wins', () => {
    const s = replayTicket([
      created(),
      ev('csat.submitted', '09:00', { id: 'a', score: 2 }),
      ev('csat.submitted', '09:00', { id: 'B', score: 5 }),
    ]);
    // 'B' (66) sorts before 'a' (97), so 'a' is last.
    expect(s.csat).toBe(2);
  });

  it('compareCodePoints orders astral characters after U+FF5E, unlike UTF-16 comparison', () => {
    expect(compareCodePoints('\u{1F600}', '\uFF5E')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFF5E').toBe(true); // what a naive JS comparison would say
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });

  it('a reopen discards the running segment and starts a queue; a resolve closes it as its agent', () => {
    const s = replayTicket([
      created(),
      ev('ticket.assigned', '00:00', { agentType: 'human' }),
      ev('ticket.resolved', '10:00', { agentType: 'human' }), // +600 human
      ev('ticket.reopened', '60:00'),
      ev('ticket.assigned', '65:00', { agentType: 'ai' }), // queue closed: nothing
      ev('ticket.reopened', '70:00'), // AI segment discarded: nothing
      ev('ticket.resolved', '80:00', { agentType: 'human' }), // queue since 70:00 closed as human: +600
    ]);
    expect(s).toMatchObject({ humanSeconds: 1200, aiSeconds: 0, resolved: true, reopened: true, path: 'escalated', resolvedBy: 'human' });
    expect(s.resolvedUs).toBe(at('80:00'));
  });

  it('with no segment running, a resolve adds nothing and an assignment starts one', () => {
    const s = replayTicket([
      created(),
      ev('ticket.assigned', '00:00', { agentType: 'ai' }),
      ev('ticket.resolved', '01:00', { agentType: 'ai', handleSeconds: 50 }),
      ev('ticket.resolved', '05:00', { agentType: 'ai', handleSeconds: 70 }), // nothing runs: ignored
      ev('ticket.assigned', '30:00', { agentType: 'human' }), // starts a human segment, adds nothing
      ev('ticket.resolved', '40:00', { agentType: 'human', handleSeconds: 999 }),
    ]);
    expect(s).toMatchObject({ aiSeconds: 50, humanSeconds: 999, path: 'escalated', resolvedBy: 'human' });
    expect(s.resolvedUs).toBe(at('40:00'));
  });

  it('a segment still running after the last event adds nothing', () => {
    const s = replayTicket([created(), ev('ticket.assigned', '00:00', { agentType: 'human' })]);
    expect(s).toMatchObject({ humanSeconds: 0, path: 'human', resolved: false });
  });

  it('the earliest ticket.created counts (then the lowest id); the others are ignored', () => {
    const s = replayTicket([
      created('05:00', { id: 'c3', channel: 'email' }),
      created('01:00', { id: 'c2', channel: 'phone', customerId: 'x' }),
      created('01:00', { id: 'c1', channel: 'social', customerId: 'y' }),
      ev('ticket.resolved', '02:00', { agentType: 'human' }),
    ]);
    expect(s).toMatchObject({ channel: 'social', customerId: 'y', createdUs: at('01:00'), humanSeconds: 60 });
  });

  it('without ticket.created the ticket is incomplete and has no path', () => {
    const s = replayTicket([ev('ticket.assigned', '00:00', { agentType: 'ai' })]);
    expect(s).toMatchObject({ createdUs: null, path: 'none', aiInvolved: false, eventCount: 1 });
  });

  it('missing or empty category is uncategorized; empty customerId is none', () => {
    expect(replayTicket([created('00:00', { category: '', customerId: '' })])).toMatchObject({ category: 'uncategorized', customerId: null });
    expect(replayTicket([created('00:00', { category: null })]).category).toBe('uncategorized');
  });

  it('csat is the last submitted by time, whatever the arrival order', () => {
    const s = replayTicket([ev('csat.submitted', '20:00', { score: 1 }), created(), ev('csat.submitted', '10:00', { score: 5 })]);
    expect(s.csat).toBe(1);
  });

  it('customer messages are not a first response', () => {
    const s = replayTicket([created(), ev('message.sent', '00:05', { authorType: 'customer' }), ev('message.sent', '07:30', { authorType: 'human' })]);
    expect(s.firstResponseSeconds).toBe(450);
  });

  it('the state depends on the set of events, not their order', () => {
    const events = [
      created(),
      ev('ticket.assigned', '00:00', { agentType: 'ai' }),
      ev('ticket.escalated', '01:30', { handleSeconds: 80 }),
      ev('ticket.assigned', '20:00', { agentType: 'human' }),
      ev('message.sent', '20:30', { authorType: 'human' }),
      ev('ticket.resolved', '31:00', { agentType: 'human' }),
      ev('ticket.reopened', '90:00'),
      ev('ticket.resolved', '95:00', { agentType: 'human', handleSeconds: 100 }),
      ev('csat.submitted', '99:00', { score: 4 }),
    ];
    const reference = replayTicket(events);
    expect(reference).toMatchObject({ aiSeconds: 80, humanSeconds: 660 + 100, csat: 4, resolved: true, reopened: true });
    let seed = 7;
    for (let round = 0; round < 20; round++) {
      const shuffled = [...events];
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (seed * 48271) % 2147483647;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      expect(replayTicket(shuffled)).toEqual(reference);
    }
  });
});
