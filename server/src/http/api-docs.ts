// The OpenAPI document: routes and parameters from the controllers and DTOs, every answer's schema
// from the contract's TypeScript types (scripts/api-schemas.mjs, at build), and the error answers
// every route can give. Served at /api/docs (UI) and /api/docs-json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { findRepoRoot } from '../config/repo-root';

/** A reference to a contract type's schema, for @ApiOkResponse({ schema }). */
export const contractRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** An array of a contract type. */
export const contractList = (name: string) => ({ type: 'array', items: contractRef(name) });

const ERRORS: Record<number, string> = {
  400: 'The request is not valid: `message` names each parameter or field and why',
  401: 'No token, or one that is unknown or revoked',
  403: 'The token has a role that may not do this',
  404: 'Nothing with that id (or no such route)',
  413: 'Too large: more than 10,000 events or 10 MiB',
  415: 'A content type this route does not take',
  500: 'Unexpected: logged with the `requestId`',
  503: 'The database is not answering (or the server is shutting down): send again after `Retry-After` seconds',
};

function loadSchemas(): Record<string, unknown> {
  const file = path.join(findRepoRoot(), 'server', 'dist', 'api-schemas.json');
  if (!fs.existsSync(file)) {
    new Logger('OpenAPI').warn(`${file} is missing (npm run build -w server makes it): the document has no answer schemas`);
    return {};
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

interface Operation {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
}

/** Every error answer a route can give, each with the ApiError schema. */
function addErrors(pathName: string, method: string, op: Operation): void {
  const codes = new Set<number>([500, 503]);
  if ((op.parameters ?? []).length > 0 || op.requestBody) codes.add(400);
  if (op.security && op.security.length > 0) {
    codes.add(401);
    codes.add(403);
  }
  if (pathName.includes('{')) codes.add(404);
  if (method === 'post' && pathName === '/api/v1/events') {
    codes.add(413);
    codes.add(415);
  }
  if (method === 'post' && pathName === '/api/v1/imports') codes.add(413);
  for (const code of codes) {
    op.responses[String(code)] ??= { description: ERRORS[code], content: { 'application/json': { schema: contractRef('ApiError') } } };
  }
}

export function serveApiDocs(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Claimcheck API')
    .setDescription('Support-ticket events in; claimed vs verified AI savings out. Definitions: docs/CONTRACT.md and docs/METRICS.md. Every error answer is an ApiError with a requestId.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...(document.components?.schemas ?? {}), ...(loadSchemas() as Record<string, object>) } };
  for (const [pathName, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) addErrors(pathName, method, op);
  }
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
