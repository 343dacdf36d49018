// The settings every application connection starts with (database/data-source-options.ts): UTC
// sessions, and the two that keep the metric queries fast (no JIT, in-memory percentile sorts).
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
});
