// Alert days are local days of the reporting time zone: a ticket created at 20:00 UTC belongs to
// the next day in Asia/Kolkata (+05:30), and "what changed" and the alerts count it there.
import { addDays } from '../src/stats/time-range';
import { TestApp, createTestApp } from './test-app';

describe('alerts in a reporting time zone (Asia/Kolkata)', () => {
  let t: TestApp;
  const first = '2026-03-01';
  beforeAll(async () => {
    t = await createTestApp({ reportingTimeZone: 'Asia/Kolkata' });
    // 40 UTC days x 10 tickets created at 20:00 UTC (01:30 the next day in Kolkata), each handed
    // by the AI to a human (escalated) on the even tickets and resolved by the AI on the odd ones.
    const events: Record<string, unknown>[] = [];
    for (let d = 0; d < 40; d++) {
      for (let i = 0; i < 10; i++) {
        const id = `z${d}-${i}`;
        const at = `${addDays(first, d)}T20:00:00Z`;
        const later = `${addDays(first, d)}T20:05:00Z`;
        events.push({ id: `${id}-c`, type: 'ticket.created', ticketId: id, occurredAt: at, channel: 'chat', category: 'billing' });
        events.push({ id: `${id}-a`, type: 'ticket.assigned', ticketId: id, occurredAt: at, agentType: 'ai' });
        if (i % 2 === 0) events.push({ id: `${id}-e`, type: 'ticket.escalated', ticketId: id, occurredAt: later, handleSeconds: 60 });
        else events.push({ id: `${id}-r`, type: 'ticket.resolved', ticketId: id, occurredAt: later, agentType: 'ai', handleSeconds: 60 });
      }
    }
    expect((await t.request('POST', '/api/v1/events', { body: events })).status).toBeLessThan(300);
  }, 60_000);
  afterAll(() => t.close());

  it('what changed counts each ticket on its local day, and says which zone its days are in', async () => {
    // The daily values reach back over the baseline: 28 + 3 days before the 2 recent days.
    const res = await t.request('GET', `/api/v1/alerts/changes?to=2026-03-21&days=2&limit=500`);
    expect(res.status).toBe(200);
    expect(res.body.zone).toBe('Asia/Kolkata');
    const esc = (res.body.rows as any[]).find((r) => r.key === 'escalationRate|escalated|all');
    const n = Object.fromEntries((esc.daily as { day: string; n: number }[]).map((d) => [d.day, d.n]));
    // Created 2026-03-01 20:00 UTC = 2026-03-02 01:30 in Kolkata.
    expect(n['2026-03-01']).toBe(0);
    expect(n['2026-03-02']).toBe(10);
    expect(esc.daily.find((d: any) => d.day === '2026-03-02').value).toBeCloseTo(0.5, 12);
    expect(esc.daily[0].day).toBe('2026-02-16');
    // The recent days are the 2 local days before 2026-03-21: 20 tickets, half escalated.
    expect(esc.now).toMatchObject({ n: 20, value: 0.5, from: '2026-03-19', to: '2026-03-21' });
    expect(esc.verdict).toBe('steady');
  });

  it('a stable story in that zone raises no alert', async () => {
    const ev = await t.request('POST', '/api/v1/alerts/evaluate?asOf=2026-04-11T00:00:00Z');
    expect(ev.status).toBe(200);
    expect(ev.body).toMatchObject({ to: '2026-04-11', newAlerts: 0 });
  });
});
