// The rollup read path (metrics/rollups/) against the plain definitions read straight from tickets
// (readPopulation(..., reference): percentile_cont over the population) on the contract fixture,
// on a demo story in UTC and on one whose reporting zone is +05:45: whole and partial days, other
// time zones, months, filters, segments, two-dimensional segments, maturing days, a day changed
// after its build, days still to build in bulk. Plus the contract's expected summaries.
import { Client } from 'pg';
import { DayKeyHistograms1766600000000 } from '../../migrations/1766600000000-day-key-histograms';
import { DEFAULT_DEMO, loadDemo } from '../src/demo/demo-loader';
import { DISTRIBUTIONS } from '../src/metrics/measures';
import { ADDITIVE_COLUMNS } from '../src/metrics/measures.sql';
import { HIST_COLUMNS, rebuildPeriods, rebuildValues } from '../src/metrics/rollups/rollup-build.query';
import { addToCells, rowChanges, ticketRows } from '../src/metrics/rollups/rollup-delta.query';
import { EventsService } from '../src/events/events.service';
import { buckets } from '../src/metrics/buckets';
import { Column, PopulationFilter } from '../src/metrics/rollups/key-scope';
import { PopulationRequest, readPopulation } from '../src/metrics/rollups/population-reader';
import { BatchReport, ProjectorService } from '../src/projection/projector.service';
import { ProjectionRepository } from '../src/projection/projection.repository';
import { startOfLocalDate } from '../src/stats/time-range';
import { createFixtureApp } from './fixture-app';
import { TestApp, createTestApp, expected, fixtureLines, mismatches, summaryUrl } from './test-app';

const overlapping: string[] = [];
const query = Client.prototype.query as (...a: unknown[]) => unknown;
(Client.prototype as unknown as { query: unknown }).query = function (this: { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args: unknown[]) {
  if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) overlapping.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).slice(0, 80));
  return query.apply(this, args);
};

interface Scope {
  from: string;
  to: string;
  tz?: string;
  asOf: string;
  interval?: 'day' | 'week' | 'month';
  by?: Column[];
  filter?: PopulationFilter;
}

const round = (v: unknown): unknown =>
  typeof v === 'number'
    ? Number(v.toPrecision(10))
    : Array.isArray(v)
      ? v.map(round)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]))
        : v;
/** Rows in a stable order (by their rounded values: the order does not hang on the last bits). */
const normal = (rows: object[]) => [...rows].sort((a, b) => (JSON.stringify(round(a)) < JSON.stringify(round(b)) ? -1 : 1));
/** The reference's numbers to 10 significant digits (sums in another order differ in the last bits). */
const near = (v: unknown): unknown =>
  typeof v === 'number'
    ? v === 0 || !Number.isFinite(v)
      ? v
      : expect.closeTo(v, 9 - Math.floor(Math.log10(Math.abs(v))))
    : Array.isArray(v)
      ? v.map(near)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, near(x)]))
        : v;

function request(s: Scope): PopulationRequest {
  const tz = s.tz ?? 'UTC';
  const list = s.interval ? buckets(s.from, s.to, s.interval).map((b) => ({ from: b.from, to: b.to, grp: b.from })) : [{ from: s.from, to: s.to, grp: '' }];
  return {
    ranges: list.map((b) => ({ fromDate: b.from, toDate: b.to, from: startOfLocalDate(b.from, tz), to: startOfLocalDate(b.to, tz), grp: b.grp })),
    tz,
    filter: s.filter ?? {},
    segment: s.by ? { by: s.by } : null,
    asOf: new Date(s.asOf),
  };
}

/** The rollup read and the reference read of one scope, in one snapshot, and the rollup plan. */
async function both(t: TestApp, s: Scope) {
  return t.inWorkspace(() => t.ds.transaction('REPEATABLE READ', async (m) => {
    const fast = await readPopulation(m, request(s));
    const reference = await readPopulation(m, request(s), true);
    return {
      fast: { rows: normal(fast.rows), categories: normal(fast.categories) },
      reference: near({ rows: normal(reference.rows), categories: normal(reference.categories) }),
      plan: fast.plan,
    };
  }));
}

