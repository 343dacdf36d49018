import { decodeCursor, encodeCursor, isMicroseconds } from './cursor';

const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('ticket list cursor', () => {
  it('round-trips the sort value and id, exactly past 2^53 microseconds (year 2300)', () => {
    expect(decodeCursor(encodeCursor('1767225600000000', 'T-42'))).toEqual({ value: '1767225600000000', id: 'T-42' });
    // 2300-01-01T00:00:00.000001Z: 10,413,792,000,000,001 µs, more than 2^53 (9,007,199,254,740,992).
    expect(decodeCursor(encodeCursor('10413792000000001', 'x')).value).toBe('10413792000000001');
    expect(decodeCursor(encodeCursor('-9999999999999999', 'x')).value).toBe('-9999999999999999');
    expect(decodeCursor(encodeCursor('512.25', 'x')).value).toBe('512.25');
    // Handle seconds as PostgreSQL prints a large float8.
    expect(decodeCursor(encodeCursor('1.5e+21', 'x')).value).toBe('1.5e+21');
  });

  it('reads a cursor of before 2026-11-29 (the value a JSON number)', () => {
    expect(decodeCursor(raw([1767225600000000, 'T-42']))).toEqual({ value: '1767225600000000', id: 'T-42' });
  });

  it.each([
    ['not base64 JSON', 'bm90LWpzb24'],
    ['a NUL in the id (PostgreSQL cannot compare it)', raw(['1', 'a\u0000b'])],
    ['a lone surrogate in the id', raw(['1', 'a\ud800'])],
    ['an infinite value (1e999 in JSON)', Buffer.from('[1e999,"a"]').toString('base64url')],
    ['a value with letters', raw(['0x10', 'a'])],
    ['text that is not a number', raw(['1; DROP TABLE tickets', 'a'])],
    ['an object', raw({ value: 1, id: 'a' })],
  ])('400 for %s', (_n, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(/cursor: not a cursor this API returned/);
  });

  it.each([
    ['1767225600000000', true],
    ['-1', true],
    ['999999999999999999', true],
    ['9999999999999999999', false], // past int8
    ['1.5', false],
    ['1e+21', false],
  ])('creation-order value %s is whole microseconds: %s', (v, want) => {
    expect(isMicroseconds(v)).toBe(want);
  });
});
