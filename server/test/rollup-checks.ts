// What the rollup tests share: scopes of a population read, the rollup read beside the reference
// read of the plain definitions (readPopulation(..., reference)), holding the projector off, a
// change by difference checked against a rebuild, and the fixture's scopes.
import { Client } from 'pg';
import { ADDITIVE_COLUMNS } from '../src/metrics/measures.sql';
import { buckets } from '../src/metrics/buckets';
import { Column, PopulationFilter } from '../src/metrics/rollups/key-scope';
import { PopulationRequest, readPopulation } from '../src/metrics/rollups/population-reader';
import { HIST_COLUMNS, rebuildMonths, rebuildPeriods, rebuildValues } from '../src/metrics/rollups/rollup-build.query';
import { addToCells, rowChanges, ticketRows } from '../src/metrics/rollups/rollup-delta.query';
import { BatchReport, ProjectorService } from '../src/projection/projector.service';
import { startOfLocalDate } from '../src/stats/time-range';
import { TestApp } from './test-app';

/**
 * Statements sent on a connection while it still ran one (pg warns: "client.query() when the
 * client is already executing a query", an error in pg 9): reads of one snapshot share one
 * connection. Counted on the pg Client every query of a test file that imports this goes through.
 */
export const overlapping: string[] = [];
const query = Client.prototype.query as (...a: unknown[]) => unknown;
(Client.prototype as unknown as { query: unknown }).query = function (this: { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args: unknown[]) {
  if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) overlapping.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).slice(0, 80));
  return query.apply(this, args);
};

export interface Scope {
  from: string;
  to: string;
  tz?: string;
  asOf: string;
  interval?: 'day' | 'week' | 'month';
  by?: Column[];
  filter?: PopulationFilter;
}

/** Every number of `v` to `digits` significant digits (sums in another order differ in the last bits). */
export const rounded = (v: unknown, digits = 10): unknown =>
  typeof v === 'number'
    ? Number(v.toPrecision(digits))
    : Array.isArray(v)
      ? v.map((x) => rounded(x, digits))
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x, digits)]))
        : v;
/** Rows in a stable order (by their rounded values: the order does not hang on the last bits). */
export const normal = (rows: object[]) => [...rows].sort((a, b) => (JSON.stringify(rounded(a)) < JSON.stringify(rounded(b)) ? -1 : 1));
/** The reference's numbers to 10 significant digits (sums in another order differ in the last bits). */
export const near = (v: unknown): unknown =>
  typeof v === 'number'
    ? v === 0 || !Number.isFinite(v)
      ? v
      : expect.closeTo(v, 9 - Math.floor(Math.log10(Math.abs(v))))
    : Array.isArray(v)
      ? v.map(near)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, near(x)]))
        : v;

export function request(s: Scope): PopulationRequest {
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
export async function both(t: TestApp, s: Scope) {
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
export async function whileHeld<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
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
 * rebuild of every day and month from the tickets gives, and months summed from the changed days
 * (rebuildMonths) the months built from the tickets. Rolled back afterwards.
 */
export async function expectDifferenceEqualsRebuild(t: TestApp, daily: Scope): Promise<void> {
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
        // Months summed from the days as the differences left them (as the projector would).
        const months = () => m.query(`SELECT ${CELL_COLUMNS} FROM rollup_cells WHERE span = 'm' ORDER BY zone, period, path, key_id`) as Promise<object[]>;
        for (const p of periods) if (p.span === 'm') await rebuildMonths(m, p.zone, p.list);
        const monthsFromDays = await months();
        for (const p of periods) await rebuildPeriods(m, p.zone, p.span, p.list);
        const rebuilt: object[] = await m.query(`SELECT ${CELL_COLUMNS} FROM rollup_cells ORDER BY zone, span, period, path, key_id`);
        expect(changed.length).toBe(rebuilt.length);
        expect(changed).toEqual(near(rebuilt));
        expect(monthsFromDays).toEqual(near(await months()));
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

/**
 * Every month cell as the projector builds it, summed from the month's day cells (rebuildMonths),
 * equals the cell built from the tickets (rebuildPeriods 'm', the plain definitions), in every
 * zone. Rolled back afterwards. Answers how many month cells were compared.
 */
export async function expectMonthsFromDaysEqualTickets(t: TestApp): Promise<number> {
  const rollback = new Error('rolled back on purpose');
  let compared = 0;
  await whileHeld(t, () =>
    t.inWorkspace(() =>
      t.ds.transaction(async (m) => {
        const months: { zone: string; list: string[] }[] = await m.query(
          `SELECT zone, array_agg(DISTINCT period::text) AS list FROM rollup_cells WHERE span = 'm' GROUP BY zone ORDER BY zone`,
        );
        const cells = (): Promise<object[]> => m.query(`SELECT ${CELL_COLUMNS} FROM rollup_cells WHERE span = 'm' ORDER BY zone, period, path, key_id`);
        for (const { zone, list } of months) await rebuildPeriods(m, zone, 'm', list);
        const fromTickets = await cells();
        for (const { zone, list } of months) await rebuildMonths(m, zone, list);
        const fromDays = await cells();
        expect(fromDays.length).toBe(fromTickets.length);
        expect(fromDays).toEqual(near(fromTickets));
        compared = fromDays.length;
        throw rollback;
      }),
    ).catch((e) => {
      if (e !== rollback) throw e;
    }),
  );
  return compared;
}

/** Records every projector batch that commits into `reports`. */
export function recordBatches(t: TestApp, reports: BatchReport[]): void {
  const projector = t.app.get(ProjectorService);
  const batch = projector.batch.bind(projector);
  jest.spyOn(projector, 'batch').mockImplementation(async () => {
    const r = await batch();
    if (r && r !== 'busy') reports.push(r);
    return r;
  });
}

export const M = '2026-03-01T00:00:00Z';
export const FIXTURE_SCOPES: [string, Scope][] = [
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
