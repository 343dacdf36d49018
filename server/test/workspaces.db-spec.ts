// Workspaces (docs/WORKSPACES.md): two workspaces hold the same ticket and customer ids, and each
// token sees and changes only its own; every route is tried across workspaces (404, worded as for
// a workspace that does not exist); the contract's fixture holds in a non-default workspace; and
// one workspace's numbers do not move when the other one ingests.
import { TestApp, createTestApp, expected, fixtureLines, mismatches, summaryUrl } from './test-app';
import { routes } from './routes';

const AS_OF = '2026-03-01T00:00:00Z';
const lines = fixtureLines();
/** Workspace a: the fixture's first week of tickets, without CSAT answers (same ids as b, other content). */
const subset = lines.filter((l) => {
  const e = JSON.parse(l) as { ticketId?: unknown; type?: unknown };
  return typeof e.ticketId === 'string' && /^t1-[0-6]-/.test(e.ticketId) && e.type !== 'csat.submitted';
});
const claim = (title: string) => ({ title, source: { kind: 'vendor_report', ref: 'deck' }, from: '2026-01-05', to: '2026-01-26', tz: 'UTC', figures: [{ kind: 'fte', value: 7, unit: 'agents' }] });

/** The routes that are not a workspace's: the instance's own, and the open ones. */
const INSTANCE_ROUTES = ['get /metrics', 'get /api/health', 'get /api/health/live', 'get /api/health/ready', 'get /api/v1/me', 'get /api/v1/workspaces', 'post /api/v1/workspaces'];