/**
 * Runs `fn` while the projector cannot: it holds the projector's advisory lock
 * (ProjectionRepository.tryLock) on a connection of its own, released however `fn` ends.
 */
async function whileHeld<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
  const qr = t.ds.createQueryRunner();
  await qr.query('SELECT pg_advisory_lock(4, 0)');
  try {
    return await fn();
  } finally {
    await qr.query('SELECT pg_advisory_unlock(4, 0)');
    await qr.release();
  }
}

const CELL_COLUMNS = `zone, span::text, period::text, path, key_id, ${ADDITIVE_COLUMNS.join(', ')}, ${HIST_COLUMNS.join(', ')}`;

/**
 * Changes tickets the way a live batch does, by difference (rollup-delta.query.ts): an AI
 * resolution reopened and rated, a repeat contact flipped, a ticket moved to the next month and
 * another key, a ticket that is alone in its day's key cell deleted; their UTC days' sorted values
 * rebuilt, as the projector does. Then, in the same snapshot,
 * `daily` read through the rollups must equal the reference, and every cell must equal what a
 * rebuild of every day and month from the tickets gives. Rolled back afterwards.
 */
async function expectDifferenceEqualsRebuild(t: TestApp, daily: Scope): Promise<void> {
  const rollback = new Error('rolled back on purpose');
  const checked = await whileHeld(t, () =>
    t.inWorkspace(() =>
      t.ds.transaction(async (m) => {
        const one = async (sql: string) => ((await m.query(sql)) as { id: string }[])[0].id;
        const reopened = await one(`SELECT id FROM tickets WHERE path = 'ai' AND resolved AND NOT reopened AND NOT repeat_contact AND csat IS NULL ORDER BY created_at, id LIMIT 1`);
        const repeat = await one(`SELECT id FROM tickets WHERE resolved AND NOT repeat_contact AND id <> '${reopened}' ORDER BY created_at DESC, id LIMIT 1`);
        const moved = await one(`SELECT id FROM tickets WHERE created_at IS NOT NULL AND id NOT IN ('${reopened}', '${repeat}') ORDER BY created_at, id LIMIT 1 OFFSET 40`);
        const alone = await one(
          `SELECT t.id FROM tickets t WHERE t.created_at IS NOT NULL AND t.id NOT IN ('${reopened}', '${repeat}', '${moved}')
              AND (SELECT count(*) FROM tickets u WHERE u.key_id = t.key_id AND u.path = t.path
                      AND (u.created_at AT TIME ZONE 'UTC')::date = (t.created_at AT TIME ZONE 'UTC')::date) = 1
            ORDER BY t.id LIMIT 1`,
        );
        const ids = [reopened, repeat, moved, alone];
        const utcDays = async () => ((await m.query(`SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date::text AS d FROM tickets WHERE id = ANY($1)`, [ids])) as { d: string }[]).map((r) => r.d);
        const daysBefore = await utcDays();
        const before = await ticketRows(m, ids);
        await m.query(`UPDATE tickets SET reopened = true, csat = 2 WHERE id = $1`, [reopened]);
        await m.query(`UPDATE tickets SET repeat_contact = true WHERE id = $1`, [repeat]);
        await m.query(
          `UPDATE tickets t SET created_at = t.created_at + interval '24 days', channel = k.channel, category = k.category, language = k.language, key_id = k.key_id
             FROM (SELECT * FROM measure_keys ORDER BY key_id DESC LIMIT 1) k WHERE t.id = $1`,
          [moved],
        );
        await m.query(`DELETE FROM tickets WHERE id = $1`, [alone]);
        await addToCells(m, rowChanges(before, await ticketRows(m, ids)));
        await rebuildValues(m, [...new Set([...daysBefore, ...(await utcDays())])]); // as the projector does

        const [{ unranked }] = await m.query(`SELECT count(*)::int AS unranked FROM rollup_cells WHERE span = 'd' AND key_id = 0 AND pct IS NULL`);
        const fast = await readPopulation(m, request(daily));
        const reference = await readPopulation(m, request(daily), true);
        const changed: object[] = await m.query(`SELECT ${CELL_COLUMNS} FROM rollup_cells ORDER BY zone, span, period, path, key_id`);
        const periods: { zone: string; span: 'd' | 'm'; list: string[] }[] = await m.query(
          `SELECT zone, span::text AS span, array_agg(DISTINCT period::text) AS list FROM rollup_cells GROUP BY 1, 2`,
        );
        for (const p of periods) await rebuildPeriods(m, p.zone, p.span, p.list);
        const rebuilt: object[] = await m.query(`SELECT ${CELL_COLUMNS} FROM rollup_cells ORDER BY zone, span, period, path, key_id`);
        expect(changed.length).toBe(rebuilt.length);
        expect(changed).toEqual(near(rebuilt));
        expect(normal(fast.rows)).toEqual(near(normal(reference.rows)));
        expect(normal(fast.categories)).toEqual(near(normal(reference.categories)));
        expect(unranked).toBeGreaterThan(0);
        throw rollback;
      }),
    ).catch((e) => {
      if (e !== rollback) throw e;
      return true;
    }),
  );
  expect(checked).toBe(true);
}

