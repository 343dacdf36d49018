// The rollup read path (metrics/rollups/) against the plain definitions read straight from tickets
// (readPopulation(..., reference): percentile_cont over the population; rollup-checks.ts) on the contract fixture,
// on a demo story in UTC and on one whose reporting zone is +05:45: whole and partial days, other
// time zones, months, filters, segments, two-dimensional segments, maturing days, a day changed
// after its build, days still to build in bulk. Plus the contract's expected summaries.
import { DayKeyHistograms1766600000000 } from '../../migrations/1766600000000-day-key-histograms';
import { DEFAULT_DEMO, loadDemo } from '../src/demo/demo-loader';
import { DISTRIBUTIONS } from '../src/metrics/measures';
import { EventsService } from '../src/events/events.service';
import { ProjectorService } from '../src/projection/projector.service';
import { ProjectionRepository } from '../src/projection/projection.repository';
import { createFixtureApp } from './fixture-app';
import { FIXTURE_SCOPES, M, Scope, both, expectDifferenceEqualsRebuild, expectMonthsFromDaysEqualTickets, near, overlapping, whileHeld } from './rollup-checks';
import { TestApp, createTestApp, expected, mismatches, summaryUrl } from './test-app';

describe('rollups on the contract fixture', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createFixtureApp();
    await t.projected();
  });
  afterAll(async () => t.close());

  it('right after ingest every day is built: a UTC read needs no ticket', async () => {
    const r = await both(t, FIXTURE_SCOPES[0][1]);
    expect(r.plan.raw).toEqual([]);
    expect(r.plan.units.length).toBeGreaterThan(0);
    expect(r.fast).toEqual(r.reference);
  });

  it.each(FIXTURE_SCOPES)('%s: the rollups give the reference rows', async (_name, scope) => {
    const r = await both(t, scope);
    expect(r.fast.rows.length).toBeGreaterThan(0);
    expect(r.fast).toEqual(r.reference);
  });

  it("the contract's six expected summaries hold when read through the rollups", async () => {
    for (const c of expected().cases) {
      const res = await t.request('GET', summaryUrl(c.query));
      expect(res.status).toBe(200);
      expect(mismatches(c.summary, res.body)).toEqual([]);
    }
  });

  it('a day changed by a later event is rebuilt with it: the read right after has the new numbers', async () => {
    const [ticket] = await t.ds.query(
      `SELECT id FROM tickets WHERE path = 'ai' AND resolved AND NOT reopened AND created_at >= '2026-01-12' AND created_at < '2026-01-13' ORDER BY id LIMIT 1`,
    );
    const scope: Scope = { from: '2026-01-05', to: '2026-01-26', asOf: M, interval: 'day' };
    const before = await both(t, scope);
    const res = await t.request('POST', '/api/v1/events', { body: [{ id: 'rollup-test-reopen', ticketId: ticket.id, type: 'ticket.reopened', occurredAt: '2026-01-25T09:00:00Z' }] });
    expect(res.body.accepted).toBe(1);
    // The summary read after the answer includes it (read-your-writes)...
    const day = await t.request('GET', `/api/v1/metrics/summary?from=2026-01-12&to=2026-01-13&asOf=${M}`);
    // A reopen after the resolution leaves the ticket open: one AI resolution fewer that day.
    const was = before.fast.rows.find((r) => (r as { grp: string; path: string }).grp === '2026-01-12' && (r as { path: string }).path === 'ai') as { resolved: number };
    expect(day.body.byPath.ai.resolved).toBe(was.resolved - 1);
    // ...and the rollups were rebuilt in the projector's transaction: no day is read from tickets.
    const after = await both(t, scope);
    expect(after.plan.raw).toEqual([]);
    expect(after.fast).toEqual(after.reference);
    expect(after.fast).not.toEqual(before.fast);
  });

  it('days still to build in bulk (an upgrade) are read from tickets meanwhile, then built', async () => {
    const scope: Scope = { from: '2026-01-05', to: '2026-01-26', asOf: M };
    const pending = await whileHeld(t, async () => {
      await t.ds.query(`DELETE FROM rollup_cells WHERE zone = 'UTC' AND period >= '2026-01-10' AND period < '2026-01-20'`);
      await t.ds.query(`DELETE FROM rollup_values WHERE day >= '2026-01-10' AND day < '2026-01-20'`);
      await t.ds.query(`INSERT INTO rollup_pending (workspace_id, zone, day) SELECT 1, 'UTC', d::date FROM generate_series('2026-01-10'::date, '2026-01-19'::date, '1 day') d`);
      return both(t, scope);
    });
    expect(pending.plan.raw.length).toBe(10);
    expect(pending.fast).toEqual(pending.reference);
    await t.projected();
    const built = await both(t, scope);
    expect(built.plan.raw).toEqual([]);
    expect(built.fast).toEqual(near(pending.fast));
  });

  it('a live change by difference: every day and month cell equals a rebuild from the tickets, emptied cells go, reads rank the changed days', async () => {
    await expectDifferenceEqualsRebuild(t, { from: '2026-01-01', to: '2026-02-01', asOf: M, interval: 'day' });
  });

  it('months summed from their days, as the projector builds them, equal months built from the tickets', async () => {
    // The fixture's months in UTC and its reporting zone (2 zones x its months x paths x keys).
    expect(await expectMonthsFromDaysEqualTickets(t)).toBeGreaterThan(20);
  });

  it('between batches, days live batches keep changing are left unranked; with the queue empty the projector ranks them', async () => {
    const unranked = async () => (await t.ds.query(`SELECT DISTINCT zone || '|' || period::text AS k FROM rollup_cells WHERE span = 'd' AND key_id = 0 AND pct IS NULL ORDER BY 1`)).map((r: { k: string }) => r.k);
    const taken = await whileHeld(t, async () => {
      await t.ds.query(`UPDATE rollup_cells SET pct = NULL WHERE span = 'd' AND key_id = 0 AND period IN ('2026-01-12', '2026-01-13')`);
      return t.inWorkspace(() => t.ds.transaction((m) => t.app.get(ProjectionRepository).unrankedDays(m, 5, ['UTC|2026-01-13'])));
    });
    expect(taken).toEqual([{ zone: 'UTC', days: ['2026-01-12'] }]);
    expect(await unranked()).toEqual(['UTC|2026-01-12', 'UTC|2026-01-13']);
    // Nothing queued: the projector rebuilds both.
    await t.projected();
    expect(await unranked()).toEqual([]);
  });

  it('an install from before per-key day histograms: the migration marks every built day, reads stay exact meanwhile, the rebuild adds them', async () => {
    const metrics = DISTRIBUTIONS.map((d) => d.metric);
    const scope = FIXTURE_SCOPES.find(([name]) => name === 'two channels and a category')![1];
    const { days, marked, pending } = await whileHeld(t, async () => {
      // The rollups as the build of before left them: no histograms on a day's per-key cells.
      await t.ds.query(`UPDATE rollup_cells SET ${metrics.map((x) => `h${x}_bins = NULL, h${x}_counts = NULL`).join(', ')} WHERE span = 'd' AND key_id <> 0`);
      const [{ n }] = await t.ds.query(`SELECT count(DISTINCT (zone, period))::int AS n FROM rollup_cells WHERE span = 'd'`);
      const qr = t.ds.createQueryRunner();
      await new DayKeyHistograms1766600000000().up(qr);
      await qr.release();
      const [{ m }] = await t.ds.query(`SELECT count(*)::int AS m FROM rollup_pending`);
      return { days: n as number, marked: m as number, pending: await both(t, scope) };
    });
    expect(marked).toBe(days);
    // Every day of January with tickets is read from them (the plan's units are the days without any).
    const [{ withTickets }] = await t.ds.query(`SELECT count(DISTINCT (created_at AT TIME ZONE 'UTC')::date)::int AS "withTickets" FROM tickets WHERE created_at >= '2026-01-01' AND created_at < '2026-02-01'`);
    expect(withTickets).toBeGreaterThan(20);
    expect(pending.plan.raw.length).toBe(withTickets);
    expect(pending.fast).toEqual(pending.reference);
    await t.projected();
    const built = await both(t, scope);
    expect(built.plan.raw).toEqual([]);
    expect(built.fast).toEqual(pending.reference);
    // Each day's per-key histograms add up to its all-keys histogram (key 0), bin by bin.
    const differ: unknown[] = await t.ds.query(
      `WITH b AS (${metrics.map((x) => `SELECT zone, period, path, key_id = 0 AS whole, ${x} AS metric, h.b, h.n FROM rollup_cells CROSS JOIN LATERAL unnest(h${x}_bins, h${x}_counts) AS h(b, n) WHERE span = 'd'`).join(' UNION ALL ')})
       SELECT zone, period, path, metric, b FROM b GROUP BY 1, 2, 3, 4, 5
       HAVING sum(n) FILTER (WHERE whole) IS DISTINCT FROM sum(n) FILTER (WHERE NOT whole)`,
    );
    expect(differ).toEqual([]);
    const [{ bins }] = await t.ds.query(`SELECT count(*)::int AS bins FROM rollup_cells WHERE span = 'd' AND key_id <> 0 AND h1_bins IS NOT NULL`);
    expect(bins).toBeGreaterThan(0);
  });
});

