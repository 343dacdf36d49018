// Rows sent with COPY FROM STDIN in PostgreSQL's text format: the cheapest way to write many rows
// (no JSON document to parse, no per-row executor). Used by ingest (events.repository.ts).
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { QueryFailedError } from 'typeorm';

export type CopyValue = string | number | null;

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field in COPY's text format: `\N` is NULL; backslash, tab, newline and carriage return are
 * escaped (nothing else is special; NUL cannot be sent at all and is refused by validation).
 */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  const s = typeof v === 'number' ? String(v) : v;
  return SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : s;
}

/** One row: fields separated by tabs, ended by a newline. */
export function copyRow(fields: readonly CopyValue[]): string {
  let line = copyField(fields[0]);
  for (let i = 1; i < fields.length; i++) line += '\t' + copyField(fields[i]);
  return line + '\n';
}

/**
 * Runs `COPY … FROM STDIN` with `text` as its data on a connection the caller holds (inside its
 * transaction). A failure is thrown as TypeORM's QueryFailedError, as any other statement's, so
 * the HTTP layer tells an outage (503) or a refused value (400) from a bug.
 */
export async function copyIn(client: PoolClient, sql: string, text: string): Promise<void> {
  try {
    const stream = client.query(copyFrom(sql));
    // once() stops listening when it rejects; a second 'error' (the server's answer after a client
    // timeout, or a write after the failure) would then be unhandled and end the process.
    stream.on('error', () => undefined);
    const finished = once(stream, 'finish');
    stream.end(text);
    await finished;
  } catch (e) {
    throw new QueryFailedError(sql, [], e as Error);
  }
}
