// The rollup-backed read path (metrics/rollups/) against the straightforward one: the plain
// queries over the tickets table (queries/path-metrics.query.ts, queries/category-verified.query.ts)
// on the contract fixture and on a two-month demo story, for whole and partial days, local time
// zones, months, filters, segments, maturing days and days changed since their rollup was built.
// Plus the contract's expected summaries through the API once the rollups are built.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_DEMO, loadDemo } from '../src/demo/demo-loader';
import { EventsService } from '../src/events/events.service';
import { buckets, bucketGrouping } from '../src/metrics/buckets';
import { categoryVerifiedQuery } from '../src/metrics/queries/category-verified.query';
import { pathMetricsQuery } from '../src/metrics/queries/path-metrics.query';
import { COLUMNS, Grouping, PopulationFilter } from '../src/metrics/queries/population';
import { PopulationRange, populationRows } from '../src/metrics/rollups/population-rows';
import { RollupsService } from '../src/metrics/rollups/rollups.service';
import { startOfLocalDate } from '../src/stats/time-range';
import { createFixtureApp } from './fixture-app';
import { TestApp, createTestApp, expected, mismatches, summaryUrl } from './test-app';

const overlapping: string[] = [];
const query = Client.prototype.query as (...a: unknown[]) => unknown;
(Client.prototype as unknown as { query: unknown }).query = function (this: { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args: unknown[]) {
  if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) overlapping.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).slice(0, 80));
  return query.apply(this, args);
};

type Split = { interval: 'day' | 'week' | 'month' } | { column: keyof typeof COLUMNS } | null;

interface Scope {
  from: string;
  to: string;
  tz?: string;
  asOf: string;
  split?: Split;
  filter?: Partial<Pick<PopulationFilter, 'channel' | 'category' | 'language' | 'path' | 'exclude'>>;
  /** Local days off the UTC grid contain no whole UTC day: such buckets are read from tickets. */
  noUnits?: true;
}

const round = (v: unknown): unknown => (typeof v === 'number' ? Number(v.toPrecision(10)) : Array.isArray(v) ? v.map(round) : v);
const normal = (rows: object[], drop: string[] = []) =>
  rows
    .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k)).map(([k, v]) => [k, round(v)])))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** Fast and reference rows of one scope, side by side, and the plan the fast path followed. */
async function both(ds: DataSource, s: Scope) {
  const tz = s.tz ?? 'UTC';
  const filter: PopulationFilter = { from: startOfLocalDate(s.from, tz), to: startOfLocalDate(s.to, tz), ...s.filter };
  const asOf = new Date(s.asOf);
  let ranges: PopulationRange[] = [{ from: filter.from, to: filter.to, grp: '' }];
  let grouping: Grouping | undefined;
  let by: { column: keyof typeof COLUMNS } | null = null;
  if (s.split && 'interval' in s.split) {
    ranges = buckets(s.from, s.to, s.split.interval).map((b) => ({ from: startOfLocalDate(b.from, tz), to: startOfLocalDate(b.to, tz), grp: b.from }));
    grouping = bucketGrouping(s.split.interval, tz, s.from);
  } else if (s.split) {
    by = s.split;
    grouping = { sql: `coalesce(${COLUMNS[s.split.column]}, '(none)')`, params: [] };
  }
  const fast = await populationRows(ds, ranges, filter, by, asOf);
  const [rows, categories] = await Promise.all([pathMetricsQuery(ds.manager, filter, asOf, grouping), categoryVerifiedQuery(ds.manager, filter, asOf, grouping)]);
  // The fast path computes percentiles for the reported paths only ('none' has none to report).
  const reported = rows.map((r) => (r.path === 'none' ? { ...r, handlePct: null, resolutionPct: null, firstResponseMedian: null } : r));
  return {
    fast: { rows: normal(fast.rows), categories: normal(fast.categories) },
    reference: { rows: normal(reported), categories: normal(categories) },
    plan: fast.plan,
  };
}

