// The projector's long statements: planned with statistics, cancelled by the server when they run
// too long, never abandoned by the client alone. A 1M seeding (and, on a slow CI machine, the
// 66,000-ticket demo story of alerts.db-spec.ts) stalled minutes in the repeat-contact step of its
// second batch: the table had never been analysed, the probe walked 7 days of tickets per ticket
// by the created_at index, the client gave up after 120 s and the statement ran on, with the
// rollback and the retry queued behind it (docs/SCALING.md).
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { withLongStatements } from '../src/database/long-statements';
import { EventsRepository, TICKET_EVENTS_SQL } from '../src/events/events.repository';
import { REFRESH_REPEAT_CONTACTS_SQL, TicketsRepository } from '../src/tickets/tickets.repository';
import { wsId } from '../src/workspaces/workspace-context';
import { TestApp, createTestApp, fixtureLines } from './test-app';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

/** Every scan of `tickets` inside the statement's subplan (the probe per ticket). */
function subplanScans(node: PlanNode, inSubplan = false): string[] {
  const here = inSubplan || node['Parent Relationship'] === 'SubPlan';
  const own = here && node['Relation Name'] === 'tickets' ? [`${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap((p) => subplanScans(p, here))];
}

/** `n` resolved tickets of workspace $1 from number `from` on, one every 60 s from 2026-03-01, among 20,000 customers. */
const ticketsSql = (from: number, n: number) => `
  INSERT INTO tickets (workspace_id, id, created_at, customer_id, path, ai_involved, human_involved, resolved, resolved_at,
                       reopened, ai_seconds, human_seconds, event_count, last_event_at)
  SELECT $1, 'T-' || i, t, 'C-' || (i % 20000), 'ai', true, false, true, t + interval '1 hour', false, 60, 0, 2, t + interval '1 hour'
    FROM generate_series(${from}, ${from + n - 1}) AS i, LATERAL (SELECT timestamptz '2026-03-01' + i * interval '60 seconds' AS t) x`;

/** `n` events, six a ticket (tickets E-0, E-1, ...), from number `from` on, one every 10 s from 2026-03-01. */
const eventsSql = (from: number, n: number) => `
  INSERT INTO ticket_events (workspace_id, id, ticket_id, type, occurred_at)
  SELECT $1, 'ev-' || i, 'E-' || (i / 6), 'ticket.assigned', timestamptz '2026-03-01' + i * interval '10 seconds'
    FROM generate_series(${from}, ${from + n - 1}) AS i`;

describe('a load into ticket_events whose statistics lag it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("is analysed before a batch reads its events, and the batch's read then goes by ticket id", async () => {
    const repo = t.app.get(EventsRepository);
    await t.inWorkspace(async () => {
      // A load's first 300,000 events (50,000 tickets), never analysed; a batch asks for 1,000 tickets.
      await t.ds.query(eventsSql(0, 300_000), [wsId()]);
      const ids = Array.from({ length: 1_000 }, (_, i) => `E-${20_000 + i}`);
      const indexConds = async (m: EntityManager) => {
        const plan = JSON.stringify((await m.query(`EXPLAIN (FORMAT JSON) ${TICKET_EVENTS_SQL}`, [ids, wsId()]))[0]['QUERY PLAN']);
        return [...plan.matchAll(/"Index Cond":"([^"]*)"/g)].map((x) => x[1]);
      };
      await t.ds.transaction(async (m) => {
        // Planned without statistics, the ticket ids are no index condition: every event of the
        // workspace is read and filtered (a pass that grows with the load).
        expect((await indexConds(m)).some((c) => c.includes('ticket_id'))).toBe(false);
        expect(await repo.analyzeIfBehind(m)).toBe(true);
        expect((await indexConds(m)).some((c) => c.includes('ticket_id = ANY'))).toBe(true);
        // Statistics that describe the table are left alone.
        expect(await repo.analyzeIfBehind(m)).toBe(false);
      });
    });
  });
});

describe('a load into a tickets table whose statistics describe far fewer rows than it writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it("gets statistics in its batch's transaction, and its repeat-contact probe then goes by the customer's own tickets", async () => {
    const repo = t.app.get(TicketsRepository);
    const [stats] = await t.ds.query(`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = to_regclass('tickets')`);
    expect(stats.reltuples).toBeLessThan(0); // never analysed: a fresh install
    await t.inWorkspace(async () => {
      // As a 1M seeding found it: a first small batch committed, without statistics...
      await t.ds.query(ticketsSql(1, 2_700), [wsId()]);
      const qr = t.ds.createQueryRunner();
      await qr.startTransaction();
      try {
        // ... then a load's batch of 50,000 written in its transaction.
        await qr.query(ticketsSql(2_701, 50_000), [wsId()]);
        const customers = Array.from({ length: 20_000 }, (_, i) => `C-${i}`);
        const plan = async () => subplanScans((await qr.query(`EXPLAIN (FORMAT JSON) ${REFRESH_REPEAT_CONTACTS_SQL}`, [customers, wsId()]))[0]['QUERY PLAN'][0].Plan);
        // Without statistics the probe does not go by the customer (PostgreSQL 15 and 18 both take
        // tickets_created_at_idx: 7 days of tickets per ticket).
        expect(await plan()).not.toEqual(['Index Scan using tickets_customer_idx']);
        expect(await repo.analyzeIfBehind(qr.manager, 50_000)).toBe(true);
        expect(await plan()).toEqual(['Index Scan using tickets_customer_idx']);
        // Statistics that describe the batch already are left alone.
        expect(await repo.analyzeIfBehind(qr.manager, 50_000)).toBe(false);
      } finally {
        await qr.rollbackTransaction();
        await qr.release();
      }
      // Rolled back: the row count ANALYZE wrote in place (52,700) stays, its column statistics do
      // not. The retry of such a batch must analyse again.
      const [{ reltuples }] = await t.ds.query(`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = to_regclass('tickets')`);
      expect(reltuples).toBeGreaterThan(50_000);
      expect(await t.ds.transaction((m) => repo.analyzeIfBehind(m, 849))).toBe(true);
    });
  });

  it('are made by a batch before its repeat-contact step', async () => {
    const repo = t.app.get(TicketsRepository);
    const steps: string[] = [];
    const analyze = repo.analyzeIfBehind.bind(repo);
    const refresh = repo.refreshRepeatContacts.bind(repo);
    jest.spyOn(repo, 'analyzeIfBehind').mockImplementation(async (m, rows) => {
      const done = await analyze(m, rows);
      steps.push(`analyze ${rows}: ${done}`);
      return done;
    });
    jest.spyOn(repo, 'refreshRepeatContacts').mockImplementation(async (m, customers) => {
      steps.push('repeat');
      return refresh(m, customers);
    });
    const lines = fixtureLines();
    const res = await t.request('POST', '/api/v1/events', { raw: lines.join('\n'), contentType: 'application/x-ndjson' });
    expect(res.status).toBe(207);
    await t.projected();
    // Each batch looks at the statistics before its repeat-contact step (whether it then analyses
    // depends on what an earlier ANALYZE counted: the first test's counted its rolled-back rows).
    expect(steps.length).toBeGreaterThan(0);
    steps.forEach((s, i) => expect(s).toMatch(i % 2 === 0 ? /^analyze \d+: (true|false)$/ : /^repeat$/));
  });
});

describe('a background statement', () => {
  let t: TestApp;
  let tight: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    // A pool whose client gives up on an answer after 1 s (the application's: 120 s).
    const base = dataSourceOptions(t.databaseUrl, 2);
    tight = new DataSource({ ...base, migrationsRun: false, extra: { ...(base as { extra: Record<string, unknown> }).extra, query_timeout: 1000 } } as typeof base);
    await tight.initialize();
  });
  afterAll(async () => {
    await tight.destroy();
    await t.close();
  });

  it('over its limit is cancelled by the server, and the connection answers the next statement at once', async () => {
    await tight.transaction(async (m) => {
      await expect(withLongStatements(m, () => m.query('SELECT pg_sleep(5)'), 300)).rejects.toMatchObject({ code: '57014' });
      // The client's read timeout is the pool's again, after the failure too.
      expect((m.queryRunner as unknown as { databaseConnection: { connectionParameters: { query_timeout: number } } }).databaseConnection.connectionParameters.query_timeout).toBe(1000);
    }).catch((e: { code?: string }) => expect(e.code).toBe('57014')); // the transaction ends in that error
    // Outside a transaction SET LOCAL would do nothing: refused.
    await expect(withLongStatements(tight.createQueryRunner(), async () => 1)).rejects.toThrow(/not in a transaction/);
    await tight.transaction(async (m) => {
      const [{ pid }] = await m.query('SELECT pg_backend_pid() AS pid');
      // Not still running on the server: nothing of this database sleeps any more.
      const [{ sleeping }] = await m.query(`SELECT count(*)::int AS sleeping FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1 AND query LIKE 'SELECT pg_sleep(5)%' AND state = 'active'`, [pid]);
      expect(sleeping).toBe(0);
    });
  });

  it('within its limit outlasts the client read timeout, which is back to what it was afterwards', async () => {
    await tight.transaction(async (m) => {
      const [row] = await withLongStatements(m, () => m.query('SELECT pg_sleep(1.5), 1 AS done'), 10_000);
      expect(row.done).toBe(1);
      // The limit was the transaction's: this statement has the pool's 1 s again.
      await expect(m.query('SELECT pg_sleep(1.5)')).rejects.toThrow(/Query read timeout/);
    });
  });
});
