import { classifyDatabaseError } from './database-errors';

const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
// TypeORM wraps the driver's error in a QueryFailedError that keeps it as driverError.
const wrapped = (message: string, code: string) => Object.assign(new Error(message), { driverError: { code } });

describe('classifyDatabaseError', () => {
  it.each([
    ['the port is closed (server stopped)', Object.assign(err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), { syscall: 'connect' })],
    ['the socket under a query was reset', Object.assign(new Error('read ECONNRESET'), { driverError: { code: 'ECONNRESET' } })],
    ['a host that stopped answering mid-query', err('Query read timeout')],
    ['fast shutdown terminated the session', wrapped('terminating connection due to administrator command', '57P01')],
    ['a crash restart', wrapped('terminating connection because of crash of another server process', '57P02')],
    ['still starting up', err('the database system is starting up', '57P03')],
    ['a connection exception class 08', wrapped('connection failure', '08006')],
    ['pg: connection terminated mid-query', err('Connection terminated unexpectedly')],
    ['pg pool: no connection in time', err('timeout exceeded when trying to connect')],
    ['pg: a client that already failed', err('Client has encountered a connection error and is not queryable')],
    ['TypeORM: the transaction lost its connection between statements', Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' })],
    ['too many connections', wrapped('sorry, too many clients already', '53300')],
    ['serialization failure', wrapped('could not serialize access', '40001')],
    ['deadlock', wrapped('deadlock detected', '40P01')],
  ])('%s: unavailable (503)', (_n, e) => expect(classifyDatabaseError(e)?.kind).toBe('unavailable'));

  it.each([
    ['a NUL in text', wrapped('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['an out-of-range time zone', wrapped('time zone displacement out of range', '22009')],
    ['invalid json', wrapped('invalid input syntax for type json', '22P02')],
    ['stack depth', wrapped('stack depth limit exceeded', '54001')],
    ['a bad date', wrapped('date/time field value out of range', '22008')],
  ])('%s: a bad value (400)', (_n, e) => expect(classifyDatabaseError(e)?.kind).toBe('bad-value'));

  it.each([
    ['a syntax error is our bug', wrapped('syntax error at or near "SELEC"', '42601')],
    ['a unique violation is our bug', wrapped('duplicate key value violates unique constraint', '23505')],
    ['a plain error', err('Cannot read properties of undefined')],
    ['an overflowing sum is our bug, not the request', wrapped('value out of range: overflow', '22003')],
    ['a division by zero is our bug', wrapped('division by zero', '22012')],
    ['a client hanging up on an upload is not the database', Object.assign(err('aborted', 'ECONNRESET'), { syscall: 'read' })],
    ['not an object', 'boom'],
  ])('%s: not classified (500)', (_n, e) => expect(classifyDatabaseError(e)).toBeNull());
});
