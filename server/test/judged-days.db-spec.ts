// The judged days of a range read within 7 days of its end: its verified rate over the days whose
// AI resolutions are all judged, apart from the youngest days, whose escalations count at once
// and whose AI resolutions only after 7 days. Numbers by hand from the events below.
import { TestApp, createTestApp } from './test-app';

describe('judged days (summary.judgedDays)', () => {
  let t: TestApp;
  // UTC, range 2026-03-01 to 2026-03-11. Each ticket: [id, day of March, outcome].
  //   durable: an AI resolution, never reopened, no repeat contact; escalated: AI hands to a human.
  const tickets: [string, number, 'durable' | 'escalated'][] = [
    ['T1', 2, 'durable'],
    ['T2', 2, 'escalated'],
    ['T3', 3, 'durable'],
    ['T4', 5, 'durable'],
    ['T5', 8, 'durable'], // resolved 8 Mar: pending when read on 14 Mar
    ['T6', 8, 'escalated'],
    ['T7', 9, 'escalated'],
    ['T8', 10, 'escalated'],
  ];
  beforeAll(async () => {
    t = await createTestApp();
    const at = (d: number, hm: string) => `2026-03-${String(d).padStart(2, '0')}T${hm}:00Z`;
    const events = tickets.flatMap(([id, d, outcome]) => [
      { id: `${id}-c`, type: 'ticket.created', ticketId: id, occurredAt: at(d, '10:00'), channel: 'chat', category: 'billing', customerId: `c-${id}` },
      { id: `${id}-a`, type: 'ticket.assigned', ticketId: id, occurredAt: at(d, '10:01'), agentType: 'ai' },
      outcome === 'durable'
        ? { id: `${id}-r`, type: 'ticket.resolved', ticketId: id, occurredAt: at(d, '10:05'), agentType: 'ai' }
        : { id: `${id}-e`, type: 'ticket.escalated', ticketId: id, occurredAt: at(d, '10:05') },
    ]);
    expect((await t.request('POST', '/api/v1/events', { body: events })).body.rejected).toEqual([]);
  });
  afterAll(async () => t.close());
  const summary = (asOf: string, extra = '') => t.request('GET', `/api/v1/metrics/summary?from=2026-03-01&to=2026-03-11&tz=UTC&asOf=${asOf}${extra}`);

  it('read on 14 March at noon: the days before 7 March are judged', async () => {
    const r = await summary('2026-03-14T12:00:00Z');
    expect(r.status).toBe(200);
    // The whole range, as CONTRACT.md: 8 AI-involved, T5 pending, 3 verified: 3 / (8 - 1).
    expect([r.body.aiInvolved, r.body.pendingAiResolved, r.body.verifiedAiResolved]).toEqual([8, 1, 3]);
    expect(r.body.verifiedAiResolutionRate).toBeCloseTo(3 / 7, 12);
    // 14 Mar 12:00 less 7 days is 7 Mar 12:00: days 1-6 March (T1-T4), 3 of 4 verified.
    const j = r.body.judgedDays;
    expect(j).toMatchObject({ from: '2026-03-01', to: '2026-03-07', days: 6, tickets: 4, aiInvolved: 4, aiResolved: 3, pendingAiResolved: 0, verifiedAiResolved: 3 });
    expect(j.aiResolutionRate).toBeCloseTo(0.75, 12);
    expect(j.verifiedAiResolutionRate).toBeCloseTo(0.75, 12);
    // Wilson 95% (z = 1.96, stats/rates.ts) for 3 of 4: centre (0.75 + z²/8) / (1 + z²/4) = 0.627525,
    // half-width z·sqrt(0.75·0.25/4 + z²/64) / (1 + z²/4) = 0.326889.
    expect(j.verifiedAiResolutionRateLow).toBeCloseTo(0.300636, 5);
    expect(j.verifiedAiResolutionRateHigh).toBeCloseTo(0.954414, 5);
  });

  it("a comparison has its judged days at its own asOf (the same age): the like for like of the range's", async () => {
    // The previous 10 days (19 February to 1 March), judged as of 10 days earlier (4 March 12:00):
    // to the local day of 25 February 12:00, so 19-24 February. No ticket then.
    const r = await summary('2026-03-14T12:00:00Z', '&compare=previous');
    expect(r.body.comparison.judgedDays).toMatchObject({ from: '2026-02-19', to: '2026-02-25', days: 6, tickets: 0, verifiedAiResolutionRate: null });
    // The range's own, unchanged.
    expect(r.body.judgedDays).toMatchObject({ from: '2026-03-01', to: '2026-03-07', verifiedAiResolved: 3 });
  });

  it('in a zone ahead of UTC the judged days are its own local days', async () => {
    // Asia/Tokyo (+09:00): 7 Mar 12:00Z is 7 Mar 21:00 local, so judged to 7 March local; the range's local days begin at 1 Mar 00:00 +09:00.
    const r = await t.request('GET', '/api/v1/metrics/summary?from=2026-03-01&to=2026-03-11&tz=Asia/Tokyo&asOf=2026-03-14T12:00:00Z');
    expect(r.body.judgedDays).toMatchObject({ from: '2026-03-01', to: '2026-03-07', tickets: 4, verifiedAiResolved: 3 });
    // 14 Mar 02:00Z: 7 Mar 02:00Z is 7 Mar 11:00 in Tokyo, 6 Mar 21:00 in New York: one day less there (T4 of 5 March still in).
    const ny = await t.request('GET', '/api/v1/metrics/summary?from=2026-03-01&to=2026-03-11&tz=America/New_York&asOf=2026-03-14T02:00:00Z');
    expect(ny.body.judgedDays).toMatchObject({ from: '2026-03-01', to: '2026-03-06', tickets: 4 });
  });

  it('absent when the whole range is judged, or none of it', async () => {
    expect((await summary('2026-03-18T00:00:00Z')).body.judgedDays).toBeUndefined(); // 11 March, the range's end, is 7 days back
    expect((await summary('2026-03-17T23:00:00Z')).body.judgedDays).toMatchObject({ to: '2026-03-10' });
    expect((await summary('2026-03-08T00:00:00Z')).body.judgedDays).toBeUndefined(); // 1 March: no day before it
  });

  it("each series point says whether it is final (state), in JSON and as a CSV column", async () => {
    // Read on 14 March: a day ending after 7 March (8 March 00:00, today less 7 days) is maturing.
    const want = ['complete', 'complete', 'complete', 'complete', 'complete', 'complete', 'maturing', 'maturing', 'maturing', 'maturing'];
    const q = 'from=2026-03-01&to=2026-03-11&tz=UTC&interval=day&asOf=2026-03-14T12:00:00Z';
    const json = await t.request('GET', `/api/v1/metrics/timeseries?${q}&percentiles=false`);
    expect(json.body.buckets.map((b: { state: string }) => b.state)).toEqual(want);
    // With percentiles too, and to a day after asOf: partial.
    const full = await t.request('GET', '/api/v1/metrics/timeseries?from=2026-03-10&to=2026-03-16&tz=UTC&interval=day&asOf=2026-03-14T12:00:00Z');
    expect(full.body.buckets.map((b: { state: string }) => b.state)).toEqual(['maturing', 'maturing', 'maturing', 'maturing', 'partial', 'partial']);
    const csv = await t.request('GET', `/api/v1/metrics/timeseries?${q}&percentiles=false&format=csv`);
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    const col = header.split(',').indexOf('state');
    expect(col).toBeGreaterThanOrEqual(0);
    expect(rows.map((r) => r.split(',')[col])).toEqual(want);
  });
});
