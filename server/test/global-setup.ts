// Starts one embedded PostgreSQL for the whole db test run, unless TEST_DATABASE_URL names a
// server to use (CI runs the suite both ways). Each test file then makes its own database.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    console.log(`\n[db tests] using TEST_DATABASE_URL (host ${new URL(process.env.TEST_DATABASE_URL).host})`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres(dir, { database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.url;
  (globalThis as Record<string, unknown>).__claimcheckTestDb = { db, dir };
  console.log(`\n[db tests] embedded PostgreSQL on port ${db.port}`);
}
