import { percentileCont, rate, wilsonInterval } from './rates';

describe('rate', () => {
  it.each([
    [1, 4, 0.25],
    [0, 5, 0],
    [3, 0, null],
  ])('%i / %i = %p', (a, b, want) => expect(rate(a, b)).toBe(want));
});

describe('wilsonInterval (95%)', () => {
  // Published values (e.g. Newcombe 1998, Table I; any Wilson calculator): 0/10, 5/10, 10/10.
  it.each([
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [81, 263, 0.2553, 0.3662],
  ])('%i of %i -> [%p, %p]', (k, n, low, high) => {
    const w = wilsonInterval(k, n)!;
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });

  it('matches the contract fixture: 55 of 78 top-2-box responses', () => {
    expect(wilsonInterval(55, 78)).toEqual({ low: expect.closeTo(0.5962399656958182, 12), high: expect.closeTo(0.794759232755825, 12) });
  });

  it('is null with no responses', () => expect(wilsonInterval(0, 0)).toBeNull());
});

describe('percentileCont (as SQL percentile_cont)', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0.9, 3.7], // position 0.9 * 3 = 2.7 between 3 and 4
    [[5], 0.9, 5],
    [[10, 20], 0.5, 15],
  ])('%p at %p = %p', (values, f, want) => expect(percentileCont(values, f)).toBeCloseTo(want, 12));
  it('is null for no values', () => expect(percentileCont([], 0.5)).toBeNull());
});
