// The executive figures of #13 against a hand-made helpdesk: the handoff tax, verified AI
// resolutions rated 1-2 (and the switch that leaves them out), and the 95% intervals, every
// figure worked out by hand in the comments (docs/METRICS.md defines them).
import { qs } from './fixture-app';
import { TestApp, createTestApp } from './test-app';

const COSTS = { humanHourlyCost: '36', aiCostPerConversation: '0.5', aiCostPerResolution: '1', fteHoursPerMonth: '120', fixedCostPerMonth: '0' };
const RANGE = { from: '2026-02-02', to: '2026-02-03', asOf: '2026-03-01T00:00:00Z', wait: '30' };

let n = 0;
const ev = (ticketId: string, type: string, at: string, extra: Record<string, unknown> = {}) => ({ id: `x${++n}`, type, ticketId, occurredAt: `2026-02-02T${at}Z`, ...extra });
const created = (id: string, category: string) => ev(id, 'ticket.created', '08:00:00', { channel: 'chat', category, customerId: `cust-${id}` });
const human = (id: string, category: string, seconds: number) => [
  created(id, category),
  ev(id, 'ticket.assigned', '08:01:00', { agentType: 'human' }),
  ev(id, 'ticket.resolved', '09:00:00', { agentType: 'human', handleSeconds: seconds }),
];
const ai = (id: string, category: string, csat?: number) => [
  created(id, category),
  ev(id, 'ticket.assigned', '08:01:00', { agentType: 'ai' }),
  ev(id, 'ticket.resolved', '08:05:00', { agentType: 'ai', handleSeconds: 60 }),
  ...(csat === undefined ? [] : [ev(id, 'csat.submitted', '08:10:00', { score: csat })]),
];

describe('executive figures on a hand-made helpdesk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const body = [
      // billing: humans at 200 and 400 s (mean 300); AI resolutions rated 5 and 1; one escalation
      // whose human took 500 s.
      ...human('h1', 'billing', 200),
      ...human('h2', 'billing', 400),
      ...ai('a1', 'billing', 5),
      ...ai('a2', 'billing', 1),
      created('e1', 'billing'),
      ev('e1', 'ticket.assigned', '08:01:00', { agentType: 'ai' }),
      ev('e1', 'ticket.escalated', '08:03:00', { handleSeconds: 30 }),
      ev('e1', 'ticket.assigned', '08:10:00', { agentType: 'human' }),
      ev('e1', 'ticket.resolved', '09:00:00', { agentType: 'human', handleSeconds: 500 }),
      // shipping: no human ticket, so its AI resolution is priced at H = 300.
      ...ai('a4', 'shipping'),
    ];
    const r = await t.request('POST', '/api/v1/events', { body });
    expect(r.status).toBeLessThan(300);
  });
  afterAll(async () => t.close());
  const summary = async (extra: Record<string, string> = {}) => {
    const r = await t.request('GET', `/api/v1/metrics/summary?${qs({ ...RANGE, ...COSTS, ...extra })}`);
    expect(r.status).toBe(200);
    return r.body;
  };

  it('verified savings, the handoff tax and net', async () => {
    const s = await summary();
    // AI-involved a1 a2 a4 e1 = 4, AI-resolved 3, all durable and judged: 3 of 4.
    expect(s).toMatchObject({ aiInvolved: 4, aiResolved: 3, escalated: 1, verifiedAiResolved: 3, verifiedAiResolutionRate: 0.75 });
    // Wilson 95% for 3 of 4: centre (0.75 + 0.4802) / 1.9604 = 0.62753, half 0.32689.
    expect(s.verifiedAiResolutionRateLow).toBeCloseTo(0.3006, 3);
    expect(s.verifiedAiResolutionRateHigh).toBeCloseTo(0.9544, 3);
    // Avoided: billing 2 x 300 + shipping 1 x H 300 = 900 s = 0.25 h x 36 = 9; aiCost 4 x 0.5 + 3 x 1 = 5.
    expect(s.savings.humanHoursAvoided).toBeCloseTo(0.25, 9);
    expect(s.savings.aiCost).toBeCloseTo(5, 9);
    expect(s.savings.verifiedSavings).toBeCloseTo(4, 9);
    // Handoff: e1's 500 s against billing's 300: 200 s = 1/18 h x 36 = 2; its AI part 0.5 is inside aiCost.
    expect(s.savings.handoff).toEqual({ escalated: 1, resolvedByHuman: 1, aiCost: 0.5, extraHumanHours: expect.closeTo(1 / 18, 9), extraHumanCost: expect.closeTo(2, 9) });
    expect(s.savings.netSavings).toBeCloseTo(2, 9);
    // A day's pace for a year: 4 x 365.25.
    expect(s.savings.verifiedSavingsPerYear).toBeCloseTo(1461, 6);
  });

  it('a verified resolution rated 1 is counted and valued, and the switch leaves it out', async () => {
    const kept = await summary();
    expect(kept.savings.lowRated).toEqual({ verified: 1, value: expect.closeTo(3, 9), excluded: false });
    const out = await summary({ excludeLowRated: 'true' });
    expect(out.savings.lowRated).toEqual({ verified: 1, value: expect.closeTo(3, 9), excluded: true });
    // 600 s left: 6 - 5 = 1; the contract's counts do not move.
    expect(out.savings.verifiedSavings).toBeCloseTo(1, 9);
    expect(out.verifiedAiResolved).toBe(3);
    const bad = await t.request('GET', `/api/v1/metrics/summary?${qs({ ...RANGE, excludeLowRated: 'yes' })}`);
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toContain('excludeLowRated: must be true or false');
  });

  it('the 95% interval of verified savings, by hand', async () => {
    const s = await summary();
    // billing: 2 verified of 3 judged, Agresti-Coull p = 4/7: Var = 3 x 4/7 x 3/7 = 36/49.
    // shipping: 1 of 1, p = 3/5: Var = 0.24. Human mean of 2 values: s² = (200,000 - 600²/2) / 1
    // = 20,000; Var(mean) = 10,000 x (t(1) 12.706205 / 1.959964)² = 420,267; billing's mean weighs
    // 2 verified, H (the same two tickets) 1.
    const tz = (12.706205 / 1.959964) ** 2;
    const variance = 300 ** 2 * (36 / 49) + 300 ** 2 * 0.24 + (2 ** 2 + 1 ** 2) * 10_000 * tz;
    const half = (1.959964 * Math.sqrt(variance)) / 100; // seconds -> money at 0.01 a second
    expect(half).toBeCloseTo(29.0, 0);
    expect(s.savings.intervals.verifiedSavings.low).toBeCloseTo(4 - half, 3);
    expect(s.savings.intervals.verifiedSavings.high).toBeCloseTo(4 + half, 3);
    // Two human tickets price everything: the interval is flagged approximate.
    expect(s.savings.intervals.approximate).toBe(true);
  });

  it('the rollups give the same figures as the tickets (after a rebuild of the day)', async () => {
    // A range of whole stored days reads rollup cells; a range cut by a time zone reads tickets.
    const cells = await summary();
    const raw = await summary({ tz: 'Pacific/Chatham', from: '2026-02-02', to: '2026-02-04' });
    expect(raw.savings.lowRated).toEqual(cells.savings.lowRated);
    expect(raw.savings.intervals.verifiedSavings.low).toBeCloseTo(cells.savings.intervals.verifiedSavings.low, 9);
  });
});
