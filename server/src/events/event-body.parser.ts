// Turns a request body into a list of candidate events (CONTRACT.md §1): a JSON array, an object
// `{"events": [...]}`, or NDJSON. Pure; the HTTP layer hands it the raw text.

export const MAX_EVENTS_PER_REQUEST = 10_000;
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type BodyItem =
  | { value: unknown; line?: number }
  | { parseError: string; line: number; rawId: string | null };

export class BodyFormatError extends Error {}
export class BodyTooLargeError extends Error {}

export function isNdjson(contentType: string | undefined): boolean {
  return /^\s*application\/(x-)?ndjson\b/i.test(contentType ?? '') || /^\s*application\/jsonl\b/i.test(contentType ?? '');
}

function tooMany(n: number): never {
  throw new BodyTooLargeError(
    `too many events: ${n} in one request, at most ${MAX_EVENTS_PER_REQUEST} are allowed; split the batch`,
  );
}

/** Best effort id of a line that is not JSON, so a rejection can still name it. */
function sniffId(line: string): string | null {
  const m = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
  return m ? m[1] : null;
}

/**
 * One event a line (CONTRACT §3a): a blank line is skipped; a line that is not one JSON value is a
 * rejected event at its own index, whatever its neighbours (`[{…}` and `{…}]` are two bad lines,
 * `{…},{…}` one). Each line is parsed on its own, so no line can borrow text from another.
 */
export function parseNdjson(text: string): BodyItem[] {
  const items: BodyItem[] = [];
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    if (items.length >= MAX_EVENTS_PER_REQUEST) tooMany(items.length + 1);
    try {
      items.push({ value: JSON.parse(line), line: lineNo });
    } catch (e) {
      items.push({ parseError: `line ${lineNo} is not valid JSON: ${(e as Error).message}`, line: lineNo, rawId: sniffId(line) });
    }
  }
  return items;
}

/** NDJSON in which no line at all is JSON is not NDJSON: a 400, not a list of rejections. */
function checkedNdjson(text: string): BodyItem[] {
  const items = parseNdjson(text);
  if (items.every((i) => 'parseError' in i)) {
    const first = items[0] as { parseError: string };
    throw new BodyFormatError(`body: not JSON or NDJSON (${first.parseError})`);
  }
  return items;
}

export function parseJsonBody(value: unknown): BodyItem[] {
  let list: unknown[];
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'object' && value !== null && 'events' in value) {
    const events = (value as { events: unknown }).events;
    if (!Array.isArray(events)) throw new BodyFormatError('body: "events" must be an array of events');
    list = events;
  } else {
    throw new BodyFormatError('body: expected a JSON array of events, an object {"events": [...]}, or NDJSON');
  }
  if (list.length > MAX_EVENTS_PER_REQUEST) tooMany(list.length);
  return list.map((v) => ({ value: v }));
}

/**
 * Parses the text by its content type; without a usable one, JSON is tried first and NDJSON
 * second, so `curl -d @events.ndjson` works too.
 */
export function parseEventBody(text: string | undefined, contentType: string | undefined): BodyItem[] {
  if (typeof text !== 'string') throw new BodyFormatError('body: missing; send a JSON array of events or NDJSON (Content-Type: application/json or application/x-ndjson)');
  const trimmed = text.trim();
  if (trimmed === '') throw new BodyFormatError('body: empty; send a JSON array of events or NDJSON');
  if (isNdjson(contentType)) return checkedNdjson(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (e) {
    // Several JSON objects, one a line, are NDJSON even when labelled application/json.
    if (trimmed.startsWith('{') && trimmed.includes('\n')) return checkedNdjson(text);
    throw new BodyFormatError(`body: not valid JSON or NDJSON (${(e as Error).message})`);
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && !('events' in parsed)) {
    return [{ value: parsed }]; // one NDJSON line without a trailing newline
  }
  return parseJsonBody(parsed);
}
