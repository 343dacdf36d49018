// The OpenAPI document is generated from the code; this fails when a route or a DTO field is
// missing from it (e.g. a new controller method without its decorators reaching the document).
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { CONTROLLERS } from '../src/app.module';
import { TestApp, createTestApp } from './test-app';

interface Route {
  method: string;
  path: string;
  query?: Function;
  body?: Function;
}

function routes(): Route[] {
  const out: Route[] = [];
  for (const controller of CONTROLLERS) {
    const base: string = Reflect.getMetadata(PATH_METADATA, controller);
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as unknown as Record<string, object>)[name];
      const sub: string | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      if (name === 'constructor' || sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
      const path = ('/' + [base, sub].filter((p) => p && p !== '/').join('/')).replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
      const types: Function[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
      const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
      const route: Route = { method, path };
      for (const [key, a] of Object.entries(args)) {
        const kind = Number(key.split(':')[0]);
        if (kind === 4 /* QUERY */ && types[a.index]?.name?.endsWith('Dto')) route.query = types[a.index];
        if (kind === 3 /* BODY */ && types[a.index]?.name?.endsWith('Dto')) route.body = types[a.index];
      }
      out.push(route);
    }
  }
  return out;
}

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
    t = await createTestApp();
    const res = await t.request('GET', '/api/docs-json', { token: null });
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(async () => t.close());

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

  it('serves the interactive docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });
});
