// What every request goes through before and after its route: a request id (answered in
// X-Request-Id, on every log line and in error bodies), a check that no query or path parameter
// holds text PostgreSQL cannot take, security headers, one access-log line and the HTTP metrics.
import { addressedSlug } from '../workspaces/workspace-url';
import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { textProblem, safeKey } from '../common/text-hygiene';
import { AppLogger } from '../telemetry/app-logger';
import { requestContext } from '../telemetry/request-context';
import { TelemetryService } from '../telemetry/telemetry.service';

/**
 * The dashboard and the API docs load only their own scripts; recharts sets inline style
 * attributes and PNG export draws the chart through a data: image. Nothing may frame them.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Why query or path parameters cannot be used, each naming the parameter; empty when all are fine. */
export function parameterProblems(query: unknown, params: unknown): string[] {
  const problems: string[] = [];
  const check = (where: 'query' | 'path', name: string, value: unknown) => {
    const nameProblem = textProblem(name);
    if (nameProblem) return problems.push(`${safeKey(name)}: a ${where} parameter name that ${nameProblem}`);
    for (const v of Array.isArray(value) ? value : [value]) {
      const p = typeof v === 'string' ? textProblem(v) : null;
      if (p) return problems.push(`${safeKey(name)}${where === 'path' ? ' (in the path)' : ''}: ${p}`);
    }
    return undefined;
  };
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) check('query', k, v);
  for (const [k, v] of Object.entries((params ?? {}) as Record<string, unknown>)) check('path', k, v);
  return problems;
}

export function registerRequestHooks(fastify: FastifyInstance, telemetry: TelemetryService, logger: AppLogger): void {
  const started = new WeakMap<FastifyRequest, bigint>();
  const scopes = new WeakMap<FastifyRequest, AsyncResource>();

  fastify.addHook('onRequest', (request, reply, done) => {
    started.set(request, process.hrtime.bigint());
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: request.id }, () => {
      scopes.set(request, new AsyncResource('claimcheck.request'));
      done();
    });
  });

  fastify.addHook('preValidation', (request, reply, done) => {
    // Reading a body leaves the async context behind (fastify/fastify#3570): re-enter the one made
    // in onRequest, so the handler's log lines carry the request id too.
    const scope = scopes.get(request);
    const next = () => {
      const problems = parameterProblems(request.query, request.params);
      if (problems.length === 0) return done();
      void reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: problems, requestId: request.id });
    };
    if (scope) scope.runInAsyncScope(next);
    else next();
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
    const url = request.url;
    void reply.header('content-security-policy', CSP);
    if (request.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Business numbers and tokens: never kept by a browser or a shared cache.
    if (url.startsWith('/api/') || url.startsWith('/metrics')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const t0 = started.get(request);
    const seconds = t0 === undefined ? 0 : Number(process.hrtime.bigint() - t0) / 1e9;
    // The route pattern, never the raw URL: ids and filters would explode the label set.
    const route = request.routeOptions?.url ?? (request.url.startsWith('/api') ? 'unmatched' : 'static');
    // A route of a named workspace is logged as addressed (the router saw it without the prefix).
    const workspace = addressedSlug(request.raw);
    const logged = workspace !== null ? route.replace(/^\/api\/v1\//, `/api/v1/workspaces/${safeKey(workspace)}/`) : route;
    telemetry.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    // A 503 (database down, shutting down) is expected in an outage and says so in its own line.
    logger.event(reply.statusCode >= 500 && reply.statusCode !== 503 ? 'error' : reply.statusCode === 503 ? 'warn' : 'log', 'HTTP', `${request.method} ${logged} ${reply.statusCode}`, {
      requestId: request.id,
      method: request.method,
      route,
      workspace: workspace === null ? 'default' : safeKey(workspace),
      status: reply.statusCode,
      ms: Math.round(seconds * 10_000) / 10,
    });
    done();
  });
}
