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
