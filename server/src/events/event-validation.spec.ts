// Every rule of CONTRACT.md §1/§3a, rejected with a message that names the field, and the edge
// cases the fine print allows.
import { codePointLength, timestampMicros, timestampProblem, validateEvent } from './event-validation';

const base = { id: 'e1', ticketId: 't1', occurredAt: '2026-01-05T10:00:00Z' };
const ok = {
  'ticket.created': { ...base, type: 'ticket.created', channel: 'chat' },
  'ticket.assigned': { ...base, type: 'ticket.assigned', agentType: 'ai' },
  'ticket.escalated': { ...base, type: 'ticket.escalated' },
  'ticket.resolved': { ...base, type: 'ticket.resolved', agentType: 'human' },
  'ticket.reopened': { ...base, type: 'ticket.reopened' },
  'csat.submitted': { ...base, type: 'csat.submitted', score: 4 },
  'message.sent': { ...base, type: 'message.sent', authorType: 'customer' },
};

describe('validateEvent: valid events', () => {
  it.each(Object.entries(ok))('accepts a minimal %s', (_type, event) => {
    expect(validateEvent(event).ok).toBe(true);
  });

  it.each([
    ['score 4.0 is the integer 4', { ...ok['csat.submitted'], score: 4.0 }],
    ['null optional fields count as missing', { ...ok['ticket.created'], category: null, customerId: null, language: null }],
    ['lower-case t and z', { ...ok['ticket.reopened'], occurredAt: '2026-01-05t10:00:00z' }],
    ['an offset and a fraction', { ...ok['ticket.reopened'], occurredAt: '2026-01-05T10:00:00.123456-05:30' }],
    ['29 February of a leap year', { ...ok['ticket.reopened'], occurredAt: '2028-02-29T00:00:00Z' }],
    ['an id of 128 code points, some astral', { ...ok['ticket.reopened'], id: '😀'.repeat(100) + 'x'.repeat(28) }],
    ['handleSeconds 0', { ...ok['ticket.escalated'], handleSeconds: 0 }],
  ])('accepts %s', (_name, event) => {
    expect(validateEvent(event)).toMatchObject({ ok: true });
  });

  it('normalises: empty category and customerId are none, T/Z upper-cased, unknown fields kept', () => {
    const r = validateEvent({ ...ok['ticket.created'], category: '', customerId: '', occurredAt: '2026-01-05t10:00:00z', vendor: { x: 1 } });
    expect(r).toEqual({
      ok: true,
      event: expect.objectContaining({ category: null, customerId: null, occurredAt: '2026-01-05T10:00:00Z', extra: { vendor: { x: 1 } } }),
    });
  });
});

