import { decodeCursor, encodeCursor } from './cursor';

const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('ticket list cursor', () => {
  it('round-trips the sort value and id', () => {
    expect(decodeCursor(encodeCursor(1767225600000, 'T-42'))).toEqual({ value: 1767225600000, id: 'T-42' });
  });

  it.each([
    ['not base64 JSON', 'bm90LWpzb24'],
    ['a NUL in the id (PostgreSQL cannot compare it)', raw([1, 'a\u0000b'])],
    ['a lone surrogate in the id', raw([1, 'a\ud800'])],
    ['an infinite value (1e999 in JSON)', Buffer.from('[1e999,"a"]').toString('base64url')],
    ['a string for the value', raw(['1', 'a'])],
    ['an object', raw({ value: 1, id: 'a' })],
  ])('400 for %s', (_n, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(/cursor: not a cursor this API returned/);
  });
});