describe('rollups on a two-month demo story, UTC and a +05:45 reporting zone', () => {
  const end = '2026-03-10';
  const asOf = `${end}T00:00:00Z`;
  const stories: [string, Partial<import('../src/config/app-config').AppConfig>][] = [
    ['UTC', {}],
    ['Asia/Kathmandu', { reportingTimeZone: 'Asia/Kathmandu' }],
  ];
  describe.each(stories)('reporting zone %s', (zone, config) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(config);
      await t.inWorkspace(() => loadDemo(t.app.get(EventsService), { days: 70, perDay: 40, seed: DEFAULT_DEMO.seed, end: new Date(`${end}T00:00:00Z`) }, 'demo for the rollup tests'));
      await t.app.get(ProjectorService).drain();
    }, 120_000);
    afterAll(async () => t.close());

    it.each<[string, Scope]>([
      ['February as a whole month plus edges', { from: '2026-01-15', to: '2026-03-10', asOf }],
      ['the last 30 days, maturing at the end', { from: '2026-02-08', to: '2026-03-10', asOf }],
      ['daily, the last 30 days', { from: '2026-02-08', to: '2026-03-10', asOf, interval: 'day' }],
      ['daily in the reporting zone', { from: '2026-02-08', to: '2026-03-10', tz: zone, asOf, interval: 'day' }],
      ['weekly in the reporting zone, one channel', { from: '2026-01-05', to: '2026-03-09', tz: zone, asOf, interval: 'week', filter: { channel: ['chat'] } }],
      ['a +05:45 summary', { from: '2026-01-15', to: '2026-03-10', tz: 'Asia/Kathmandu', asOf }],
      ['weekly in Los Angeles', { from: '2026-01-05', to: '2026-03-09', tz: 'America/Los_Angeles', asOf, interval: 'week' }],
      ['monthly', { from: '2026-01-01', to: '2026-03-10', asOf, interval: 'month' }],
      ['by channel with a category filter', { from: '2026-01-01', to: '2026-03-10', asOf, by: ['channel'], filter: { category: ['billing'] } }],
      ['by category, two languages', { from: '2026-01-01', to: '2026-03-10', asOf, by: ['category'], filter: { language: ['en', 'de'] } }],
      ['by path, asOf in the past', { from: '2026-01-01', to: '2026-03-10', asOf: '2026-02-20T00:00:00Z', by: ['path'] }],
      ['category x channel', { from: '2026-01-01', to: '2026-03-10', tz: zone, asOf, by: ['category', 'channel'] }],
      // Zones without rollups of their own: each local day's longer UTC part is its UTC day less the rest (read-plan.ts edgePart).
      ['daily in Kolkata (+05:30)', { from: '2026-02-08', to: '2026-03-10', tz: 'Asia/Kolkata', asOf, interval: 'day' }],
      ['daily in New York across its change to summer time, by channel', { from: '2026-03-01', to: '2026-03-10', tz: 'America/New_York', asOf, interval: 'day', by: ['channel'] }],
      ['a Kolkata summary, one category', { from: '2026-01-15', to: '2026-03-10', tz: 'Asia/Kolkata', asOf, filter: { category: ['billing'] } }],
      ['weekly in Kolkata by path', { from: '2026-01-05', to: '2026-03-09', tz: 'Asia/Kolkata', asOf, interval: 'week', by: ['path'] }],
      // Each edge read once and spread over the two local days it belongs to (read-plan.ts sharedRanges), with a path filter and segments.
      ['daily in Kolkata, AI-involved paths, by channel', { from: '2026-02-08', to: '2026-03-10', tz: 'Asia/Kolkata', asOf, interval: 'day', by: ['channel'], filter: { path: ['ai', 'escalated'] } }],
    ])('%s', async (_name, scope) => {
      const r = await both(t, scope);
      expect(r.plan.units.length).toBeGreaterThan(0);
      expect(r.fast.rows.length).toBeGreaterThan(0);
      expect(r.fast).toEqual(r.reference);
    });

    it('a live change by difference: every cell of both zones equals a rebuild from the tickets', async () => {
      await expectDifferenceEqualsRebuild(t, { from: '2026-01-01', to: '2026-03-10', tz: zone, asOf, interval: 'day' });
    });

    it('months summed from their days equal months built from the tickets, in both zones', async () => {
      expect(await expectMonthsFromDaysEqualTickets(t)).toBeGreaterThan(100);
    });

    it("another zone's daily series reads at most half a UTC day of tickets per edge: the longer part is the UTC day less the rest", async () => {
      const r = await both(t, { from: '2026-02-08', to: '2026-03-10', tz: 'Asia/Kolkata', asOf, interval: 'day' });
      expect(r.fast).toEqual(r.reference);
      // 30 Kolkata days (UTC+05:30): each is 5 h 30 min of the UTC day before (tickets) and 18 h 30
      // min of its own UTC day (that day's cell less its last 5 h 30 min).
      const hours = (x: { lo: Date; hi: Date }) => (x.hi.getTime() - x.lo.getTime()) / 3_600_000;
      expect(r.plan.raw.map(hours)).toEqual(Array(30).fill(5.5));
      expect(r.plan.units.map((u) => (u.except ?? []).map(hours))).toEqual(Array(30).fill([5.5]));
      expect(r.plan.units.map((u) => u.period)).toEqual(Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 1, 8 + i)).toISOString().slice(0, 10)));
    });

    it('a range in the reporting zone is whole local months and days: nothing read from tickets', async () => {
      const r = await both(t, { from: '2026-01-15', to: '2026-03-10', tz: zone, asOf });
      expect(r.plan.raw).toEqual([]);
      expect(r.plan.units.filter((u) => u.span === 'm').map((u) => [u.zone, u.period])).toEqual([[zone, '2026-02-01']]);
    });
  });
});

// Reads of one snapshot share one connection: none may send a statement while another runs
// (counted in rollup-checks.ts).
describe('rollup reads', () => {
  it('never sent a statement on a connection that was still running one', () => {
    expect(overlapping).toEqual([]);
  });
});