describe('validateEvent: rejections name the field and the reason', () => {
  it.each([
    ['not an object', [1, 2], 'event: must be a JSON object'],
    ['missing id', { ...ok['ticket.reopened'], id: undefined }, 'id: is required'],
    ['empty id', { ...ok['ticket.reopened'], id: '' }, 'id: must be 1 to 128 characters long, got 0'],
    ['id of 129 code points', { ...ok['ticket.reopened'], id: '😀'.repeat(129) }, 'id: must be 1 to 128 characters long, got 129'],
    ['numeric id', { ...ok['ticket.reopened'], id: 7 }, 'id: must be a string, got number 7'],
    ['unknown type', { ...ok['ticket.reopened'], type: 'ticket.teleported' }, 'type: must be one of ticket.created'],
    ['missing ticketId', { ...ok['ticket.reopened'], ticketId: null }, 'ticketId: is required'],
    ['long ticketId', { ...ok['ticket.reopened'], ticketId: 'x'.repeat(129) }, 'ticketId: must be 1 to 128 characters long, got 129'],
    ['no offset', { ...ok['ticket.reopened'], occurredAt: '2026-01-01T00:00:00' }, 'occurredAt: must be an RFC 3339 timestamp'],
    ['a space for T', { ...ok['ticket.reopened'], occurredAt: '2026-01-01 00:00:00Z' }, 'occurredAt: must be an RFC 3339 timestamp'],
    ['30 February', { ...ok['ticket.reopened'], occurredAt: '2026-02-30T00:00:00Z' }, 'occurredAt: day 30 does not exist in 2026-02'],
    ['29 February of 2100', { ...ok['ticket.reopened'], occurredAt: '2100-02-29T00:00:00Z' }, 'occurredAt: day 29 does not exist'],
    ['hour 24', { ...ok['ticket.reopened'], occurredAt: '2026-01-01T24:00:00Z' }, 'occurredAt: hour 24 is not 00-23'],
    ['offset +24:00', { ...ok['ticket.reopened'], occurredAt: '2026-01-01T00:00:00+24:00' }, 'occurredAt: offset +24:00'],
    ['a number for occurredAt', { ...ok['ticket.reopened'], occurredAt: 1767225600 }, 'occurredAt: must be a string'],
    ['created without channel', { ...ok['ticket.created'], channel: undefined }, 'channel: is required'],
    ['created with empty channel', { ...ok['ticket.created'], channel: '' }, 'channel: must be 1 to 256 characters long, got 0'],
    ['created with numeric category', { ...ok['ticket.created'], category: 3 }, 'category: must be a string, got number 3'],
    ['assigned without agentType', { ...ok['ticket.assigned'], agentType: undefined }, 'agentType: is required (one of ai, human)'],
    ['resolved by a robot', { ...ok['ticket.resolved'], agentType: 'robot' }, 'agentType: must be one of ai, human, got the string "robot"'],
    ['negative handleSeconds', { ...ok['ticket.escalated'], handleSeconds: -5 }, 'handleSeconds: must be from 0 to 1e+9 seconds, got -5'],
    ['a handleSeconds of ~1e308 (sums would overflow)', { ...ok['ticket.resolved'], handleSeconds: 1e308 }, 'handleSeconds: must be from 0 to 1e+9 seconds, got 1e+308'],
    ['handleSeconds as a string', { ...ok['ticket.resolved'], handleSeconds: '60' }, 'handleSeconds: must be a number, got the string "60"'],
    ['csat without score', { ...ok['csat.submitted'], score: undefined }, 'score: is required'],
    ['csat score 7', { ...ok['csat.submitted'], score: 7 }, 'score: must be an integer from 1 to 5, got number 7'],
    ['csat score "5"', { ...ok['csat.submitted'], score: '5' }, 'score: must be an integer from 1 to 5, got the string "5"'],
    ['csat score 4.5', { ...ok['csat.submitted'], score: 4.5 }, 'score: must be an integer from 1 to 5, got number 4.5'],
    ['message by a bot', { ...ok['message.sent'], authorType: 'bot' }, 'authorType: must be one of customer, ai, human'],
  ])('%s', (_name, event, message) => {
    const r = validateEvent(event);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('; ')).toContain(message);
  });

  it('reports every wrong field at once and keeps the id for the rejection', () => {
    const r = validateEvent({ id: 'x1', type: 'csat.submitted', ticketId: '', occurredAt: 'yesterday', score: 0 });
    expect(r).toMatchObject({ ok: false, id: 'x1' });
    if (!r.ok) expect(r.errors).toHaveLength(3);
  });
});

describe('helpers', () => {
  it('codePointLength counts code points, not UTF-16 units', () => {
    expect(codePointLength('😀')).toBe(1);
    expect('😀'.length).toBe(2);
  });
  it('timestampProblem accepts 23:59:59 and rejects second 60', () => {
    expect(timestampProblem('2026-12-31T23:59:59Z')).toBeNull();
    expect(timestampProblem('2026-12-31T23:59:60Z')).toContain('second 60');
  });
});

describe('timestampMicros (must equal what PostgreSQL stores)', () => {
  it.each([
    ['2026-01-05T10:00:00Z', Date.UTC(2026, 0, 5, 10) * 1000],
    ['2026-01-05T13:50:53-05:00', Date.UTC(2026, 0, 5, 18, 50, 53) * 1000],
    ['2026-01-05t10:00:00.5+05:30', Date.UTC(2026, 0, 5, 4, 30, 0) * 1000 + 500_000],
    ['2026-01-05T10:00:00.123456Z', Date.UTC(2026, 0, 5, 10) * 1000 + 123_456],
    ['0099-03-01T00:00:00Z', new Date('0099-03-01T00:00:00Z').getTime() * 1000], // Date.UTC would read 99 as 1999
  ])('%s', (s, us) => expect(timestampMicros(s)).toBe(us));

  it('leaves 7+ fractional digits to PostgreSQL', () => expect(timestampMicros('2026-01-05T10:00:00.1234567Z')).toBeNull());
});

