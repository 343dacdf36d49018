// Migrations before the server starts, on a connection of their own: the application's pool cancels
// any statement after 60 s and gives up on an answer after 120 s (a database that hangs must give a
// 503), but a migration that rebuilds the keys of a large install (1766500000000-workspaces.ts on
// tens of millions of events) may run for minutes, and must not be cut off halfway.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Applies pending migrations; returns the names of those it ran. */
export async function runMigrations(url: string, log: (m: string) => void): Promise<string[]> {
  const base = dataSourceOptions(url, 1);
  const ds = new DataSource({
    ...base,
    migrationsRun: false,
    extra: { ...(base as { extra: Record<string, unknown> }).extra, query_timeout: undefined, options: '-c timezone=UTC -c statement_timeout=0' },
  } as typeof base);
  await ds.initialize();
  try {
    const pending = await ds.showMigrations();
    if (pending) log('Migrating the database (on a large install this can take minutes; it is one transaction per migration)');
    const ran = await ds.runMigrations({ transaction: 'each' });
    for (const m of ran) log(`Migration applied: ${m.name}`);
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
