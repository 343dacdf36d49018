// The projector's own ANALYZE, in its batch's transaction, when PostgreSQL's statistics of a
// table lag what the batch is about to plan against (tickets.repository.ts, events.repository.ts).
import { EntityManager } from 'typeorm';

/**
 * ANALYZEs `table` when `behind` holds (SQL over the table's pg_class row `c`, with parameters
 * `params` as $1...) or when `column` has no statistics: a batch that analysed and rolled back
 * leaves reltuples counted in place but not them. Answers whether it analysed.
 */
export async function analyzeWhenBehind(m: EntityManager, table: 'tickets' | 'ticket_events', column: string, behind: string, params: unknown[]): Promise<boolean> {
  const [row] = await m.query(
    `SELECT (${behind})
            OR NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = '${table}' AND s.attname = '${column}') AS behind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass('${table}')`,
    params,
  );
  if (!row?.behind) return false;
  // SKIP_LOCKED: a VACUUM (ANALYZE) of the table is under way (table-vacuums.ts) and will do.
  await m.query(`ANALYZE (SKIP_LOCKED) ${table}`);
  return true;
}
