// Upgrading an install made before workspaces (migrations/1766500000000-workspaces.ts): an install
// with the contract fixture projected (tickets, rollups, a claim, a token, a changed cost model) is
// taken back to the schema before workspaces with the migration's own down(), then started again:
// everything is in the default workspace and every expected summary of the contract still holds.
import { Workspaces1766500000000 } from '../../migrations/1766500000000-workspaces';
import { RollupDeltas1766700000000 } from '../../migrations/1766700000000-rollup-deltas';
import { BulkTablesWithoutWorkspaceChecks1766800000000 } from '../../migrations/1766800000000-bulk-tables-without-workspace-checks';
import { createFixtureApp } from './fixture-app';
import { TestApp, createTestApp, dropDatabase, expected, mismatches, summaryUrl } from './test-app';

describe('migration of an existing install into the default workspace', () => {
  let t: TestApp;
  let url: string;
  let viewer: string;
  const before: unknown[] = [];

  beforeAll(async () => {
    t = await createFixtureApp();
    await t.projected();
    url = t.databaseUrl;
    viewer = (await t.request('POST', '/api/v1/tokens', { body: { name: 'kept', role: 'viewer' } })).body.token;
    // A second version of the cost model with the contract's values (the expected summaries assume them).
    expect((await t.request('PUT', '/api/v1/cost-model', { body: { humanHourlyCost: 32 } })).body.version).toBe(2);
    const claim = { title: 'Deck', source: { kind: 'vendor_report', ref: 'Q4' }, from: '2026-01-05', to: '2026-01-26', tz: 'UTC', figures: [{ kind: 'fte', value: 7, unit: 'agents' }] };
    expect((await t.request('POST', '/api/v1/claims', { body: claim })).status).toBe(201);
    for (const c of expected().cases) before.push((await t.request('GET', summaryUrl(c.query))).body);
    // The schema as it was before workspaces, with the data in it (the later migrations undone first).
    const qr = t.ds.createQueryRunner();
    await new BulkTablesWithoutWorkspaceChecks1766800000000().down(qr);
    await qr.query(`DELETE FROM migrations WHERE name = 'BulkTablesWithoutWorkspaceChecks1766800000000'`);
    await new RollupDeltas1766700000000().down(qr);
    await qr.query(`DELETE FROM migrations WHERE name = 'RollupDeltas1766700000000'`);
    await new Workspaces1766500000000().down(qr);
    await qr.query(`DELETE FROM migrations WHERE name = 'Workspaces1766500000000'`);
    await qr.release();
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE column_name = 'workspace_id'`);
    expect(n).toBe(0);
    await t.closeKeepingDatabase();
    t = await createTestApp({}, url); // runs the migration at start-up
  });
  afterAll(async () => {
    await t.close();
    await dropDatabase(url).catch(() => undefined);
  });

  it("every table's rows are the default workspace's, and the workspace id leads every primary key", async () => {
    const tables: { table_name: string }[] = await t.ds.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'workspace_id' AND table_name <> 'api_tokens' ORDER BY 1`,
    );
    expect(tables.length).toBe(17); // rollup_versions came with a later migration
    for (const { table_name } of tables) {
      const [{ other }] = await t.ds.query(`SELECT count(*)::int AS other FROM ${table_name} WHERE workspace_id <> 1`);
      expect({ table_name, other }).toEqual({ table_name, other: 0 });
    }
    const keys: { rel: string; first: string }[] = await t.ds.query(
      `SELECT c.conrelid::regclass::text AS rel, a.attname AS first
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype IN ('p', 'u') AND c.connamespace = 'public'::regnamespace
          AND c.conrelid::regclass::text NOT IN ('workspaces', 'api_tokens', 'migrations')`,
    );
    expect(keys.filter((k) => k.first !== 'workspace_id')).toEqual([]);
    const indexes: { indexname: string; indexdef: string }[] = await t.ds.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ('workspaces', 'api_tokens', 'migrations')`,
    );
    expect(indexes.filter((i) => !/\(workspace_id[,)]/.test(i.indexdef)).map((i) => i.indexname)).toEqual([]);
  });

  it('the numbers are unchanged: every expected summary of the contract, as before the upgrade', async () => {
    const cases = expected().cases;
    for (let i = 0; i < cases.length; i++) {
      const now = (await t.request('GET', summaryUrl(cases[i].query))).body;
      expect(mismatches(cases[i].summary, now)).toEqual([]);
      const { freshness: _a, ...was } = before[i] as Record<string, unknown>;
      expect(mismatches(was, now)).toEqual([]);
    }
  });

  it('tokens, the cost model and claims came along', async () => {
    expect((await t.request('GET', '/api/v1/me', { token: viewer })).body).toEqual({ role: 'viewer', name: 'kept', workspace: 'default' });
    expect((await t.request('GET', '/api/v1/cost-model', { token: viewer })).body).toMatchObject({ version: 2, humanHourlyCost: 32, changedBy: 'ADMIN_TOKEN' });
    expect((await t.request('GET', '/api/v1/claims', { token: viewer })).body.map((c: { title: string }) => c.title)).toEqual(['Deck']);
    expect((await t.request('GET', '/api/v1/workspaces')).body.map((w: { slug: string; hasData: boolean }) => [w.slug, w.hasData])).toEqual([['default', true]]);
  });
});
