import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Unexpected errors answer 500 and are logged as one line: name, message and the database's error
 * code. Never the query or its parameters: they carry customer data, and an ingest batch is
 * 10,000 events long.
 */
@Catch()
export class ErrorsFilter extends BaseExceptionFilter {
  private readonly log = new Logger('Errors');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof HttpException) return super.catch(exception, host);
    const e = exception as { name?: string; message?: string; code?: string; statusCode?: number; stack?: string };
    // Errors Fastify raised with their own status (e.g. 413 body too large) keep it.
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      return super.catch(new HttpException(e.message ?? 'Bad request', e.statusCode), host);
    }
    const where = e.stack?.split('\n').find((l) => l.includes('/server/src/') || l.includes('/server/dist/'))?.trim();
    this.log.error(`${e.name ?? 'Error'}: ${e.message ?? String(exception)}${e.code ? ` (code ${e.code})` : ''}${where ? ` ${where}` : ''}`);
    return super.catch(new HttpException({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error: nothing from this request was stored; it is safe to send again' }, 500), host);
  }
}
