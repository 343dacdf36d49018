// Every route of every controller, read from Nest's decorators (the OpenAPI and workspace tests
// check that each is documented and isolated).
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { CONTROLLERS } from '../src/app.module';

export interface Route {
  method: string;
  path: string;
  query?: Function;
  body?: Function;
}

export function routes(): Route[] {
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
