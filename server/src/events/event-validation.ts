// Validation of one incoming event against CONTRACT.md §1 and §3a. Pure: no I/O, so every rule
// has a table test (event-validation.spec.ts).
import { MAX_JSON_DEPTH, findBadValue, safeKey, textProblem } from '../common/text-hygiene';
import { AgentType, AuthorType, EVENT_TYPES, EventType } from '../contract/api-types';

/** A valid event, normalised for storage. Optional fields are null when missing. */
export interface ValidEvent {
  id: string;
  type: EventType;
  ticketId: string;
  /**
   * The instant as RFC 3339 text in UTC (`…Z`, the sent fraction kept): PostgreSQL parses it exactly,
   * even when the sent offset was beyond the ±15:59 it accepts itself.
   */
  occurredAt: string;
  /** The same instant in microseconds, or null when it has more than 6 fractional digits. */
  occurredUs: number | null;
  channel: string | null;
  category: string | null;
  customerId: string | null;
  language: string | null;
  agentType: AgentType | null;
  agentId: string | null;
  handleSeconds: number | null;
  reason: string | null;
  score: number | null;
  authorType: AuthorType | null;
  /** Unknown fields, kept verbatim but ignored by the metrics. */
  extra: Record<string, unknown> | null;
}

export type ValidationResult =
  | { ok: true; event: ValidEvent }
  | { ok: false; id: string | null; errors: string[] };

export const MAX_ID_LENGTH = 128;
// Not in the contract: indexed text has a size ceiling in PostgreSQL btrees (~2.7 kB), and a
// longer value would fail the whole batch. 256 code points is far beyond any real helpdesk value.
export const MAX_LABEL_LENGTH = 256;
export const MAX_TEXT_LENGTH = 10_000;
// Not in the contract either: a handle time beyond ~31 years is a unit mistake, and sums of values
// near float8's limit would overflow in the metrics.
export const MAX_HANDLE_SECONDS = 1e9;

const COMMON_FIELDS = ['id', 'type', 'ticketId', 'occurredAt'];
const TYPE_FIELDS: Record<EventType, string[]> = {
  'ticket.created': ['channel', 'category', 'customerId', 'language'],
  'ticket.assigned': ['agentType', 'agentId'],
  'ticket.escalated': ['handleSeconds', 'reason'],
  'ticket.resolved': ['agentType', 'handleSeconds'],
  'ticket.reopened': [],
  'csat.submitted': ['score'],
  'message.sent': ['authorType'],
};

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The fields each type defines (every other field is kept in `extra`), made once, not per event. */
const KNOWN_FIELDS = Object.fromEntries(Object.entries(TYPE_FIELDS).map(([type, fields]) => [type, new Set([...COMMON_FIELDS, ...fields])])) as Record<EventType, Set<string>>;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Length in Unicode code points, as the contract counts it (not UTF-16 units). */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 0001-02-01T00:00:00Z, the first instant an event may name, and 9999-12-01T00:00:00Z, the first it may not. */
const FIRST_INSTANT_MS = -62_132_918_400_000;
const END_INSTANT_MS = 253_399_622_400_000;

/**
 * Parses an RFC 3339 timestamp: why it is not one, or its instant in microseconds, exactly as
 * PostgreSQL stores it (null when more than 6 fractional digits would need PostgreSQL's rounding;
 * the caller then reads the stored value instead), and the same instant as UTC text.
 */
