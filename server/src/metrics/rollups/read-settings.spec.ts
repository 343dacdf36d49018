import { readSettings } from './read-settings';

describe('readSettings: presorted aggregates off where PostgreSQL has them (16 and later)', () => {
  it.each([
    ['18.1', ['SET LOCAL enable_presorted_aggregate = off']],
    ['16.0', ['SET LOCAL enable_presorted_aggregate = off']],
    ['17.6 (Debian 17.6-1)', ['SET LOCAL enable_presorted_aggregate = off']],
    ['15.14', []],
    ['9.6', []],
    ['', []],
    [undefined, []],
  ])('server %p: %p', (version, expected) => {
    expect(readSettings(version)).toEqual(expected);
  });
});
