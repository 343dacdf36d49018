// What a database error means for the caller. Pure: a table test (database-errors.spec.ts) covers
// each code and message seen when PostgreSQL stops, restarts or refuses a value.

export type DatabaseFailure =
  /** The database is not answering, or asked us to come back: 503 with Retry-After. */
  | { kind: 'unavailable'; reason: string }
  /** A value the database refused (a sent value reached SQL unchecked): 400, never 500. */
  | { kind: 'bad-value'; reason: string }
  | null;

/** Node socket errors of a connection that is gone or cannot be made. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Messages pg and TypeORM use for a connection that died or a pool that cannot hand one out. */
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error and is not queryable/i,
  /client was closed and is not queryable/i,
  /cannot use a pool after calling end on the pool/i,
  /connection is not established/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function codeOf(e: unknown): string | undefined {
  const o = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = o?.driverError?.code ?? o?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyDatabaseError(e: unknown): DatabaseFailure {
  if (e === null || typeof e !== 'object') return null;
  const code = codeOf(e);
  const message = String((e as { message?: unknown }).message ?? '');
  if (code && SOCKET_CODES.has(code)) return { kind: 'unavailable', reason: `cannot reach the database (${code})` };
  if (code) {
    // Class 08: connection exception; 57P01-57P03: shutting down, crashed, starting up.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return { kind: 'unavailable', reason: `the database connection was lost (${code})` };
    // Too many connections, out of resources, serialization failure, deadlock, lock timeout,
    // statement timeout: nothing was stored and the same request will most likely succeed later.
    if (code === '53300' || code === '53200' || code === '53100' || code === '40001' || code === '40P01' || code === '55P03' || code === '57014') {
      return { kind: 'unavailable', reason: `the database is busy (${code})` };
    }
    // Class 22: data exception (a value PostgreSQL refused); 54001: statement too complex.
    if (code.startsWith('22') || code === '54001' || code === '54000') return { kind: 'bad-value', reason: message };
  }
  // TypeORM releases a transaction's connection when the connection emits an error (the server
  // ended the session while the request was between two statements); the next statement says so.
  const name = String((e as { name?: unknown }).name ?? '');
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError') return { kind: 'unavailable', reason: 'the database connection was lost mid-request' };
  if (CONNECTION_MESSAGES.some((re) => re.test(message))) return { kind: 'unavailable', reason: 'the database connection was lost' };
  return null;
}

/** Seconds a client is told to wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;