export function parseTimestamp(value: string): { problem: string } | { us: number | null; utc: string } {
  const m = RFC3339.exec(value);
  if (!m) return { problem: 'must be an RFC 3339 timestamp like 2026-01-05T13:50:53Z or 2026-01-05T08:50:53-05:00' };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = Number(m[6]);
  if (y < 1) return { problem: 'year must be 0001 or later' };
  if (mo < 1 || mo > 12) return { problem: `month ${m[2]} is not 01-12` };
  if (d < 1 || d > (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1])) return { problem: `day ${m[3]} does not exist in ${m[1]}-${m[2]}` };
  if (h > 23) return { problem: `hour ${m[4]} is not 00-23` };
  if (mi > 59) return { problem: `minute ${m[5]} is not 00-59` };
  if (s > 59) return { problem: `second ${m[6]} is not 00-59` };
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return { problem: `offset ${m[8]} is not a valid ±hh:mm` };
  const fraction = m[7] ? m[7].slice(1) : '';
  // Already UTC (the common case): the text is the UTC text, upper-cased; only the instant is computed.
  const zulu = m[8] === 'Z' || m[8] === 'z';
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0-99 as 1900-1999
  date.setUTCHours(h, mi, s, 0);
  const offsetMin = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  const utcMs = date.getTime() - offsetMin * 60_000;
  // The first and last month of the years 0001-9999 are kept free: the days, weeks and months
  // around an event, in any zone, must still be 4-digit dates (an event at the end of 9999 stopped
  // the projector for every workspace).
  if (utcMs < FIRST_INSTANT_MS) return { problem: 'is before 0001-02-01T00:00:00Z (the first month of the year 0001 is not accepted)' };
  if (utcMs >= END_INSTANT_MS) return { problem: 'is after 9999-11-30T23:59:59Z (the last month of the year 9999 is not accepted)' };
  if (zulu) return { us: fraction.length > 6 ? null : utcMs * 1000 + Number(fraction.padEnd(6, '0')), utc: value.toUpperCase() };
  const u = new Date(utcMs);
  const utc =
    `${pad(u.getUTCFullYear(), 4)}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}` +
    `T${pad(u.getUTCHours())}:${pad(u.getUTCMinutes())}:${pad(u.getUTCSeconds())}${fraction ? `.${fraction}` : ''}Z`;
  return { us: fraction.length > 6 ? null : utcMs * 1000 + Number(fraction.padEnd(6, '0')), utc };
}

/** Returns why `value` is not an RFC 3339 timestamp, or null when it is one. */
export function timestampProblem(value: string): string | null {
  const r = parseTimestamp(value);
  return 'problem' in r ? r.problem : null;
}

/** Microseconds since the epoch, or null (not a timestamp, or more than 6 fractional digits). */
export function timestampMicros(value: string): number | null {
  const r = parseTimestamp(value);
  return 'us' in r ? r.us : null;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(safeKey(v.length > 40 ? v.slice(0, 40) + '…' : v))}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

type Obj = Record<string, unknown>;

class Checker {
  readonly errors: string[] = [];
  constructor(private readonly o: Obj) {}

  /** null counts as missing (§3a). */
  private present(field: string): boolean {
    return this.o[field] !== undefined && this.o[field] !== null;
  }

  string(field: string, opts: { required: boolean; min?: number; max: number }): string | null {
    if (!this.present(field)) {
      if (opts.required) this.errors.push(`${field}: is required`);
      return null;
    }
    const v = this.o[field];
    if (typeof v !== 'string') {
      this.errors.push(`${field}: must be a string, got ${describe(v)}`);
      return null;
    }
    const problem = textProblem(v);
    if (problem) {
      this.errors.push(`${field}: ${problem}`);
      return null;
    }
    // UTF-16 units >= code points, so counting (a walk over the string) is only needed when the
    // length in units is over the limit; every min here is 0 or 1, where units and code points agree.
    const len = v.length > opts.max ? codePointLength(v) : v.length;
    const min = opts.min ?? 0;
    if (len < min || len > opts.max) {
      this.errors.push(
        min > 0
          ? `${field}: must be ${min} to ${opts.max} characters long, got ${len}`
          : `${field}: must be at most ${opts.max} characters long, got ${len}`,
      );
      return null;
    }
    return v;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required: boolean): T | null {
    if (!this.present(field)) {
      if (required) this.errors.push(`${field}: is required (one of ${allowed.join(', ')})`);
      return null;
    }
    const v = this.o[field];
    if (typeof v !== 'string' || !allowed.includes(v as T)) {
      this.errors.push(`${field}: must be one of ${allowed.join(', ')}, got ${describe(v)}`);
      return null;
    }
    return v as T;
  }

