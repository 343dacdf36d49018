import { DataSource } from 'typeorm';
import { databasePing } from './queries/database-ping.query';

/** A probe must answer within its own timeout even when the database hangs. */
export const HEALTH_TIMEOUT_MS = 2000;

/**
 * Whether the database answers within HEALTH_TIMEOUT_MS. One retry: after a database restart the
 * pool may hand out a connection that died with it, and one stale connection is not an outage.
 */
export async function databaseUp(ds: DataSource): Promise<boolean> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (let attempt = 0; attempt < 2; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), left)));
    const ok = await Promise.race([databasePing(ds).then(() => true, () => false), timeout]);
    clearTimeout(timer);
    if (ok) return true;
  }
  return false;
}
