// A load is accepted first (projection/load-deferral.ts, waitOut): while events arrive at the load rate
// the projector steps aside, for at most PROJECTION_LOAD_DEFER_MS per load, and a read waiting for
// the projection ends that at once. The rate is set to 1 event/s here so that a few requests make
// a load; the production default is 20,000.
import type { AppConfig } from '../src/config/app-config';
import { TestApp, createTestApp } from './test-app';

const t0 = '2026-02-02T10:00:00Z';
const ticket = (id: string) => [
  { id: `${id}-c`, type: 'ticket.created', ticketId: id, occurredAt: t0, channel: 'chat', category: 'billing' },
  { id: `${id}-r`, type: 'ticket.resolved', ticketId: id, occurredAt: '2026-02-02T10:02:00Z', agentType: 'ai', handleSeconds: 60 },
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const counts = async (t: TestApp) => (await t.ds.query(`SELECT (SELECT count(*)::int FROM projection_queue) AS queued, (SELECT count(*)::int FROM tickets) AS tickets`))[0] as { queued: number; tickets: number };
const post = async (t: TestApp, id: string) => expect((await t.request('POST', '/api/v1/events', { body: ticket(id) })).body).toMatchObject({ accepted: 2 });
/** The counts once the queue is empty, or after 20 s. */
async function drained(t: TestApp) {
  let c = await counts(t);
  for (const until = Date.now() + 20_000; c.queued > 0 && Date.now() < until; c = await counts(t)) await sleep(50);
  return c;
}
/** An app of its own with these settings, its start-up work done, so only the test's load is left to project. */
async function withApp(overrides: Partial<AppConfig>, test: (t: TestApp) => Promise<void>) {
  const t = await createTestApp(overrides);
  try {
    await t.projected();
    await test(t);
  } finally {
    await t.close();
  }
}

describe('a load is accepted first', () => {
  it('the projector waits while events arrive at the load rate, and projects them once the rate falls', () =>
    withApp({ projectionLoadDeferMs: 60_000, projectionLoadEventsPerSecond: 1, projectionIntervalMs: 0 }, async (t) => {
      let lastPost = 0;
      for (let i = 0; i < 6; i++) {
        await post(t, `L${i}`);
        lastPost = Date.now();
        await sleep(200);
        // Without the wait the projector, woken by each answer, would have taken the tickets by now.
        expect(await counts(t)).toEqual({ queued: i + 1, tickets: 0 });
      }
      // Projected once the second before held no events: a second after the last answer.
      expect(await drained(t)).toEqual({ queued: 0, tickets: 6 });
      expect(Date.now() - lastPost).toBeGreaterThanOrEqual(900);
    }));

  it('for at most PROJECTION_LOAD_DEFER_MS per load: a load that goes on is projected while it arrives', () =>
    withApp({ projectionLoadDeferMs: 1000, projectionLoadEventsPerSecond: 1, projectionIntervalMs: 0 }, async (t) => {
      const first = Date.now();
      let projectedAt: number | null = null;
      for (let i = 0; Date.now() - first < 4000; i++) {
        await post(t, `M${i}`);
        if (projectedAt === null && (await counts(t)).tickets > 0) projectedAt = Date.now();
        await sleep(50);
      }
      expect(projectedAt).not.toBeNull();
      expect(projectedAt! - first).toBeGreaterThanOrEqual(900);
    }));

  it('a load after a pause of PROJECTION_LOAD_DEFER_MS is a new load, with its own wait', () =>
    withApp({ projectionLoadDeferMs: 1000, projectionLoadEventsPerSecond: 1, projectionIntervalMs: 0 }, async (t) => {
      // The first load outlasts its wait, so the projector works beside it.
      const first = Date.now();
      for (let i = 0; Date.now() - first < 1800; i++) {
        await post(t, `P${i}`);
        await sleep(50);
      }
      expect((await drained(t)).queued).toBe(0);
      await sleep(1200); // quiet for longer than the wait: that load is over
      await post(t, 'Q0');
      await sleep(300);
      expect((await counts(t)).queued).toBe(1); // held again
    }));

  it('a read that waits for the projection ends the wait at once and counts the load', () =>
    withApp({ projectionLoadDeferMs: 600_000, projectionLoadEventsPerSecond: 1, readWaitSeconds: 30 }, async (t) => {
      let loading = true;
      let load: Promise<void> = Promise.resolve();
      try {
        for (let i = 0; i < 3; i++) await post(t, `R${i}`);
        // The load goes on while the read waits (tickets of April, outside the range read).
        load = (async () => {
          for (let i = 0; loading; i++) {
            await t.request('POST', '/api/v1/events', { body: ticket(`B${i}`).map((e) => ({ ...e, occurredAt: e.occurredAt.replace('2026-02', '2026-04') })) });
            await sleep(100);
          }
        })();
        const started = Date.now();
        const res = await t.request('GET', '/api/v1/metrics/summary?from=2026-02-01&to=2026-02-20&asOf=2026-03-01T00:00:00Z');
        const waited = Date.now() - started;
        loading = false;
        await load;
        expect(res.status).toBe(200);
        expect(res.body.freshness).toMatchObject({ complete: true });
        expect(res.body.tickets).toBe(3);
        expect(res.body.aiResolved).toBe(3);
        // Well before the 30 s a read may wait: the wait ended when the read began, not by a timeout.
        expect(waited).toBeLessThan(15_000);
      } finally {
        loading = false;
        await load;
      }
    }));
});

describe("after a load's last batch", () => {
  it("builds the load's days at once: a last, smaller batch is not paced like live ingest", () =>
    withApp({ projectionLoadDeferMs: 0, projectionBatchTickets: 2, projectionIntervalMs: 60_000 }, async (t) => {
      // Five tickets on five days: batches of 2, 2 and 1. The two full batches leave their days to
      // be built in bulk (rollup_pending); the last batch is smaller than a full one, as live
      // ingest's are, and live ingest pauses PROJECTION_INTERVAL_MS (60 s here) after one.
      const body = [0, 1, 2, 3, 4].flatMap((i) => ticket(`D${i}`).map((e) => ({ ...e, occurredAt: e.occurredAt.replace('02T', `0${2 + i}T`) })));
      expect((await t.request('POST', '/api/v1/events', { body })).body).toMatchObject({ accepted: 10 });
      expect(await drained(t)).toEqual({ queued: 0, tickets: 5 });
      const pending = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM rollup_pending`))[0].n as number;
      let left = await pending();
      for (const until = Date.now() + 15_000; left > 0 && Date.now() < until; left = await pending()) await sleep(100);
      // Well inside the 60 s pause: the days were built without waiting for it.
      expect(left).toBe(0);
      const days = await t.ds.query(`SELECT DISTINCT period::text AS d FROM rollup_cells WHERE zone = 'UTC' AND span = 'd' ORDER BY 1`);
      expect(days.map((r: { d: string }) => r.d)).toEqual(['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06']);
    }));
});

describe('live ingest', () => {
  it('is still paced while bulk work waits: a batch after a smaller one pauses PROJECTION_INTERVAL_MS', () =>
    // Every live batch rebuilds its days (PROJECTION_DIFFERENCE_TICKETS 0), which marks their
    // months to be summed again: bulk work waits after each, and must not end the pacing.
    withApp({ projectionLoadDeferMs: 0, projectionIntervalMs: 60_000, projectionDifferenceTickets: 0 }, async (t) => {
      await post(t, 'E0');
      expect(await drained(t)).toEqual({ queued: 0, tickets: 1 });
      await post(t, 'E1');
      await sleep(1500);
      // The projector pauses 60 s after E0's batch: E1 waits (a read that waited would end the pause).
      expect(await counts(t)).toEqual({ queued: 1, tickets: 1 });
    }));
});
