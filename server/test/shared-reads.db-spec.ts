// Concurrent identical metrics reads share one computation, and never at the cost of
// read-your-writes or of a cost-model change: a request joins only while the first one still
// waits for the projection; a request arriving once it computes gets its own computation.
import { PopulationReader } from '../src/metrics/rollups/population-reader';
import { FreshnessService } from '../src/projection/freshness.service';
import { TelemetryService } from '../src/telemetry/telemetry.service';
import { createFixtureApp } from './fixture-app';
import { TestApp, expected, summaryUrl } from './test-app';

const case1 = expected().cases[0]; // 2026-01-05 .. 2026-01-26, UTC
const fixtureTickets = (case1.summary as { tickets: number }).tickets;

async function until(what: string, ok: () => boolean | Promise<boolean>, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Holds the next call of `method` until `release()`; other calls pass. */
function holdNext<T extends object>(target: T, method: keyof T) {
  const original = (target[method] as (...a: unknown[]) => unknown).bind(target);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let calls = 0;
  let armed = true;
  jest.spyOn(target, method as never).mockImplementation((async (...args: unknown[]) => {
    calls++;
    if (armed) {
      armed = false;
      await held;
    }
    return original(...args);
  }) as never);
  return { release, calls: () => calls };
}

const newTicket = (n: number) => ({
  body: { id: `shared-reads-${n}`, type: 'ticket.created', ticketId: `shared-reads-t${n}`, occurredAt: '2026-01-10T12:00:00Z', channel: 'chat', category: 'billing', customerId: `shared-reads-c${n}` },
});

describe('identical concurrent reads', () => {
  let t: TestApp;
  const releases: (() => void)[] = [];
  beforeAll(async () => {
    t = await createFixtureApp();
  });
  afterEach(() => {
    for (const r of releases.splice(0)) r(); // even when a test failed while calls were held
    jest.restoreAllMocks();
  });
  afterAll(async () => t.close());

  const shared = async () => (await t.app.get(TelemetryService).sharedReads.get()).values[0]?.value ?? 0;
  const url = summaryUrl(case1.query);

  it('requests arriving while the first waits for the projection share one read; one acknowledged meanwhile is included', async () => {
    const gather = holdNext(t.app.get(FreshnessService), 'catchUp');
    releases.push(gather.release);
    const reads = holdNext(t.app.get(PopulationReader), 'read');
    reads.release(); // count only
    const before = await shared();
    const answers = Array.from({ length: 6 }, () => t.request('GET', url));
    await until('five requests to join the first', async () => (await shared()) - before === 5);
    // A new ticket, acknowledged while the six wait; a seventh request asked after it joins too.
    const ingest = await t.request('POST', '/api/v1/events', newTicket(1));
    expect([ingest.status, ingest.body.accepted]).toEqual([200, 1]);
    answers.push(t.request('GET', url));
    await until('the seventh to join', async () => (await shared()) - before === 6);
    gather.release();
    const all = await Promise.all(answers);
    expect(reads.calls()).toBe(1);
    for (const a of all) expect(a.body).toEqual(all[0].body);
    // The computation checked freshness again after its last joiner: the seventh's write is in.
    expect([all[0].status, all[0].body.tickets, all[0].body.freshness.complete]).toEqual([200, fixtureTickets + 1, true]);
  });

  it('a request arriving once the first computes gets its own computation, with the write it saw acknowledged', async () => {
    const reads = holdNext(t.app.get(PopulationReader), 'read');
    releases.push(reads.release);
    const before = await shared();
    const first = t.request('GET', url);
    await until('the first to be computing', () => reads.calls() === 1);
    expect((await t.request('POST', '/api/v1/events', newTicket(2))).body.accepted).toBe(1);
    await t.projected(); // projected at once: the queue is empty again when the second asks
    const second = await t.request('GET', url);
    expect([reads.calls(), (await shared()) - before]).toEqual([2, 0]);
    expect(second.body.tickets).toBe(fixtureTickets + 2);
    reads.release();
    expect((await first).status).toBe(200);
  });

  it('a cost-model change acknowledged before a request is in its answer', async () => {
    const reads = holdNext(t.app.get(PopulationReader), 'read');
    releases.push(reads.release);
    const first = t.request('GET', url);
    await until('the first to be computing', () => reads.calls() === 1);
    const put = await t.request('PUT', '/api/v1/cost-model', { body: { humanHourlyCost: 77 } });
    expect(put.status).toBe(200);
    const second = await t.request('GET', url);
    expect(second.body.costModel.humanHourlyCost).toBe(77);
    expect(second.body.costModelVersion).toBe(put.body.version);
    reads.release();
    await first;
  });

  it('different parameters never share', async () => {
    const before = await shared();
    const [a, b] = await Promise.all([t.request('GET', summaryUrl({ ...case1.query, channel: 'chat' })), t.request('GET', summaryUrl({ ...case1.query, channel: 'email' }))]);
    expect([a.status, b.status, (await shared()) - before]).toEqual([200, 200, 0]);
    expect(a.body.tickets).not.toBe(b.body.tickets);
  });
});
