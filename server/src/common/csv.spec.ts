import { csvLine, flatten, toCsv, wantsCsv } from './csv';

describe('csv', () => {
  it('quotes what needs quoting', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 0.5, true])).toBe('plain,"a,b","say ""hi""","two\nlines",,0.5,true\r\n');
  });
  it('flattens nested objects to dotted columns', () => {
    expect(flatten({ a: 1, b: { c: null, d: { e: 'x' } }, f: [1, 2] })).toEqual({ a: 1, 'b.c': null, 'b.d.e': 'x', f: '1 2' });
  });
  it('writes the union of columns', () => {
    expect(toCsv([{ a: 1 }, { a: 2, b: 3 }])).toBe('a,b\r\n1,\r\n2,3\r\n');
  });
  it('negotiates: format wins, then Accept', () => {
    expect(wantsCsv('csv', 'application/json')).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'text/csv;q=0.9, */*')).toBe(true);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
