import { DataSource } from 'typeorm';

/**
 * Whether the database answers. One retry: after a database restart the pool may hand out a
 * connection that died with it, and one stale connection is not an outage.
 */
export async function databaseUp(ds: DataSource): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await ds.query('SELECT 1');
      return true;
    } catch {
      // try once more with a fresh connection
    }
  }
  return false;
}
