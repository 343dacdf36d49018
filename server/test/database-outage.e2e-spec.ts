// The database stops for a few seconds while three clients ingest (issue #10): every answer is a
// 2xx or a 503 with Retry-After, the server recovers by itself, and after the clients resend what
// got a 503 (and then everything once more, at-least-once) the numbers are the contract's.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { Running, startServer, stopServer } from './server-process';
import { expected, fixtureLines, mismatches, summaryUrl } from './test-app';

const TOKEN = 'outage-test-admin-token-0123456789';

describe('a database outage under ingest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-outage-'));
  let db: EmbeddedDatabase;
  let server: Running;
  beforeAll(async () => {
    fs.chmodSync(dir, 0o755);
    db = await startEmbeddedPostgres(dir);
    server = await startServer({ DATABASE_URL: db.url, ADMIN_TOKEN: TOKEN, LOG_FORMAT: 'json', ALERTS_EVERY_MINUTES: '0', ALERTS_AFTER_INGEST_SECONDS: '5', ROLLUPS_AFTER_INGEST_SECONDS: '1' });
  }, 120_000);
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGTERM');
    await db?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, url: string, body?: string) => {
    const res = await fetch(`${server.base}${url}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' }, body });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
  };

  it('answers 2xx or 503 + Retry-After, recovers without a restart, and loses or doubles nothing', async () => {
    const lines = fixtureLines();
    const batches: string[] = [];
    for (let i = 0; i < lines.length; i += 60) batches.push(lines.slice(i, i + 60).join('\n'));
    const queue = [...batches];
    const answers: { status: number; retryAfter: string | null }[] = [];
    let sent = 0;
    let outage: Promise<void> | null = null;
    let restartedAt = 0;
    let recoveredAt = 0;
    const during: { status: number; retryAfter: string | null; what: string }[] = [];

    const client = async () => {
      for (;;) {
        const batch = queue.shift();
        if (batch === undefined) {
          if (outage) await outage; // the outage may still send work back
          if (queue.length === 0) return;
          continue;
        }
        const r = await call('POST', '/api/v1/events', batch).catch(() => ({ status: 0, retryAfter: null, body: '' }));
        answers.push(r);
        if (restartedAt && !recoveredAt && r.status < 300) recoveredAt = Date.now();
        if (r.status === 503) {
          queue.push(batch); // resend later, as Retry-After asks (shortened for the test)
          await new Promise((res) => setTimeout(res, 250));
        }
        if (++sent === 15) {
          outage = (async () => {
            await db.stop(); // fast shutdown: sessions are terminated mid-transaction
            await new Promise((res) => setTimeout(res, 500));
            for (const [what, method, url, body] of [
              ['ingest', 'POST', '/api/v1/events', batches[0]],
              ['summary', 'GET', summaryUrl(expected().cases[0].query)],
              ['tickets', 'GET', '/api/v1/tickets?from=2026-01-01&to=2026-03-01'],
              ['readiness', 'GET', '/api/health/ready'],
              ['health', 'GET', '/api/health'],
            ] as const) {
              const r2 = await call(method, url, body);
              during.push({ what, status: r2.status, retryAfter: r2.retryAfter });
            }
            await new Promise((res) => setTimeout(res, 2500));
            db = await startEmbeddedPostgres(dir, { port: db.port });
            restartedAt = Date.now();
          })();
        }
      }
    };
    await Promise.all([client(), client(), client()]);
    await outage;

    // During the outage every kind of request said 503 and when to come back.
    expect(during.map((d) => [d.what, d.status, d.retryAfter])).toEqual([
      ['ingest', 503, '5'],
      ['summary', 503, '5'],
      ['tickets', 503, '5'],
      ['readiness', 503, '5'],
      ['health', 503, '5'],
    ]);
    // Every answer a client got was a 2xx or a 503 with Retry-After; no 500, no dropped connection.
    const bad = answers.filter((a) => !(a.status === 200 || a.status === 207 || (a.status === 503 && a.retryAfter === '5')));
    const errorLines = server.out().split('\n').filter((l) => l.includes('"level":"error"'));
    expect({ bad, errorLines }).toEqual({ bad: [], errorLines: [] });
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    console.log(`outage: ${answers.length} ingest answers, ${answers.filter((a) => a.status === 503).length} of them 503; first 2xx ${recoveredAt - restartedAt} ms after the database was back`);

    // At-least-once: everything once more. All of it is already there.
    let again = { accepted: 0, duplicates: 0, rejected: 0 };
    for (const b of batches) {
      const r = await call('POST', '/api/v1/events', b);
      expect(r.status).toBeLessThan(300);
      const j = JSON.parse(r.body);
      again = { accepted: again.accepted + j.accepted, duplicates: again.duplicates + j.duplicates, rejected: again.rejected + j.rejected.length };
    }
    const exp = expected();
    expect(again).toEqual({ accepted: 0, duplicates: exp.ingest.accepted + exp.ingest.duplicates, rejected: exp.ingest.rejected });
    const status = JSON.parse((await call('GET', '/api/v1/status')).body);
    expect(status.events).toBe(exp.ingest.accepted);

    // The numbers are the contract's expected summaries, to 1e-6.
    for (const c of exp.cases) {
      const r = await call('GET', summaryUrl(c.query));
      expect(r.status).toBe(200);
      expect(mismatches(c.summary, JSON.parse(r.body))).toEqual([]);
    }
    // The server logged the outage as such, never as a 500.
    expect(server.out()).toMatch(/database unavailable/);
    expect(server.out()).not.toMatch(/"status":500/);
  }, 180_000);
});
