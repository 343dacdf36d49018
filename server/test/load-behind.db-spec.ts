// A read that asked not to wait (wait=0), or that is a load behind (it could not wait, and the
// oldest queued ticket is LOAD_BEHIND_SECONDS old or more), leaves out the days a load has not
// built yet instead of counting them from the tickets table, and says how many in its freshness; a
// read that waits (less behind, or complete), a CSV, any read of a day being rebuilt (it has
// rollups) and of a day a new zone has to build (not a load's) count them, exactly
// (metrics.service.ts readScope, read-plan.ts, rollup-state.query.ts).
import { Column } from '../src/metrics/rollups/key-scope';
import { readPopulation } from '../src/metrics/rollups/population-reader';
import { rebuildMonths } from '../src/metrics/rollups/rollup-build.query';
import { addToCells, rowChanges, ticketRows } from '../src/metrics/rollups/rollup-delta.query';
import { startOfLocalDate } from '../src/stats/time-range';
import { createFixtureApp } from './fixture-app';
import { Scope, near, normal, request, whileHeld } from './rollup-checks';
import { TestApp } from './test-app';

const FROM = '2026-01-12';
const TO = '2026-01-26';
const NY = 'America/New_York'; // the reporting zone: its local days have rollups of their own
// Two days inside the range, in both zones, as a load's batch leaves them: marked, never built.
const BUILDING = ['2026-01-19', '2026-01-20'];
// A day being rebuilt (it has rollups): never left out.
const REBUILDING = '2026-01-22';
// A day waiting to be built with no rollups, as a new reporting zone's are, not a load's: never left out.
const NEW_ZONE_DAY = '2026-01-14';
// Inside the range, so AI resolutions of the days left out would count as maturing if they were read.
const AS_OF = '2026-01-23T00:00:00Z';
// 1,000 a day of fixed costs: fixedCosts shows the days a summary counts.
const FIXED = 'fixedCostPerMonth=30437.5';

