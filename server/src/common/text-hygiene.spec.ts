import { findBadValue, safeKey, textProblem } from './text-hygiene';

describe('textProblem', () => {
  it.each([
    ['plain text', 'billing', null],
    ['an emoji (a surrogate pair)', 'ok 😀', null],
    ['tabs and newlines', 'a\tb\nc', null],
    ['a NUL', 'a\u0000b', /NUL/],
    ['a lone high surrogate', 'a\ud800', /lone UTF-16 surrogate/],
    ['a lone low surrogate', '\udc00a', /lone UTF-16 surrogate/],
    ['a reversed pair', '\ude00\ud83d', /lone UTF-16 surrogate/],
  ])('%s', (_n, s, want) => {
    const got = textProblem(s);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });
});

describe('findBadValue', () => {
  const nest = (n: number): unknown => (n === 0 ? 'x' : [nest(n - 1)]);
  it.each([
    ['nothing wrong', { a: [1, 'b', { c: null }] }, null],
    ['a NUL deep in an array', { a: [1, { b: ['ok', 'x\u0000'] }] }, 'a[1].b[1]'],
    ['a bad key', { a: { 'k\ud800': 1 } }, 'a.k?'],
    ['the body itself', 'x\u0000', ''],
    ['32 levels', nest(32), null],
    ['33 levels', nest(33), '[0]'.repeat(32)],
  ])('%s', (_n, value, path) => {
    const bad = findBadValue(value, '');
    if (path === null) expect(bad).toBeNull();
    else expect(bad?.path).toBe(path);
  });

  it('stops at the depth limit however deep the value goes (no stack overflow)', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = { a: v };
    expect(findBadValue(v, 'x')?.problem).toBe('is nested deeper than 32 levels');
  });
});

describe('safeKey', () => {
  it('makes a name printable and short', () => {
    expect(safeKey('a\u0000b\nc\ud800')).toBe('a?b?c?');
    expect(safeKey('x'.repeat(100))).toBe(`${'x'.repeat(60)}…`);
  });
});
