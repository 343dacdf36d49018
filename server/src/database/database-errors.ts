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
  /query read timeout/i,
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

/** Refused values that a request can cause (bad text, dates, zones, JSON); not overflows of our sums. */
const BAD_VALUE_CODES = new Set(['22P02', '22021', '22P05', '22007', '22008', '22009', '22023', '22025', '2200D', '22030', '22032', '22033', '22034', '22035', '22036', '22037', '22038', '22039', '2203A', '2203B', '2203C', '2203D', '2203E', '2203F', '54001']);

export function classifyDatabaseError(e: unknown): DatabaseFailure {
  if (e === null || typeof e !== 'object') return null;
  const code = codeOf(e);
  const message = String((e as { message?: unknown }).message ?? '');
  // A socket error is the database's only when it came from a query (TypeORM's driverError) or
  // from opening a connection; a client that hangs up on an upload is not a database outage.
  const fromQuery = (e as { driverError?: unknown }).driverError !== undefined;
  const syscall = (e as { syscall?: unknown }).syscall;
  if (code && SOCKET_CODES.has(code) && (fromQuery || syscall === 'connect' || syscall === 'getaddrinfo')) {
    return { kind: 'unavailable', reason: `cannot reach the database (${code})` };
  }
  if (code) {
    // Class 08: connection exception; 57P01-57P03: shutting down, crashed, starting up.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return { kind: 'unavailable', reason: `the database connection was lost (${code})` };
    // Too many connections, out of resources, serialization failure, deadlock, lock timeout,
    // statement timeout: nothing was stored and the same request will most likely succeed later.
    if (code === '53300' || code === '53200' || code === '53100' || code === '40001' || code === '40P01' || code === '55P03' || code === '57014') {
      return { kind: 'unavailable', reason: `the database is busy (${code})` };
    }
    // A value PostgreSQL refused that validation should have caught: the request's fault. Other
    // data exceptions (an overflowing sum, a division by zero) are ours and stay a 500.
    if (BAD_VALUE_CODES.has(code)) return { kind: 'bad-value', reason: message };
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
