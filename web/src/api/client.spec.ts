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