/** Records every projector batch that commits into `reports`. */
function recordBatches(t: TestApp, reports: BatchReport[]): void {
  const projector = t.app.get(ProjectorService);
  const batch = projector.batch.bind(projector);
  jest.spyOn(projector, 'batch').mockImplementation(async () => {
    const r = await batch();
    if (r && r !== 'busy') reports.push(r);
    return r;
  });
}

const M = '2026-03-01T00:00:00Z';
const FIXTURE_SCOPES: [string, Scope][] = [
  ['three weeks, matured', { from: '2026-01-05', to: '2026-01-26', asOf: M }],
  ['three weeks, asOf 22 January (maturing days)', { from: '2026-01-05', to: '2026-01-26', asOf: '2026-01-22T00:00:00Z' }],
  ['a Stockholm week (partial UTC days at both ends)', { from: '2026-01-12', to: '2026-01-19', tz: 'Europe/Stockholm', asOf: M }],
  ['a Kolkata week (+05:30)', { from: '2026-01-12', to: '2026-01-19', tz: 'Asia/Kolkata', asOf: M }],
  ['a Stockholm fortnight, one category (per-key UTC days and raw edges)', { from: '2026-01-05', to: '2026-01-19', tz: 'Europe/Stockholm', asOf: M, filter: { category: ['refunds'] } }],
  ['one channel', { from: '2026-01-05', to: '2026-01-26', asOf: M, filter: { channel: ['chat'] } }],
  ['two channels and a category', { from: '2026-01-01', to: '2026-02-01', asOf: M, filter: { channel: ['chat', 'email'], category: ['disputes', 'billing'] } }],
  ['AI-involved paths', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-01-20T12:00:00Z', filter: { path: ['ai', 'escalated'] } }],
  ['a category left out ("other")', { from: '2026-01-01', to: '2026-02-01', asOf: M, filter: { exclude: { column: 'category', values: ['disputes'] } } }],
  ['daily buckets, UTC (stored day percentiles)', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-01-25T00:00:00Z', interval: 'day' }],
  ['daily buckets, one channel', { from: '2026-01-01', to: '2026-02-01', asOf: M, interval: 'day', filter: { channel: ['chat'] } }],
  ['daily buckets, Stockholm (read from tickets)', { from: '2026-01-01', to: '2026-02-01', tz: 'Europe/Stockholm', asOf: M, interval: 'day' }],
  ['weekly buckets, New York', { from: '2026-01-01', to: '2026-02-01', tz: 'America/New_York', asOf: M, interval: 'week' }],
  ['monthly buckets', { from: '2025-12-01', to: '2026-03-01', asOf: M, interval: 'month' }],
  ['by category', { from: '2026-01-05', to: '2026-01-26', asOf: M, by: ['category'] }],
  ['by language, one channel', { from: '2026-01-05', to: '2026-01-26', asOf: '2026-01-22T00:00:00Z', by: ['language'], filter: { channel: ['chat'] } }],
  ['by path', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-01-22T00:00:00Z', by: ['path'] }],
  ['by path, one channel', { from: '2026-01-01', to: '2026-02-01', asOf: M, by: ['path'], filter: { channel: ['email'] } }],
  ['category x channel (the quality grid)', { from: '2026-01-01', to: '2026-02-01', asOf: M, by: ['category', 'channel'] }],
  ['weekly by channel (sparklines)', { from: '2026-01-05', to: '2026-02-02', asOf: M, interval: 'week', by: ['channel'] }],
];

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
    ])('%s', async (_name, scope) => {
      const r = await both(t, scope);
      expect(r.plan.units.length).toBeGreaterThan(0);
      expect(r.fast.rows.length).toBeGreaterThan(0);
      expect(r.fast).toEqual(r.reference);
    });

    it('a live change by difference: every cell of both zones equals a rebuild from the tickets', async () => {
      await expectDifferenceEqualsRebuild(t, { from: '2026-01-01', to: '2026-03-10', tz: zone, asOf, interval: 'day' });
    });

    it('a range in the reporting zone is whole local months and days: nothing read from tickets', async () => {
      const r = await both(t, { from: '2026-01-15', to: '2026-03-10', tz: zone, asOf });
      expect(r.plan.raw).toEqual([]);
      expect(r.plan.units.filter((u) => u.span === 'm').map((u) => [u.zone, u.period])).toEqual([[zone, '2026-02-01']]);
    });
  });
});

