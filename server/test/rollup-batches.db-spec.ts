// The projector's batches and the rollups: a bulk load (more queued than one batch takes) builds
// each local day once (in time order, the days it has passed beside its batches, on another
// connection), and a live batch over PROJECTION_DIFFERENCE_TICKETS rebuilds its days instead of
// changing them by difference; either way every read equals the plain definitions.
import { DEFAULT_DEMO } from '../src/demo/demo-loader';
import { demoEvents } from '../src/demo/demo-story';
import { EventsService } from '../src/events/events.service';
import { BatchReport } from '../src/projection/projector.service';
import { BESIDE_LEFT_TO_READS } from '../src/projection/project-batch';
import { ProjectionRepository } from '../src/projection/projection.repository';
import { ReadActivity } from '../src/projection/read-activity';
import { FIXTURE_SCOPES, M, Scope, both, overlapping, recordBatches, whileHeld } from './rollup-checks';
import { TestApp, createTestApp, fixtureLines } from './test-app';

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

  it("a day a batch has marked is left alone by a build beside it until the batch commits; a day the build took is marked anew by the batch", async () => {
    const queue = t.app.get(ProjectionRepository);
    const day = '2026-01-12';
    const pending = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM rollup_pending WHERE zone = 'UTC' AND day = $1`, [day]))[0].n;
    const batch = t.ds.createQueryRunner();
    const build = t.ds.createQueryRunner();
    try {
      await whileHeld(t, () =>
        t.inWorkspace(async () => {
          await queue.addPending(t.ds.manager, 'UTC', [day]); // marked by an earlier batch
          // A batch marks it again (uncommitted: its tickets of the day are not visible yet).
          await batch.startTransaction();
          await queue.addPending(batch.manager, 'UTC', [day]);
          await build.startTransaction();
          expect(await queue.takePending(build.manager, 31, { zone: 'UTC', before: '2026-01-13' })).toBeNull();
          await build.commitTransaction();
          await batch.commitTransaction();
          // Now the build takes it (uncommitted); a batch touching the day waits for it, then marks it anew.
          await build.startTransaction();
          expect(await queue.takePending(build.manager, 31, { zone: 'UTC', before: '2026-01-13' })).toEqual({ zone: 'UTC', days: [day] });
          await batch.startTransaction();
          const marking = queue.addPending(batch.manager, 'UTC', [day]);
          await build.commitTransaction();
          await marking;
          await batch.commitTransaction();
          expect(await pending()).toBe(1);
          // Marked as a load's: a read that does not wait may leave it out until it is built.
          expect(await t.ds.query(`SELECT by_load FROM rollup_pending WHERE zone = 'UTC' AND day = $1`, [day])).toEqual([{ by_load: true }]);
        }),
      );
    } finally {
      for (const qr of [batch, build]) {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        await qr.release();
      }
    }
    await t.projected(); // builds it
    expect(await pending()).toBe(0);
  });

  it('no batch starts while a build beside an earlier batch still runs (its batch gone first)', async () => {
    const queue = t.app.get(ProjectionRepository);
    const tryLock = () => t.ds.transaction((m) => queue.tryLock(m));
    const build = t.ds.createQueryRunner();
    await build.query('SELECT pg_advisory_lock(4, 1)'); // as lockBeside holds it
    try {
      expect(await tryLock()).toBe(false);
    } finally {
      await build.query('SELECT pg_advisory_unlock(4, 1)');
      await build.release();
    }
    // Free again (the projector's own loop may hold the batch lock a moment: ask a few times).
    let free = false;
    for (let i = 0; i < 50 && !free; i++) free = await tryLock();
    expect(free).toBe(true);
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

describe.each([
  ['beside its batches, on another connection', 10, false],
  ['by its batches themselves (a pool of 2 leaves no connection to build beside)', 2, false],
  ['beside one batch in three, the rest once the queue is empty, while a read goes on throughout', 10, true],
])('a bulk load in time order: the days it has moved past are built %s', (_how, pool, reading) => {
  let t: TestApp;
  const reports: BatchReport[] = [];
  const end = '2026-03-10';
  const asOf = `${end}T00:00:00Z`;
  beforeAll(async () => {
    t = await createTestApp({ projectionBatchTickets: 150, reportingTimeZone: 'America/New_York', databasePoolSize: pool });
    recordBatches(t, reports);
    // Queued whole, in time order, before the projector may start (as in the test above).
    await t.ds.query(`CREATE FUNCTION hold_projection() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'held for the test'; END $$ LANGUAGE plpgsql`);
    await t.ds.query(`CREATE TRIGGER hold_projection BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION hold_projection()`);
    // A day's events a request, as a live feed or an export in time order sends them (one
    // request of many days would queue its tickets in id order, not time order).
    const events = t.app.get(EventsService);
    await t.inWorkspace(async () => {
      for (const day of demoEvents({ days: 40, perDay: 30, seed: DEFAULT_DEMO.seed, end: new Date(asOf) })) {
        const r = await events.ingest(day.map((value) => ({ value })));
        expect(r.rejected).toEqual([]);
      }
    });
    // A metrics read going on from before the projector starts until it has built everything.
    const readEnds = reading ? t.app.get(ReadActivity).begin() : () => undefined;
    try {
      await t.ds.query('DROP TRIGGER hold_projection ON tickets');
      await t.projected();
    } finally {
      readEnds();
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('the full batches built days the load had passed (while people read, one batch in three); nothing is left to build', async () => {
    const full = reports.filter((r) => r.tickets > 0 && r.full);
    expect(full.length).toBeGreaterThanOrEqual(5);
    expect(full.reduce((sum, r) => sum + r.bulkDays, 0)).toBeGreaterThan(10);
    const beside = full.reduce((sum, r) => sum + (r.besideDays ?? 0), 0);
    if (pool >= 3) expect(beside).toBeGreaterThan(10);
    else expect(beside).toBe(0);
    // While people read, one batch in BESIDE_LEFT_TO_READS + 1 builds beside it (the first batch
    // has nothing before it to build), and catches up on the days the others left.
    const building = full.filter((r) => (r.besideDays ?? 0) > 0).length;
    const oneInThree = Math.ceil((full.length - 1) / (BESIDE_LEFT_TO_READS + 1));
    if (reading) {
      expect(building).toBeGreaterThan(0);
      expect(building).toBeLessThanOrEqual(oneInThree);
    } else if (pool >= 3) expect(building).toBeGreaterThan(oneInThree);
    const [{ pending }] = await t.ds.query('SELECT count(*)::int AS pending FROM rollup_pending');
    expect(pending).toBe(0);
  });

  it.each<[string, Scope]>([
    ['the whole story, UTC', { from: '2026-01-25', to: end, asOf }],
    ['daily, UTC', { from: '2026-01-25', to: end, asOf, interval: 'day' }],
    ['weekly in the reporting zone, one channel', { from: '2026-01-26', to: '2026-03-09', tz: 'America/New_York', asOf, interval: 'week', filter: { channel: ['chat'] } }],
    ['by category, +05:45', { from: '2026-01-25', to: end, tz: 'Asia/Kathmandu', asOf, by: ['category'] }],
  ])('%s: equal to the reference', async (_name, scope) => {
    const r = await both(t, scope);
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

describe('rollup reads', () => {
  it('never sent a statement on a connection that was still running one', () => {
    expect(overlapping).toEqual([]);
  });
});