describe('occurredAt is stored as UTC text, whatever the offset RFC 3339 allows', () => {
  const utcOf = (s: string) => {
    const r = validateEvent({ id: 'x', type: 'ticket.reopened', ticketId: 't', occurredAt: s });
    return r.ok ? r.event.occurredAt : r.errors.join('; ');
  };
  it.each([
    // PostgreSQL itself accepts offsets only up to ±15:59; these are converted here.
    ['2030-01-15T10:00:00+16:00', '2030-01-14T18:00:00Z'],
    ['2030-01-15T10:00:00-23:59', '2030-01-16T09:59:00Z'],
    ['2026-01-05t13:50:53.25-05:00', '2026-01-05T18:50:53.25Z'],
    ['2026-01-05T10:00:00.1234567z', '2026-01-05T10:00:00.1234567Z'], // the fraction is kept for PostgreSQL to round
    ['9999-11-30T00:00:00-23:59', '9999-11-30T23:59:00Z'],
    ['0001-02-01T00:00:00Z', '0001-02-01T00:00:00Z'],
    ['9999-11-30T23:59:59.9999999Z', '9999-11-30T23:59:59.9999999Z'], // PostgreSQL rounds it to 9999-12-01: still a month to spare
  ])('%s -> %s', (s, utc) => expect(utcOf(s)).toBe(utc));

  it('rejects the first month of 0001 and the last of 9999, once the offset is applied', () => {
    // An event at the end of 9999 stopped the projector for every workspace: a day after it, in
    // some zone, is in the year 10000. A month either side keeps every day, week and month a date.
    expect(utcOf('0001-01-31T23:59:59Z')).toMatch(/occurredAt: is before 0001-02-01T00:00:00Z/);
    expect(utcOf('0001-02-01T00:00:00+01:00')).toMatch(/occurredAt: is before 0001-02-01/);
    expect(utcOf('9999-12-01T00:00:00Z')).toMatch(/occurredAt: is after 9999-11-30T23:59:59Z/);
    expect(utcOf('9999-12-31T23:59:59.9999999Z')).toMatch(/occurredAt: is after 9999-11-30/);
    expect(utcOf('9999-11-30T23:59:59-23:59')).toMatch(/occurredAt: is after 9999-11-30/);
  });
});

describe('text PostgreSQL cannot store is rejected by field, not by the database', () => {
  const base = { id: 'e', type: 'ticket.created', ticketId: 't', occurredAt: '2026-01-01T00:00:00Z', channel: 'chat' };
  const errorsOf = (o: Record<string, unknown>) => {
    const r = validateEvent({ ...base, ...o });
    return r.ok ? [] : r.errors;
  };
  it.each([
    ['a NUL in a known field', { channel: 'a\u0000b' }, /^channel: contains a NUL character/],
    ['a lone high surrogate', { category: 'a\ud800b' }, /^category: contains a lone UTF-16 surrogate/],
    ['a lone low surrogate at the end', { customerId: 'x\udc00' }, /^customerId: contains a lone UTF-16 surrogate/],
    ['a NUL in the id', { id: 'e\u0000' }, /^id: contains a NUL/],
    ['a NUL deep inside an unknown field', { meta: { a: [1, { b: 'x\u0000' }] } }, /^meta\.a\[1\]\.b: contains a NUL/],
    ['a surrogate in an unknown field name', { meta: { 'k\ud800': 1 } }, /^meta\.k\?: has a field name that contains a lone/],
    ['a NUL in an unknown top-level name', { 'x\u0000y': 1 }, /^x\?y: a field name that contains a NUL/],
  ])('%s', (_n, o, msg) => {
    const errors = errorsOf(o);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(msg);
  });

  it('accepts a well-formed pair (an emoji) and other control characters', () => {
    expect(errorsOf({ channel: 'chat 😀', category: 'tab\there', meta: { note: '😀' } })).toEqual([]);
  });

  it('rejects an unknown field nested deeper than 32 levels, and keeps one of 31', () => {
    const nest = (n: number): unknown => (n === 0 ? 1 : { a: nest(n - 1) });
    expect(errorsOf({ deep: nest(5000) })[0]).toMatch(/^deep(\.a){32}: is nested deeper than 32 levels$/);
    expect(errorsOf({ deep: nest(31) })).toEqual([]);
  });

  it('keeps an unknown field named __proto__ as a field', () => {
    const r = validateEvent(JSON.parse(JSON.stringify(base).replace('}', ',"__proto__":{"x":1}}')));
    expect(r.ok && JSON.stringify(r.event.extra)).toBe('{"__proto__":{"x":1}}');
  });
});
