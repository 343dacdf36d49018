import * as fs from 'node:fs';
import type { EmbeddedDatabase } from '../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const held = (globalThis as Record<string, unknown>).__claimcheckTestDb as { db: EmbeddedDatabase; dir: string } | undefined;
  if (!held) return;
  await held.db.stop();
  fs.rmSync(held.dir, { recursive: true, force: true });
}
