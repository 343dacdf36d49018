// The analytics API against figures worked out independently: the contract fixture's expected
// summaries (expected.json) and hand-made tickets around week, month and DST boundaries.
import { AS_OF, createFixtureApp, parseCsv, qs } from './fixture-app';
import { TestApp, createTestApp, expected, mismatches } from './test-app';

const cases = expected().cases;
const case1 = cases[0].summary as any; // 2026-01-05 .. 2026-01-26, UTC
const case2 = cases[1].summary as any; // 2026-01-12 .. 2026-01-19, Europe/Stockholm
const case3 = cases[2].summary as any; // 2026-01-19 .. 2026-01-26, category disputes

/** A summary-shaped object without its distributions: what percentiles=false (and a segment's series) answers. */
function lean(figures: any) {
  const byPath = Object.fromEntries(
    Object.entries(figures.byPath).map(([p, x]: [string, any]) => {
      const { resolutionSeconds: _r, firstResponseSeconds: _f, handleSeconds, ...rest } = x;
      return [p, { ...rest, handleSeconds: { mean: handleSeconds.mean } }];
    }),
  );
  return { ...figures, byPath };
}

describe('analytics API on the contract fixture', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createFixtureApp();
  });
  afterAll(async () => t.close());
  const get = (path: string, params: Record<string, string | number | undefined>) => t.request('GET', `/api/v1/${path}?${qs(params)}`);

  describe('timeseries', () => {
    it('a weekly bucket is that week\'s summary: Stockholm week of 12 January = expected case 2', async () => {
      const r = await get('metrics/timeseries', { from: '2026-01-12', to: '2026-01-19', tz: 'Europe/Stockholm', interval: 'week' });
      expect(r.status).toBe(200);
      expect(r.body.buckets).toHaveLength(1);
      const { costModel: _cm, from: _f, to: _t, tz: _tz, ...want } = case2;
      expect(mismatches(want, r.body.buckets[0])).toEqual([]);
    });

    it('weekly with a category filter: the third week of disputes = expected case 3', async () => {
      const r = await get('metrics/timeseries', { from: '2026-01-05', to: '2026-01-26', interval: 'week', category: 'disputes' });
      expect(r.body.buckets.map((b: any) => b.bucket)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
      const { costModel: _cm, from: _f, to: _t, tz: _tz, ...want } = case3;
      expect(mismatches(want, r.body.buckets[2])).toEqual([]);
    });

    it('daily buckets add up to the range and empty days are present with null rates', async () => {
      const r = await get('metrics/timeseries', { from: '2026-01-01', to: '2026-01-31', interval: 'day' });
      expect(r.body.buckets).toHaveLength(30);
      const sum = (f: (b: any) => number) => r.body.buckets.reduce((n: number, b: any) => n + f(b), 0);
      expect(sum((b) => b.tickets)).toBe(case1.tickets);
      expect(sum((b) => b.aiResolved)).toBe(case1.aiResolved);
      expect(sum((b) => b.verifiedAiResolved)).toBe(case1.verifiedAiResolved);
      expect(sum((b) => b.byPath.human.csat.responses)).toBe(case1.byPath.human.csat.responses);
      const jan1 = r.body.buckets[0];
      expect(jan1).toMatchObject({ bucket: '2026-01-01', tickets: 0, involvementRate: null, savings: { claimedSavings: null, aiCost: 0 } });
      expect(jan1.byPath.ai.handleSeconds.median).toBeNull();
    });

    it("what is still maturing, by Kolkata day under a channel filter: each day's AI resolutions whose 7 days run past asOf, counted from tickets", async () => {
      // CONTRACT "Maturity": an AI resolution is pending while resolvedAt + 7 days is later than asOf.
      const asOf = '2026-01-22T00:00:00Z';
      await t.projected();
      const pendingSql = (channel: boolean) =>
        `SELECT to_char((created_at AT TIME ZONE 'Asia/Kolkata')::date, 'YYYY-MM-DD') AS d, count(*)::int AS n FROM tickets
          WHERE workspace_id = 1 AND path = 'ai' AND resolved AND resolved_at + interval '7 days' > $1 ${channel ? 'AND channel = $2' : ''}
            AND created_at >= '2026-01-12T00:00:00+05:30' AND created_at < '2026-01-22T00:00:00+05:30' GROUP BY 1`;
      const [{ channel }] = await t.ds.query(`SELECT channel FROM tickets WHERE workspace_id = 1 AND path = 'ai' AND resolved AND resolved_at + interval '7 days' > $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [asOf]);
      const want: { d: string; n: number }[] = await t.ds.query(pendingSql(true), [asOf, channel]);
      const all: { d: string; n: number }[] = await t.ds.query(pendingSql(false), [asOf]);
      const total = (xs: { n: number }[]) => xs.reduce((s, x) => s + x.n, 0);
      // Enough to tell the days and the channels apart: pending on several days, and on other channels too.
      expect(want.length).toBeGreaterThan(2);
      expect(total(all)).toBeGreaterThan(total(want));
      const r = await get('metrics/timeseries', { from: '2026-01-12', to: '2026-01-22', interval: 'day', tz: 'Asia/Kolkata', channel, asOf });
      expect(r.status).toBe(200);
      const byDay = new Map(want.map((x) => [x.d, x.n]));
      expect(r.body.buckets.map((b: any) => [b.bucket, b.pendingAiResolved])).toEqual(r.body.buckets.map((b: any) => [b.bucket, byDay.get(b.bucket) ?? 0]));
      expect(r.body.buckets).toHaveLength(10);
    });

    it('monthly buckets are clipped to the range', async () => {
      const r = await get('metrics/timeseries', { from: '2025-12-20', to: '2026-02-03', interval: 'month' });
      expect(r.body.buckets.map((b: any) => [b.from, b.to])).toEqual([
        ['2025-12-20', '2026-01-01'],
        ['2026-01-01', '2026-02-01'],
        ['2026-02-01', '2026-02-03'],
      ]);
      expect(r.body.buckets[1].tickets).toBe(r.body.buckets.reduce((n: number, b: any) => n + b.tickets, 0));
    });

    it('CSV has one row per bucket with the JSON numbers', async () => {
      const json = await get('metrics/timeseries', { from: '2026-01-05', to: '2026-01-26', interval: 'week' });
      const csv = await t.request('GET', `/api/v1/metrics/timeseries?${qs({ from: '2026-01-05', to: '2026-01-26', interval: 'week', format: 'csv' })}`);
      expect(csv.status).toBe(200);
      const rows = parseCsv(csv.text);
      expect(rows).toHaveLength(3);
      rows.forEach((row, i) => {
        const b = json.body.buckets[i];
        expect(row.bucket).toBe(b.bucket);
        expect(Number(row.tickets)).toBe(b.tickets);
        expect(Number(row['savings.verifiedSavings'])).toBeCloseTo(b.savings.verifiedSavings, 9);
        expect(row['byPath.ai.csat.top2BoxLow'] === '' ? null : Number(row['byPath.ai.csat.top2BoxLow'])).toEqual(b.byPath.ai.csat.top2BoxLow);
      });
    });
  });

  describe('filters', () => {
    it('multi-select: channel=chat,email is the two channels together, as a list or repeated', async () => {
      const chat = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26', channel: 'chat' })).body;
      const email = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26', channel: 'email' })).body;
      const both = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26', channel: 'chat,email' })).body;
      const repeated = (await t.request('GET', `/api/v1/metrics/summary?from=2026-01-05&to=2026-01-26&channel=chat&channel=email&asOf=${AS_OF}`)).body;
      expect(both.tickets).toBe(chat.tickets + email.tickets);
      expect(both.verifiedAiResolved).toBe(chat.verifiedAiResolved + email.verifiedAiResolved);
      // The same answer (freshness says how long each read waited for the projector: not the numbers).
      expect({ ...repeated, freshness: null }).toEqual({ ...both, freshness: null });
    });

    it('path filter: path=ai,escalated holds the AI-involved tickets', async () => {
      const r = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26', path: 'ai,escalated' })).body;
      expect(r.tickets).toBe(case1.aiInvolved);
      expect(r.humanOnly).toBe(0);
    });
  });

  describe('breakdown', () => {
    it('segments add up, sorted by tickets, with the rest in "other"', async () => {
      const all = (await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'category', limit: 100 })).body;
      const total = all.segments.reduce((n: number, s: any) => n + s.tickets, 0);
      expect(total).toBe(case1.tickets);
      expect(all.other).toBeNull();
      const tickets = all.segments.map((s: any) => s.tickets);
      expect(tickets).toEqual([...tickets].sort((a: number, b: number) => b - a));

      const top2 = (await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'category', limit: 2 })).body;
      expect(top2.segments.map((s: any) => s.key)).toEqual(all.segments.slice(0, 2).map((s: any) => s.key));
      expect(top2.other.tickets).toBe(case1.tickets - tickets[0] - tickets[1]);
      expect(top2.other.verifiedAiResolved + top2.segments[0].verifiedAiResolved + top2.segments[1].verifiedAiResolved).toBe(case1.verifiedAiResolved);
    });

    it('a segment is its filter: disputes in the third week = expected case 3', async () => {
      const r = (await get('metrics/breakdown', { from: '2026-01-19', to: '2026-01-26', by: 'category', limit: 50 })).body;
      const disputes = r.segments.find((s: any) => s.key === 'disputes');
      const { costModel: _cm, from: _f, to: _t, tz: _tz, ...want } = case3;
      expect(mismatches(want, disputes)).toEqual([]);
    });

    it('sorts by any numeric field, ascending or descending, nulls last', async () => {
      const r = (await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'channel', sort: 'savings.verifiedSavings', order: 'asc' })).body;
      const values = r.segments.map((s: any) => s.savings.verifiedSavings).filter((v: number | null) => v !== null);
      expect(values).toEqual([...values].sort((a: number, b: number) => a - b));
      expect((await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'channel', sort: 'byPath' })).status).toBe(400);
    });

    it('two columns (category,channel): each pair is its two filters, and the pairs add up to the whole', async () => {
      const grid = (await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'category,channel', limit: 1000 })).body;
      expect(grid.columns).toEqual(['category', 'channel']);
      expect(grid.segments.reduce((n: number, s: any) => n + s.tickets, 0)).toBe(case1.tickets);
      for (const seg of grid.segments.slice(0, 4)) {
        const one = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26', category: seg.values.category, channel: seg.values.channel })).body;
        const { costModel: _cm, from: _f, to: _t, tz: _tz, asOf: _a, freshness: _fr, costModelVersion: _v, currency: _c, coverage: _cv, ...want } = one;
        expect(mismatches(want, seg)).toEqual([]);
      }
      expect((await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'channel,channel' })).status).toBe(400);
      expect((await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'path,channel' })).status).toBe(400);
    });

    it('series=week: each segment carries its weekly counts and rates, equal to a timeseries with its filter, without medians', async () => {
      const b = (await get('metrics/breakdown', { from: '2026-01-05', to: '2026-02-02', by: 'channel', series: 'week', limit: 3 })).body;
      // The series leaves the distributions out (they are what makes a wide read slow).
      for (const seg of b.segments) {
        const ts = (await get('metrics/timeseries', { from: '2026-01-05', to: '2026-02-02', channel: seg.key, interval: 'week' })).body;
        expect(seg.series.map((x: any) => x.bucket)).toEqual(ts.buckets.map((x: any) => x.bucket));
        expect(mismatches(ts.buckets.map(lean), seg.series)).toEqual([]);
        expect(Object.keys(seg.series[0].byPath.ai)).not.toContain('resolutionSeconds');
      }
    });

    it('percentiles=false: the same answer without the distributions (timeseries, breakdown with comparison and "other")', async () => {
      const ts = { from: '2026-01-05', to: '2026-02-02', interval: 'week', channel: 'chat', asOf: AS_OF };
      const [full, thin] = [(await get('metrics/timeseries', ts)).body, (await get('metrics/timeseries', { ...ts, percentiles: 'false' })).body];
      expect([full.percentiles, thin.percentiles]).toEqual([true, false]);
      expect(thin.buckets).toHaveLength(full.buckets.length);
      expect(mismatches(full.buckets.map(lean), thin.buckets)).toEqual([]);
      expect(Object.keys(thin.buckets[0].byPath.human)).not.toContain('resolutionSeconds');
      expect(thin.buckets[0].byPath.human.handleSeconds).toEqual({ mean: full.buckets[0].byPath.human.handleSeconds.mean });

      const bd = { from: '2026-01-05', to: '2026-02-02', by: 'category', limit: 2, compare: 'previous', asOf: AS_OF };
      const [b1, b2] = [(await get('metrics/breakdown', bd)).body, (await get('metrics/breakdown', { ...bd, percentiles: 'false' })).body];
      expect(b2.segments.map((x: any) => x.key)).toEqual(b1.segments.map((x: any) => x.key));
      const thinSegment = ({ comparison, deltas, ...seg }: any) => ({ ...lean(seg), comparison: lean(comparison), deltas });
      expect(mismatches(b1.segments.map(thinSegment), b2.segments)).toEqual([]);
      expect(b1.other).not.toBeNull();
      expect(mismatches(thinSegment(b1.other), b2.other)).toEqual([]);
      expect(Object.keys(b2.segments[0].comparison.byPath.ai)).not.toContain('resolutionSeconds');

      const bad = await get('metrics/breakdown', { ...bd, percentiles: 'false', sort: 'byPath.ai.handleSeconds.median' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/percentiles=false/);
      expect((await get('metrics/timeseries', { ...ts, percentiles: 'no' })).status).toBe(400);
    });

    it('CSV rows equal the JSON segments', async () => {
      const json = (await get('metrics/breakdown', { from: '2026-01-05', to: '2026-01-26', by: 'channel' })).body;
      const csv = await t.app.inject({ method: 'GET', url: `/api/v1/metrics/breakdown?${qs({ from: '2026-01-05', to: '2026-01-26', by: 'channel' })}`, headers: { authorization: 'Bearer test-admin-token-0123456789', accept: 'text/csv' } });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parseCsv(csv.body);
      expect(rows.map((r) => [r.key, Number(r.tickets), Number(r.aiResolved)])).toEqual(json.segments.map((s: any) => [s.key, s.tickets, s.aiResolved]));
    });
  });

  describe('comparison', () => {
    it('compare=previous returns the previous week and the deltas', async () => {
      const r = (await get('metrics/summary', { from: '2026-01-19', to: '2026-01-26', compare: 'previous' })).body;
      const prev = (await get('metrics/summary', { from: '2026-01-12', to: '2026-01-19' })).body;
      expect(r.comparison).toMatchObject({ from: '2026-01-12', to: '2026-01-19', tickets: prev.tickets, verifiedAiResolved: prev.verifiedAiResolved });
      expect(r.deltas.tickets).toBe(r.tickets - prev.tickets);
      expect(r.deltas.savings.aiCost).toBeCloseTo(r.savings.aiCost - prev.savings.aiCost, 9);
      expect(r.deltas.verifiedAiResolutionRate).toBeCloseTo(r.verifiedAiResolutionRate - prev.verifiedAiResolutionRate, 12);
    });

    it('the comparison is judged at the same age as the range: its asOf moves back by the range\'s length', async () => {
      // Read 3 days after the range's end, the range's last AI resolutions are still maturing; the
      // week before, read on the same day, would have none maturing (resolved by Jan 12, judged by
      // Jan 19). At the same age (asOf Jan 15) it has some too, as the plain summary then says.
      const asOf = '2026-01-22T00:00:00Z';
      const r = (await get('metrics/summary', { from: '2026-01-12', to: '2026-01-19', compare: 'previous', asOf })).body;
      expect(r.comparison.asOf).toBe('2026-01-15T00:00:00.000Z');
      const sameAge = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-12', asOf: '2026-01-15T00:00:00Z' })).body;
      const today = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-12', asOf })).body;
      expect(today.pendingAiResolved).toBe(0);
      expect(sameAge.pendingAiResolved).toBeGreaterThan(0);
      expect([r.comparison.pendingAiResolved, r.comparison.verifiedAiResolved]).toEqual([sameAge.pendingAiResolved, sameAge.verifiedAiResolved]);
      expect(r.deltas.verifiedAiResolved).toBe(r.verifiedAiResolved - sameAge.verifiedAiResolved);
      // A breakdown's segments likewise.
      const b = (await get('metrics/breakdown', { from: '2026-01-12', to: '2026-01-19', by: 'channel', compare: 'previous', asOf, percentiles: 'false' })).body;
      expect(b.comparison.asOf).toBe('2026-01-15T00:00:00.000Z');
      const chat = b.segments.find((x: { key: string }) => x.key === 'chat');
      const chatSameAge = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-12', asOf: '2026-01-15T00:00:00Z', channel: 'chat' })).body;
      expect(chat.comparison.pendingAiResolved).toBe(chatSameAge.pendingAiResolved);
    });

    it('compare=year against an empty year: counts subtract, rates have no delta', async () => {
      const r = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26', compare: 'year' })).body;
      expect(r.comparison).toMatchObject({ from: '2025-01-05', to: '2025-01-26', tickets: 0 });
      expect(r.deltas).toMatchObject({ tickets: case1.tickets, involvementRate: null, savings: { claimedSavings: null } });
    });

    // The fixture's first accepted ticket is created 2026-01-05T00:34:02Z (t1-0-6; ticket "x" of
    // 2026-01-01 is rejected) and its last 2026-01-25T23:36:38Z (t1-20-14), read from events.ndjson.
    it.each([
      // zone, that zone's local date of the first ticket, the day after the last one's, and the days of 2025-12-29..2026-01-12 on or after the first
      ['UTC', '2026-01-05', '2026-01-26', 7],
      ['America/Los_Angeles', '2026-01-04', '2026-01-26', 8], // 2026-01-04 16:34 and 2026-01-25 15:36 there
      ['Asia/Kolkata', '2026-01-05', '2026-01-27', 7], // 2026-01-05 06:04 and 2026-01-26 05:06 there
    ])('a comparison period before the first ticket says how many of its days have data (%s)', async (tz, dataFrom, dataTo, daysInDataSpan) => {
      const r = (await get('metrics/summary', { from: '2026-01-12', to: '2026-01-26', tz, compare: 'previous' })).body;
      expect(r.coverage).toEqual({ days: 14, daysInDataSpan: 14, dataFrom, dataTo });
      expect(r.comparison).toMatchObject({ from: '2025-12-29', to: '2026-01-12', coverage: { days: 14, daysInDataSpan, dataFrom, dataTo } });
      const b = (await get('metrics/breakdown', { from: '2026-01-12', to: '2026-01-26', tz, by: 'channel', compare: 'previous', percentiles: 'false' })).body;
      // Judged at the same age: AS_OF (2026-03-01) less the range's 14 days.
      expect(b.comparison).toEqual({ from: '2025-12-29', to: '2026-01-12', asOf: '2026-02-15T00:00:00.000Z', coverage: { days: 14, daysInDataSpan, dataFrom, dataTo } });
    });

    it('a range that starts before the data and ends after it: 21 of its 30 days have data', async () => {
      const r = (await get('metrics/summary', { from: '2026-01-01', to: '2026-01-31' })).body;
      expect(r.coverage).toEqual({ days: 30, daysInDataSpan: 21, dataFrom: '2026-01-05', dataTo: '2026-01-26' });
    });

    it('breakdown segments carry their comparison', async () => {
      const r = (await get('metrics/breakdown', { from: '2026-01-19', to: '2026-01-26', by: 'channel', compare: 'previous' })).body;
      for (const s of r.segments) {
        const prev = (await get('metrics/summary', { from: '2026-01-12', to: '2026-01-19', channel: s.key })).body;
        expect([s.key, s.comparison.tickets, s.deltas.tickets]).toEqual([s.key, prev.tickets, s.tickets - prev.tickets]);
      }
    });
  });
  describe('summary CSV', () => {
    it('is one row with every JSON number', async () => {
      const json = (await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26' })).body;
      const [row] = parseCsv((await get('metrics/summary', { from: '2026-01-05', to: '2026-01-26', format: 'csv' })).text);
      expect(Number(row.tickets)).toBe(json.tickets);
      expect(Number(row['byPath.escalated.resolutionSeconds.p90'])).toBeCloseTo(json.byPath.escalated.resolutionSeconds.p90, 6);
      expect(Number(row['savings.roi'])).toBeCloseTo(case1.savings.roi, 9);
    });
  });

  describe('400 for malformed parameters', () => {
    it.each([
      ['metrics/timeseries', { from: '2026-13-01', to: '2026-02-01' }, 'from: 2026-13-01 is not a calendar date'],
      ['metrics/timeseries', { from: '2026-01-01', to: '2026-02-01', tz: 'Atlantis/Capital' }, 'tz: must be an IANA time zone'],
      ['metrics/timeseries', { from: '2026-02-01', to: '2026-01-01' }, 'from: must be before to'],
      ['metrics/timeseries', { from: '2026-01-01', to: '2026-02-01', interval: 'hour' }, 'interval: must be day, week or month'],
      ['metrics/timeseries', { from: '2020-01-01', to: '2026-02-01', interval: 'month' }, 'at most 5 years'],
      ['metrics/summary', { from: '2026-01-01', to: '2026-02-01', path: 'robot' }, 'path: unknown value "robot"'],
      ['metrics/summary', { from: '2026-01-01', to: '2026-02-01', compare: 'lastyear' }, 'compare: must be previous or year'],
      ['metrics/breakdown', { from: '2026-01-01', to: '2026-02-01', by: 'agent' }, 'by: must be one of channel, category, language, path'],
      ['metrics/breakdown', { from: '2026-01-01', to: '2026-02-01', by: 'channel', limit: 0 }, 'limit: must be from 1 to 1000'],
      ['tickets', { from: '2026-01-01', to: '2026-02-01', verified: 'yes' }, 'verified: must be true or false'],
      ['tickets', { from: '2026-01-01', to: '2026-02-01', cursor: 'bm90LWEtY3Vyc29y' }, 'cursor: not a cursor this API returned'],
      ['tickets', { from: '2026-01-01', to: '2026-02-01', limit: 501 }, 'limit: must be a whole number from 1 to 500'],
    ])('%s %j', async (path, params, message) => {
      const r = await get(path, params as Record<string, string>);
      expect(r.status).toBe(400);
      expect([r.body.message].flat().join(' | ')).toContain(message);
    });
  });
});

describe('time buckets around DST and month ends (hand-made)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const created = (id: string, at: string) => ({ id, type: 'ticket.created', ticketId: id, occurredAt: at, channel: 'chat' });
    await t.request('POST', '/api/v1/events', {
      body: [
        created('a', '2026-03-28T22:30:00Z'), // Stockholm 23:30 on 28 March (CET, +01:00)
        created('b', '2026-03-28T23:30:00Z'), // Stockholm 00:30 on 29 March, the DST day
        created('c', '2026-03-29T21:30:00Z'), // Stockholm 23:30 on 29 March (CEST, +02:00)
        created('d', '2026-03-29T22:30:00Z'), // Stockholm 00:30 on 30 March
        created('e', '2026-01-31T23:30:00Z'), // Stockholm 00:30 on 1 February
        created('f', '2026-03-29T23:59:59Z'), // UTC: still 29 March
      ],
    });
  });
  afterAll(async () => t.close());
  const series = async (params: Record<string, string>) =>
    Object.fromEntries((await t.request('GET', `/api/v1/metrics/timeseries?${qs(params)}`)).body.buckets.map((b: any) => [b.bucket, b.tickets]));

  it('local days in Stockholm across the spring-forward day', async () => {
    expect(await series({ from: '2026-03-28', to: '2026-03-31', tz: 'Europe/Stockholm' })).toEqual({ '2026-03-28': 1, '2026-03-29': 2, '2026-03-30': 2 });
  });

  it('the same tickets in UTC fall on other days', async () => {
    expect(await series({ from: '2026-03-28', to: '2026-03-31', tz: 'UTC' })).toEqual({ '2026-03-28': 2, '2026-03-29': 3, '2026-03-30': 0 });
  });

  it('a ticket late on 31 January UTC is February in Stockholm', async () => {
    expect(await series({ from: '2026-01-01', to: '2026-03-01', tz: 'Europe/Stockholm', interval: 'month' })).toEqual({ '2026-01-01': 0, '2026-02-01': 1 });
    expect(await series({ from: '2026-01-01', to: '2026-03-01', tz: 'UTC', interval: 'month' })).toEqual({ '2026-01-01': 1, '2026-02-01': 0 });
  });

  it('ISO weeks in Stockholm: Monday 30 March starts a week', async () => {
    expect(await series({ from: '2026-03-23', to: '2026-04-06', tz: 'Europe/Stockholm', interval: 'week' })).toEqual({ '2026-03-23': 3, '2026-03-30': 2 });
  });
});
