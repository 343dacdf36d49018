// Building blocks of the hostile-input tests: strings that break naive code, a seeded random
// source, random JSON and mutated events. Seeded, so every failure reproduces.

/** Text that has broken servers: NUL, lone surrogates, huge, empty, injections, odd numbers and dates. */
export const HOSTILE_STRINGS: string[] = [
  '\u0000', 'a\u0000b', '\ud800', 'a\ud800b', '\udc00x', '\udbff\udfff', '😀', '\uffff', '\ufeffBOM', '\u202eRTL', '\u200b', 'ａｂｃ',
  '', ' ', '  a  ', 'x'.repeat(257), 'x'.repeat(10_000), '%', '%00', '%zz', '+', '&', '=', '#', '?', '/', '\\', '..', '../../etc/passwd',
  "' OR '1'='1", '"); DROP TABLE tickets; --', '$1', '<script>alert(1)</script>', '${jndi:ldap://x}', '{{7*7}}', '\n\r\t',
  '-1', '0', '1', '3', '5', '1.5', '1e309', '-0', 'NaN', 'Infinity', '9'.repeat(40), '0x10', 'true', 'false', 'null', 'undefined', '[]', '{}',
  '2026-02-30', '2026-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '10000-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00+16:00',
  '2030-01-15T10:00:00-23:59', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59.9999999-23:59', '2026-01-01T24:00:00Z',
  'UTC', 'Etc/GMT+14', 'Asia/Kathmandu', 'Not/AZone', 'utc', 'chat,email', ',,', 'a,,b', 'ai,escalated,human,none',
  'channel', 'category', 'path', 'tickets', 'savings.verifiedSavings', '__proto__', 'constructor', 'toString', 'a.b.c.d.e',
  'json', 'csv', 'day', 'week', 'month', 'previous', 'year', 'asc', 'desc', 'open', 'admin', 'viewer', 'ingest',
  '00000000-0000-0000-0000-000000000000', 'not-a-uuid', 'eyJ9', 'WzEsImEiXQ', 'W251bGwsbnVsbF0',
];

/** Mulberry32: small, fast and the same everywhere. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
}

/**
 * Percent-encodes for a URL, including what encodeURIComponent refuses: a lone surrogate goes as
 * its WTF-8 bytes (%ED%A0%80), which is what a hostile client can send.
 */
export function encodeQueryValue(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(s[i]);
  }
  return out;
}

/** Any JSON value, sometimes deep, sometimes with hostile strings and keys. */
export function randomJson(rng: Rng, depth: number): unknown {
  const k = rng.int(depth > 4 ? 5 : 9);
  if (k === 0) return null;
  if (k === 1) return rng.int(2) === 0;
  if (k === 2) return rng.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, 7, 4.0]);
  if (k === 3 || k === 4) return rng.pick(HOSTILE_STRINGS);
  if (k === 5 || k === 6) return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth + 1));
  if (k === 7 && rng.int(10) === 0) {
    let v: unknown = 1;
    for (let i = 0; i < 40 + rng.int(200); i++) v = { a: v };
    return v;
  }
  const o: Record<string, unknown> = {};
  for (let i = 0; i < rng.int(5); i++) o[rng.pick(['name', 'role', 'humanHourlyCost', 'currency', 'events', 'x', '__proto__', 'a\u0000', 'b\ud800', rng.pick(HOSTILE_STRINGS)])] = randomJson(rng, depth + 1);
  return o;
}

/** A fixture event with its own id, ticket and customer, and one or more fields turned hostile. */
export function mutateEvent(rng: Rng, base: Record<string, unknown>, id: string): Record<string, unknown> {
  const e: Record<string, unknown> = { ...base, id, ticketId: `fz-t-${rng.int(50)}` };
  if ('customerId' in e) e.customerId = `fz-c-${rng.int(20)}`;
  const fields = ['id', 'type', 'ticketId', 'occurredAt', 'channel', 'category', 'customerId', 'language', 'agentType', 'agentId', 'handleSeconds', 'reason', 'score', 'authorType', 'extra', rng.pick(HOSTILE_STRINGS)];
  for (let i = 0; i < rng.int(3); i++) {
    const f = rng.pick(fields);
    if (rng.int(6) === 0) delete e[f];
    else e[f] = f === 'ticketId' || f === 'id' ? `${rng.pick(HOSTILE_STRINGS)}` : randomJson(rng, 2);
  }
  return e;
}
