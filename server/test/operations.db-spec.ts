// What someone running Claimcheck relies on (issue #10): security headers on every answer, a
// request id in the answer, the error body and the log, Prometheus metrics that count what
// happened, liveness apart from readiness.
import { ADMIN, TestApp, createTestApp, expected, fixtureLines } from './test-app';

/** One sample of a Prometheus exposition text, by metric name and labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const l = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
    if (Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('security headers on API answers, errors and the open routes alike', async () => {
    for (const [url, token] of [['/api/health', null], ['/api/v1/status', ADMIN], ['/api/v1/status', null], ['/api/v1/nope', ADMIN], ['/api/docs-json', null]] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect([url, res.headers['x-content-type-options']]).toEqual([url, 'nosniff']);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(String(res.headers['content-security-policy'])).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('a request id: taken from a sane X-Request-Id, made up otherwise, in the error body', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/status', headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(mine.statusCode).toBe(401);
    expect(mine.headers['x-request-id']).toBe('lb-1234.abc');
    expect(mine.json().requestId).toBe('lb-1234.abc');
    const hostile = await t.app.inject({ method: 'GET', url: '/api/v1/status', headers: { 'x-request-id': 'x"}\n{"level":"fake' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostile.json().requestId).toBe(hostile.headers['x-request-id']);
  });

  it('a line logged while a POST with a body is handled carries that request id', async () => {
    const app = await createTestApp({ logLevel: 'log', logFormat: 'json' });
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    try {
      // The ticket upsert fails for this ticket, as a crash mid-request would: the filter logs it.
      await app.ds.query(`CREATE FUNCTION fail_log() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$ LANGUAGE plpgsql`);
      await app.ds.query(`CREATE TRIGGER fail_log BEFORE INSERT ON ticket_events FOR EACH ROW EXECUTE FUNCTION fail_log()`);
      const raw = JSON.stringify([{ id: 'log-1', type: 'ticket.created', ticketId: 'T-log', occurredAt: '2026-02-01T10:00:00Z', channel: 'chat' }]);
      const res = await app.app.inject({ method: 'POST', url: '/api/v1/events', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', 'x-request-id': 'post-with-body-1' }, payload: raw });
      expect(res.statusCode).toBe(500);
      expect(res.json().requestId).toBe('post-with-body-1');
    } finally {
      spy.mockRestore();
      await app.close();
    }
    const parsed = lines.flatMap((l) => l.split('\n')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const errorLine = parsed.find((l) => l.context === 'Errors');
    expect(errorLine).toMatchObject({ level: 'error', requestId: 'post-with-body-1' });
    expect(errorLine.msg).toMatch(/simulated failure/);
    expect(parsed.find((l) => l.context === 'HTTP')).toMatchObject({ requestId: 'post-with-body-1', status: 500, route: '/api/v1/events' });
  });

  it('liveness never asks the database; readiness does and says why not', async () => {
    const live = await t.request('GET', '/api/health/live', { token: null });
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const ready = await t.request('GET', '/api/health/ready', { token: null });
    expect(ready).toMatchObject({ status: 200, body: { ready: true, database: 'up', shuttingDown: false } });
  });

  it('GET /metrics counts requests by route pattern and ingest by outcome', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const lines = fixtureLines();
    const r = await t.request('POST', '/api/v1/events', { raw: lines.join('\n'), contentType: 'application/x-ndjson' });
    expect(r.status).toBe(207);
    await t.request('GET', '/api/v1/tickets/no-such-ticket');
    await t.request('GET', '/api/v1/tickets/other-missing');
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const after = res.body;
    const delta = (name: string, labels: Record<string, string>) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    // The fixture's own accounting (expected.json), not the answer's: 3,902 accepted, 194 duplicates, 10 rejected.
    const exp = expected().ingest;
    expect(delta('claimcheck_ingest_events_total', { outcome: 'rejected' })).toBe(exp.rejected);
    expect(delta('claimcheck_ingest_events_total', { outcome: 'accepted' })).toBe(exp.accepted);
    expect(delta('claimcheck_ingest_events_total', { outcome: 'duplicate' })).toBe(exp.duplicates);
    // Both 404s under one pattern, never one series per ticket id.
    expect(delta('claimcheck_http_request_duration_seconds_count', { route: '/api/v1/tickets/:id', status: '404' })).toBe(2);
    expect(after).not.toContain('no-such-ticket');
    for (const name of ['claimcheck_db_pool_connections', 'claimcheck_projection_lag_seconds', 'claimcheck_projection_queue_tickets', 'claimcheck_rollup_pending_days', 'claimcheck_projected_tickets_total', 'claimcheck_read_wait_seconds', 'claimcheck_alert_evaluations_total', 'claimcheck_process_resident_memory_bytes']) {
      expect([name, after.includes(`# TYPE ${name}`)]).toEqual([name, true]);
    }
    expect(sample(after, 'claimcheck_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
  });

  it('an alert evaluation is counted with its trigger and outcome', async () => {
    const text = async () => (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const before = sample(await text(), 'claimcheck_alert_evaluations_total', { trigger: 'api', outcome: 'ok' }) ?? 0;
    expect((await t.request('POST', '/api/v1/alerts/evaluate?asOf=2026-03-01T00:00:00Z')).status).toBe(200);
    expect(sample(await text(), 'claimcheck_alert_evaluations_total', { trigger: 'api', outcome: 'ok' })).toBe(before + 1);
  });

  it('METRICS_TOKEN, when set, guards /metrics', async () => {
    const guarded = await createTestApp({ metricsToken: 'metrics-token-0123456789' });
    try {
      expect((await guarded.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await guarded.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(401);
      expect((await guarded.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer metrics-token-0123456789' } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
