// What /metrics says about the projection: tickets queued, the oldest one's age, bulk days left,
// over the whole instance (every workspace): an operator's figure.
import { DataSource } from 'typeorm';

export async function queueStateQuery(ds: DataSource): Promise<{ pending: number; oldest: number; bulk: number }> {
  const [r] = await ds.query(
    `SELECT (SELECT count(*)::int FROM projection_queue) AS pending,
            (SELECT coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::float8 FROM projection_queue) AS oldest,
            (SELECT count(*)::int FROM rollup_pending) AS bulk`,
  );
  return r;
}
