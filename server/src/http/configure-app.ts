// HTTP set-up shared by the server and the tests: request ids, logs and metrics, security headers,
// body parsing (with a 4xx for every body that cannot be used), the dashboard's static files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from '../app.module';
import { findBadValue } from '../common/text-hygiene';
import { AppConfig } from '../config/app-config';
import { MAX_BODY_BYTES } from '../events/event-body.parser';
import { AppLogger } from '../telemetry/app-logger';
import { requestIdFrom } from '../telemetry/request-context';
import { TelemetryService } from '../telemetry/telemetry.service';
import { serveApiDocs } from './api-docs';
import { rewriteWorkspaceUrl } from '../workspaces/workspace-url';
import { bodyText } from './body-text';
import { registerRequestHooks } from './request-hooks';

const EVENTS_ROUTE = '/api/v1/events';

const IMPORTS_ROUTE = '/api/v1/imports';

/**
 * The events route gets the raw text (it parses JSON or NDJSON itself and reports each bad line);
 * every other route gets parsed JSON, checked for text PostgreSQL cannot store. Multipart uploads
 * are for imports only; anywhere else they are a 415 that says what to send.
 */
const VENDOR_EXPORT_ROUTE = /^\/api\/v1\/claims\/[^/]+\/vendor-export$/;

function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parser = (req: FastifyRequest, raw: Buffer, done: (err: Error | null, body?: unknown) => void) => {
    const decoded = bodyText(raw, req.headers['content-type']);
    if ('problem' in decoded) return done(decoded.status === 415 ? new UnsupportedMediaTypeException(decoded.problem) : new BadRequestException(decoded.problem));
    const body = decoded.text;
    // The route that matched, not the URL as sent: /api/v1/%65vents is the events route too (it got
    // parsed as one JSON object and refused a valid batch). No route: its 404 comes next, not a 400.
    const route = req.routeOptions?.url;
    if (route === undefined) return done(null, undefined);
    if (route === EVENTS_ROUTE) return done(null, body);
    // A vendor's export for a claim (docs/CLAIMS.md) arrives as CSV text.
    if (/^text\/csv\b/i.test(req.headers['content-type'] ?? '') && VENDOR_EXPORT_ROUTE.test(route)) return done(null, body);
    if (body.trim() === '') return done(null, {});
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (e) {
      return done(new BadRequestException(`body: not valid JSON (${(e as Error).message})`));
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return done(new BadRequestException('body: must be a JSON object'));
    const bad = findBadValue(parsed, '');
    if (bad) return done(new BadRequestException(`${bad.path || 'body'}: ${bad.problem}`));
    done(null, parsed);
  };
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, parser);
  // Helpdesk exports (POST /api/v1/imports) arrive as multipart uploads, streamed to disk.
  void fastify.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 10 } });
  fastify.addHook('preValidation', (req, reply, done) => {
    const route = req.url.split('?')[0];
    if (!/^multipart\//i.test(req.headers['content-type'] ?? '') || route === IMPORTS_ROUTE) return done();
    done(new UnsupportedMediaTypeException(`body: multipart/form-data is only for ${IMPORTS_ROUTE}; send JSON${route === EVENTS_ROUTE ? ' or NDJSON' : ''}`));
  });
}

function serveDashboard(fastify: FastifyInstance, webDistDir: string): void {
  const index = path.join(webDistDir, 'index.html');
  if (!fs.existsSync(index)) return; // API only: `npm run build -w web` has not run
  // Source maps are not built for production; any left over from a dev build are not served.
  void fastify.register(fastifyStatic, { root: webDistDir, prefix: '/', wildcard: false, allowedPath: (p) => !p.endsWith('.map') });
  // Client-side routes of the single-page dashboard fall back to index.html; /api and anything
  // that names a file (a missing asset, a source map) stay a 404. (A catch-all route, since Nest
  // owns Fastify's not-found handler.)
  fastify.get('/*', (req, reply) => {
    const route = req.url.split('?')[0];
    if (route.startsWith('/api') || /\.[A-Za-z0-9]+$/.test(route)) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Cannot GET ${route}`, requestId: req.id });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}

export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    // /api/v1/workspaces/:slug/<route> is <route> of that workspace (workspaces/workspace-url.ts).
    rewriteUrl: rewriteWorkspaceUrl,
    trustProxy: true,
    // A ticket id may be 128 code points (CONTRACT.md); percent-encoded in a path, up to 12
    // characters each. The default limit (100) answered 404 for an id of 101.
    routerOptions: { maxParamLength: 2048 },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(req.headers['x-request-id']),
    // Errors Fastify answers before any route runs (a malformed URL): the same shape as ours.
    frameworkErrors: (err: { statusCode?: number; message: string }, req: FastifyRequest, reply: FastifyReply) => {
      void reply.code(err.statusCode ?? 400).send({ statusCode: err.statusCode ?? 400, error: 'Bad Request', message: err.message, requestId: req.id });
    },
  });
  const logger = new AppLogger(config.logLevel, config.logFormat);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, { bodyParser: false, logger });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  registerRequestHooks(fastify, app.get(TelemetryService), logger);
  registerBodyParsers(fastify);
  serveDashboard(fastify, config.webDistDir);
  serveApiDocs(app);
  // No enableShutdownHooks(): main.ts owns the signals, to close in order (stop taking requests,
  // finish those in flight, then the database).
  await app.init();
  return app;
}
