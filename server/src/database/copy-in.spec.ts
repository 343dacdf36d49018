// COPY's text format (PostgreSQL docs, "COPY — File Formats — Text Format"): worked out by hand.
import { copyField, copyRow } from './copy-in';

describe('copyField', () => {
  it.each([
    ['NULL', null, '\\N'],
    ['plain text', 'chat', 'chat'],
    ['the two characters \\N (text, not NULL)', '\\N', '\\\\N'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a tab (the delimiter)', 'a\tb', 'a\\tb'],
    ['a newline and a carriage return', 'a\nb\rc', 'a\\nb\\rc'],
    ['the end-of-data marker \\. as a value', '\\.', '\\\\.'],
    ['quotes and commas are not special', `"a",'b'`, `"a",'b'`],
    ['an empty string is not NULL', '', ''],
    ['non-ASCII kept as is', 'café 😀', 'café 😀'],
    ['an integer', 5, '5'],
    ['a fraction, as JSON writes it', 0.1 + 0.2, '0.30000000000000004'],
    ['a large number in exponent form', 1e21, '1e+21'],
  ])('%s', (_name, value, expected) => {
    expect(copyField(value)).toBe(expected);
  });
});

describe('copyRow', () => {
  it('tab-separated fields ending in a newline', () => {
    expect(copyRow([1, 'e1', null, 'x\ty'])).toBe('1\te1\t\\N\tx\\ty\n');
  });
});
