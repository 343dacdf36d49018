// The built server exactly as `npm start` runs it (no DATABASE_URL): embedded PostgreSQL under
// DATA_DIR, generated admin token, demo story in an empty database, data kept across restarts,
// no postgres left behind on SIGTERM, and recovery after the server was killed outright.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataStatus } from '../src/contract/api-types';

const MAIN = path.join(__dirname, '..', 'dist', 'server', 'src', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
async function until<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Running {
  proc: ChildProcess;
  out: () => string;
  port: number;
}

async function start(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1', ...extraEnv };
  delete env.DATABASE_URL;
  delete env.ADMIN_TOKEN;
  const proc = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  await until(`the server on port ${port} (output so far: ${out.slice(-500)})`, async () => {
    if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    return ok ? true : undefined;
  }, 110_000);
  return { proc, out: () => out, port };
}

function stop(r: Running, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    r.proc.once('exit', (code) => resolve(code));
    r.proc.kill(signal);
  });
}

const postgresPid = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('the server process (npm start)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-e2e-'));
  beforeAll(() => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: the server's test script builds it first (npm test)`);
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an embedded database, seeds the demo, restarts with its data, recovers from a kill', async () => {
    // First start: empty database, small demo story so the test stays quick.
    let r = await start(dataDir, { DEMO_DAYS: '12', DEMO_PER_DAY: '25' });
    const token = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
    expect(token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    expect(r.out()).toContain(token); // printed once at start-up, with the dashboard URL
    expect(r.out()).toContain(`http://localhost:${r.port}`);
    expect(r.out()).toMatch(/Loading demo events/);
    expect(r.out()).not.toMatch(/postgres:\/\/postgres:[^@]+@/); // the database password never shows

    const auth = { authorization: `Bearer ${token}` };
    const status = async (port: number): Promise<DataStatus> => (await fetch(`http://127.0.0.1:${port}/api/v1/status`, { headers: auth })).json() as Promise<DataStatus>;
    const before = await status(r.port);
    // 12 days x 25 tickets, plus the story's repeat-contact follow-ups.
    expect(before.tickets).toBeGreaterThanOrEqual(12 * 25);
    expect(before.events).toBeGreaterThan(before.tickets * 4);

    const pgPid = postgresPid(dataDir);
    expect(await stop(r, 'SIGTERM')).toBe(0);
    expect(alive(pgPid)).toBe(false);

    // Second start: same data, no second demo load, same token.
    r = await start(dataDir, { DEMO_DAYS: '12', DEMO_PER_DAY: '25' });
    expect(r.out()).not.toMatch(/Loading demo events/);
    expect(await status(r.port)).toMatchObject({ events: before.events, tickets: before.tickets });

    // Killed outright: postgres is orphaned; the next start must clear it and come up.
    const orphan = postgresPid(dataDir);
    await stop(r, 'SIGKILL');
    r = await start(dataDir);
    expect(alive(orphan)).toBe(false);
    expect((await status(r.port)).events).toBe(before.events);
    const last = postgresPid(dataDir);
    expect(await stop(r, 'SIGTERM')).toBe(0);
    expect(alive(last)).toBe(false);
  }, 240_000);
});
