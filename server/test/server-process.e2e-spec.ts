// The built server exactly as `npm start` runs it (no DATABASE_URL): embedded PostgreSQL under
// DATA_DIR, generated admin token, demo story in an empty database, data kept across restarts,
// no postgres left behind on SIGTERM, and recovery after the server was killed outright.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataStatus } from '../src/contract/api-types';
import { Running, alive, startServer, stopServer as stop, until } from './server-process';
import { expected, fixtureLines } from './test-app';

const start = (dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> => startServer({ DATA_DIR: dataDir, ...extraEnv });

const isJsonObject = (line: string) => {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
};

const postgresPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('the server process (npm start)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-e2e-'));
  beforeAll(() => fs.chmodSync(dataDir, 0o755));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an embedded database, seeds the demo, restarts with its data, recovers from a kill', async () => {
    // First start: empty database, small demo story so the test stays quick.
    let r = await start(dataDir, { DEMO_DAYS: '12', DEMO_PER_DAY: '25' });
    const token = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
    expect(token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    // Logs collected as JSON lines name the token's file, never the token (a secret in a log pipeline).
    expect(r.out()).not.toContain(token);
    expect(r.out()).toContain(path.join(dataDir, 'admin-token'));
    expect(r.out()).toContain(`http://localhost:${r.port}`);
    expect(r.out()).toMatch(/Loading demo events/);
    expect(r.out()).not.toMatch(/postgres:\/\/postgres:[^@]+@/); // the database password never shows

    const auth = { authorization: `Bearer ${token}` };
    // The demo story has a workspace of its own; the default workspace is left empty for the user's data.
    const status = async (port: number, ws = 'demo'): Promise<DataStatus> => (await fetch(`http://127.0.0.1:${port}/api/v1/workspaces/${ws}/status`, { headers: auth })).json() as Promise<DataStatus>;
    expect(await status(r.port, 'default')).toMatchObject({ events: 0, tickets: 0 });
    const before = await status(r.port);
    // 12 days x 25 tickets, plus the story's repeat-contact follow-ups.
    expect(before.tickets).toBeGreaterThanOrEqual(12 * 25);
    expect(before.events).toBeGreaterThan(before.tickets * 4);

    const pgPid = postgresPid(dataDir);
    expect(await stop(r, 'SIGTERM')).toBe(0);
    expect(alive(pgPid)).toBe(false);

    // Second start, on a terminal's readable lines: same data, no second demo load, the same token
    // printed for the person who started it.
    r = await start(dataDir, { DEMO_DAYS: '12', DEMO_PER_DAY: '25', LOG_FORMAT: 'pretty' });
    expect(r.out()).not.toMatch(/Loading demo events/);
    expect(r.out()).toContain(token);
    expect(await status(r.port)).toMatchObject({ events: before.events, tickets: before.tickets });

    // Killed outright: postgres is orphaned; the next start must clear it and come up.
    const orphan = postgresPid(dataDir);
    await stop(r, 'SIGKILL');
    r = await start(dataDir);
    expect(alive(orphan)).toBe(false);
    expect((await status(r.port)).events).toBe(before.events);

    // The database killed under a running server: it is started again by itself, nothing is lost.
    const killed = postgresPid(dataDir);
    process.kill(killed, 'SIGKILL');
    await until('the restart', () => (/The embedded PostgreSQL is running again/.test(r.out()) ? true : undefined), 60_000);
    expect(r.out()).toMatch(/The embedded PostgreSQL stopped without being asked to \(SIGKILL\); starting it again/);
    await until('the database to answer', async () => ((await fetch(`http://127.0.0.1:${r.port}/api/health`)).status === 200 ? true : undefined), 30_000);
    expect(postgresPid(dataDir)).not.toBe(killed);
    expect((await status(r.port)).events).toBe(before.events);
    const last = postgresPid(dataDir);
    expect(await stop(r, 'SIGTERM')).toBe(0);
    expect(alive(last)).toBe(false);
  }, 240_000);

  it('SIGTERM while an ingest request is in flight: the request finishes, its events are kept, then the server stops; a stopped copy restores', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-drain-'));
    const copy = `${dir}-restored`;
    fs.chmodSync(dir, 0o755);
    const token = 'drain-test-admin-token-0123456789';
    const env = { DATA_DIR: dir, SEED_DEMO: 'false', ADMIN_TOKEN: token, LOG_FORMAT: 'json' };
    try {
      let r = await startServer(env);
      const body = Buffer.from(fixtureLines().join('\n'));
      // Half the body now, SIGTERM, the other half later: the request is in flight throughout.
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${r.base}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson', 'content-length': body.length } }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write(body.subarray(0, body.length / 2));
        setTimeout(() => {
          r.proc.kill('SIGTERM');
          setTimeout(() => req.end(body.subarray(body.length / 2)), 700);
        }, 300);
      });
      const exited = new Promise<number | null>((resolve) => r.proc.once('exit', resolve));
      const res = await answer;
      expect(res.status).toBe(207); // the fixture holds 10 invalid events
      expect(JSON.parse(res.body)).toMatchObject({ accepted: expected().ingest.accepted, duplicates: expected().ingest.duplicates });
      expect(await exited).toBe(0);
      expect(r.out()).toMatch(/SIGTERM: finishing requests in flight/);
      // Every line the server wrote is one JSON object.
      const lines = r.out().split('\n').filter((l) => l.trim() !== '');
      expect(lines.length).toBeGreaterThan(3);
      expect(lines.filter((l) => !isJsonObject(l))).toEqual([]);

      r = await startServer(env);
      const status = (await (await fetch(`${r.base}/api/v1/status`, { headers: { authorization: `Bearer ${token}` } })).json()) as DataStatus;
      expect(status.events).toBe(expected().ingest.accepted);
      expect(await stop(r, 'SIGTERM')).toBe(0);

      // The cold backup of docs/OPERATIONS.md: a copy of DATA_DIR taken while stopped (cp -a keeps
      // owners and modes) starts as the same data.
      execFileSync('cp', ['-a', dir, copy]);
      r = await startServer({ ...env, DATA_DIR: copy });
      const restored = (await (await fetch(`${r.base}/api/v1/status`, { headers: { authorization: `Bearer ${token}` } })).json()) as DataStatus;
      expect(restored).toMatchObject({ events: status.events, tickets: status.tickets });
      expect(await stop(r, 'SIGTERM')).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