describe('workspaces', () => {
  let t: TestApp;
  const tok: Record<'a' | 'b', Record<'ingest' | 'viewer' | 'admin', string>> = { a: {} as never, b: {} as never };
  const ids: Record<'a' | 'b', { claim: string; token: string; alert: string; importJob?: string }> = { a: {} as never, b: {} as never };
  let aBefore: unknown;
  let aAccepted = 0;

  beforeAll(async () => {
    t = await createTestApp();
    for (const [slug, name, tz] of [['a', 'Brand A', undefined], ['b', 'Brand B', 'Asia/Kathmandu']] as const) {
      const made = await t.request('POST', '/api/v1/workspaces', { body: { slug, name, ...(tz ? { timeZone: tz } : {}), currency: 'EUR' } });
      expect(made.status).toBe(201);
      for (const role of ['ingest', 'viewer', 'admin'] as const) {
        const r = await t.request('POST', `/api/v1/workspaces/${slug}/tokens`, { body: { name: `${slug} ${role}`, role } });
        expect(r.status).toBe(201);
        tok[slug][role] = r.body.token;
      }
    }
    const a = await t.request('POST', '/api/v1/workspaces/a/events', { token: tok.a.ingest, raw: subset.join('\n'), contentType: 'application/x-ndjson' });
    // The fixture repeats some events and has invalid ones on purpose: every line is accounted for.
    expect(a.body.accepted + a.body.duplicates + a.body.rejected.length).toBe(subset.length);
    aAccepted = a.body.accepted;
    aBefore = (await t.request('GET', summaryUrl({ from: '2026-01-05', to: '2026-02-02', tz: 'UTC' }, AS_OF).replace('/api/v1/', '/api/v1/workspaces/a/'), { token: tok.a.viewer })).body;
    // The whole fixture into b: the same ids again, none of them a duplicate there.
    const b = await t.request('POST', '/api/v1/workspaces/b/events', { token: tok.b.ingest, raw: lines.join('\n'), contentType: 'application/x-ndjson' });
    expect(b.body).toMatchObject({ accepted: expected().ingest.accepted, duplicates: expected().ingest.duplicates });
    await t.projected();
    for (const slug of ['a', 'b'] as const) {
      ids[slug].claim = (await t.request('POST', `/api/v1/workspaces/${slug}/claims`, { token: tok[slug].admin, body: claim(`claim of ${slug}`) })).body.id;
      ids[slug].token = (await t.request('POST', `/api/v1/workspaces/${slug}/tokens`, { token: tok[slug].admin, body: { name: 'spare', role: 'viewer' } })).body.id;
      const [ws] = await t.ds.query(`SELECT id FROM workspaces WHERE slug = $1`, [slug]);
      const [alert] = await t.ds.query(
        `INSERT INTO alerts (workspace_id, series_key, metric, path, segment, rule, started_on, detected_on, details)
         VALUES ($1, 'csat|ai|all', 'csat', 'ai', 'all', 'shift', '2026-01-20', '2026-01-22', '{}') RETURNING id`,
        [ws.id],
      );
      ids[slug].alert = alert.id;
    }
  });
  afterAll(async () => t.close());

  it("the contract's expected summaries hold in a non-default workspace (b, reporting zone +05:45)", async () => {
    for (const c of expected().cases) {
      const res = await t.request('GET', summaryUrl(c.query).replace('/api/v1/', '/api/v1/workspaces/b/'), { token: tok.b.viewer });
      expect(res.status).toBe(200);
      expect(mismatches(c.summary, res.body)).toEqual([]);
    }
  });

  it("a's numbers did not move when b ingested the same ids; the default workspace stayed empty", async () => {
    const q = { from: '2026-01-05', to: '2026-02-02', tz: 'UTC' };
    const aAfter = (await t.request('GET', summaryUrl(q, AS_OF).replace('/api/v1/', '/api/v1/workspaces/a/'), { token: tok.a.viewer })).body;
    const { freshness: _f1, ...was } = aBefore as Record<string, unknown>;
    const { freshness: _f2, ...now } = aAfter as Record<string, unknown>;
    // Equal but for the last bit of a float (sums taken in another order once rollups exist).
    expect(mismatches(was, now)).toEqual([]);
    // a holds the first week's 280 tickets, counted from the file; b the fixture's.
    const ticketsA = new Set(subset.map((l) => (JSON.parse(l) as { ticketId: string }).ticketId));
    const status = (await t.request('GET', '/api/v1/workspaces/a/status', { token: tok.a.viewer })).body;
    expect(status.events).toBe(aAccepted);
    expect(status.tickets + status.incompleteTickets).toBe(ticketsA.size);
    expect(status.reportingTimeZone).toBe('UTC');
    expect((await t.request('GET', '/api/v1/workspaces/b/status', { token: tok.b.viewer })).body.reportingTimeZone).toBe('Asia/Kathmandu');
    expect((await t.request('GET', '/api/v1/status')).body).toMatchObject({ events: 0, tickets: 0 });
  });

  it('the same ticket id is two tickets, and repeat contact never crosses workspaces', async () => {
    // b's tickets of the first week that are repeat contacts; in a the later tickets do not exist.
    const page = (await t.request('GET', `/api/v1/workspaces/b/tickets?from=2026-01-05&to=2026-01-12&tz=UTC&limit=500&asOf=${AS_OF}`, { token: tok.b.viewer })).body;
    const repeats = page.items.filter((x: { repeatContact: boolean }) => x.repeatContact);
    const rated = page.items.find((x: { csat: number | null }) => x.csat !== null);
    expect(repeats.length).toBeGreaterThan(0);
    let crossing = 0;
    for (const r of repeats) {
      const inA = (await t.request('GET', `/api/v1/workspaces/a/tickets/${encodeURIComponent(r.id)}`, { token: tok.a.viewer })).body;
      const inB = (await t.request('GET', `/api/v1/workspaces/b/tickets/${encodeURIComponent(r.id)}`, { token: tok.b.viewer })).body;
      expect(inB.ticket.repeatContact).toBe(true);
      // In a, a repeat contact needs a later ticket of the customer within a's own first week.
      const laterInA = inB.repeatContacts.filter((x: { id: string; createdAt: string }) => /^t1-[0-6]-/.test(x.id) && Date.parse(x.createdAt) < Date.parse('2026-01-12T00:00:00Z'));
      if (laterInA.length === 0) {
        expect(inA.ticket.repeatContact).toBe(false);
        crossing++;
      }
    }
    expect(crossing).toBeGreaterThan(0);
    const a = (await t.request('GET', `/api/v1/workspaces/a/tickets/${encodeURIComponent(rated.id)}`, { token: tok.a.viewer })).body;
    expect(a.ticket.csat).toBeNull(); // a got no CSAT answers
    expect(a.events.every((e: { type: string }) => e.type !== 'csat.submitted')).toBe(true);
  });

  /** Every route of a workspace, with the path it is tried at in workspace `ws` (ids are ws's own). */
  const tried = (ws: 'a' | 'b') => ({
    'post /api/v1/events': { path: 'events', body: [] as unknown },
    'get /api/v1/metrics/summary': { path: 'metrics/summary?from=2026-01-05&to=2026-01-12' },
    'get /api/v1/metrics/timeseries': { path: 'metrics/timeseries?from=2026-01-05&to=2026-01-12&interval=day' },
    'get /api/v1/metrics/breakdown': { path: 'metrics/breakdown?from=2026-01-05&to=2026-01-12&by=channel' },
    'get /api/v1/tickets': { path: 'tickets?from=2026-01-05&to=2026-01-12' },
    'get /api/v1/tickets/{id}': { path: 'tickets/t1-0-12' },
    'get /api/v1/status': { path: 'status' },
    'get /api/v1/cost-model': { path: 'cost-model' },
    'get /api/v1/cost-model/history': { path: 'cost-model/history' },
    'put /api/v1/cost-model': { path: 'cost-model', body: { humanHourlyCost: 40 } },
    'get /api/v1/tokens': { path: 'tokens' },
    'post /api/v1/tokens': { path: 'tokens', body: { name: 'x', role: 'viewer' } },
    'delete /api/v1/tokens/{id}': { path: `tokens/${ids[ws].token}` },
    'get /api/v1/alerts': { path: 'alerts' },
    'get /api/v1/alerts/changes': { path: 'alerts/changes?to=2026-02-01' },
    'post /api/v1/alerts/evaluate': { path: `alerts/evaluate?asOf=${AS_OF}` },
    'post /api/v1/alerts/{id}/acknowledge': { path: `alerts/${ids[ws].alert}/acknowledge` },
    'post /api/v1/alerts/{id}/snooze': { path: `alerts/${ids[ws].alert}/snooze`, body: { hours: 1 } },
    'post /api/v1/alerts/{id}/resolve': { path: `alerts/${ids[ws].alert}/resolve` },
    'get /api/v1/claims': { path: 'claims' },
    'post /api/v1/claims': { path: 'claims', body: claim('new') },
    'get /api/v1/claims/{id}': { path: `claims/${ids[ws].claim}` },
    'put /api/v1/claims/{id}': { path: `claims/${ids[ws].claim}`, body: claim(`claim of ${ws}, edited`) },
    'get /api/v1/claims/{id}/versions': { path: `claims/${ids[ws].claim}/versions` },
    'post /api/v1/claims/{id}/vendor-export': { path: `claims/${ids[ws].claim}/vendor-export?preset=generic`, raw: 'id,date,type,amount\nt1-0-12,2026-01-05,resolved,1' },
    'get /api/v1/claims/{id}/vendor-export': { path: `claims/${ids[ws].claim}/vendor-export` },
    'delete /api/v1/claims/{id}': { path: `claims/${ids[ws].claim}` },
    'get /api/v1/imports': { path: 'imports' },
    'post /api/v1/imports': { path: 'imports' },
    'get /api/v1/imports/{id}': { path: 'imports/00000000-0000-4000-8000-000000000000' },
    'get /api/v1/workspaces/{slug}': { path: '', slugRoute: true },
    'patch /api/v1/workspaces/{slug}': { path: '', slugRoute: true, body: { name: `Brand ${ws.toUpperCase()}` } },
  });

  it('every route is either a workspace route tried below or an instance route', () => {
    const listed = new Set([...Object.keys(tried('a')), ...INSTANCE_ROUTES]);
    expect(routes().map((r) => `${r.method} ${r.path}`).filter((r) => !listed.has(r))).toEqual([]);
  });

  it("every workspace route: another workspace's token gets 404, worded as for no workspace at all", async () => {
    const failures: string[] = [];
    for (const [route, c] of Object.entries(tried('b')) as [string, { path: string; body?: unknown; raw?: string; slugRoute?: boolean }][]) {
      const method = route.split(' ')[0].toUpperCase();
      const send = (url: string, token: string) =>
        t.request(method, url, { token, ...(c.raw !== undefined ? { raw: c.raw, contentType: 'text/csv' } : c.body !== undefined ? { body: c.body } : {}) });
      const at = (slug: string) => (c.slugRoute ? `/api/v1/workspaces/${slug}` : `/api/v1/workspaces/${slug}/${c.path}`);
      for (const token of [tok.a.admin, tok.a.viewer, tok.a.ingest]) {
        const cross = await send(at('b'), token);
        const none = await send(at('no-such-workspace'), token);
        if (cross.status !== 404) failures.push(`${route} with a's token on b: ${cross.status}`);
        if (cross.body?.message !== 'workspace "b" not found' || none.body?.message !== 'workspace "no-such-workspace" not found') failures.push(`${route}: ${cross.body?.message} / ${none.body?.message}`);
        // The default workspace's routes (no slug) are not a's either.
        if (!c.slugRoute) {
          const plain = await send(`/api/v1/${c.path}`, token);
          if (plain.status !== 404) failures.push(`${route} with a's token without a slug: ${plain.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing of b changed.
    expect((await t.request('GET', `/api/v1/workspaces/b/claims/${ids.b.claim}`, { token: tok.b.viewer })).body.version).toBe(1);
    expect((await t.request('GET', `/api/v1/workspaces/b/alerts`, { token: tok.b.viewer })).body.map((x: { state: string }) => x.state)).toEqual(['open']);
    expect((await t.request('GET', '/api/v1/workspaces/b/cost-model', { token: tok.b.viewer })).body.humanHourlyCost).toBe(32);
    expect((await t.request('GET', '/api/v1/workspaces/b/tokens', { token: tok.b.admin })).body.every((x: { revokedAt: string | null }) => x.revokedAt === null)).toBe(true);
    expect((await t.request('GET', '/api/v1/workspaces/b', { token: tok.b.viewer })).body.name).toBe('Brand B');
  });

  it("a's ids in a's URL with b's ids: b's objects are not found from a, and lists hold only a's own", async () => {
    const a = (p: string, method = 'GET', body?: unknown) => t.request(method, `/api/v1/workspaces/a/${p}`, { token: tok.a.admin, ...(body ? { body } : {}) });
    expect((await a(`claims/${ids.b.claim}`)).status).toBe(404);
    expect((await a(`claims/${ids.b.claim}`, 'PUT', claim('taken over'))).status).toBe(404);
    expect((await a(`alerts/${ids.b.alert}/resolve`, 'POST')).status).toBe(404);
    expect((await a(`tokens/${ids.b.token}`, 'DELETE')).status).toBe(404);
    expect((await a('claims')).body.map((x: { title: string }) => x.title)).toEqual(['claim of a']);
    expect((await a('alerts')).body.map((x: { id: string }) => x.id)).toEqual([ids.a.alert]);
    expect((await a('tokens')).body.map((x: { name: string }) => x.name).sort()).toEqual(['a admin', 'a ingest', 'a viewer', 'spare']);
    // The token list of the default workspace holds none of them.
    expect((await t.request('GET', '/api/v1/tokens')).body).toEqual([]);
    // Changes a makes stay in a.
    expect((await a('cost-model', 'PUT', { humanHourlyCost: 50 })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/workspaces/b/cost-model', { token: tok.b.viewer })).body.humanHourlyCost).toBe(32);
    expect((await a(`alerts/${ids.a.alert}/acknowledge`, 'POST')).status).toBe(200);
    expect((await t.request('GET', `/api/v1/workspaces/b/alerts`, { token: tok.b.viewer })).body[0].state).toBe('open');
  });

  it('tokens: a workspace token lists only its own workspace and cannot create one; the instance admin sees all', async () => {
    expect((await t.request('GET', '/api/v1/workspaces', { token: tok.a.viewer })).body.map((w: { slug: string }) => w.slug)).toEqual(['a']);
    expect((await t.request('GET', '/api/v1/me', { token: tok.a.viewer })).body).toEqual({ role: 'viewer', name: 'a viewer', workspace: 'a' });
    expect((await t.request('POST', '/api/v1/workspaces', { token: tok.a.admin, body: { slug: 'c', name: 'C' } })).status).toBe(403);
    const all = (await t.request('GET', '/api/v1/workspaces')).body;
    expect(all.map((w: { slug: string; hasData: boolean; currency: string; alertWebhook: string }) => [w.slug, w.hasData, w.currency, w.alertWebhook])).toEqual([
      ['default', false, 'USD', 'none'],
      ['a', true, 'EUR', 'none'],
      ['b', true, 'EUR', 'none'],
    ]);
    const plain = await t.request('GET', '/api/v1/metrics/summary?from=2026-01-05&to=2026-01-12', { token: tok.a.viewer });
    expect(plain).toMatchObject({ status: 404, body: { message: 'this token belongs to workspace "a": use /api/v1/workspaces/a/...' } });
  });

  it('creating and changing workspaces: slugs, zones and floors are checked; a taken slug is a 409', async () => {
    const bad = await t.request('POST', '/api/v1/workspaces', { body: { slug: 'Not OK', name: '', timeZone: 'Mars/Base', currency: 'euro' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^slug: /), expect.stringMatching(/^name: /), expect.stringMatching(/^timeZone: /), expect.stringMatching(/^currency: /)]),
    );
    expect((await t.request('POST', '/api/v1/workspaces', { body: { slug: 'a', name: 'again' } })).status).toBe(409);
    const changed = await t.request('PATCH', '/api/v1/workspaces/a', { token: tok.a.admin, body: { timeZone: 'America/New_York', alertFloors: { ratePoints: 5, handlePercent: 20, handleSeconds: 45 } } });
    expect(changed.body).toMatchObject({ timeZone: 'America/New_York', ownTimeZone: true, alertFloors: { ratePoints: 5, handlePercent: 20, handleSeconds: 45 } });
    // Its own alert webhook: checked, and never shown back (a Slack URL carries a token).
    expect((await t.request('PATCH', '/api/v1/workspaces/a', { token: tok.a.admin, body: { alertWebhookUrl: 'ftp://hooks.example.com/x' } })).body.message).toEqual(['alertWebhookUrl: must be an http:// or https:// URL']);
    expect((await t.request('GET', '/api/v1/workspaces/a', { token: tok.a.viewer })).body.alertWebhook).toBe('none');
    // Nor inside the network: the server, not the admin, would make the request (server-side request forgery).
    for (const url of ['http://169.254.169.254/latest/meta-data/iam', 'http://127.0.0.1:39999/probe', 'http://[::1]/x', 'http://localhost:8080/x']) {
      const r = await t.request('PATCH', '/api/v1/workspaces/a', { token: tok.a.admin, body: { alertWebhookUrl: url } });
      expect([url, r.status, r.body.message]).toEqual([url, 400, ['alertWebhookUrl: points at a private, loopback or link-local address (an operator may allow that with ALLOW_PRIVATE_WEBHOOKS=true)']]);
    }
    expect((await t.request('GET', '/api/v1/workspaces/a', { token: tok.a.viewer })).body.alertWebhook).toBe('none');
    const hooked = await t.request('PATCH', '/api/v1/workspaces/a', { token: tok.a.admin, body: { alertWebhookUrl: 'https://hooks.example.com/services/T0/B0/secret-part' } });
    expect(hooked.body.alertWebhook).toBe('own');
    expect(hooked.text).not.toContain('secret-part');
    // A viewer cannot change it; its zone's rollups are built in the background (reads stay exact meanwhile).
    expect((await t.request('PATCH', '/api/v1/workspaces/a', { token: tok.a.viewer, body: { name: 'x' } })).status).toBe(403);
    await t.projected();
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM rollup_zones z JOIN workspaces w ON w.id = z.workspace_id WHERE w.slug = 'a' AND z.zone = 'America/New_York'`);
    expect(n).toBe(1);
  });

  it("every workspace route works for the workspace's own admin token at its own URL (last: it deletes and revokes)", async () => {
    const failures: string[] = [];
    for (const [route, c] of Object.entries(tried('a')) as [string, { path: string; body?: unknown; raw?: string; slugRoute?: boolean }][]) {
      const method = route.split(' ')[0].toUpperCase();
      const url = c.slugRoute ? '/api/v1/workspaces/a' : `/api/v1/workspaces/a/${c.path}`;
      const r = await t.request(method, url, { token: tok.a.admin, ...(c.raw !== undefined ? { raw: c.raw, contentType: 'text/csv' } : c.body !== undefined ? { body: c.body } : {}) });
      // An import id nobody started is unknown in any workspace; an upload without a file is a 400.
      const fine = route === 'get /api/v1/imports/{id}' ? r.status === 404 : route === 'post /api/v1/imports' ? r.status === 400 : r.status < 300;
      if (!fine) failures.push(`${route}: ${r.status} ${JSON.stringify(r.body?.message)}`);
    }
    expect(failures).toEqual([]);
  });
});
