// Hostile input never gets a 5xx (issue #10): each case found by fuzzing, its neighbours, every
// parameter of every route in the OpenAPI document, and a seeded fuzz of a few thousand requests.
// Valid events sent beside bad ones are stored; every event sent is accepted, a duplicate or
// rejected at its own index.
import { TestApp, createTestApp, fixtureLines } from './test-app';
import { HOSTILE_STRINGS, Rng, encodeQueryValue, randomJson, mutateEvent } from './hostile-values';

const created = (id: string, ticketId: string, extra: Record<string, unknown> = {}) => ({ id, type: 'ticket.created', ticketId, occurredAt: '2026-02-01T10:00:00Z', channel: 'chat', category: 'billing', customerId: `c-${ticketId}`, ...extra });

/** Valid values for every parameter the API has, so one hostile value at a time reaches deep code. */
const VALID: Record<string, string> = { from: '2026-01-01', to: '2026-03-01', tz: 'UTC', by: 'channel', interval: 'week', asOf: '2026-03-01T00:00:00Z', state: 'open' };

interface Op {
  method: string;
  path: string;
  query: { name: string; required: boolean }[];
  pathParams: string[];
}

describe('hostile input: never a 5xx, valid neighbours kept', () => {
  let t: TestApp;
  let ops: Op[];
  beforeAll(async () => {
    t = await createTestApp();
    const r = await t.request('POST', '/api/v1/events', { raw: fixtureLines().join('\n'), contentType: 'application/x-ndjson' });
    expect(r.status).toBe(207); // the fixture holds 10 invalid events
    const doc = (await t.request('GET', '/api/docs-json', { token: null })).body;
    ops = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required })),
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(20);
  });
  afterAll(async () => t.close());

  const post = (raw: string, contentType = 'application/json') => t.request('POST', '/api/v1/events', { raw, contentType });
  const ticketExists = async (id: string) => (await t.request('GET', `/api/v1/tickets/${encodeURIComponent(id)}`)).status === 200;

  describe('the cases the fuzzer found', () => {
    it('1. a lone surrogate in any string field: that event rejected by field, its neighbour stored', async () => {
      for (const field of ['channel', 'category', 'customerId', 'language', 'id', 'ticketId']) {
        // JSON.stringify writes a lone surrogate as the escape \ud800, as a hostile client would.
        const bad = JSON.stringify({ ...created(`sur-${field}`, `T-sur-${field}`), [field]: 'a\ud800b' });
        expect(bad).toContain('\\ud800');
        const r = await post(`[${bad},${JSON.stringify(created(`ok-sur-${field}`, `T-ok-sur-${field}`))}]`);
        expect(r.status).toBe(207);
        expect(r.body.accepted).toBe(1);
        expect(r.body.rejected).toHaveLength(1);
        expect(r.body.rejected[0].index).toBe(0);
        expect(r.body.rejected[0].errors.join()).toMatch(new RegExp(`^${field}: contains a lone UTF-16 surrogate`));
        expect(await ticketExists(`T-ok-sur-${field}`)).toBe(true);
      }
    });

    it('2. a NUL in any field of any event type, known or not: rejected, neighbours stored', async () => {
      const events = [
        created('nul-1', 'T-nul-1', { channel: 'a\u0000b' }),
        { id: 'nul-2', type: 'ticket.assigned', ticketId: 'T-nul-ok', occurredAt: '2026-02-01T10:00:00Z', agentType: 'ai', agentId: 'bot\u0000' },
        { id: 'nul-3', type: 'ticket.escalated', ticketId: 'T-nul-ok', occurredAt: '2026-02-01T10:00:00Z', reason: 'x\u0000' },
        { id: 'nul-4', type: 'ticket.reopened', ticketId: 'T-nul-ok', occurredAt: '2026-02-01T10:00:00Z', note: { deep: ['\u0000'] } },
        { id: 'nul\u0000-5', type: 'ticket.reopened', ticketId: 'T-nul-ok', occurredAt: '2026-02-01T10:00:00Z' },
        { id: 'nul-6', type: 'ticket.reopened\u0000', ticketId: 'T-nul-ok', occurredAt: '2026-02-01T10:00:00Z' },
        { id: 'nul-7', type: 'ticket.reopened', ticketId: 'T-nul-ok', occurredAt: '2026-02-01T10:00:00Z\u0000' },
        created('nul-ok', 'T-nul-ok'),
      ];
      for (const contentType of ['application/json', 'application/x-ndjson']) {
        const raw = contentType === 'application/json' ? JSON.stringify(events) : events.map((e) => JSON.stringify(e)).join('\n');
        const r = await post(raw, contentType);
        expect(r.status).toBe(207);
        expect(r.body.rejected.map((x: { index: number }) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(r.body.accepted + r.body.duplicates).toBe(1);
      }
      expect(await ticketExists('T-nul-ok')).toBe(true);
    });

    it('3. NUL in GET parameters and in a decoded cursor: 400 naming the parameter', async () => {
      const cursor = Buffer.from(JSON.stringify([1, 'a\u0000b'])).toString('base64url');
      for (const [url, name] of [
        ['/api/v1/tickets/a%00b', 'id'],
        ['/api/v1/metrics/summary?from=2026-01-01&to=2026-03-01&channel=a%00b', 'channel'],
        ['/api/v1/metrics/timeseries?from=2026-01-01&to=2026-03-01&category=a%00b', 'category'],
        ['/api/v1/metrics/breakdown?from=2026-01-01&to=2026-03-01&by=channel&language=a%00b', 'language'],
        ['/api/v1/tickets?from=2026-01-01&to=2026-03-01&path=%00', 'path'],
        [`/api/v1/tickets?from=2026-01-01&to=2026-03-01&cursor=${cursor}`, 'cursor'],
      ]) {
        const r = await t.request('GET', url);
        expect([url, r.status]).toEqual([url, 400]);
        expect(JSON.stringify(r.body.message)).toContain(name);
      }
    });

    it('4. RFC 3339 offsets beyond ±15:59 are stored as the instant they name', async () => {
      const r = await post(JSON.stringify([created('off-1', 'T-off', { occurredAt: '2030-01-15T10:00:00+16:00' }), { id: 'off-2', type: 'ticket.reopened', ticketId: 'T-off', occurredAt: '2030-01-15T10:00:00-23:59' }]));
      expect(r.status).toBe(200);
      expect(r.body.accepted).toBe(2);
      const detail = await t.request('GET', '/api/v1/tickets/T-off');
      expect(detail.status).toBe(200);
      const at = Object.fromEntries(detail.body.events.map((e: { id: string; occurredAt: string }) => [e.id, e.occurredAt]));
      expect(at).toEqual({ 'off-1': '2030-01-14T18:00:00.000Z', 'off-2': '2030-01-16T09:59:00.000Z' });
    });

    it('5. an unknown field nested 5,000 deep: that event rejected, the neighbour stored', async () => {
      const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const raw = `[${JSON.stringify(created('deep-1', 'T-deep-1')).slice(0, -1)},"x":${deep}},${JSON.stringify(created('deep-ok', 'T-deep-ok'))}]`;
      expect(raw.length).toBeGreaterThan(10_000);
      const r = await post(raw);
      expect(r.status).toBe(207);
      expect(r.body.rejected[0].errors[0]).toMatch(/^x(\.a)+: is nested deeper than 32 levels/);
      expect(await ticketExists('T-deep-ok')).toBe(true);
    });

    it('6. no body, no content type, multipart, form-encoded: a 4xx that says what to send', async () => {
      const none = await t.app.inject({ method: 'POST', url: '/api/v1/events', headers: { authorization: 'Bearer test-admin-token-0123456789' } });
      expect(none.statusCode).toBe(400);
      expect(none.json().message).toMatch(/body: missing/);
      const multipart = await t.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'multipart/form-data; boundary=XX' },
        payload: '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--XX--\r\n',
      });
      expect(multipart.statusCode).toBe(415);
      const form = await t.app.inject({ method: 'POST', url: '/api/v1/events', headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' });
      expect(form.statusCode).toBe(400);
      for (const route of ['/api/v1/tokens', '/api/v1/cost-model']) {
        const r = await t.app.inject({ method: route.endsWith('tokens') ? 'POST' : 'PUT', url: route, headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'multipart/form-data; boundary=XX' }, payload: '--XX--\r\n' });
        expect([route, r.statusCode]).toEqual([route, 415]);
      }
    });

    it('7. a repeated query parameter, on every parameter of every route: never a 5xx', async () => {
      const fails: string[] = [];
      for (const op of ops) {
        for (const p of op.query) {
          const r = await send(op, { [p.name]: ['a', 'b'] });
          if (r.status >= 500) fails.push(`${op.method} ${op.path} ?${p.name}&${p.name}: ${r.status}`);
        }
      }
      expect(fails).toEqual([]);
      const sort = await t.request('GET', '/api/v1/metrics/breakdown?from=2026-01-01&to=2026-03-01&by=channel&sort=a&sort=b');
      expect(sort.status).toBe(400);
      expect(sort.body.message.join()).toMatch(/^sort: given 2 times/);
    });

    it('8. NDJSON lines that are not one JSON value each are rejected at their own index', async () => {
      const e = (n: number) => JSON.stringify(created(`nd-e${n}`, `T-nd-${n}`));
      const r = await post([e(1), `[${e(2)}`, `${e(3)}]`, `${e(4)},${e(5)}`, e(6)].join('\n'), 'application/x-ndjson');
      expect(r.status).toBe(207);
      expect(r.body.accepted).toBe(2);
      expect(r.body.rejected.map((x: { index: number; line: number; id: string }) => [x.index, x.line, x.id])).toEqual([
        [1, 2, 'nd-e2'],
        [2, 3, 'nd-e3'],
        [3, 4, 'nd-e4'],
      ]);
      expect([await ticketExists('T-nd-1'), await ticketExists('T-nd-6')]).toEqual([true, true]);
      expect([await ticketExists('T-nd-2'), await ticketExists('T-nd-3'), await ticketExists('T-nd-4'), await ticketExists('T-nd-5')]).toEqual([false, false, false, false]);
    });
  });

  /** One request to an operation with valid defaults, `override` on top (an array repeats the parameter). */
  async function send(op: Op, override: Record<string, string | string[]>, pathValue = 'T-1', body?: { raw: string | Buffer; type?: string }) {
    const parts: string[] = [];
    const params: Record<string, string | string[]> = {};
    for (const p of op.query) if (p.required || p.name in VALID) params[p.name] = VALID[p.name] ?? 'x';
    Object.assign(params, override);
    for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeQueryValue(k)}=${encodeQueryValue(one)}`);
    const path = op.path.replace(/\{(\w+)\}/g, () => encodeQueryValue(pathValue));
    const url = `${path}${parts.length ? `?${parts.join('&')}` : ''}`;
    const headers: Record<string, string> = { authorization: 'Bearer test-admin-token-0123456789' };
    if (body?.type) headers['content-type'] = body.type;
    const res = await t.app.inject({ method: op.method as 'GET', url, headers, payload: body?.raw });
    return { status: res.statusCode, url, body: res.body };
  }

  it('every parameter of every route, with every hostile value: never a 5xx', async () => {
    const fails: string[] = [];
    let n = 0;
    for (const op of ops.filter((o) => !o.path.includes('imports') || o.method === 'GET')) {
      for (const value of HOSTILE_STRINGS) {
        for (const p of op.query) {
          n++;
          const r = await send(op, { [p.name]: value });
          if (r.status >= 500) fails.push(`${r.url}: ${r.status} ${r.body.slice(0, 200)}`);
        }
        if (op.pathParams.length > 0) {
          n++;
          const r = await send(op, {}, value);
          if (r.status >= 500) fails.push(`${r.url}: ${r.status} ${r.body.slice(0, 200)}`);
        }
      }
    }
    expect(fails).toEqual([]);
    expect(n).toBeGreaterThan(1000);
  });

  it('a seeded fuzz of 3,000 requests: never a 5xx, every event accounted for', async () => {
    const rng = new Rng(20261128);
    const fails: string[] = [];
    const fixture = fixtureLines().map((l) => JSON.parse(l) as Record<string, unknown>);
    const writable = ops.filter((o) => o.method !== 'GET' && !o.path.includes('imports'));
    for (let i = 0; i < 3000; i++) {
      const kind = rng.int(10);
      if (kind < 5) {
        // Events: mutated fixture events (own ids and tickets) in a random body shape.
        const events = Array.from({ length: 1 + rng.int(8) }, (_, k) => mutateEvent(rng, fixture[rng.int(fixture.length)], `fz-${i}-${k}`));
        const shape = rng.int(5);
        let raw: string;
        let items: number | null = events.length;
        let type = 'application/json';
        if (shape === 0) raw = JSON.stringify(events);
        else if (shape === 1) raw = JSON.stringify({ events });
        else if (shape === 2) {
          type = 'application/x-ndjson';
          raw = events.map((e) => JSON.stringify(e)).join(rng.pick(['\n', '\r\n', '\n\n']));
        } else {
          // NDJSON with corruption: lines cut, joined or bracketed; count only what is not blank.
          type = rng.pick(['application/x-ndjson', 'application/json', '']);
          const lines = events.map((e) => JSON.stringify(e)).map((l) => (rng.int(4) === 0 ? rng.pick([`[${l}`, `${l}]`, l.slice(0, rng.int(l.length)), `${l},${l}`]) : l));
          raw = lines.join('\n');
          items = null; // how many items the server sees depends on how it classifies the body
        }
        const r = await send({ method: 'POST', path: '/api/v1/events', query: [], pathParams: [] }, {}, '', { raw, type });
        if (r.status >= 500) fails.push(`events #${i}: ${r.status} ${r.body.slice(0, 300)}`);
        if ((r.status === 200 || r.status === 207) && items !== null) {
          const b = JSON.parse(r.body);
          if (b.accepted + b.duplicates + b.rejected.length !== items) fails.push(`events #${i}: ${b.accepted}+${b.duplicates}+${b.rejected.length} != ${items}`);
        }
      } else if (kind < 8) {
        // Reads: random values for random known parameters, sometimes unknown ones.
        const op = rng.pick(ops.filter((o) => o.method === 'GET'));
        const override: Record<string, string | string[]> = {};
        for (let k = 0; k < 1 + rng.int(3); k++) {
          const name = op.query.length && rng.int(5) > 0 ? rng.pick(op.query).name : rng.pick(['x', '__proto__', 'constructor', 'a[b]', 'from[]', '']);
          override[name] = rng.int(6) === 0 ? [rng.pick(HOSTILE_STRINGS), rng.pick(HOSTILE_STRINGS)] : rng.pick(HOSTILE_STRINGS);
        }
        const r = await send(op, override, rng.pick(HOSTILE_STRINGS));
        if (r.status >= 500) fails.push(`${r.url}: ${r.status} ${r.body.slice(0, 300)}`);
      } else {
        // Writes other than events: random JSON, random content types, raw bytes.
        const op = rng.pick(writable);
        const raw = rng.int(6) === 0 ? Buffer.from(Array.from({ length: rng.int(64) }, () => rng.int(256))) : JSON.stringify(randomJson(rng, 0));
        const r = await send(op, {}, rng.pick([...HOSTILE_STRINGS, '00000000-0000-0000-0000-000000000000']), { raw, type: rng.pick(['application/json', 'text/plain', 'application/json; charset=latin1', 'application/xml', '']) });
        if (r.status >= 500) fails.push(`${op.method} ${r.url}: ${r.status} ${r.body.slice(0, 300)}`);
      }
    }
    expect(fails).toEqual([]);
  });

  it('imports: hostile fields, file names and contents in 60 multipart uploads: never a 5xx, every job ends', async () => {
    const rng = new Rng(7);
    const fails: string[] = [];
    const jobs: string[] = [];
    const part = (name: string, value: string | Buffer, filename?: string) =>
      Buffer.concat([
        Buffer.from(`--XB\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename.replace(/["\r\n]/g, '_')}"` : ''}\r\n\r\n`),
        Buffer.isBuffer(value) ? value : Buffer.from(value),
        Buffer.from('\r\n'),
      ]);
    const fileOf = (): Buffer => {
      const k = rng.int(4);
      if (k === 0) return Buffer.from(Array.from({ length: rng.int(200) }, () => rng.int(256)));
      if (k === 1) return Buffer.from(`Ticket ID,Ticket Type,Ticket Channel\n${Array.from({ length: 5 }, () => [rng.pick(HOSTILE_STRINGS), rng.pick(HOSTILE_STRINGS), 'chat'].map((v) => JSON.stringify(v)).join(',')).join('\n')}\n`);
      if (k === 2) return Buffer.from(Array.from({ length: 5 }, () => JSON.stringify(randomJson(rng, 0))).join('\n'));
      return Buffer.from(fixtureLines().slice(0, 20).join('\n'));
    };
    for (let i = 0; i < 60; i++) {
      const fields: Buffer[] = [];
      const pick = <T,>(xs: readonly T[]) => rng.pick(xs);
      // Mostly valid fields, so that many uploads become background jobs; hostile ones otherwise.
      const valid = rng.int(4) > 0;
      const presets = ['uci-incident', 'helpdesk-italian', 'kaggle-tickets'];
      if (rng.int(6) > 0) fields.push(part('preset', valid ? pick(presets) : pick(HOSTILE_STRINGS)));
      if (rng.int(6) === 0) fields.push(part('mapping', rng.int(2) ? JSON.stringify(randomJson(rng, 0)) : pick(HOSTILE_STRINGS)));
      if (rng.int(2) === 0) fields.push(part('dryRun', valid ? pick(['true', 'false']) : pick(HOSTILE_STRINGS)));
      if (rng.int(2) === 0) fields.push(part('format', valid ? pick(['csv', 'ndjson']) : pick(HOSTILE_STRINGS)));
      fields.push(part('file', fileOf(), pick(['export.csv', 'events.ndjson', '../../etc/passwd', 'a\u0000b.csv', 'ü😀.csv', 'x'.repeat(300), ''])));
      const payload = Buffer.concat([...fields, Buffer.from('--XB--\r\n')]);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'multipart/form-data; boundary=XB' } });
      if (res.statusCode >= 500) fails.push(`upload #${i}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (res.statusCode === 202) jobs.push(res.json().id);
    }
    for (const id of jobs) {
      for (let k = 0; k < 100; k++) {
        const j = await t.request('GET', `/api/v1/imports/${id}`);
        if (j.status >= 500) fails.push(`job ${id}: ${j.status}`);
        if (j.body?.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(fails).toEqual([]);
    expect(jobs.length).toBeGreaterThan(5);
    const list = await t.request('GET', '/api/v1/imports');
    expect(list.status).toBe(200);
    expect(list.body.filter((j: { status: string }) => j.status === 'running')).toEqual([]);
  });

  it('after all of that the fixture tickets still answer and nothing is half-stored', async () => {
    const r = await t.request('GET', '/api/v1/status');
    expect(r.status).toBe(200);
    const { rows } = { rows: await t.ds.query(`SELECT count(*)::int AS n FROM ticket_events e WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticket_id)`) };
    expect(rows[0].n).toBe(0); // every stored event has its replayed ticket
  });
});