const FIXTURE_SCOPES: [string, Scope][] = [
  ['three weeks, matured', { from: '2026-01-05', to: '2026-01-26', asOf: '2026-03-01T00:00:00Z' }],
  ['three weeks, asOf 22 January (maturing days)', { from: '2026-01-05', to: '2026-01-26', asOf: '2026-01-22T00:00:00Z' }],
  ['a Stockholm week (partial UTC days at both ends)', { from: '2026-01-12', to: '2026-01-19', tz: 'Europe/Stockholm', asOf: '2026-03-01T00:00:00Z' }],
  ['a Kolkata week (+05:30)', { from: '2026-01-12', to: '2026-01-19', tz: 'Asia/Kolkata', asOf: '2026-03-01T00:00:00Z' }],
  ['one channel', { from: '2026-01-05', to: '2026-01-26', asOf: '2026-03-01T00:00:00Z', filter: { channel: ['chat'] } }],
  ['two channels and a category', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-03-01T00:00:00Z', filter: { channel: ['chat', 'email'], category: ['disputes', 'billing'] } }],
  ['AI-involved paths', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-01-20T12:00:00Z', filter: { path: ['ai', 'escalated'] } }],
  ['a category left out ("other")', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-03-01T00:00:00Z', filter: { exclude: { column: 'category', values: ['disputes'] } } }],
  ['daily buckets, UTC', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-01-25T00:00:00Z', split: { interval: 'day' } }],
  ['daily buckets, one channel', { from: '2026-01-01', to: '2026-02-01', asOf: '2026-03-01T00:00:00Z', split: { interval: 'day' }, filter: { channel: ['chat'] } }],
  ['daily buckets, Stockholm', { from: '2026-01-01', to: '2026-02-01', tz: 'Europe/Stockholm', asOf: '2026-03-01T00:00:00Z', split: { interval: 'day' }, noUnits: true }],
  ['weekly buckets, New York', { from: '2026-01-01', to: '2026-02-01', tz: 'America/New_York', asOf: '2026-03-01T00:00:00Z', split: { interval: 'week' } }],
  ['monthly buckets', { from: '2025-12-01', to: '2026-03-01', asOf: '2026-03-01T00:00:00Z', split: { interval: 'month' } }],
  ['by category', { from: '2026-01-05', to: '2026-01-26', asOf: '2026-03-01T00:00:00Z', split: { column: 'category' } }],
  ['by language, one channel', { from: '2026-01-05', to: '2026-01-26', asOf: '2026-01-22T00:00:00Z', split: { column: 'language' }, filter: { channel: ['chat'] } }],
];

describe('rollups on the contract fixture', () => {
  let t: TestApp;
  let rollups: RollupsService;
  beforeAll(async () => {
    t = await createFixtureApp();
    rollups = t.app.get(RollupsService);
  });
  afterAll(async () => t.close());

  it('before any build, everything is read from tickets and equals the reference', async () => {
    const r = await both(t.ds, FIXTURE_SCOPES[0][1]);
    expect(r.plan.units).toEqual([]);
    expect(r.fast).toEqual(r.reference);
  });

  it('builds every day that has tickets, and nothing is left dirty', async () => {
    const [{ days }] = await t.ds.query(`SELECT count(DISTINCT (created_at AT TIME ZONE 'UTC')::date)::int AS days FROM tickets WHERE created_at IS NOT NULL`);
    const report = await rollups.refresh();
    expect(report.days).toBe(days);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM rollup_dirty`)).toEqual([{ n: 0 }]);
    expect(await rollups.refresh()).toMatchObject({ days: 0 });
  });

  it.each(FIXTURE_SCOPES)('%s: the rollups give the reference rows', async (_name, scope) => {
    const r = await both(t.ds, scope);
    expect(r.plan.units.length > 0).toBe(!scope.noUnits);
    expect(r.fast).toEqual(r.reference);
  });

  it('the contract\'s six expected summaries hold when read through the rollups', async () => {
    for (const c of expected().cases) {
      const res = await t.request('GET', summaryUrl(c.query));
      expect(res.status).toBe(200);
      expect(mismatches(c.summary, res.body)).toEqual([]);
    }
  });

  it('a day changed after its build is read from tickets until rebuilt, with the same numbers either way', async () => {
    // A reopen of a ticket created on 12 January changes that day's reopen and verified counts.
    const [ticket] = await t.ds.query(
      `SELECT id, created_at FROM tickets WHERE path = 'ai' AND resolved AND NOT reopened AND created_at >= '2026-01-12' AND created_at < '2026-01-13' ORDER BY id LIMIT 1`,
    );
    const scope: Scope = { from: '2026-01-05', to: '2026-01-26', asOf: '2026-03-01T00:00:00Z', split: { interval: 'day' } };
    const before = await both(t.ds, scope);
    const res = await t.request('POST', '/api/v1/events', {
      body: [{ id: 'rollup-test-reopen', ticketId: ticket.id, type: 'ticket.reopened', occurredAt: '2026-01-25T09:00:00Z' }],
    });
    expect(res.body.accepted).toBe(1);
    const dirty = await both(t.ds, scope);
    expect(dirty.plan.raw).toEqual([{ from: new Date('2026-01-12T00:00:00Z'), to: new Date('2026-01-13T00:00:00Z'), grp: '2026-01-12' }]);
    expect(dirty.fast).toEqual(dirty.reference);
    expect(dirty.fast).not.toEqual(before.fast);
    await rollups.refresh();
    const rebuilt = await both(t.ds, scope);
    expect(rebuilt.plan.raw).toEqual([]);
    expect(rebuilt.fast).toEqual(rebuilt.reference);
  });
});

describe('rollups on a two-month demo story (whole months, maturing days, every segment)', () => {
  let t: TestApp;
  const end = '2026-03-10';
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemo(t.app.get(EventsService), { days: 70, perDay: 40, seed: DEFAULT_DEMO.seed, end: new Date(`${end}T00:00:00Z`) }, 'demo for the rollup tests');
    await t.app.get(RollupsService).refresh();
  }, 120_000);
  afterAll(async () => t.close());

  const asOf = `${end}T00:00:00Z`;
  it.each<[string, Scope]>([
    ['February as a whole month plus edges', { from: '2026-01-15', to: '2026-03-10', asOf }],
    ['the last 30 days, maturing at the end', { from: '2026-02-08', to: '2026-03-10', asOf }],
    ['daily, the last 30 days', { from: '2026-02-08', to: '2026-03-10', asOf, split: { interval: 'day' } }],
    ['weekly in Los Angeles', { from: '2026-01-05', to: '2026-03-09', tz: 'America/Los_Angeles', asOf, split: { interval: 'week' } }],
    ['monthly', { from: '2026-01-01', to: '2026-03-10', asOf, split: { interval: 'month' } }],
    ['by channel with a category filter', { from: '2026-01-01', to: '2026-03-10', asOf, split: { column: 'channel' }, filter: { category: ['billing'] } }],
    ['by category, two languages', { from: '2026-01-01', to: '2026-03-10', asOf, split: { column: 'category' }, filter: { language: ['en', 'de'] } }],
    ['by path, asOf in the past', { from: '2026-01-01', to: '2026-03-10', asOf: '2026-02-20T00:00:00Z', split: { column: 'path' } }],
  ])('%s', async (_name, scope) => {
    const r = await both(t.ds, scope);
    expect(r.plan.units.length).toBeGreaterThan(0);
    expect(r.fast.rows.length).toBeGreaterThan(0);
    expect(r.fast).toEqual(r.reference);
  });

  it('uses whole months where they fit', async () => {
    const r = await both(t.ds, { from: '2026-01-15', to: '2026-03-10', asOf });
    expect(r.plan.units.filter((u) => u.span === 'm').map((u) => u.start)).toEqual(['2026-02-01']);
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
