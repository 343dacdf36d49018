import { Client } from 'pg';
import { TestApp, createTestApp, summaryUrl } from './test-app';

describe('cost model', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('starts at the contract defaults, keeps every change with who and when, and the summary uses it', async () => {
    const first = await t.request('GET', '/api/v1/cost-model');
    expect(first.body).toMatchObject({ version: 1, humanHourlyCost: 32, aiCostPerConversation: 0.45, aiCostPerResolution: 0, fteHoursPerMonth: 120 });

    const put = await t.request('PUT', '/api/v1/cost-model', { body: { humanHourlyCost: 40, aiCostPerResolution: 0.2 } });
    expect(put.body).toMatchObject({ version: 2, humanHourlyCost: 40, aiCostPerConversation: 0.45, aiCostPerResolution: 0.2, changedBy: 'ADMIN_TOKEN' });
    const history = await t.request('GET', '/api/v1/cost-model/history');
    expect(history.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.body[0].changes).toEqual({ humanHourlyCost: { old: 32, new: 40 }, aiCostPerResolution: { old: 0, new: 0.2 } });
    expect(history.body[1].changes).toEqual({});
    // Nothing to change: an empty body is a 400 and no new version.
    expect((await t.request('PUT', '/api/v1/cost-model', { body: {} })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/cost-model/history')).body).toHaveLength(2);

    const s = await t.request('GET', summaryUrl({ from: '2026-01-01', to: '2026-01-08' }));
    expect(s.body.costModel).toEqual({ humanHourlyCost: 40, aiCostPerConversation: 0.45, aiCostPerResolution: 0.2, fteHoursPerMonth: 120, fixedCostPerMonth: 0 });
    const whatIf = await t.request('GET', summaryUrl({ from: '2026-01-01', to: '2026-01-08', fteHoursPerMonth: '140.5' }));
    expect(whatIf.body.costModel.fteHoursPerMonth).toBe(140.5);
    expect(whatIf.body.costModel.humanHourlyCost).toBe(40);
  });

  it('fixed costs per month: saved as a version, prorated over the range, net savings and the yearly pace follow', async () => {
    const put = await t.request('PUT', '/api/v1/cost-model', { body: { fixedCostPerMonth: 3043.75 } });
    expect(put.body).toMatchObject({ fixedCostPerMonth: 3043.75 });
    const history = await t.request('GET', '/api/v1/cost-model/history');
    expect(history.body[0].changes).toEqual({ fixedCostPerMonth: { old: 0, new: 3043.75 } });
    // 7 days of 3,043.75 a month (30.4375 days): exactly 700.
    const s = (await t.request('GET', summaryUrl({ from: '2026-01-01', to: '2026-01-08' }))).body;
    expect(s.savings.fixedCosts).toBeCloseTo(700, 9);
    if (s.savings.verifiedSavings !== null) {
      expect(s.savings.netSavings).toBeCloseTo(s.savings.verifiedSavings - 700, 9);
      expect(s.savings.netSavingsPerYear).toBeCloseTo(((s.savings.verifiedSavings - 700) * 365.25) / 7, 6);
    } else expect(s.savings.netSavings).toBeNull();
    // As a what-if: 0 fixed costs, net = verified.
    const w = (await t.request('GET', summaryUrl({ from: '2026-01-01', to: '2026-01-08', fixedCostPerMonth: '0' }))).body;
    expect(w.savings.fixedCosts).toBe(0);
    expect((await t.request('GET', summaryUrl({ from: '2026-01-01', to: '2026-01-08', fixedCostPerMonth: '-5' }))).status).toBe(400);
    await t.request('PUT', '/api/v1/cost-model', { body: { fixedCostPerMonth: 0 } });
  });

  it('rejects negative or non-numeric costs, in the body and as what-ifs', async () => {
    const put = await t.request('PUT', '/api/v1/cost-model', { body: { humanHourlyCost: -1, fteHoursPerMonth: 'lots' } });
    expect(put.status).toBe(400);
    expect(put.body.message).toEqual(expect.arrayContaining(['humanHourlyCost: must be a number from 0 to 1,000,000,000', 'fteHoursPerMonth: must be a number of hours from 0 to 744 (the hours of a 31-day month)']));
    const q = await t.request('GET', summaryUrl({ from: '2026-01-01', to: '2026-01-08', humanHourlyCost: '-3' }));
    expect(q.status).toBe(400);
    expect(q.body.message).toEqual(['humanHourlyCost: must be a non-negative decimal number such as 32 or 0.45, got "-3"']);
  });
});

describe('summary parameters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    ['from=2026-01-05', 'to: is required (a date YYYY-MM-DD)'],
    ['from=2026-01-05&to=2026-01-06&to=2026-01-07', 'to: one value only, got 2: \\"2026-01-06\\", \\"2026-01-07\\"' /* as JSON writes it */],
    ['from=2026-02-30&to=2026-03-02', 'from: 2026-02-30 is not a calendar date'],
    ['from=2026-01-05&to=2026-01-05', 'from: must be before to'],
    ['from=2026-01-05&to=2026-01-06&tz=Mars/Olympus', 'tz: must be an IANA time zone'],
    ['from=2026-01-05&to=2026-01-06&asOf=tomorrow', 'asOf: must be an RFC 3339 timestamp'],
    ['from=2020-01-01&to=2026-01-06', 'to: the range may span at most 5 years'],
    ['from=2026-01-05&to=2026-01-06&chanel=chat', 'property chanel should not exist'],
  ])('%s -> 400 %s', async (query, message) => {
    const res = await t.request('GET', `/api/v1/metrics/summary?${query}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain(message);
  });
});

describe('health', () => {
  it('is 503 when the database does not answer, 200 again when it does', async () => {
    const t = await createTestApp();
    const name = new URL(t.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      expect((await t.request('GET', '/api/health', { token: null })).status).toBe(200);
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      const down = await t.request('GET', '/api/health', { token: null });
      expect(down).toMatchObject({ status: 503, body: { status: 'degraded', database: 'down' } });
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      expect((await t.request('GET', '/api/health', { token: null })).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
      await t.close();
    }
  });
});
