// The OpenAPI document is generated from the code; this fails when a route or a DTO field is
// missing from it (e.g. a new controller method without its decorators reaching the document).
import { getMetadataStorage } from 'class-validator';
import { routes } from './routes';
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestApp, createTestApp, fixtureLines } from './test-app';

function dtoFields(dto: Function): string[] {
  const fields = new Set<string>();
  for (let c: any = dto; c && c !== Object && c.prototype; c = Object.getPrototypeOf(c)) {
    for (const m of getMetadataStorage().getTargetValidationMetadatas(c, '', true, false)) fields.add(m.propertyName);
  }
  return [...fields];
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    // Generated at build (scripts/api-schemas.mjs); `npm run test:db` runs the generator first.
    const schemas = path.join(__dirname, '..', 'dist', 'api-schemas.json');
    if (!fs.existsSync(schemas)) throw new Error(`${schemas} is missing: run \`npm run test:db\` or \`node scripts/api-schemas.mjs\` in server/ first`);
    t = await createTestApp();
    const res = await t.request('GET', '/api/docs-json', { token: null });
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(async () => t?.close());

  it('lists every route of every controller', () => {
    const list = routes();
    expect(list.length).toBeGreaterThanOrEqual(14);
    const missing = list.filter((r) => !doc.paths[r.path]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('documents every field of every query and body DTO', () => {
    const missing: string[] = [];
    for (const r of routes()) {
      const op = doc.paths[r.path][r.method];
      if (r.query) {
        const names = new Set((op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name));
        for (const f of dtoFields(r.query)) if (!names.has(f)) missing.push(`${r.method} ${r.path} ?${f}`);
      }
      if (r.body) {
        const ref: string = op.requestBody?.content?.['application/json']?.schema?.$ref ?? '';
        const schema = doc.components.schemas[ref.split('/').pop() ?? ''];
        for (const f of dtoFields(r.body)) if (!schema?.properties?.[f]) missing.push(`${r.method} ${r.path} body.${f}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every answer has a schema from the contract, and every route its error answers', () => {
    const schemas = doc.components.schemas as Record<string, unknown>;
    expect(Object.keys(schemas).length).toBeGreaterThanOrEqual(45);
    expect(Object.keys(schemas).filter((n) => !/^[A-Za-z0-9._-]+$/.test(n))).toEqual([]); // OpenAPI's rule for component names
    for (const name of ['SummaryResponse', 'TimeseriesResponse', 'BreakdownResponse', 'TicketPage', 'TicketDetail', 'AlertRow', 'ImportJob', 'CostModelVersion', 'IngestResponse', 'DataStatus', 'ApiError']) {
      expect([name, name in schemas]).toEqual([name, true]);
    }
    const missing: string[] = [];
    for (const [p, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const ok = Object.entries(op.responses as Record<string, any>).find(([code]) => code.startsWith('2'));
        const schema = ok?.[1]?.content?.['application/json']?.schema;
        if (!schema?.$ref && !schema?.items?.$ref && !schema?.oneOf?.every((x: any) => x.$ref)) missing.push(`${method} ${p}: no answer schema`);
        const codes = Object.keys(op.responses);
        for (const code of ['500', '503', ...(op.security?.length ? ['401', '403'] : []), ...((op.parameters ?? []).length || op.requestBody ? ['400'] : [])]) {
          if (!codes.includes(code)) missing.push(`${method} ${p}: no ${code}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Every reference resolves.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.filter((r) => !(r in schemas))).toEqual([]);
  });

  it('real answers match their schemas exactly (no field the contract does not declare)', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, object>)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const check = (name: string, body: unknown) => {
      const validate = ajv.getSchema(`#/components/schemas/${name}`)!;
      const ok = validate(body);
      return ok ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${name}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
    };
    const ingest = await t.request('POST', '/api/v1/events', { raw: fixtureLines().join('\n'), contentType: 'application/x-ndjson' });
    const q = 'from=2026-01-05&to=2026-02-02&asOf=2026-03-01T00:00:00Z';
    const errors = [
      ...check('IngestResponse', ingest.body),
      ...check('SummaryResponse', (await t.request('GET', `/api/v1/metrics/summary?${q}&compare=previous`)).body),
      ...check('TimeseriesResponse', (await t.request('GET', `/api/v1/metrics/timeseries?${q}&interval=week`)).body),
      ...check('BreakdownResponse', (await t.request('GET', `/api/v1/metrics/breakdown?${q}&by=category&series=week&limit=2&compare=year`)).body),
      ...check('BreakdownResponse', (await t.request('GET', `/api/v1/metrics/breakdown?${q}&by=category,channel`)).body),
      // percentiles=false: the lean shapes, and only them (the full schema requires the medians).
      ...check('LeanTimeseriesResponse', (await t.request('GET', `/api/v1/metrics/timeseries?${q}&interval=week&percentiles=false`)).body),
      ...check('LeanBreakdownResponse', (await t.request('GET', `/api/v1/metrics/breakdown?${q}&by=category&percentiles=false&compare=previous&series=week&limit=2`)).body),
      ...(check('TimeseriesResponse', (await t.request('GET', `/api/v1/metrics/timeseries?${q}&interval=week&percentiles=false`)).body).length > 0 ? [] : ['a lean timeseries passed the full schema']),
      ...check('TicketPage', (await t.request('GET', `/api/v1/tickets?${q}&limit=3`)).body),
      ...check('DataStatus', (await t.request('GET', '/api/v1/status')).body),
      ...check('CostModelVersion', (await t.request('GET', '/api/v1/cost-model')).body),
      ...check('WhoAmI', (await t.request('GET', '/api/v1/me')).body),
      ...check('WorkspaceInfo', (await t.request('GET', '/api/v1/workspaces/default')).body),
      ...check('WorkspaceInfo', (await t.request('POST', '/api/v1/workspaces', { body: { slug: 'schema-check', name: 'Schema check', timeZone: 'Asia/Kathmandu', currency: 'EUR', alertFloors: { ratePoints: 2, handlePercent: 10, handleSeconds: 20 } } })).body),
      ...check('ApiError', (await t.request('GET', '/api/v1/metrics/summary?from=x')).body),
    ];
    // The routes answer oneOf(full, lean): exactly one must match, also for an empty breakdown.
    const route = (name: string, body: unknown) => {
      const validate = ajv.compile({ oneOf: [{ $ref: `#/components/schemas/${name}` }, { $ref: `#/components/schemas/Lean${name}` }] });
      return validate(body) ? [] : [`${name} route: ${JSON.stringify(validate.errors?.slice(0, 2))}`];
    };
    const empty = 'from=2020-01-01&to=2020-01-08';
    for (const p of ['true', 'false']) {
      errors.push(...route('BreakdownResponse', (await t.request('GET', `/api/v1/metrics/breakdown?${empty}&by=channel&percentiles=${p}`)).body));
      errors.push(...route('TimeseriesResponse', (await t.request('GET', `/api/v1/metrics/timeseries?${empty}&percentiles=${p}`)).body));
    }
    const ticket = (await t.request('GET', `/api/v1/tickets?${q}&limit=1`)).body.items[0].id;
    errors.push(...check('TicketDetail', (await t.request('GET', `/api/v1/tickets/${encodeURIComponent(ticket)}`)).body));
    // Claims: a check with every kind of figure, a vendor upload, its pages.
    const figures = [
      { kind: 'aiResolutions', value: 200, unit: 'resolutions' },
      { kind: 'aiResolutionRate', value: 60, unit: 'percent' },
      { kind: 'automationRate', value: 0.3, unit: 'fraction' },
      { kind: 'handleTime', value: 2, unit: 'minutes', who: 'ai', stat: 'median' },
      { kind: 'costPerAiResolution', value: 0.99, unit: 'money' },
      { kind: 'savings', value: 40000, unit: 'money_per_year', note: 'saves $40k a year' },
      { kind: 'fte', value: 7, unit: 'agents' },
      { kind: 'csat', value: 4.2, unit: 'average_of_5' },
    ];
    const created = await t.request('POST', '/api/v1/claims', { body: { title: 'All kinds', source: { kind: 'press' }, from: '2026-01-05', to: '2026-02-02', tz: 'UTC', category: 'billing', figures } });
    errors.push(...check('ClaimDetail', created.body));
    errors.push(...check('VendorUploadReport', (await t.request('POST', `/api/v1/claims/${created.body.id}/vendor-export`, { raw: `id,amount\n${ticket},0.99\nnope,x`, contentType: 'text/csv', token: undefined })).body));
    errors.push(...check('ClaimDetail', (await t.request('GET', `/api/v1/claims/${created.body.id}`)).body));
    errors.push(...check('VendorItemPage', (await t.request('GET', `/api/v1/claims/${created.body.id}/vendor-export`)).body));
    errors.push(...check('ClaimVersion', (await t.request('GET', `/api/v1/claims/${created.body.id}/versions`)).body[0]));
    for (const item of (await t.request('GET', '/api/v1/claims')).body) errors.push(...check('ClaimListItem', item));
    expect(errors).toEqual([]);
  });

  it('serves the interactive docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });
});