describe('a read a load behind leaves out the days a load has not built yet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createFixtureApp({ reportingTimeZone: NY });
    await t.projected();
  });
  afterAll(async () => t.close());

  /** Tickets created in [lo, hi), counted straight from the table. */
  const ticketsIn = async (lo: Date | string, hi: Date | string, channel?: string): Promise<number> =>
    (await t.ds.query(`SELECT count(*)::int AS n FROM tickets WHERE created_at >= $1 AND created_at < $2 AND ($3::text IS NULL OR channel = $3)`, [lo, hi, channel ?? null]))[0].n;
  const day = (d: string, tz = 'UTC') => startOfLocalDate(d, tz);
  /**
   * The two days as a load leaves them in both zones (marked as a load's, no cells, no values), one
   * day being rebuilt, and one New York day as a new zone leaves it (marked, no cells).
   */
  const leaveAsALoad = async () => {
    for (const zone of ['UTC', NY]) {
      await t.ds.query(`INSERT INTO rollup_pending (workspace_id, zone, day, by_load) SELECT 1, $1, unnest($2::date[]), true ON CONFLICT DO NOTHING`, [zone, BUILDING]);
      await t.ds.query(`DELETE FROM rollup_cells WHERE zone = $1 AND span = 'd' AND period = ANY($2::date[])`, [zone, BUILDING]);
    }
    await t.ds.query(`DELETE FROM rollup_values WHERE day = ANY($1::date[])`, [BUILDING]);
    await t.ds.query(`INSERT INTO rollup_pending (workspace_id, zone, day) VALUES (1, 'UTC', $1) ON CONFLICT DO NOTHING`, [REBUILDING]);
    await t.ds.query(`INSERT INTO rollup_pending (workspace_id, zone, day) VALUES (1, $1, $2) ON CONFLICT DO NOTHING`, [NY, NEW_ZONE_DAY]);
    await t.ds.query(`DELETE FROM rollup_cells WHERE zone = $1 AND span = 'd' AND period = $2`, [NY, NEW_ZONE_DAY]);
  };
  /** January as a load leaves it: the two days marked as its own, no cells and no values; each zone's month summed from the days it has built, not stale. */
  const leaveJanuaryAsALoad = () =>
    t.inWorkspace(async () => {
      for (const zone of ['UTC', NY]) {
        await t.ds.query(`INSERT INTO rollup_pending (workspace_id, zone, day, by_load) SELECT 1, $1, unnest($2::date[]), true ON CONFLICT DO NOTHING`, [zone, BUILDING]);
        await t.ds.query(`DELETE FROM rollup_cells WHERE zone = $1 AND span = 'd' AND period = ANY($2::date[])`, [zone, BUILDING]);
        await t.ds.transaction((m) => rebuildMonths(m, zone, ['2026-01-01']));
      }
      await t.ds.query(`DELETE FROM rollup_values WHERE day = ANY($1::date[])`, [BUILDING]);
      await t.ds.query(`DELETE FROM rollup_stale`);
    });
  /**
   * In one snapshot: the rollup read leaving the days out and the reference over the range around
   * them; the rollup read counting every day and the reference over the whole range.
   */
  const withoutHole = (scope: Scope, hole: { lo: Date; hi: Date }) =>
    t.inWorkspace(() =>
      t.ds.transaction('REPEATABLE READ', async (m) => {
        const fast = await readPopulation(m, { ...request(scope), leaveOutPending: true });
        const whole = request(scope).ranges[0];
        const around = [
          { ...whole, to: hole.lo },
          { ...whole, from: hole.hi },
        ];
        const reference = await readPopulation(m, { ...request(scope), ranges: around }, true);
        const counted = await readPopulation(m, request(scope));
        const referenceWhole = await readPopulation(m, request(scope), true);
        return { fast, reference, counted, referenceWhole };
      }),
    );
  /** A read as the dashboard makes it (`wait=0`), or waiting up to `wait` seconds. */
  const get = async (url: string, wait = '0') => {
    const res = await t.request('GET', `/api/v1/${url}&asOf=${AS_OF}&wait=${wait}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('its numbers are those of the range without those days, and its freshness says how many', async () => {
    const all = await ticketsIn(day(FROM), day(TO));
    const hole = await ticketsIn(day(BUILDING[0]), day('2026-01-21'));
    expect(hole).toBeGreaterThan(0);
    await whileHeld(t, async () => {
      await leaveAsALoad();
      // Nothing queued, a read that may wait: complete, and the days are counted from the tickets.
      const complete = await get(`metrics/summary?from=${FROM}&to=${TO}`, '5');
      expect(complete.freshness).toMatchObject({ complete: true, pendingTickets: 0 });
      expect(complete.freshness.daysBuilding).toBeUndefined();
      expect(complete.tickets).toBe(all);
      // The same read without waiting (the dashboard's), as a load's last days are being built:
      // every ticket projected, but the load's two days left out, so not complete.
      const lastDays = await get(`metrics/summary?from=${FROM}&to=${TO}`);
      expect(lastDays.freshness).toEqual({ complete: false, waitedMs: expect.any(Number), pendingTickets: 0, pendingEstimated: false, behindSeconds: 0, daysBuilding: 2 });
      expect(lastDays.tickets).toBe(all - hole);
      // New York's own days: the load's two; not the day its zone has yet to build (counted from the tickets).
      const nyBuilding = await get(`metrics/summary?from=${FROM}&to=${TO}&tz=${NY}`);
      expect(nyBuilding.freshness).toMatchObject({ complete: false, pendingTickets: 0, daysBuilding: 2 });
      expect(nyBuilding.tickets).toBe((await ticketsIn(day(FROM, NY), day(TO, NY))) - (await ticketsIn(day(BUILDING[0], NY), day('2026-01-21', NY))));

      // One ticket queued after the range, which the held projector cannot take.
      const posted = await t.request('POST', '/api/v1/events', { body: [{ id: 'lb-1', type: 'ticket.created', ticketId: 'lb-t1', occurredAt: '2026-02-27T10:00:00Z', channel: 'chat', category: 'billing', customerId: 'lb-c1' }] });
      expect(posted.body).toMatchObject({ accepted: 1 });
      // Just queued: live ingest, not a load. A read that waited (1 s, in vain) counts the days from the tickets.
      const live = await get(`metrics/summary?from=${FROM}&to=${TO}`, '1');
      expect(live.freshness).toMatchObject({ complete: false, pendingTickets: 1 });
      expect(live.freshness.behindSeconds).toBeLessThan(5);
      expect(live.freshness.daysBuilding).toBeUndefined();
      expect(live.tickets).toBe(all);

      // A minute behind: a load. The two days are left out and said to be; the day being rebuilt is not.
      await t.ds.query(`UPDATE projection_queue SET enqueued_at = now() - interval '1 minute'`);
      const behind = await get(`metrics/summary?from=${FROM}&to=${TO}&${FIXED}`);
      expect(behind.freshness).toMatchObject({ complete: false, daysBuilding: 2, pendingTickets: 1, pendingEstimated: false });
      expect(behind.tickets).toBe(all - hole);
      // The days counted: 14 in the range, 2 left out.
      expect(behind.savings.fixedCosts).toBeCloseTo(12 * 1000, 6);
      // A summary of only those two days: no tickets in it, and no fixed costs for them either.
      const onlyHole = await get(`metrics/summary?from=${BUILDING[0]}&to=2026-01-21&${FIXED}`);
      expect([onlyHole.tickets, onlyHole.savings.fixedCosts, onlyHole.freshness.daysBuilding]).toEqual([0, 0, 2]);

      const daily = await get(`metrics/timeseries?from=${FROM}&to=${TO}&interval=day`);
      expect(daily.freshness).toMatchObject({ daysBuilding: 2, pendingTickets: 1 });
      const byDay = new Map<string, number>(daily.buckets.map((b: { from: string; tickets: number }) => [b.from, b.tickets]));
      expect([byDay.get('2026-01-19'), byDay.get('2026-01-20')]).toEqual([0, 0]);
      expect(byDay.get('2026-01-18')).toBe(await ticketsIn(day('2026-01-18'), day('2026-01-19')));
      expect(byDay.get(REBUILDING)).toBe(await ticketsIn(day(REBUILDING), day('2026-01-23')));
      // Each bucket says how many of its days were left out (none: the field is absent), so a
      // chart can show those buckets as not counted yet rather than as a fall to 0.
      const building = (buckets: { from: string; daysBuilding?: number }[]) => buckets.filter((b) => b.daysBuilding !== undefined).map((b) => [b.from, b.daysBuilding]);
      expect(building(daily.buckets)).toEqual([['2026-01-19', 1], ['2026-01-20', 1]]);
      // Weeks from Monday: both days (a Monday and a Tuesday) in the week of January 19.
      const weekly = await get(`metrics/timeseries?from=${FROM}&to=${TO}&interval=week&percentiles=false`);
      expect(building(weekly.buckets)).toEqual([['2026-01-19', 2]]);

      // The reporting zone leaves out its own two local days.
      const ny = await get(`metrics/summary?from=${FROM}&to=${TO}&tz=${NY}`);
      const nyHole = await ticketsIn(day(BUILDING[0], NY), day('2026-01-21', NY));
      expect(ny.freshness).toMatchObject({ daysBuilding: 2, pendingTickets: 1 });
      expect(ny.tickets).toBe((await ticketsIn(day(FROM, NY), day(TO, NY))) - nyHole);

      // Another zone reads UTC days: the same two are left out, the edges still come from tickets.
      const ktm = await get(`metrics/summary?from=${FROM}&to=${TO}&tz=Asia/Kathmandu`);
      expect(ktm.freshness).toMatchObject({ daysBuilding: 2, pendingTickets: 1 });
      expect(ktm.tickets).toBe((await ticketsIn(day(FROM, 'Asia/Kathmandu'), day(TO, 'Asia/Kathmandu'))) - hole);

      // Its daily series: each local day holds parts of two UTC days, and the parts of the two
      // being built are left out too, charged no fixed costs. Kathmandu's (+05:45) Jan 19 is
      // 18:15Z Jan 18 to 18:15Z Jan 19: 18 h 15 min of it left out; its Jan 20 all of it; its
      // Jan 21 the 5 h 45 min of UTC Jan 20.
      const KTM = 'Asia/Kathmandu';
      const ktmDaily = await get(`metrics/timeseries?from=${FROM}&to=${TO}&interval=day&tz=${KTM}&percentiles=false&${FIXED}`);
      expect(ktmDaily.freshness).toMatchObject({ daysBuilding: 2 });
      const [holeLo, holeHi] = [day(BUILDING[0]), day('2026-01-21')];
      for (const b of ktmDaily.buckets as { from: string; to: string; tickets: number }[]) {
        const [lo, hi] = [day(b.from, KTM), day(b.to, KTM)];
        const inHole = lo < holeHi && hi > holeLo ? await ticketsIn(lo > holeLo ? lo : holeLo, hi < holeHi ? hi : holeHi) : 0;
        expect({ day: b.from, tickets: b.tickets }).toEqual({ day: b.from, tickets: (await ticketsIn(lo, hi)) - inHole });
      }
      expect(building(ktmDaily.buckets)).toEqual([['2026-01-19', 1], ['2026-01-20', 1], ['2026-01-21', 1]]);
      const fixedOf = (d: string) => ktmDaily.buckets.find((b: { from: string }) => b.from === d).savings.fixedCosts;
      expect([fixedOf('2026-01-18'), fixedOf('2026-01-19'), fixedOf('2026-01-20'), fixedOf('2026-01-21')].map((x: number) => Number(x.toFixed(6)))).toEqual([1000, Number((1000 * (1 - 18.25 / 24)).toFixed(6)), 0, Number((1000 * (1 - 5.75 / 24)).toFixed(6))]);

      // A filter leaves out the same days, its own tickets of them.
      const chat = await get(`metrics/summary?from=${FROM}&to=${TO}&channel=chat`);
      expect(chat.freshness).toMatchObject({ daysBuilding: 2 });
      expect(chat.tickets).toBe((await ticketsIn(day(FROM), day(TO), 'chat')) - (await ticketsIn(day(BUILDING[0]), day('2026-01-21'), 'chat')));

      // The comparison period (two weeks before, all built) leaves nothing out: the same two days.
      const compared = await get(`metrics/summary?from=${FROM}&to=${TO}&compare=previous`);
      expect(compared.freshness).toMatchObject({ daysBuilding: 2, pendingTickets: 1 });
      expect(compared.comparison.tickets).toBe(await ticketsIn(day('2025-12-29'), day(FROM)));

      // A breakdown's segments, "other" and series read the same days: each counted once.
      const split = await get(`metrics/breakdown?from=${FROM}&to=${TO}&by=category&limit=2&series=week`);
      expect(split.freshness).toMatchObject({ daysBuilding: 2, pendingTickets: 1 });
      expect(split.segments.reduce((n: number, x: { tickets: number }) => n + x.tickets, 0) + (split.other?.tickets ?? 0)).toBe(all - hole);
      for (const seg of split.segments) expect(building(seg.series)).toEqual([['2026-01-19', 2]]);

      // A CSV carries no freshness: it never leaves a day out.
      const csv = await t.request('GET', `/api/v1/metrics/summary?from=${FROM}&to=${TO}&asOf=${AS_OF}&wait=0&format=csv`);
      expect(csv.status).toBe(200);
      const [header, row] = csv.text.trim().split(/\r?\n/);
      expect(Number(row.split(',')[header.split(',').indexOf('tickets')])).toBe(all);
    });
    // Projected and built: complete, every day counted.
    await t.projected();
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM rollup_pending`)).toEqual([{ n: 0 }]);
    const settled = await get(`metrics/summary?from=${FROM}&to=${TO}`);
    expect(settled.freshness).toMatchObject({ complete: true, pendingTickets: 0 });
    expect(settled.freshness.daysBuilding).toBeUndefined();
    expect(settled.tickets).toBe(all);
  });

  it.each([
    ['UTC', 'UTC'],
    ['the reporting zone (its cells, values from UTC days partly not built)', NY],
    ['another zone (+05:45)', 'Asia/Kathmandu'],
  ])('in %s every number read is the plain definitions over the range without the days left out (maturing too)', async (_name, tz) => {
    const scope: Scope = { from: FROM, to: TO, asOf: AS_OF, tz };
    // The instants left out: the zone's own local days, or (a zone without rollups) the UTC days.
    const holeZone = tz === 'Asia/Kathmandu' ? 'UTC' : tz;
    const hole = { lo: day(BUILDING[0], holeZone), hi: day('2026-01-21', holeZone) };
    await whileHeld(t, async () => {
      await leaveAsALoad();
      const got = await withoutHole(scope, hole);
      expect({ rows: normal(got.fast.rows), categories: normal(got.fast.categories) }).toEqual(near({ rows: normal(got.reference.rows), categories: normal(got.reference.categories) }));
      const second = new Date(hole.lo.getTime() + (hole.hi.getTime() - hole.lo.getTime()) / 2);
      // UTC days of another zone's read are marked so: counted by their length (read-plan.ts leftOutShare).
      const other = holeZone !== tz ? { otherZone: true } : {};
      expect(got.fast.plan.leftOut).toEqual([
        { grp: '', lo: hole.lo, hi: second, ...other },
        { grp: '', lo: second, hi: hole.hi, ...other },
      ]);
      // From tickets: the UTC day being rebuilt (UTC, Kathmandu), New York's day its zone has yet
      // to build (not a load's), and Kathmandu's first partial edge (5 h 45 min of a UTC day); its
      // last (18 h 15 min) is that UTC day less the rest of it.
      expect(got.fast.plan.raw.length).toBe({ UTC: 1, [NY]: 1, 'Asia/Kathmandu': 2 }[tz]);
      expect(got.fast.plan.units.filter((u) => u.except).length).toBe(tz === 'Asia/Kathmandu' ? 1 : 0);
      // Without leaveOutPending the same days are counted from the tickets, exactly.
      expect(got.counted.plan.leftOut).toEqual([]);
      expect({ rows: normal(got.counted.rows), categories: normal(got.counted.categories) }).toEqual(near({ rows: normal(got.referenceWhole.rows), categories: normal(got.referenceWhole.categories) }));
      // Some AI resolutions of the days left out were maturing at asOf: the test reaches that case.
      const maturingInHole = (await t.ds.query(`SELECT count(*)::int AS n FROM tickets WHERE path = 'ai' AND resolved AND resolved_at > $3::timestamptz - interval '7 days' AND created_at >= $1 AND created_at < $2`, [hole.lo, hole.hi, AS_OF]))[0].n;
      expect(maturingInHole).toBeGreaterThan(0);
    });
    await t.projected();
  });

  it.each([
    ['UTC', 'UTC', {}],
    ['the reporting zone', NY, {}],
    ['UTC, one channel (per-key month cells)', 'UTC', { filter: { channel: ['chat'] } }],
    ['the reporting zone, by category (segments)', NY, { by: ['category'] as Column[] }],
  ])('in %s a month with days never built is read as one month of its built days: the plain definitions without those days', async (_name, tz, extra) => {
    // As a load leaves January: the two days marked as its own, no cells and no values, and each
    // zone's January summed from the days it has built (rebuildMonths), not stale.
    const scope: Scope = { from: '2026-01-01', to: '2026-02-01', asOf: AS_OF, tz, ...(extra as Partial<Scope>) };
    const hole = { lo: day(BUILDING[0], tz), hi: day('2026-01-21', tz) };
    await whileHeld(t, async () => {
      await leaveJanuaryAsALoad();
      const got = await withoutHole(scope, hole);
      expect(got.fast.plan.units.map((u) => `${u.zone} ${u.span} ${u.period}`)).toEqual([`${tz} m 2026-01-01`]);
      expect(got.fast.plan.raw).toEqual([]);
      expect(got.fast.plan.leftOut.map((r) => [r.lo, r.hi])).toEqual([
        [hole.lo, day(BUILDING[1], tz)],
        [day(BUILDING[1], tz), hole.hi],
      ]);
      expect({ rows: normal(got.fast.rows), categories: normal(got.fast.categories) }).toEqual(near({ rows: normal(got.reference.rows), categories: normal(got.reference.categories) }));
      expect(got.fast.rows.length).toBeGreaterThan(0);
    });
    await t.projected();
  });

  it.each([
    ['UTC', 'UTC'],
    ['the reporting zone', NY],
  ])("in %s a live change to a ticket of a day not built yet changes that day's cell, not its month: the month is still read whole, without the day", async (_name, tz) => {
    const scope: Scope = { from: '2026-01-01', to: '2026-02-01', asOf: AS_OF, tz };
    const hole = { lo: day(BUILDING[0], tz), hi: day('2026-01-21', tz) };
    await whileHeld(t, async () => {
      await leaveJanuaryAsALoad();
      // A late reopen of a ticket of the first day, changed by difference as a live batch does: the
      // day's cell nets no ticket (deleted); the month must not take the reopen of a day it lacks.
      const [{ id }] = await t.ds.query(`SELECT id FROM tickets WHERE created_at >= $1 AND created_at < $2 AND resolved AND NOT reopened ORDER BY id LIMIT 1`, [hole.lo, day(BUILDING[1], tz)]);
      await t.inWorkspace(() =>
        t.ds.transaction(async (m) => {
          const before = await ticketRows(m, [id]);
          await m.query(`UPDATE tickets SET reopened = true WHERE id = $1`, [id]);
          await addToCells(m, rowChanges(before, await ticketRows(m, [id])));
        }),
      );
      const got = await withoutHole(scope, hole);
      expect(got.fast.plan.units.map((u) => `${u.zone} ${u.span} ${u.period}`)).toEqual([`${tz} m 2026-01-01`]);
      expect(got.fast.plan.leftOut.length).toBe(2);
      expect({ rows: normal(got.fast.rows), categories: normal(got.fast.categories) }).toEqual(near({ rows: normal(got.reference.rows), categories: normal(got.reference.categories) }));
    });
    await t.projected();
  });
});
