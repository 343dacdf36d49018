// The settings every application connection starts with (database/data-source-options.ts): UTC
// sessions, and the two that keep the metric queries fast (no JIT, in-memory percentile sorts);
// and those a population read sets for its own transaction (metrics/rollups/read-settings.ts).
import { readPopulation } from '../src/metrics/rollups/population-reader';
import { applyReadSettings } from '../src/metrics/rollups/read-settings';
import { TestApp, createTestApp } from './test-app';

describe('application database sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('run in UTC without JIT and with 64MB of work memory', async () => {
    const [row] = await t.ds.query(
      `SELECT current_setting('TimeZone') AS tz, current_setting('jit') AS jit, current_setting('work_mem') AS work_mem`,
    );
    expect(row).toEqual({ tz: 'UTC', jit: 'off', work_mem: '64MB' });
  });

  it('a read turns presorted aggregates off for its transaction only, where the server has them', async () => {
    // The server's version, asked of it here: the code asks for the setting itself.
    const [{ v }] = await t.ds.query(`SELECT current_setting('server_version_num')::int AS v`);
    const setting = `SELECT current_setting('enable_presorted_aggregate', true) AS s`;
    // One connection throughout: the check after the commit must ask the session that ran the read.
    const qr = t.ds.createQueryRunner();
    let inRead: unknown;
    let after: unknown;
    try {
      await qr.startTransaction();
      await applyReadSettings(qr.manager);
      inRead = (await qr.query(setting))[0].s;
      await qr.commitTransaction();
      after = (await qr.query(setting))[0].s;
    } finally {
      await qr.release();
    }
    // A population read sets it itself, first thing in its transaction.
    const range = { fromDate: '2026-11-01', toDate: '2026-11-02', from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z'), grp: '' };
    const inPopulationRead = await t.inWorkspace(() =>
      t.ds.transaction('REPEATABLE READ', async (m) => {
        await readPopulation(m, { ranges: [range], tz: 'UTC', filter: {}, segment: null, asOf: new Date('2026-11-02T00:00:00Z') });
        return (await m.query(setting))[0].s;
      }),
    );
    if (v >= 160000) {
      expect([inRead, inPopulationRead, after]).toEqual(['off', 'off', 'on']);
    } else {
      // PostgreSQL 15 has no such setting: nothing was set, and the transactions did not fail.
      expect([inRead, inPopulationRead, after]).toEqual([null, null, null]);
    }
  });
});
