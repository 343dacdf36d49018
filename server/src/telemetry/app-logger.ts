// Nest's logger, replaced: one JSON object a line (time, level, context, msg, requestId) for log
// collectors, or a readable line on a terminal. LOG_FORMAT=json|pretty; auto: pretty on a TTY.
import { LoggerService } from '@nestjs/common';
import { currentRequestId } from './request-context';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug';
export type LogFormat = 'json' | 'pretty';

const RANK: Record<LogLevel | 'verbose' | 'fatal', number> = { fatal: 0, error: 0, warn: 1, log: 2, debug: 3, verbose: 4 };
/** Nest's own start-up chatter (every module and route): debug, not info. */
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);
const NAME: Record<string, string> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

export class AppLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel,
    private readonly format: LogFormat,
    private readonly write: (line: string) => void = (l) => process.stdout.write(l),
  ) {}

  log(message: unknown, ...rest: unknown[]) {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.emit('fatal', message, rest);
  }

  /** Structured fields beside the message (an access log line, say). */
  event(level: LogLevel, context: string, msg: string, fields: Record<string, unknown>): void {
    if (RANK[level] > RANK[this.level]) return;
    this.print(level, context, msg, fields);
  }

  private emit(asked: keyof typeof RANK, message: unknown, rest: unknown[]): void {
    // Nest passes (message, context) or (message, stack, context) for errors.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : 'App';
    const level = asked === 'log' && QUIET_CONTEXTS.has(context) ? 'debug' : asked;
    if (RANK[level] > RANK[this.level]) return;
    const stack = level === 'error' && rest.length >= 2 && typeof rest[0] === 'string' ? (rest[0] as string) : undefined;
    const msg = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    this.print(level, context, msg, stack ? { stack: firstFrame(stack) } : {});
  }

  private print(level: string, context: string, msg: string, fields: Record<string, unknown>): void {
    const requestId = currentRequestId();
    if (this.format === 'json') {
      this.write(`${JSON.stringify({ time: new Date().toISOString(), level: NAME[level] ?? level, context, msg, ...(requestId ? { requestId } : {}), ...fields })}\n`);
      return;
    }
    const extra = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    // Control characters escaped: a newline in a message (a file name, say) cannot forge a line.
    const text = `${new Date().toISOString()} ${(NAME[level] ?? level).toUpperCase().padEnd(5)} [${context}] ${msg}${extra ? ` ${extra}` : ''}${requestId ? ` (request ${requestId})` : ''}`;
    this.write(`${text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}\n`);
  }
}

/** Only the first line of our own code from a stack: enough to find it, no noise. */
function firstFrame(stack: string): string | undefined {
  return stack.split('\n').find((l) => l.includes('/server/src/') || l.includes('/server/dist/'))?.trim();
}
