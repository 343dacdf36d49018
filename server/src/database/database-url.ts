import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

/** DATABASE_URL when set; otherwise start the embedded PostgreSQL under DATA_DIR. */
export async function resolveDatabase(config: AppConfig, log: (m: string) => void): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  log(`Starting the embedded PostgreSQL (data in ${path.join(config.dataDir, 'pg')})`);
  const embedded = await startEmbeddedPostgres(config.dataDir, { log });
  return { url: embedded.url, embedded };
}

/**
 * Embedded mode without ADMIN_TOKEN: a generated admin token, kept in DATA_DIR/admin-token so it
 * survives restarts. Returns it (to be printed once at start-up) or null when not needed.
 */
export function ensureGeneratedAdminToken(config: AppConfig, generate: () => string): string | null {
  if (config.adminToken || config.databaseUrl) return null;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'admin-token');
  if (!fs.existsSync(file)) fs.writeFileSync(file, generate() + '\n', { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
