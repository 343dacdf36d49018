// The built server as a child process (what `npm start` runs), for the e2e tests.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const MAIN = path.join(__dirname, '..', 'dist', 'server', 'src', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function until<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Running {
  proc: ChildProcess;
  out: () => string;
  port: number;
  base: string;
}

/** Starts the built server with `env` on top of this process's (no DATABASE_URL/ADMIN_TOKEN unless given). */
export async function startServer(env: Record<string, string>): Promise<Running> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: the server's test script builds it first (npm test)`);
  const port = await freePort();
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  delete full.DATABASE_URL;
  delete full.ADMIN_TOKEN;
  Object.assign(full, env);
  const proc = spawn(process.execPath, [MAIN], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  await until(`the server on port ${port} (output so far: ${out.slice(-500)})`, async () => {
    if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    return ok ? true : undefined;
  }, 110_000);
  return { proc, out: () => out, port, base: `http://127.0.0.1:${port}` };
}

export function stopServer(r: Running, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (r.proc.exitCode !== null) return resolve(r.proc.exitCode);
    r.proc.once('exit', (code) => resolve(code));
    r.proc.kill(signal);
  });
}
