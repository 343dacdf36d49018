// Background work (the projector's batches, the days built beside them, VACUUMs) may run
// statements longer than the API's limits: the server cancels an API statement after 60 s, and the
// client gives up waiting for any answer after 120 s (data-source-options.ts). Giving up is not
// cancelling: pg's read timeout rejects the promise but leaves the statement running on the
// server and the connection busy, so the ROLLBACK and the retry queued behind it waited minutes
// for a statement nobody wanted (a 1M seeding stalled 3.4 min that way, docs/SCALING.md). So a
// background statement gets a server-side limit of its own, which cancels it cleanly, and the
// client waits a margin longer, so it never gives up first.
import { EntityManager, QueryRunner } from 'typeorm';

/** The longest a background statement may run before the server cancels it. */
export const BACKGROUND_STATEMENT_MS = 15 * 60_000;
/** How much longer than the server's limit the client waits for an answer (a host gone silent). */
const CLIENT_MARGIN_MS = 60_000;

interface PgClientLike {
  connectionParameters?: { query_timeout?: number };
}

function clientOf(qr: QueryRunner): PgClientLike | undefined {
  return (qr as unknown as { databaseConnection?: PgClientLike }).databaseConnection;
}

/**
 * Runs `work` with statements limited to `ms` by the server, on this transaction's connection
 * (`SET LOCAL`: the limit ends with the transaction) and with the client's read timeout raised
 * above it until `work` ends. Outside a transaction (a VACUUM) `session` sets it for the session;
 * the caller resets it before releasing the connection.
 */
export async function withLongStatements<T>(
  target: EntityManager | QueryRunner,
  work: () => Promise<T>,
  ms: number = BACKGROUND_STATEMENT_MS,
  session = false,
): Promise<T> {
  const qr = target instanceof EntityManager ? target.queryRunner : target;
  if (!qr) throw new Error('withLongStatements needs a transaction or a query runner of its own');
  // SET LOCAL outside a transaction does nothing (PostgreSQL only warns).
  if (!session && !qr.isTransactionActive) throw new Error('withLongStatements: not in a transaction (use session = true)');
  await qr.query(`SET ${session ? '' : 'LOCAL '}statement_timeout = ${Math.round(ms)}`);
  // After the first query: the runner has its connection then.
  const params = clientOf(qr)?.connectionParameters;
  const before = params?.query_timeout;
  if (params && before) params.query_timeout = ms + CLIENT_MARGIN_MS;
  try {
    return await work();
  } finally {
    if (params && before) params.query_timeout = before;
  }
}
