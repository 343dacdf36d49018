import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RETRY_AFTER_SECONDS, classifyDatabaseError } from '../database/database-errors';
import { TelemetryService } from '../telemetry/telemetry.service';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  requestId?: string;
  [k: string]: unknown;
}

const REASON: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/**
 * Every error answer has one shape ({statusCode, error, message, requestId}). A database that does
 * not answer is a 503 with Retry-After, a value the database refused a 400, and anything else a 500
 * logged as one line: name, message, the database's error code and where, never the query or its
 * parameters (they carry customer data, and an ingest batch is 10,000 events long).
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly log = new Logger('Errors');

  constructor(private readonly telemetry: TelemetryService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body } = this.answer(exception);
    // Every 503 (database down, not ready, shutting down) says when to come back.
    if (status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (reply.sent) return;
    void reply.status(status).type('application/json; charset=utf-8').send({ ...body, requestId: request.id });
  }

  private answer(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const r = exception.getResponse();
      const body: ErrorBody = typeof r === 'object' && r !== null ? ({ statusCode: status, error: REASON[status] ?? 'Error', ...(r as object) } as ErrorBody) : { statusCode: status, error: REASON[status] ?? 'Error', message: String(r) };
      return { status, body };
    }
    const e = exception as { name?: string; message?: string; code?: string; statusCode?: number; stack?: string };
    // Errors Fastify raised with their own status (413 body too large, 415, a bad URL) keep it.
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      return { status: e.statusCode, body: { statusCode: e.statusCode, error: REASON[e.statusCode] ?? 'Error', message: e.message ?? 'Bad request' } };
    }
    const db = classifyDatabaseError(exception);
    if (db?.kind === 'unavailable') {
      this.telemetry.unavailable.inc();
      this.log.warn(`database unavailable: ${db.reason}`);
      return {
        status: 503,
        body: { statusCode: 503, error: 'Service Unavailable', message: `The database is not answering (${db.reason}). Send the request again in ${RETRY_AFTER_SECONDS} s; events are idempotent by id, so a resend never counts twice.` },
      };
    }
    if (db?.kind === 'bad-value') {
      this.log.warn(`the database refused a value (code ${e.code ?? (exception as { driverError?: { code?: string } }).driverError?.code}): answered 400`);
      return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: `a value could not be stored or compared: ${db.reason}` } };
    }
    const where = e.stack?.split('\n').find((l) => l.includes('/server/src/') || l.includes('/server/dist/'))?.trim();
    this.log.error(`${e.name ?? 'Error'}: ${e.message ?? String(exception)}${e.code ? ` (code ${e.code})` : ''}${where ? ` ${where}` : ''}`);
    // No promise about what was stored: a failure can come after a commit. Ingest is idempotent by
    // event id, so for events a resend is always safe.
    return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error, logged with this requestId. Events are idempotent by id: sending an ingest batch again is safe.' } };
  }
}
