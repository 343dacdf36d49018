// Where the embedded PostgreSQL can run when the server runs as root. PostgreSQL refuses to run
// as root, so it runs as the OS user `postgres`; that user must be able to reach its binaries and
// its data folder. A clone under /root or any 0700 folder is out of its reach: the binaries are then
// copied to a shared cache and the cluster lives under /var/lib/claimcheck (docs/OPERATIONS.md).
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A failure the user can act on: printed as one line, never with a stack trace. */
export class EmbeddedDatabaseError extends Error {}

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

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
  const r = spawnSync('/bin/sh', ['-c', `test ${flag} "$0"`, target], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return r.status === 0;
}

/** Folders root may create for shared files, in order of preference. */
function candidates(kind: 'cache' | 'lib'): string[] {
  return kind === 'cache'
    ? ['/var/cache/claimcheck', path.join(os.tmpdir(), 'claimcheck-cache')]
    : ['/var/lib/claimcheck', '/var/tmp/claimcheck'];
}

/** A root-owned folder, readable by everyone, that `user` can reach; created when missing. */
function sharedRoot(kind: 'cache' | 'lib', user: OsUser): string | null {
  for (const dir of candidates(kind)) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
      const st = fs.lstatSync(dir);
      // Someone else's folder, or one others can write to, could hand postgres other binaries.
      if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) continue;
      if (reachableBy(user, '-x', dir)) return dir;
    } catch {
      // read-only or missing parent: try the next place
    }
  }
  return null;
}

/**
 * The PostgreSQL folder (bin/, lib/, share/) where `user` can run it: `nativeDir` itself when
 * reachable, else a copy in a shared cache (copied once per version, atomically).
 */
export function reachableBinaries(nativeDir: string, version: string, user: OsUser, log: (m: string) => void): string {
  if (reachableBy(user, '-x', path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const root = sharedRoot('cache', user);
  if (!root) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL runs as the OS user "postgres", which cannot reach ${nativeDir}, and no shared folder (/var/cache/claimcheck) could be made for a copy. ` +
        'Clone Claimcheck into a folder that user can reach (e.g. /opt or /srv), run it as a normal user, or set DATABASE_URL.',
    );
  }
  const target = path.join(root, `postgresql-${version}-${process.platform}-${process.arch}`);
  if (fs.existsSync(path.join(target, '.complete'))) return target;
  log(`The OS user "postgres" cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}`);
  const tmp = `${target}.tmp-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
  chmodTree(tmp);
  fs.writeFileSync(path.join(tmp, '.complete'), `${version}\n`, { mode: 0o644 });
  try {
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(tmp, target);
  } catch {
    // Another start copied it at the same moment: use theirs.
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

/**
 * The folder that holds the cluster (`<it>/pg`): `dataDir` when `user` can reach it, else a
 * folder of its own under /var/lib/claimcheck named after `dataDir`, so the same DATA_DIR finds
 * the same cluster at every start. `dataDir/pg-location` says where it went.
 */
export function clusterParent(dataDir: string, user: OsUser, log: (m: string) => void): string {
  if (reachableBy(user, '-x', dataDir)) return dataDir;
  const root = sharedRoot('lib', user);
  if (!root) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL runs as the OS user "postgres", which cannot reach ${dataDir}, and /var/lib/claimcheck could not be made. ` +
        'Set DATA_DIR to a folder that user can reach, run Claimcheck as a normal user, or set DATABASE_URL.',
    );
  }
  const id = crypto.createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 16);
  const parent = path.join(root, id);
  fs.mkdirSync(parent, { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(dataDir, 'pg-location'), `${path.join(parent, 'pg')}\n`, { mode: 0o644 });
  fs.writeFileSync(path.join(parent, 'data-dir'), `${fs.realpathSync(dataDir)}\n`, { mode: 0o644 });
  log(`The OS user "postgres" cannot reach ${dataDir}; the embedded database lives in ${path.join(parent, 'pg')}`);
  return parent;
}
