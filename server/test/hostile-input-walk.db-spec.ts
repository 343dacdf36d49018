// Hostile input found by a walk of the API (2026-11-30), beside the fuzzer's cases in
// hostile-input.db-spec.ts: dates at the ends of the calendar, mappings of the wrong shape, bodies
// that are not UTF-8, nulls and absurd values, long ids, encoded paths. Never a 5xx, never a lost event.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestApp, createTestApp } from './test-app';

const created = (id: string, ticketId: string, extra: Record<string, unknown> = {}) => ({ id, type: 'ticket.created', ticketId, occurredAt: '2026-02-01T10:00:00Z', channel: 'chat', category: 'billing', customerId: `c-${ticketId}`, ...extra });

describe('hostile input found by the walk: a 4xx that says where, never a 5xx or a lost event', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const post = (raw: string, contentType = 'application/json') => t.request('POST', '/api/v1/events', { raw, contentType });
  const ticketExists = async (id: string) => (await t.request('GET', `/api/v1/tickets/${encodeURIComponent(id)}`)).status === 200;

  it('the first month of 0001 and the last of 9999 are refused; the projector goes on, in any zone', async () => {
    // 9999-12-31T23:59:59.9999999Z, once accepted, stopped the projector for every workspace: a
    // day after it was in the year 10000. The instants a month inside are projected, in UTC and in
    // zones 14 and 12 hours off it.
    const sent = (ws: string, tag: string) => [
      created(`${tag}-late`, `T-${tag}-late`, { occurredAt: '9999-12-31T23:59:59.9999999Z' }),
      created(`${tag}-early`, `T-${tag}-early`, { occurredAt: '0001-01-01T00:00:00Z' }),
      created(`${tag}-last`, `T-${tag}-last`, { occurredAt: '9999-11-30T23:59:59.999999Z' }),
      created(`${tag}-first`, `T-${tag}-first`, { occurredAt: '0001-02-01T00:00:00Z' }),
      created(`${tag}-ok`, `T-${tag}-ok`),
    ].map((e) => ({ ...e, id: `${ws}-${e.id}` }));
    for (const [ws, tz] of [['', 'UTC'], ['kiritimati', 'Pacific/Kiritimati'], ['niue', 'Pacific/Niue']]) {
      if (ws) expect((await t.request('POST', '/api/v1/workspaces', { body: { slug: ws, name: ws, timeZone: tz } })).status).toBe(201);
      const base = ws ? `/api/v1/workspaces/${ws}` : '/api/v1';
      const r = await t.request('POST', `${base}/events`, { raw: JSON.stringify(sent(ws, 'y')), contentType: 'application/json' });
      expect(r.status).toBe(207);
      expect(r.body.rejected.map((x: { index: number; errors: string[] }) => `${x.index} ${x.errors.join()}`)).toEqual([
        '0 occurredAt: is after 9999-11-30T23:59:59Z (the last month of the year 9999 is not accepted), got the string "9999-12-31T23:59:59.9999999Z"',
        '1 occurredAt: is before 0001-02-01T00:00:00Z (the first month of the year 0001 is not accepted), got the string "0001-01-01T00:00:00Z"',
      ]);
      const exists = async (id: string) => (await t.request('GET', `${base}/tickets/${id}`)).status;
      expect([tz, await exists('T-y-last'), await exists('T-y-first'), await exists('T-y-ok'), await exists('T-y-late')]).toEqual([tz, 200, 200, 200, 404]);
    }
  });

  it('dates a request names are years 1900-2199: said at the parameter, never a 500', async () => {
    // 9999-12-01 to 9999-12-31 was a 500 on every read (dates past 9999 are not dates), and a
    // month series there counted a million months first.
    for (const [route, query, message] of [
      ['metrics/summary', 'from=9999-12-01&to=9999-12-31', 'from: 9999-12-01 is outside the years 1900-2199,to: 9999-12-31 is outside the years 1900-2199'],
      ['metrics/timeseries', 'from=2026-01-01&to=9999-12-31&interval=month', 'to: 9999-12-31 is outside the years 1900-2199'],
      ['tickets', 'from=0050-01-01&to=2026-01-01', 'from: 0050-01-01 is outside the years 1900-2199'],
      ['metrics/summary', 'from=2026-01-01&to=2026-02-01&asOf=2500-01-01T00:00:00Z', 'asOf: is outside the years 1900-2199, got "2500-01-01T00:00:00Z"'],
    ]) {
      const res = await t.request('GET', `/api/v1/${route}?${query}`);
      expect([route, res.status, [res.body.message].flat().join()]).toEqual([route, 400, message]);
    }
    // The ends themselves answer, comparisons and whole weeks reaching past them included.
    const edge = await t.request('GET', '/api/v1/metrics/timeseries?from=2199-11-01&to=2199-12-31&interval=month&tz=Pacific/Kiritimati');
    expect([edge.status, edge.body.message]).toEqual([200, undefined]);
    expect(edge.body.buckets.map((b: { bucket: string; to: string }) => `${b.bucket} ${b.to}`)).toEqual(['2199-11-01 2199-12-01', '2199-12-01 2199-12-31']);
    for (const q of ['from=1900-01-01&to=1900-02-01&compare=previous&tz=Pacific/Niue', 'from=2199-12-01&to=2199-12-31&compare=year']) {
      const r = await t.request('GET', `/api/v1/metrics/summary?${q}`);
      expect([q, r.status, r.body.tickets]).toEqual([q, 200, 0]);
    }
    expect((await t.request('GET', '/api/v1/metrics/timeseries?from=1900-01-03&to=1900-02-01&interval=week')).status).toBe(200);
    const claim = await t.request('POST', '/api/v1/claims', { body: { title: 'poison', source: { kind: 'press' }, from: '9999-12-01', to: '9999-12-31', tz: 'UTC', figures: [{ kind: 'aiResolutions', value: 100, unit: 'resolutions' }] } });
    expect(claim.status).toBe(400);
    expect((await t.request('GET', '/api/v1/claims')).status).toBe(200);
  });

  it('a ticket id of 128 code points, emoji included, opens by its path', async () => {
    for (const id of ['T'.repeat(128), '😀'.repeat(128)]) {
      expect((await post(JSON.stringify([created(`long-${id.length}`, id)]))).status).toBe(200);
      const r = await t.request('GET', `/api/v1/tickets/${encodeURIComponent(id)}`);
      expect([id.length, r.status, r.body.ticket?.ticketId ?? r.body.id ?? r.body.ticketId]).toEqual([id.length, 200, id]);
    }
  });

  it('null for a field that has a value, floors that are not an object, costs past a billion: 400 at the field', async () => {
    expect((await t.request('POST', '/api/v1/workspaces', { body: { slug: 'nulls', name: 'Nulls' } })).status).toBe(201);
    const cases: [string, string, unknown, RegExp][] = [
      ['PATCH', '/api/v1/workspaces/nulls', { name: null }, /^name: must be 1 to 100 characters long$/],
      ['PATCH', '/api/v1/workspaces/nulls', { alertFloors: [] }, /^alertFloors: must be \{/],
      ['PATCH', '/api/v1/workspaces/nulls', { alertFloors: 'off' }, /^alertFloors: must be \{/],
      ['PUT', '/api/v1/workspaces/nulls/cost-model', { currency: null }, /^currency: must be a 3-letter ISO 4217 code/],
      ['PUT', '/api/v1/workspaces/nulls/cost-model', { currency: 'NaN' }, /^currency: must be a 3-letter ISO 4217 code/],
      ['PUT', '/api/v1/workspaces/nulls/cost-model', { humanHourlyCost: null }, /^humanHourlyCost: must be a number from 0 to 1,000,000,000$/],
      ['PUT', '/api/v1/workspaces/nulls/cost-model', { humanHourlyCost: 1e308 }, /^humanHourlyCost: must be a number from 0 to 1,000,000,000$/],
      ['PUT', '/api/v1/workspaces/nulls/cost-model', { fteHoursPerMonth: 800 }, /^fteHoursPerMonth: must be a number of hours from 0 to 744/],
    ];
    for (const [method, url, body, message] of cases) {
      const r = await t.request(method, url, { body });
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
      expect([r.body.message].flat().join('; ')).toMatch(message);
    }
    const whatIf = await t.request('GET', '/api/v1/metrics/summary?from=2026-01-01&to=2026-02-01&humanHourlyCost=99999999999999999999999');
    expect([whatIf.status, whatIf.body.message]).toEqual([400, ['humanHourlyCost: at most 1,000,000,000 (as for the saved cost model), got "99999999999999999999999"']]);
    // Nothing of it was stored: the floors are still the defaults, the cost model its first version.
    const ws = await t.request('GET', '/api/v1/workspaces/nulls');
    expect([ws.body.name, ws.body.alertFloors]).toEqual(['Nulls', null]);
    expect((await t.request('GET', '/api/v1/workspaces/nulls/cost-model')).body.version).toBe(1);
    expect((await t.request('PUT', '/api/v1/workspaces/nulls/cost-model', { body: { humanHourlyCost: 1_000_000_000, fteHoursPerMonth: 744 } })).status).toBe(200);
  });

  it('a body that is not UTF-8: 400 at its byte; named as Latin-1, read as Latin-1, and no event is lost as a duplicate', async () => {
    // Ids "caf\xE9-1" and "caf\xE8-1" both became "caf\uFFFD-1": accepted 1, duplicates 1.
    const ev = (id: number[]) => Buffer.concat([Buffer.from('{"id":"'), Buffer.from(id), Buffer.from(`","type":"ticket.created","ticketId":"T-latin-${id[3]}","occurredAt":"2026-02-01T10:00:00Z","channel":"chat"}`)]);
    const body = Buffer.concat([Buffer.from('['), ev([0x63, 0x61, 0x66, 0xe9]), Buffer.from(','), ev([0x63, 0x61, 0x66, 0xe8]), Buffer.from(']')]);
    const send = (contentType: string) => t.app.inject({ method: 'POST', url: '/api/v1/events', payload: body, headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': contentType } });
    const refused = await send('application/json');
    expect([refused.statusCode, refused.json().message]).toEqual([400, 'body: not valid UTF-8 at byte 11 (send UTF-8, or name the charset the body is in: Content-Type: application/json; charset=iso-8859-1)']);
    const latin1 = await send('application/json; charset=iso-8859-1');
    expect([latin1.statusCode, latin1.json().accepted, latin1.json().duplicates]).toEqual([200, 2, 0]);
    const ids = await t.ds.query(`SELECT id FROM ticket_events WHERE id IN ('café', 'cafè') ORDER BY id COLLATE "C"`);
    expect(ids.map((r: { id: string }) => r.id)).toEqual(['cafè', 'café']);
    // The same on a JSON route: a workspace's name.
    const named = await t.app.inject({ method: 'POST', url: '/api/v1/workspaces', payload: Buffer.from([...Buffer.from('{"slug":"latin","name":"Caf'), 0xe9, ...Buffer.from('"}')]), headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' } });
    expect([named.statusCode, named.json().message]).toEqual([400, expect.stringMatching(/^body: not valid UTF-8 at byte 27/)]);
  });

  it('a percent-encoded path is the route it names; a route that does not exist is a 404, whatever the body', async () => {
    const headers = { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' };
    const encoded = await t.app.inject({ method: 'POST', url: '/api/v1/%65vents', payload: JSON.stringify([created('enc-1', 'T-enc-1')]), headers });
    expect([encoded.statusCode, encoded.json().accepted]).toEqual([200, 1]);
    const nowhere = await t.app.inject({ method: 'POST', url: '/api/v1/nowhere', payload: '[1,2', headers });
    expect(nowhere.statusCode).toBe(404);
  });

  it('an import mapping of the wrong shape: 400 at its field, before the upload is answered, and the server stays up', async () => {
    // ai.ids = 0 was answered 202, then its job's unread file stream ended the process.
    const mapping = JSON.stringify({ kind: 'ticket-table', source: 'x', ticketId: 'Id', createdAt: { column: 'Created' }, ticket: { channel: { value: 'email' } }, ai: { ids: 0 } });
    for (const dryRun of ['true', 'false']) {
      const payload = Buffer.from(`--XB\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${mapping}\r\n--XB\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\n${dryRun}\r\n--XB\r\nContent-Disposition: form-data; name="file"; filename="tiny.csv"\r\n\r\nId,Created\n1,2026-11-01T10:00:00Z\n\r\n--XB--\r\n`);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'multipart/form-data; boundary=XB' } });
      expect([res.statusCode, res.json().message]).toEqual([400, ['mapping.ai.ids: must be a list of agent or group ids (strings)']]);
    }
    expect((await t.request('GET', '/api/v1/status')).status).toBe(200);
  });

  it('an upload field the import does not know is refused, naming the fields it knows (aiIds was ignored: the import came out all human)', async () => {
    const payload = Buffer.from(`--XB\r\nContent-Disposition: form-data; name="preset"\r\n\r\nuci-incident\r\n--XB\r\nContent-Disposition: form-data; name="aiIds"\r\n\r\nResolver 13\r\n--XB\r\nContent-Disposition: form-data; name="file"; filename="tiny.csv"\r\n\r\nnumber,incident_state\n1,New\n\r\n--XB--\r\n`);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'multipart/form-data; boundary=XB' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('aiIds: unknown field; the fields are preset, mapping, dryRun, replaceSource, handleTime, format, file; AI agents are named in the mapping\'s "ai": {"ids": [...]} or {"pattern": "..."} (docs/IMPORT.md)');
    expect((await t.request('GET', '/api/v1/status')).status).toBe(200);
  });

  it('a field sent after the file is refused and nothing is imported (dryRun after the file would have imported for real)', async () => {
    const csv = 'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at\nINC-late,New,true,0,0,0,true,Caller 1,Opened 1,1/3/2016 09:00,x,1/3/2016 09:00,x,1/3/2016 09:00,Phone,L,Category 1,S,Sym,?,2 - Medium,2 - Medium,3 - Moderate,G,?,true,false,Do Not Notify,?,?,?,?,?,?,?,?\n';
    const payload = Buffer.from(`--XB\r\nContent-Disposition: form-data; name="preset"\r\n\r\nuci-incident\r\n--XB\r\nContent-Disposition: form-data; name="file"; filename="late.csv"\r\n\r\n${csv}\r\n--XB\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--XB--\r\n`);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'multipart/form-data; boundary=XB' } });
    expect([res.statusCode, res.json().message]).toEqual([400, 'dryRun: sent after the file; send every field before the file (the upload is read in order), nothing was imported']);
    expect((await t.request('GET', '/api/v1/imports')).body.filter((j: { fileName: string }) => j.fileName === 'late.csv')).toEqual([]);
  });

  it('an upload cut short, a field given twice: a 400, nothing imported, no copy left in the temp folder', async () => {
    // A temp folder of this test's own: other test files import in parallel into the shared one.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-upload-test-'));
    const was = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      const temp = () => fs.readdirSync(own).filter((f) => f.startsWith('claimcheck-import-')).length;
      const before = temp();
      expect(before).toBe(0);
      const send = (body: string) => t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: Buffer.from(body), headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'multipart/form-data; boundary=BB' } });
      // No closing boundary after the file (it was a 500, and its saved copy stayed).
      const cut = await send('--BB\r\nContent-Disposition: form-data; name="preset"\r\n\r\nkaggle-tickets\r\n--BB\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n\r\na,b\r\n1,2\r\n');
      expect(cut.statusCode).toBe(400);
      expect(cut.json().message).toMatch(/^body: the upload is not a complete multipart\/form-data body/);
      // dryRun twice took its last value and imported for real.
      const twice = await send('--BB\r\nContent-Disposition: form-data; name="preset"\r\n\r\nkaggle-tickets\r\n--BB\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--BB\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\nfalse\r\n--BB\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n\r\na,b\r\n1,2\r\n--BB--\r\n');
      expect([twice.statusCode, twice.json().message]).toEqual([400, 'dryRun: given more than once; give each field once']);
      // A mapping past the 1 MB a field may hold was cut and read as "not valid JSON".
      const big = await send(`--BB\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${'x'.repeat(1024 * 1024 + 10)}\r\n--BB\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n\r\na,b\r\n1,2\r\n--BB--\r\n`);
      expect([big.statusCode, big.json().message]).toEqual([400, 'mapping: larger than the 1 MB a field may hold']);
      expect(temp()).toBe(0);
    } finally {
      if (was === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = was;
      fs.rmSync(own, { recursive: true, force: true });
    }
    expect((await t.request('GET', '/api/v1/status')).status).toBe(200);
  });
});