describe('a bulk load (more queued than one batch takes), reporting zone +05:45', () => {
  let t: TestApp;
  const reports: BatchReport[] = [];
  beforeAll(async () => {
    t = await createTestApp({ projectionBatchTickets: 100, reportingTimeZone: 'Asia/Kathmandu' });
    recordBatches(t, reports); // installed before anything is queued
    // The whole fixture queued before the projector may start: it fails (and rolls back) until the trigger goes.
    await t.ds.query(`CREATE FUNCTION hold_projection() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'held for the test'; END $$ LANGUAGE plpgsql`);
    await t.ds.query(`CREATE TRIGGER hold_projection BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION hold_projection()`);
    const res = await t.request('POST', '/api/v1/events', { raw: fixtureLines().join('\n'), contentType: 'application/x-ndjson' });
    expect(res.status).toBe(207);
    await t.ds.query('DROP TRIGGER hold_projection ON tickets');
    await t.projected();
  }, 120_000);
  afterAll(async () => t.close());

  it('full batches rebuild none of the days they touch (only days the load has passed); each local day of each zone is built exactly once by the load', async () => {
    const ticketBatches = reports.filter((r) => r.tickets > 0);
    const full = ticketBatches.filter((r) => r.full);
    // The fixture's 849 tickets in batches of 100: 8 full batches, then the last 49.
    expect(full.length).toBeGreaterThanOrEqual(8);
    expect(full.map((r) => r.days)).toEqual(full.map(() => 0));
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM (SELECT DISTINCT z.zone, (k.created_at AT TIME ZONE z.zone)::date
         FROM tickets k CROSS JOIN (VALUES ('UTC'), ('Asia/Kathmandu')) AS z(zone) WHERE k.created_at IS NOT NULL) d`,
    );
    const built = reports.reduce((sum, r) => sum + r.bulkDays, 0);
    expect(built).toBe(n);
    // The last batch (49 tickets, not full) changed its days by difference; those already built
    // are rebuilt once more, for their percentiles, and no other day is.
    const last = ticketBatches[ticketBatches.length - 1];
    expect(last.full).toBe(false);
    expect(last.days).toBeGreaterThan(0);
    const ranked = reports.reduce((sum, r) => sum + r.rankedDays, 0);
    expect(ranked).toBeLessThanOrEqual(last.days);
    const [{ pending }] = await t.ds.query('SELECT count(*)::int AS pending FROM rollup_pending');
    expect(pending).toBe(0);
  });

  it.each<[string, Scope]>([
    ...FIXTURE_SCOPES,
    ['weekly in the reporting zone', { from: '2026-01-05', to: '2026-02-02', tz: 'Asia/Kathmandu', asOf: M, interval: 'week' }],
    ['daily in the reporting zone, one channel', { from: '2026-01-01', to: '2026-02-01', tz: 'Asia/Kathmandu', asOf: M, interval: 'day', filter: { channel: ['chat'] } }],
  ])('%s: equal to the reference (UTC and reporting-zone ranges read no ticket)', async (_name, scope) => {
    const r = await both(t, scope);
    if (!scope.tz || scope.tz === 'UTC' || scope.tz === 'Asia/Kathmandu') expect(r.plan.raw).toEqual([]);
    expect(r.fast.rows.length).toBeGreaterThan(0);
    expect(r.fast).toEqual(r.reference);
  });
});

describe('a live batch larger than PROJECTION_DIFFERENCE_TICKETS rebuilds its days', () => {
  let t: TestApp;
  const reports: BatchReport[] = [];
  beforeAll(async () => {
    // The fixture's 849 tickets in one batch (not full: live), over a limit of 100.
    t = await createTestApp({ projectionDifferenceTickets: 100 });
    recordBatches(t, reports);
    const res = await t.request('POST', '/api/v1/events', { raw: fixtureLines().join('\n'), contentType: 'application/x-ndjson' });
    expect(res.status).toBe(207);
    await t.projected();
  }, 120_000);
  afterAll(async () => t.close());

  it('no day was changed by difference: every touched day was built from the tickets, every stored percentile kept', async () => {
    const ticketBatches = reports.filter((r) => r.tickets > 0);
    expect(ticketBatches.map((r) => r.full ?? false)).not.toContain(true);
    expect(ticketBatches.map((r) => r.days)).toEqual(ticketBatches.map(() => 0));
    const [{ n }] = await t.ds.query(`SELECT count(DISTINCT (created_at AT TIME ZONE 'UTC')::date)::int AS n FROM tickets WHERE created_at IS NOT NULL`);
    expect(ticketBatches.reduce((sum, r) => sum + r.bulkDays, 0)).toBeGreaterThanOrEqual(n);
    const [{ unranked }] = await t.ds.query(`SELECT count(*)::int AS unranked FROM rollup_cells WHERE span = 'd' AND key_id = 0 AND pct IS NULL`);
    expect(unranked).toBe(0);
  });

  it.each(FIXTURE_SCOPES.filter(([name]) => /three weeks|daily buckets, UTC|monthly|category x channel/.test(name)))('%s: equal to the reference', async (_name, scope) => {
    const r = await both(t, scope);
    expect(r.fast.rows.length).toBeGreaterThan(0);
    expect(r.fast).toEqual(r.reference);
  });
});

// Reads of one snapshot share one connection; statements sent on it while another runs made pg
// warn ("client.query() when the client is already executing a query", an error in pg 9). Counted
// here on the pg Client every query of this file goes through.
describe('rollup reads', () => {
  it('never sent a statement on a connection that was still running one', () => {
    expect(overlapping).toEqual([]);
  });
});
