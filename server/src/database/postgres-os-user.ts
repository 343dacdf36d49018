// Where the embedded PostgreSQL can run when the server runs as root. PostgreSQL refuses to run
// as root, so it runs as the OS user `postgres`; that user must be able to reach its binaries and
// its data folder. A clone under /root or any 0700 folder is out of its reach: the binaries are then
// copied to /var/cache/claimcheck and the cluster lives under /var/lib/claimcheck, named in
// DATA_DIR/pg-location (docs/OPERATIONS.md). Root writes files here, so every folder it writes in
// must be one that nobody else can redirect with a symlink.
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A failure the user can act on: printed as one line, never with a stack trace. */
export class EmbeddedDatabaseError extends Error {}

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

export const SHARED_CACHE = '/var/cache/claimcheck';
export const SHARED_CLUSTERS = '/var/lib/claimcheck';

function idOf(name: string): OsUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
  } catch {
    return null;
  }
}

/** The OS user `postgres`, created (as a system user without a login) when it does not exist. */
export function ensurePostgresUser(log: (m: string) => void): OsUser {
  const existing = idOf('postgres');
  if (existing) return existing;
  log('Creating the OS user "postgres" to run the embedded PostgreSQL (it refuses to run as root)');
  const r = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' });
  const created = idOf('postgres');
  if (!created) {
    throw new EmbeddedDatabaseError(
      `Running as root, the embedded PostgreSQL needs an OS user "postgres" and useradd failed (${(r.error?.message ?? r.stderr ?? '').trim() || `exit ${r.status}`}). ` +
        'Create that user, run Claimcheck as a normal user, or set DATABASE_URL.',
    );
  }
  return created;
}

/** Whether `user` can do `test <flag> target` (with every folder above it). */
export function reachableBy(user: OsUser, flag: '-x' | '-w' | '-r', target: string): boolean {
  const r = spawnSync('/bin/sh', ['-c', `test ${flag} "$0"`, target], { uid: user.uid, gid: user.gid, stdio: 'ignore', env: { PATH: '/usr/bin:/bin' } });
  return r.status === 0;
}

/** Why root must not write in `dir`, or null: it must be a real folder only root can write to. */
export function rootUnsafeFolder(dir: string): string | null {
  const st = fs.lstatSync(dir);
  if (st.isSymbolicLink() || !st.isDirectory()) return 'is not a folder (a symlink?)';
  if (st.uid !== 0) return `is owned by uid ${st.uid}, not root`;
  if ((st.mode & 0o022) !== 0) return `can be written by others (mode ${(st.mode & 0o777).toString(8)})`;
  return null;
}

/**
 * As root, DATA_DIR holds files root writes (the database password, pg-location): a folder another
 * user can write to could redirect them with a symlink, so it is refused.
 */
export function assertSafeDataDir(dataDir: string): void {
  const problem = rootUnsafeFolder(dataDir);
  if (problem) {
    throw new EmbeddedDatabaseError(
      `As root, DATA_DIR (${dataDir}) must be a folder only root can write to, and it ${problem}. ` +
        `Run Claimcheck as the user who owns it, or set DATA_DIR to a folder of root's.`,
    );
  }
}

/** A root-owned folder, readable by everyone, that `user` can reach; made when missing. */
function sharedFolder(dir: string, user: OsUser, what: string): string {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o755); // whatever the umask
    const problem = rootUnsafeFolder(dir);
    if (problem) throw new EmbeddedDatabaseError(`${dir} ${problem}`);
    if (!reachableBy(user, '-x', dir)) throw new EmbeddedDatabaseError(`the OS user "postgres" cannot reach ${dir}`);
    return dir;
  } catch (e) {
    const why = e instanceof EmbeddedDatabaseError ? e.message : `${dir} could not be made (${(e as Error).message})`;
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL runs as the OS user "postgres", which cannot reach ${what}, and ${why}. ` +
        'Clone Claimcheck into a folder that user can reach (e.g. /opt or /srv), run it as a normal user, or set DATABASE_URL.',
    );
  }
}

/**
 * The PostgreSQL folder (bin/, lib/, share/) where `user` can run it: `nativeDir` itself when
 * reachable, else a copy in /var/cache/claimcheck (copied once per version, atomically).
 */
export function reachableBinaries(nativeDir: string, version: string, user: OsUser, log: (m: string) => void): string {
  if (reachableBy(user, '-x', path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const root = sharedFolder(SHARED_CACHE, user, nativeDir);
  const target = path.join(root, `postgresql-${version}-${process.platform}-${process.arch}`);
  if (fs.existsSync(path.join(target, '.complete'))) return target;
  log(`The OS user "postgres" cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}`);
  const tmp = `${target}.tmp-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
  chmodTree(tmp);
  fs.writeFileSync(path.join(tmp, '.complete'), `${version}\n`, { mode: 0o644 });
  try {
    fs.renameSync(tmp, target);
  } catch {
    // Another start finished the same copy first (rename fails on a non-empty target): use it.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(target, '.complete'))) throw new EmbeddedDatabaseError(`Could not copy the PostgreSQL binaries to ${target}`);
  return target;
}

/** Folders 755, files readable by everyone (and executables executable), as npm installed them. */
function chmodTree(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) chmodTree(p);
    else fs.chmodSync(p, fs.statSync(p).mode & 0o100 ? 0o755 : 0o644);
  }
}

const LOCATION = /^\/var\/lib\/claimcheck\/[0-9a-f]{16}\/pg$/;

/**
 * The folder that holds the cluster (`<it>/pg`). DATA_DIR/pg-location, when present, decides (a
 * cluster made earlier under /var/lib/claimcheck; it goes with DATA_DIR when that is moved or
 * restored). Otherwise DATA_DIR itself when `user` can reach it, else a new folder under
 * /var/lib/claimcheck, recorded in pg-location.
 */
export function clusterParent(dataDir: string, user: OsUser, log: (m: string) => void): string {
  const locationFile = path.join(dataDir, 'pg-location');
  if (fs.existsSync(locationFile)) {
    const pgDir = fs.readFileSync(locationFile, 'utf8').trim();
    if (!LOCATION.test(pgDir)) throw new EmbeddedDatabaseError(`${locationFile} names ${JSON.stringify(pgDir.slice(0, 100))}, not a cluster under ${SHARED_CLUSTERS}; fix or delete it.`);
    // No cluster, but its folder from an interrupted first start: initialise it there.
    const interrupted = fs.existsSync(path.join(path.dirname(pgDir), 'data-dir'));
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION')) && !interrupted) {
      throw new EmbeddedDatabaseError(
        `${locationFile} names the database ${pgDir}, which is missing. Restore it (docs/OPERATIONS.md, back-up and restore), ` +
          'or delete pg-location to start with an empty database.',
      );
    }
    log(`The embedded database lives in ${pgDir} (${locationFile})`);
    return path.dirname(pgDir);
  }
  if (reachableBy(user, '-x', dataDir)) return dataDir;
  const root = sharedFolder(SHARED_CLUSTERS, user, dataDir);
  const parent = path.join(root, crypto.randomBytes(8).toString('hex'));
  fs.mkdirSync(parent);
  fs.chmodSync(parent, 0o755);
  fs.writeFileSync(path.join(parent, 'data-dir'), `${fs.realpathSync(dataDir)}\n`, { mode: 0o644 });
  fs.writeFileSync(locationFile, `${path.join(parent, 'pg')}\n`, { mode: 0o644 });
  log(`The OS user "postgres" cannot reach ${dataDir}; the embedded database lives in ${path.join(parent, 'pg')} (named in ${locationFile})`);
  return parent;
}
