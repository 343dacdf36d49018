import { groupedReason, reasonKey } from './rejection-reasons';

describe('rejection reasons, grouped', () => {
  const date = (v: string) => `Created: "${v}" matches none of the known date formats (RFC 3339, YYYY-MM-DD HH:mm:ss, DD/MM/YYYY)`;
  it('one key for the same problem with other values', () => {
    expect(reasonKey(date('31/31/2026'))).toBe(reasonKey(date('yesterday')));
    expect(reasonKey('score: must be an integer from 1 to 5, got number 7')).toBe(reasonKey('score: must be an integer from 1 to 5, got number 9'));
  });
  it.each([
    ['fixed digits stay (the first version wrote "RFC N")', [date('31/31/2026'), date('yesterday')], 'Created: "…" matches none of the known date formats (RFC 3339, YYYY-MM-DD HH:mm:ss, DD/MM/YYYY)'],
    ['only the number that differs is N', ['score: must be an integer from 1 to 5, got number 7', 'score: must be an integer from 1 to 5, got number 9'], 'score: must be an integer from 1 to 5, got number N'],
    ['a group of one keeps its number', ['score: must be an integer from 1 to 5, got number 7'], 'score: must be an integer from 1 to 5, got number 7'],
    ['N stays N when a third differs again', ['got 7 of 256', 'got 9 of 256', 'got 11 of 256'], 'got N of 256'],
  ])('%s', (_n, reasons, shown) => {
    expect(reasons.reduce<string | null>((s, r) => groupedReason(s, r), null)).toBe(shown);
  });
});
