// The cheapest statement that proves the database answers.
import { DataSource } from 'typeorm';

export async function databasePing(ds: DataSource): Promise<void> {
  await ds.query('SELECT 1');
}
