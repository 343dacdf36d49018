import { ApiError, queryString, shouldRetry } from './client';

describe('api client', () => {
  it.each([
    ['a 400 names what is wrong: no retry', new ApiError(400, 'tz: must be an IANA time zone'), 0, false],
    ['a 404: no retry', new ApiError(404, 'not found'), 0, false],
    ['a 503 (database away): retried', new ApiError(503, 'unavailable'), 0, true],
    ['a network failure: retried', new TypeError('Failed to fetch'), 2, true],
    ['but not more than 3 times', new ApiError(503, 'unavailable'), 3, false],
  ])('%s', (_name, error, failures, want) => {
    expect(shouldRetry(failures, error)).toBe(want);
  });

  it('a query goes out with lists comma-joined and empty values left out', () => {
    expect(queryString({ from: '2026-01-01', channel: ['chat', 'email'], category: '', tz: undefined }).toString()).toBe('from=2026-01-01&channel=chat%2Cemail');
  });
});

jest.mock('../auth/token-store', () => ({ getToken: () => 'tok' }));

describe('apiGet and workspaces', () => {
  const calls: string[] = [];
  beforeEach(() => {
    calls.length = 0;
    globalThis.fetch = (async (url: string) => {
      calls.push(url);
      return { ok: true, json: async () => ({}) };
    }) as unknown as typeof fetch;
  });

  it("a query goes to its key's workspace, whichever workspace is open when it runs (a retry after a switch)", async () => {
    const { apiGet } = await import('./client');
    const { setCurrentWorkspace } = await import('./workspace-scope');
    setCurrentWorkspace('brand-b');
    await apiGet('/api/v1/metrics/summary', { from: '2026-01-01' }, { queryKey: ['ws', 'brand-a', 'metrics', 'summary'] });
    await apiGet('/api/v1/metrics/summary', { from: '2026-01-01' }, { queryKey: ['ws', 'default', 'metrics', 'summary'] });
    await apiGet('/api/v1/status', {}, {});
    expect(calls).toEqual(['/api/v1/workspaces/brand-a/metrics/summary?from=2026-01-01', '/api/v1/metrics/summary?from=2026-01-01', '/api/v1/workspaces/brand-b/status']);
    setCurrentWorkspace('default');
  });
});
