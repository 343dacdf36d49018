// CONTRACT.md §4: roles ingest/viewer/admin, tokens stored hashed, ADMIN_TOKEN bootstrap.
import { createHash } from 'node:crypto';
import { ADMIN, TestApp, createTestApp } from './test-app';

const event = { id: 'e1', type: 'ticket.created', ticketId: 't1', occurredAt: '2026-01-05T10:00:00Z', channel: 'chat' };
const routes = {
  ingest: ['POST', '/api/v1/events', [event]],
  summary: ['GET', '/api/v1/metrics/summary?from=2026-01-01&to=2026-02-01', undefined],
  status: ['GET', '/api/v1/status', undefined],
  costModel: ['GET', '/api/v1/cost-model', undefined],
  updateCostModel: ['PUT', '/api/v1/cost-model', { humanHourlyCost: 40 }],
  listTokens: ['GET', '/api/v1/tokens', undefined],
  createToken: ['POST', '/api/v1/tokens', { name: 'n', role: 'viewer' }],
  me: ['GET', '/api/v1/me', undefined],
} as const;
type Route = keyof typeof routes;

// What each role may do (by hand, from §4): ingest posts events only; viewer reads; admin all.
const allowed: Record<'ingest' | 'viewer' | 'admin', Route[]> = {
  ingest: ['ingest', 'me'],
  viewer: ['summary', 'status', 'costModel', 'me'],
  admin: Object.keys(routes) as Route[],
};

describe('access', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['ingest', 'viewer'] as const) {
      const res = await t.request('POST', '/api/v1/tokens', { body: { name: `${role} bot`, role } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ role, name: `${role} bot`, revokedAt: null });
      tokens[role] = res.body.token;
    }
    tokens.admin = ADMIN;
  });
  afterAll(async () => t.close());

  const call = (route: Route, token: string | null) => {
    const [method, url, body] = routes[route];
    return t.request(method, url, { token, body });
  };

  it.each(Object.keys(routes) as Route[])('%s: 401 without a token, with an unknown one, or a malformed header', async (route) => {
    for (const token of [null, 'cc_not-a-real-token']) {
      const res = await call(route, token);
      expect(res.status).toBe(401);
    }
    const [method, url] = routes[route];
    const res = await t.app.inject({ method: method as 'GET', url, headers: { authorization: `Basic ${ADMIN}` } });
    expect(res.statusCode).toBe(401);
  });

  it.each(['ingest', 'viewer', 'admin'] as const)('the %s role: allowed routes pass, the others are 403', async (role) => {
    for (const route of Object.keys(routes) as Route[]) {
      const res = await call(route, tokens[role]);
      if (allowed[role].includes(route)) expect({ route, ok: [200, 201].includes(res.status) }).toEqual({ route, ok: true });
      else {
        expect({ route, status: res.status }).toEqual({ route, status: 403 });
        expect(res.body.message).toMatch(new RegExp(`a ${role} token cannot do this`));
      }
    }
  });

  it('stores only hashes, lists tokens without secrets, and revokes', async () => {
    const created = await t.request('POST', '/api/v1/tokens', { body: { name: 'temp', role: 'viewer' } });
    const secret: string = created.body.token;
    const rows: { token_hash: string }[] = await t.ds.query('SELECT token_hash FROM api_tokens');
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);

    const list = await t.request('GET', '/api/v1/tokens');
    const names: string[] = list.body.map((x: { name: string }) => x.name);
    expect(names.filter((n) => ['ingest bot', 'viewer bot', 'temp'].includes(n))).toEqual(['ingest bot', 'viewer bot', 'temp']);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    expect((await t.request('GET', '/api/v1/me', { token: secret })).body).toEqual({ role: 'viewer', name: 'temp', workspace: 'default' });
    const revoked = await t.request('DELETE', `/api/v1/tokens/${created.body.id}`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await t.request('GET', '/api/v1/me', { token: secret })).status).toBe(401);
  });

  it('validates token creation', async () => {
    const res = await t.request('POST', '/api/v1/tokens', { body: { name: '', role: 'owner' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.arrayContaining(['name: must be 1 to 100 characters long', 'role: must be one of ingest, viewer, admin']));
    expect((await t.request('DELETE', '/api/v1/tokens/not-a-uuid')).status).toBe(400);
    expect((await t.request('DELETE', '/api/v1/tokens/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('health is open', async () => {
    const res = await t.request('GET', '/api/health', { token: null });
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });
  });
});
