import { AppLogger } from './app-logger';
import { requestContext, requestIdFrom } from './request-context';

describe('JSON log lines', () => {
  it('one object a line, with the request id of the request being handled', () => {
    const lines: string[] = [];
    const log = new AppLogger('log', 'json', (l) => lines.push(l));
    requestContext.run({ requestId: 'req-42' }, () => log.warn('inside', 'Test'));
    log.log('outside', 'Test');
    log.debug('hidden at level log', 'Test');
    log.log('Mapped {/x, GET} route', 'RouterExplorer'); // Nest's start-up chatter is debug
    expect(lines).toHaveLength(2);
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ level: 'warn', context: 'Test', msg: 'inside', requestId: 'req-42' });
    expect(outside).toMatchObject({ level: 'info', msg: 'outside' });
    expect(outside.requestId).toBeUndefined();
    expect(lines.every((l) => l.endsWith('\n') && l.split('\n').length === 2)).toBe(true);
  });
});

describe('readable lines (LOG_FORMAT=pretty)', () => {
  it('escape control characters, so a message cannot forge a second line', () => {
    const lines: string[] = [];
    new AppLogger('log', 'pretty', (l) => lines.push(l)).warn('import of "a.csv\n2026-01-01T00:00:00Z ERROR [Auth] forged" failed', 'Imports');
    expect(lines).toHaveLength(1);
    expect(lines[0].split('\n')).toHaveLength(2); // the line and its terminating newline only
    expect(lines[0]).toContain('a.csv\\x0a2026');
  });
});

describe('requestIdFrom', () => {
  it.each([
    ['a proxy id', 'lb-1234.abc', 'lb-1234.abc'],
    ['a log injection attempt', 'x"}\n{"level":"fake', null],
    ['too long', 'a'.repeat(65), null],
    ['missing', undefined, null],
  ])('%s', (_n, header, kept) => {
    const id = requestIdFrom(header);
    if (kept) expect(id).toBe(kept);
    else expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