  nonNegative(field: string): number | null {
    if (!this.present(field)) return null;
    const v = this.o[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.errors.push(`${field}: must be a number, got ${describe(v)}`);
      return null;
    }
    if (v < 0 || v > MAX_HANDLE_SECONDS) {
      this.errors.push(`${field}: must be from 0 to ${MAX_HANDLE_SECONDS.toExponential()} seconds, got ${v}`);
      return null;
    }
    return v;
  }

  score(field: string): number | null {
    if (!this.present(field)) {
      this.errors.push(`${field}: is required (an integer from 1 to 5)`);
      return null;
    }
    const v = this.o[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
      this.errors.push(`${field}: must be an integer from 1 to 5, got ${describe(v)}`);
      return null;
    }
    return v;
  }
}

export function validateEvent(raw: unknown): ValidationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, id: null, errors: [`event: must be a JSON object, got ${describe(raw)}`] };
  }
  const o = raw as Obj;
  const c = new Checker(o);
  const id = c.string('id', { required: true, min: 1, max: MAX_ID_LENGTH });
  const type = c.oneOf('type', EVENT_TYPES, true);
  const ticketId = c.string('ticketId', { required: true, min: 1, max: MAX_ID_LENGTH });
  const occurredRaw = c.string('occurredAt', { required: true, max: 64 });
  let occurredUs: number | null = null;
  let occurredAt = '';
  if (occurredRaw !== null) {
    const parsed = parseTimestamp(occurredRaw);
    if ('problem' in parsed) c.errors.push(`occurredAt: ${parsed.problem}, got ${describe(occurredRaw)}`);
    else ({ us: occurredUs, utc: occurredAt } = parsed);
  }

  const event: ValidEvent = {
    id: id ?? '',
    type: type ?? 'ticket.created',
    ticketId: ticketId ?? '',
    occurredAt,
    occurredUs,
    channel: null,
    category: null,
    customerId: null,
    language: null,
    agentType: null,
    agentId: null,
    handleSeconds: null,
    reason: null,
    score: null,
    authorType: null,
    extra: null,
  };

  const label = { required: false, max: MAX_LABEL_LENGTH };
  switch (type) {
    case 'ticket.created':
      event.channel = c.string('channel', { required: true, min: 1, max: MAX_LABEL_LENGTH });
      event.category = c.string('category', label) || null;
      event.customerId = c.string('customerId', label) || null;
      event.language = c.string('language', label) || null;
      break;
    case 'ticket.assigned':
      event.agentType = c.oneOf('agentType', ['ai', 'human'] as const, true);
      event.agentId = c.string('agentId', label);
      break;
    case 'ticket.escalated':
      event.handleSeconds = c.nonNegative('handleSeconds');
      event.reason = c.string('reason', { required: false, max: MAX_TEXT_LENGTH });
      break;
    case 'ticket.resolved':
      event.agentType = c.oneOf('agentType', ['ai', 'human'] as const, true);
      event.handleSeconds = c.nonNegative('handleSeconds');
      break;
    case 'csat.submitted':
      event.score = c.score('score');
      break;
    case 'message.sent':
      event.authorType = c.oneOf('authorType', ['customer', 'ai', 'human'] as const, true);
      break;
    default:
      break;
  }

  const known = KNOWN_FIELDS[event.type];
  for (const key of Object.keys(o)) {
    if (known.has(key)) continue;
    // Unknown fields are kept verbatim in a jsonb column: what jsonb cannot hold is rejected here.
    const bad = findBadValue(o[key], safeKey(key), MAX_JSON_DEPTH);
    const keyProblem = textProblem(key);
    if (keyProblem) c.errors.push(`${safeKey(key)}: a field name that ${keyProblem}`);
    else if (bad) c.errors.push(`${bad.path}: ${bad.problem}`);
    // defineProperty: a field named "__proto__" is kept as a field, not taken as a prototype.
    else Object.defineProperty((event.extra ??= {}), key, { value: o[key], enumerable: true, writable: true, configurable: true });
  }
  if (c.errors.length > 0) {
    return { ok: false, id: typeof o.id === 'string' && textProblem(o.id) === null ? o.id : null, errors: c.errors };
  }
  return { ok: true, event };
}
