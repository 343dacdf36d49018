// How the sorted values are stored (migration 1767000000000): inline and uncompressed up to 8 kB a
// row, because a read slices a row's arrays and PostgreSQL would decompress them whole first.
import { ValuesInline1767000000000 } from '../../migrations/1767000000000-values-inline';
import { TestApp, createTestApp } from './test-app';

const N = 300;
// Whole seconds 87..142: one group of 16 histogram bins (cc_bin 144-159), so one row of N values,
// about 4 kB of arrays, and repetitive enough that PostgreSQL's compression shrinks it.
const handle = (i: number) => 87 + (i % 56);
const events = Array.from({ length: N }, (_, i) => {
  const at = new Date(Date.UTC(2026, 1, 2, 8, 0, i)).toISOString();
  const done = new Date(Date.UTC(2026, 1, 2, 9, 0, i)).toISOString();
  return [
    { id: `c${i}`, type: 'ticket.created', ticketId: `T${i}`, occurredAt: at, channel: 'chat', category: 'billing', customerId: `cust-${i}` },
    { id: `r${i}`, type: 'ticket.resolved', ticketId: `T${i}`, occurredAt: done, agentType: 'ai', handleSeconds: handle(i) },
  ];
}).flat();

describe('rollup_values storage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    expect((await t.request('POST', '/api/v1/events', { body: events })).body).toMatchObject({ accepted: 2 * N });
    await t.projected();
  });
  afterAll(async () => t.close());

  // The handle-time row of the day: its arrays' stored sizes against their raw sizes (values 8 bytes
  // each, keys 4, minutes 2).
  const uncompressed = (r: { stored: number; keys: number; mins: number }) => r.stored >= 8 * N && r.keys >= 4 * N && r.mins >= 2 * N;
  const handleRow = async () => {
    const [row] = await t.ds.query(
      `SELECT array_length(vals, 1) AS n, pg_column_size(vals) AS stored, pg_column_size(keys) AS keys, pg_column_size(mins) AS mins
         FROM rollup_values WHERE metric = 1 AND path = 'ai' ORDER BY 1 DESC`,
    );
    return row as { n: number; stored: number; keys: number; mins: number };
  };

  it('keeps a 4 kB row of values uncompressed, and reads the exact median from it', async () => {
    const row = await handleRow();
    expect(row.n).toBe(N);
    expect(uncompressed(row)).toBe(true);
    // percentile_cont(0.5) of 300 values: the mean of the 150th and 151st smallest.
    const sorted = Array.from({ length: N }, (_, i) => handle(i)).sort((a, b) => a - b);
    const res = await t.request('GET', '/api/v1/metrics/timeseries?from=2026-02-01&to=2026-02-15&interval=week&asOf=2026-03-01T00:00:00Z');
    const week = res.body.buckets.find((b: { from: string }) => b.from === '2026-02-02');
    expect(week.byPath.ai.handleSeconds.median).toBe((sorted[149] + sorted[150]) / 2);
  });

  it('the migration writes rows stored compressed before it again, uncompressed', async () => {
    await t.projected();
    // As before the migration: the table's default threshold, and the row written again under it.
    await t.ds.query(`ALTER TABLE rollup_values RESET (toast_tuple_target)`);
    await t.ds.query(`UPDATE rollup_values SET vals = vals || '{}'::float8[], keys = keys || '{}'::int[], mins = mins || '{}'::int2[]`);
    const before = await handleRow();
    // The values and keys compressed (the row is then under 2 kB and its minutes stay as they are):
    // the test can tell the difference.
    expect([before.stored < 8 * N, before.keys < 4 * N]).toEqual([true, true]);
    const runner = t.ds.createQueryRunner();
    try {
      await new ValuesInline1767000000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(uncompressed(await handleRow())).toBe(true);
  });
});
