// HTTP set-up shared by the server and the tests: body parsing, the dashboard's static files and
// a clear error for oversized bodies.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { BadRequestException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { MAX_BODY_BYTES } from '../events/event-body.parser';

const EVENTS_ROUTE = '/api/v1/events';

/**
 * The events route gets the raw text (it parses JSON or NDJSON itself and reports each bad line);
 * every other route gets parsed JSON.
 */
function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parser = (req: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void) => {
    if (req.url.split('?')[0] === EVENTS_ROUTE) return done(null, body);
    if (body.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(body));
    } catch (e) {
      done(new BadRequestException(`body: not valid JSON (${(e as Error).message})`));
    }
  };
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, parser);
  // Helpdesk exports (POST /api/v1/imports) arrive as multipart uploads, streamed to disk.
  void fastify.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 10 } });
}

function serveDashboard(fastify: FastifyInstance, webDistDir: string): void {
  const index = path.join(webDistDir, 'index.html');
  if (!fs.existsSync(index)) return; // API only: `npm run build -w web` has not run
  void fastify.register(fastifyStatic, { root: webDistDir, prefix: '/', wildcard: false });
  // Client-side routes of the single-page dashboard fall back to index.html; /api stays a 404.
  // (A catch-all route, since Nest owns Fastify's not-found handler.)
  fastify.get('/*', (req, reply) => {
    if (req.url.startsWith('/api')) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Cannot GET ${req.url.split('?')[0]}` });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}

/** OpenAPI document generated from the controllers and DTOs: /api/docs (UI) and /api/docs-json. */
function serveApiDocs(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Claimcheck API')
    .setDescription('Support-ticket events in; claimed vs verified AI savings out. Definitions: docs/CONTRACT.md and docs/METRICS.md.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    bodyParser: false,
    logger: config.logLevel === 'debug' ? ['error', 'warn', 'log', 'debug'] : levelsUpTo(config.logLevel),
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  registerBodyParsers(fastify);
  serveDashboard(fastify, config.webDistDir);
  serveApiDocs(app);
  app.enableShutdownHooks();
  await app.init();
  return app;
}

function levelsUpTo(level: AppConfig['logLevel']): ('error' | 'warn' | 'log')[] {
  return level === 'error' ? ['error'] : level === 'warn' ? ['error', 'warn'] : ['error', 'warn', 'log'];
}
