// Ingest behaviour on a real PostgreSQL: bad input next to good, idempotency, order independence
// of the hard cases (late created event, later ticket first), atomicity and limits.
import { TestApp, createTestApp } from './test-app';

const t0 = '2026-02-02T10:00:00Z';
const created = (id: string, ticketId: string, occurredAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'ticket.created',
  ticketId,
  occurredAt,
  channel: 'chat',
  category: 'billing',
  customerId: 'cust-1',
  ...extra,
});
const resolved = (id: string, ticketId: string, occurredAt: string, agentType = 'ai', handleSeconds = 60) => ({
  id,
  type: 'ticket.resolved',
  ticketId,
  occurredAt,
  agentType,
  handleSeconds,
});
const assigned = (id: string, ticketId: string, occurredAt: string, agentType = 'ai') => ({ id, type: 'ticket.assigned', ticketId, occurredAt, agentType });
const summary = (t: TestApp, q = 'from=2026-02-01&to=2026-02-20&asOf=2026-03-01T00:00:00Z') => t.request('GET', `/api/v1/metrics/summary?${q}`).then((r) => r.body);

describe('POST /api/v1/events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.projected(); // nothing in flight while the tables are emptied
    await t.ds.query('TRUNCATE ticket_events, tickets, projection_queue, rollup_cells, rollup_values, measure_keys RESTART IDENTITY');
  });

  it('rejects each bad event with index, id and reason, and stores its valid neighbours', async () => {
    const res = await t.request('POST', '/api/v1/events', {
      body: [
        created('g1', 'T1', t0),
        { id: 'b1', type: 'csat.submitted', ticketId: 'T1', occurredAt: t0, score: 6 },
        assigned('g2', 'T1', t0),
        'not an event',
        { id: 'b2', type: 'ticket.assigned', ticketId: 'T1', occurredAt: '2026-02-02 10:00:00Z', agentType: 'bot' },
        resolved('g3', 'T1', '2026-02-02T10:02:00Z'),
      ],
    });
    expect(res.status).toBe(207);
    expect(res.body.accepted).toBe(3);
    expect(res.body.duplicates).toBe(0);
    expect(res.body.rejected).toEqual([
      { index: 1, id: 'b1', errors: ['score: must be an integer from 1 to 5, got number 6'] },
      { index: 3, id: null, errors: ['event: must be a JSON object, got the string "not an event"'] },
      {
        index: 4,
        id: 'b2',
        errors: [expect.stringContaining('occurredAt: must be an RFC 3339 timestamp'), 'agentType: must be one of ai, human, got the string "bot"'],
      },
    ]);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM ticket_events');
    expect(n).toBe(3);
    expect((await summary(t)).aiResolved).toBe(1);
  });

  it('NDJSON: a line that is not JSON is rejected at its index, with its line number', async () => {
    const lines = [JSON.stringify(created('g1', 'T1', t0)), '', '{"id":"broken", nope}', JSON.stringify(assigned('g2', 'T1', t0))];
    const res = await t.request('POST', '/api/v1/events', { raw: lines.join('\n'), contentType: 'application/x-ndjson' });
    expect(res.status).toBe(207);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([{ index: 1, id: 'broken', line: 3, errors: [expect.stringMatching(/^line 3 is not valid JSON/)] }]);
  });

  it('200 when all are good; a resend is all duplicates; an id names one event whatever its content', async () => {
    const batch = [created('g1', 'T1', t0), resolved('g2', 'T1', '2026-02-02T10:05:00Z')];
    expect((await t.request('POST', '/api/v1/events', { body: batch })).body).toEqual({ accepted: 2, duplicates: 0, rejected: [], projection: expect.stringMatching(/^\d+$/) });
    const again = await t.request('POST', '/api/v1/events', { body: { events: [...batch, { ...batch[1], agentType: 'human' }] } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect((await summary(t)).byPath.ai.resolved).toBe(1);
  });

  it('a batch that repeats some stored ids stores only its new events, once, and projects their tickets', async () => {
    // Stored ids between the new ones in id order, so the COPY tried first meets one mid-batch.
    expect((await t.request('POST', '/api/v1/events', { body: [resolved('g3', 'T2', '2026-02-02T10:03:00Z')] })).body).toMatchObject({ accepted: 1, duplicates: 0 });
    await t.request('POST', '/api/v1/events', { body: [created('g9', 'T3', t0)] });
    const res = await t.request('POST', '/api/v1/events', {
      body: [created('g1', 'T1', t0), created('g2', 'T2', t0), resolved('g3', 'T2', '2026-02-02T10:03:00Z'), created('g9', 'T3', t0), resolved('g4', 'T1', '2026-02-02T10:04:00Z')],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 3, duplicates: 2, rejected: [], projection: expect.stringMatching(/^\d+$/) });
    const rows: { id: string }[] = await t.ds.query('SELECT id FROM ticket_events ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['g1', 'g2', 'g3', 'g4', 'g9']);
    const s = await summary(t);
    expect(s.tickets).toBe(3);
    expect(s.byPath.ai.resolved).toBe(2); // T1 and T2
  });

  it('text with the characters COPY treats specially is stored exactly as sent', async () => {
    const odd = ['a\tb', 'line1\nline2\r\nline3', 'back\\slash', '\\N', '\\.', 'tab at end\t', '"quoted", \'single\'', 'café 😀'];
    const events = odd.map((text, i) => created(`odd-${i}`, `T${i}`, t0, { customerId: text, language: text.slice(0, 5), extra: { note: text, [text]: [text, null, 1.5] } }));
    expect((await t.request('POST', '/api/v1/events', { body: events })).body).toMatchObject({ accepted: odd.length, rejected: [] });
    const rows: { id: string; customer_id: string; language: string; extra: Record<string, unknown> }[] = await t.ds.query(`SELECT id, customer_id, language, extra FROM ticket_events ORDER BY id`);
    expect(rows).toEqual(odd.map((text, i) => ({ id: `odd-${i}`, customer_id: text, language: text.slice(0, 5), extra: { extra: { note: text, [text]: [text, null, 1.5] } } })));
  });

  it('an invalid event does not reserve its id; a repeated id in one batch counts once', async () => {
    const res = await t.request('POST', '/api/v1/events', {
      body: [{ ...created('x', 'T1', t0), channel: '' }, created('x', 'T1', t0), created('x', 'T1', t0)],
    });
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(res.body.rejected).toHaveLength(1);
  });

  it('a ticket joins the metrics when its created event arrives last', async () => {
    await t.request('POST', '/api/v1/events', { body: [assigned('a1', 'T9', '2026-02-03T09:00:01Z'), resolved('a2', 'T9', '2026-02-03T09:02:01Z')] });
    expect((await summary(t)).tickets).toBe(0);
    const status = await t.request('GET', '/api/v1/status');
    expect(status.body).toMatchObject({ events: 2, tickets: 0, incompleteTickets: 1 });
    await t.request('POST', '/api/v1/events', { body: [created('a0', 'T9', '2026-02-03T09:00:00Z')] });
    const s = await summary(t);
    expect(s).toMatchObject({ tickets: 1, aiResolved: 1 });
    expect(s.byPath.ai.handleSeconds.mean).toBe(60);
    expect((await t.request('GET', '/api/v1/status')).body).toMatchObject({ events: 3, tickets: 1, incompleteTickets: 0 });
  });

  it('repeat contact is right when the later ticket arrives first, and only within 604,800 s', async () => {
    // T2 and T3 come first; T1 (resolved 2026-02-02T10:00Z) arrives last. T2 is created exactly
    // 7 days (604,800 s) after T1's resolution: inside. T3's customer comes back 1 s too late.
    await t.request('POST', '/api/v1/events', {
      body: [
        created('b1', 'T2', '2026-02-09T10:00:00Z'),
        created('c0', 'U1', '2026-02-02T09:00:00Z', { customerId: 'cust-2' }),
        resolved('c1', 'U1', '2026-02-02T10:00:00Z'),
        created('c2', 'U2', '2026-02-09T10:00:01Z', { customerId: 'cust-2' }),
      ],
    });
    expect((await summary(t)).byPath.ai.repeatContactRate).toBe(0);
    await t.request('POST', '/api/v1/events', { body: [created('a0', 'T1', '2026-02-02T09:00:00Z'), resolved('a1', 'T1', '2026-02-02T10:00:00Z')] });
    const s = await summary(t);
    expect(s.byPath.ai).toMatchObject({ resolved: 2, repeatContactRate: 0.5 });
    expect(s.verifiedAiResolved).toBe(1);
  });

  it('repeat contact is right when the later ticket arrives in a later batch, at the window edges to the microsecond', async () => {
    // Four customers, each an AI resolution at R (half a millisecond past the second), projected
    // first; then each comes back in a batch of its own: at R + 604,800 s (inside), 1 µs later
    // (outside), 1 µs after R (inside) and at R itself (not after the resolution: outside).
    const R = '2026-02-02T10:00:00.000500Z';
    const first = ['A', 'B', 'C', 'D'].flatMap((c) => [created(`${c}0`, `${c}1`, '2026-02-02T09:00:00Z', { customerId: `cust-${c}` }), resolved(`${c}r`, `${c}1`, R)]);
    expect((await t.request('POST', '/api/v1/events', { body: first })).status).toBe(200);
    expect((await summary(t)).byPath.ai).toMatchObject({ resolved: 4, repeatContactRate: 0 });
    const later: [string, string][] = [['A', '2026-02-09T10:00:00.000500Z'], ['B', '2026-02-09T10:00:00.000501Z'], ['C', '2026-02-02T10:00:00.000501Z'], ['D', R]];
    for (const [c, at] of later) {
      expect((await t.request('POST', '/api/v1/events', { body: [created(`${c}2`, `${c}2`, at, { customerId: `cust-${c}` })] })).status).toBe(200);
      await t.projected(); // one batch each
    }
    const rows: { id: string; repeat_contact: boolean }[] = await t.ds.query(`SELECT id, repeat_contact FROM tickets WHERE id LIKE '_1' ORDER BY id`);
    expect(rows).toEqual([
      { id: 'A1', repeat_contact: true },
      { id: 'B1', repeat_contact: false },
      { id: 'C1', repeat_contact: true },
      { id: 'D1', repeat_contact: false },
    ]);
  });

  it("a repeat-contact flag left wrong (by an older version) is put right by the customer's next batch, and the rollups follow", async () => {
    // T1 (AI, resolved 2 Feb) and T2 (created 4 Feb): T1 is a repeat contact.
    await t.request('POST', '/api/v1/events', {
      body: [created('a0', 'T1', '2026-02-02T09:00:00Z'), resolved('a1', 'T1', '2026-02-02T10:00:00Z'), created('b0', 'T2', '2026-02-04T10:00:00Z')],
    });
    expect((await summary(t)).byPath.ai.repeatContactRate).toBe(1);
    // The flag as an older version might have left it, the rollups of its day built from it.
    await t.ds.query(`UPDATE tickets SET repeat_contact = false WHERE id = 'T1'`);
    await t.ds.query(`INSERT INTO rollup_pending (workspace_id, zone, day) SELECT workspace_id, zone, '2026-02-02' FROM rollup_zones`);
    await t.projected();
    // Ranges not read before: a rebuild bumps no day's version (no number changes), so the cache
    // of unchanged ranges (population-cache.ts) would keep what the first read computed. February
    // as a whole is read from its month cell, summed from the rebuilt day.
    const day = 'from=2026-02-02&to=2026-02-03&asOf=2026-03-01T00:00:00Z';
    const february = 'from=2026-02-01&to=2026-03-01&asOf=2026-03-20T00:00:00Z';
    expect((await summary(t, day)).byPath.ai.repeatContactRate).toBe(0);
    expect((await summary(t, february)).byPath.ai.repeatContactRate).toBe(0);
    // The customer's next ticket, a month later: nothing near T1's resolution, yet T1 is rechecked.
    await t.request('POST', '/api/v1/events', { body: [created('c0', 'T3', '2026-03-10T10:00:00Z')] });
    await t.projected();
    const [{ repeat_contact }] = await t.ds.query(`SELECT repeat_contact FROM tickets WHERE id = 'T1'`);
    expect(repeat_contact).toBe(true);
    expect((await summary(t, day)).byPath.ai.repeatContactRate).toBe(1);
    expect((await summary(t, february)).byPath.ai.repeatContactRate).toBe(1);
  });

  it('repeat contact ignores the query filters: the customer came back on another channel', async () => {
    await t.request('POST', '/api/v1/events', {
      body: [created('a0', 'T1', t0), resolved('a1', 'T1', '2026-02-02T10:01:00Z'), created('b0', 'T2', '2026-02-03T10:00:00Z', { channel: 'email' })],
    });
    const s = await summary(t, 'from=2026-02-01&to=2026-02-20&channel=chat&asOf=2026-03-01T00:00:00Z');
    expect(s).toMatchObject({ tickets: 1, verifiedAiResolved: 0 });
    expect(s.byPath.ai.repeatContactRate).toBe(1);
  });

  it.each([
    ['the events (the COPY)', 'ticket_events', `NEW.id = 'b0'`],
    ['the queue (after the events)', 'projection_queue', `NEW.ticket_id = 'T2'`],
  ])('a request is one transaction: a failure writing %s stores nothing and the resend completes it', async (_what, table, when) => {
    // A trigger fails one row's insert, as a crash mid-request would.
    await t.ds.query(`CREATE FUNCTION fail_b0() RETURNS trigger AS $$ BEGIN
        IF ${when} THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.ds.query(`CREATE TRIGGER fail_b0 BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION fail_b0()`);
    const batch = [created('a0', 'T1', t0), resolved('a1', 'T1', '2026-02-02T10:01:00Z'), created('b0', 'T2', t0, { customerId: 'c9' })];
    try {
      const res = await t.request('POST', '/api/v1/events', { body: batch });
      expect(res.status).toBe(500);
      expect(res.body.message).toMatch(/sending an ingest batch again is safe/);
      const [{ n, q }] = await t.ds.query('SELECT (SELECT count(*)::int FROM ticket_events) AS n, (SELECT count(*)::int FROM projection_queue) AS q');
      expect([n, q]).toEqual([0, 0]);
    } finally {
      await t.ds.query(`DROP TRIGGER fail_b0 ON ${table}`);
      await t.ds.query('DROP FUNCTION fail_b0');
    }
    expect((await t.request('POST', '/api/v1/events', { body: batch })).body).toMatchObject({ accepted: 3, duplicates: 0, rejected: [] });
    expect((await summary(t)).tickets).toBe(2);
  });

  it('a projection that fails loses nothing: the tickets stay queued, reads say they are behind, and it completes once the cause is gone', async () => {
    const quick = await createTestApp({ readWaitSeconds: 1 });
    try {
      await quick.ds.query(`CREATE FUNCTION fail_p() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated projector crash'; END $$ LANGUAGE plpgsql`);
      await quick.ds.query(`CREATE TRIGGER fail_p BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION fail_p()`);
      const res = await quick.request('POST', '/api/v1/events', { body: [created('p0', 'P1', t0), resolved('p1', 'P1', '2026-02-02T10:01:00Z')] });
      expect(res.body).toMatchObject({ accepted: 2 });
      const behind = await quick.request('GET', '/api/v1/metrics/summary?from=2026-02-01&to=2026-02-20&asOf=2026-03-01T00:00:00Z');
      expect(behind.status).toBe(200);
      expect(behind.body.freshness).toMatchObject({ complete: false, pendingTickets: 1 });
      expect(behind.body.tickets).toBe(0);
      await quick.ds.query('DROP TRIGGER fail_p ON tickets');
      // The projector retries on its next tick (1 s) and a read waits 1 s here: on a loaded machine
      // the first read can still be behind, so read again until complete (or 30 s).
      let after = await quick.request('GET', `/api/v1/metrics/summary?from=2026-02-01&to=2026-02-20&asOf=2026-03-01T00:00:00Z&after=${res.body.projection}`);
      for (const until = Date.now() + 30_000; after.status === 200 && !after.body.freshness?.complete && Date.now() < until; ) {
        await new Promise((res) => setTimeout(res, 200));
        after = await quick.request('GET', `/api/v1/metrics/summary?from=2026-02-01&to=2026-02-20&asOf=2026-03-01T00:00:00Z&after=${res.body.projection}`);
      }
      expect(after.status).toBe(200);
      expect(after.body.freshness).toMatchObject({ complete: true });
      expect(after.body).toMatchObject({ tickets: 1, aiResolved: 1 });
    } finally {
      await quick.close();
    }
  });

  it('more than 10,000 tickets queued: a read estimates how many instead of counting them, and says so', async () => {
    const quick = await createTestApp({ readWaitSeconds: 0 });
    try {
      await quick.ds.query(`CREATE FUNCTION fail_q() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'projector held back'; END $$ LANGUAGE plpgsql`);
      await quick.ds.query(`CREATE TRIGGER fail_q BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION fail_q()`);
      const send = async (from: number, n: number) => {
        const body = Array.from({ length: n }, (_, i) => created(`q${from + i}`, `Q${from + i}`, t0));
        expect((await quick.request('POST', '/api/v1/events', { body })).body).toMatchObject({ accepted: n });
      };
      const freshness = async () => (await quick.request('GET', '/api/v1/metrics/summary?from=2026-02-01&to=2026-02-20&asOf=2026-03-01T00:00:00Z')).body.freshness;
      await send(0, 10_000);
      expect(await freshness()).toMatchObject({ complete: false, pendingTickets: 10_000, pendingEstimated: false });
      await send(10_000, 7);
      // 10,007 queued (one queue row per ticket and request): past the exact count, the span of
      // queue positions, which here is the same 10,007.
      expect(await freshness()).toMatchObject({ complete: false, pendingTickets: 10_007, pendingEstimated: true });
      // Projected, the queue's 10,007 rows are dead; the projector vacuums the queue itself (autovacuum
      // may be off) within its 5 s check, once PostgreSQL's statistics count them.
      const vacuums = async () => (await quick.ds.query(`SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE relname = 'projection_queue'`))[0].n as number;
      const before = await vacuums();
      await quick.ds.query('DROP TRIGGER fail_q ON tickets');
      await quick.projected();
      const deadline = Date.now() + 30_000;
      while ((await vacuums()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(await vacuums()).toBeGreaterThan(before);
      expect(await quick.ds.query(`SELECT count(*)::int AS n FROM projection_queue`)).toEqual([{ n: 0 }]);
      // The projector counts its VACUUM once the statement has returned and its connection is back,
      // a moment after PostgreSQL's statistics show it (a CI run read the metric in between).
      const counted = /^claimcheck_projector_vacuum_seconds_count\{table="projection_queue"\} [1-9]/m;
      const metrics = async () => (await quick.request('GET', '/metrics')).text as string;
      while (!counted.test(await metrics()) && Date.now() < deadline + 5_000) await new Promise((r) => setTimeout(r, 100));
      expect(await metrics()).toMatch(counted);
    } finally {
      await quick.ds.query('DROP TRIGGER IF EXISTS fail_q ON tickets');
      await quick.close();
    }
  });

  it('concurrent requests on the same tickets give the sequential result', async () => {
    // 40 tickets, each split over 4 requests sent at once (created, assigned, resolved, csat).
    const parts: unknown[][] = [[], [], [], []];
    for (let i = 0; i < 40; i++) {
      const tk = `C${i}`;
      parts[0].push(created(`c${i}`, tk, '2026-02-05T08:00:00Z', { customerId: `cc${i % 7}` }));
      parts[1].push(assigned(`a${i}`, tk, '2026-02-05T08:00:10Z'));
      parts[2].push(resolved(`r${i}`, tk, '2026-02-05T08:03:10Z', 'ai', 100 + i));
      parts[3].push({ id: `s${i}`, type: 'csat.submitted', ticketId: tk, occurredAt: '2026-02-05T09:00:00Z', score: (i % 5) + 1 });
    }
    const results = await Promise.all(parts.map((body) => t.request('POST', '/api/v1/events', { body })));
    expect(results.map((r) => r.body.accepted)).toEqual([40, 40, 40, 40]);
    const s = await summary(t);
    // Mean of 100..139 = 119.5; scores 1..5 eight times each: top-2 share 16/40.
    expect(s.byPath.ai).toMatchObject({ tickets: 40, resolved: 40, handleSeconds: { mean: 119.5, median: 119.5 }, csat: { responses: 40, top2Box: 0.4 } });
  });

  it('the same batch sent 4 times at once is stored once: one answer accepts it, the others count duplicates', async () => {
    // Overlapping ids in flight: a COPY waits for the other request's commit, then meets the ids.
    const body = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? created(`d${i}`, `D${i >> 1}`, t0) : resolved(`d${i}`, `D${i >> 1}`, '2026-02-02T10:02:00Z')));
    const results = await Promise.all([0, 1, 2, 3].map(() => t.request('POST', '/api/v1/events', { body })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Ids go in sorted, so whoever writes the first id holds the rest until it commits.
    expect(results.map((r) => r.body.accepted).sort((a, b) => a - b)).toEqual([0, 0, 0, 200]);
    expect(results.map((r) => r.body.duplicates).sort((a, b) => a - b)).toEqual([0, 200, 200, 200]);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM ticket_events');
    expect(n).toBe(200);
    expect((await summary(t)).byPath.ai).toMatchObject({ tickets: 100, resolved: 100 });
  });

  it('400 for a body that is not JSON, 413 for more than 10,000 events or 10 MiB', async () => {
    const bad = await t.request('POST', '/api/v1/events', { raw: 'this is not json', contentType: 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/not valid JSON or NDJSON/);
    const many = Array.from({ length: 10_001 }, (_, i) => created(`m${i}`, `M${i}`, t0));
    const tooMany = await t.request('POST', '/api/v1/events', { body: many });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.message).toMatch(/at most 10000/);
    const huge = await t.request('POST', '/api/v1/events', { raw: JSON.stringify([{ pad: 'x'.repeat(11 * 1024 * 1024) }]) });
    expect(huge.status).toBe(413);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM ticket_events');
    expect(n).toBe(0);
  });
});
