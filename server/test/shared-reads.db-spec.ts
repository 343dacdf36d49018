// Concurrent identical metrics reads share one computation, and never at the cost of
// read-your-writes: a read issued after an ingest answer does not join one that started before it.
import { PopulationReader } from '../src/metrics/rollups/population-reader';
import { TelemetryService } from '../src/telemetry/telemetry.service';
import { createFixtureApp } from './fixture-app';
import { TestApp, expected, summaryUrl } from './test-app';

const case1 = expected().cases[0]; // 2026-01-05 .. 2026-01-26, UTC

async function until(what: string, ok: () => boolean | Promise<boolean>, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('identical concurrent reads', () => {
  let t: TestApp;
  let reads = 0;
  let release!: () => void;
  let held: Promise<void>;
  beforeAll(async () => {
    t = await createFixtureApp();
    // Hold every population read until the test lets go, so "concurrent" is certain, not a race.
    const reader = t.app.get(PopulationReader);
    const read = reader.read.bind(reader);
    held = new Promise((r) => (release = r));
    jest.spyOn(reader, 'read').mockImplementation(async (spec) => {
      reads++;
      await held;
      return read(spec);
    });
  });
  afterAll(async () => {
    release(); // even when a test failed while reads were held
    await t.close();
  });

  const shared = async () => (await t.app.get(TelemetryService).sharedReads.get()).values[0]?.value ?? 0;

  it('six identical summaries run one read; one issued after an ingest runs its own and includes the new ticket', async () => {
    const url = summaryUrl(case1.query);
    const first = Array.from({ length: 6 }, () => t.request('GET', url));
    await until('five requests to join the first', async () => (await shared()) === 5);
    await until('the shared computation to reach its read', () => reads === 1);

    // A new ticket inside the range, acknowledged while the six are still running.
    const ingest = await t.request('POST', '/api/v1/events', {
      body: { id: 'shared-reads-1', type: 'ticket.created', ticketId: 'shared-reads-t1', occurredAt: '2026-01-10T12:00:00Z', channel: 'chat', category: 'billing', customerId: 'shared-reads-c1' },
    });
    expect(ingest.status).toBeLessThan(300);
    expect(ingest.body.accepted).toBe(1);
    const after = t.request('GET', url);
    await until('the later read to start its own computation', () => reads === 2);
    expect(await shared()).toBe(5);

    release();
    const answers = await Promise.all(first);
    const tickets = (case1.summary as { tickets: number }).tickets;
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body).toEqual(answers[0].body);
    }
    // The held read takes its snapshot only when released, after the ingest: it may already count
    // the new ticket (more current than asked is fine); what matters is that all six got one answer.
    expect([tickets, tickets + 1]).toContain(answers[0].body.tickets);
    const later = await after;
    expect(later.status).toBe(200);
    expect(later.body.tickets).toBe(tickets + 1);
  });

  it('different parameters never share', async () => {
    const before = [reads, await shared()];
    const [a, b] = await Promise.all([t.request('GET', summaryUrl({ ...case1.query, channel: 'chat' })), t.request('GET', summaryUrl({ ...case1.query, channel: 'email' }))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([reads - before[0], (await shared()) - before[1]]).toEqual([2, 0]);
  });
});
