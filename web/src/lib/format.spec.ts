import { DASH, formatChange, formatCount, formatMoneyTick, formatDuration, formatMoney, formatNumber, moneyScale, formatPoints, formatRate, formatRateTick, isNoPoints } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45.4, '45s'],
    [134, '2m 14s'],
    [660, '11m 00s'],
    [3725, '1h 02m'],
    [93708, '1d 2h'],
    [null, DASH],
  ])('%p s -> %s', (s, want) => expect(formatDuration(s)).toBe(want));
});

describe('formatMoney', () => {
  it.each([
    [8.468546850998461, 'USD', '$8.47'],
    [2244.164915514592, 'USD', '$2,244'],
    [-169.2, 'USD', '−$169.20'], // U+2212, as in every change ("−$0.90 (−$39.56)")
    [-0.004, 'USD', '$0.00'], // rounds to nothing: no sign
    [-5174, 'JPY', '−¥5,174'],
    [1700.7, 'EUR', '€1,701'],
    [null, 'USD', DASH],
    [438.81, 'JPY', '¥439'],
    [12.5, 'KRW', '₩13'],
  ])('%p %s -> %s', (v, c, want) => expect(formatMoney(v, c)).toBe(want));

  it('written to the precision of the largest figure beside it', () => {
    expect(formatMoney(-438.81, 'USD', moneyScale([2048, -438.81]))).toBe('−$439');
    expect(formatMoney(438.81, 'USD', moneyScale([null, 12.5]))).toBe('$438.81');
    expect(moneyScale([null, undefined, Number.NaN])).toBe(0);
    // Under one unit it keeps its cents beside thousands: never "$0" for something.
    expect(formatMoney(0.45, 'USD', 2000)).toBe('$0.45');
    expect(formatMoney(0, 'USD', 2000)).toBe('$0');
  });
});

describe('rates and counts', () => {
  it('formats', () => {
    expect(formatRate(0.5904255319148937)).toBe('59.0%');
    expect(formatRate(null)).toBe(DASH);
    expect(formatCount(12345)).toBe('12,345');
    expect(formatNumber(0.7058069978327408, 2)).toBe('0.71');
    expect(formatNumber(-1.25, 1)).toBe('−1.3');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
    expect(formatCount(-3)).toBe('−3');
  });
});

describe('formatChange', () => {
  it.each([
    // [change, written]: the sign follows what is shown, so a change that rounds to nothing is ±.
    [0.032, '+3.2 pt'],
    [-0.05, '−5.0 pt'],
    [0, '±0.0 pt'],
    [-0.0004, '±0.0 pt'], // −0.04 points: shown as 0.0, so no direction either
    [0.0004, '±0.0 pt'],
    [-0.0006, '−0.1 pt'], // 0.06 points shows as 0.1: a direction
  ])('%p points -> %s', (v, text) => {
    expect(formatPoints(v)).toBe(text);
    expect(isNoPoints(v)).toBe(text.startsWith('±'));
  });
  it('any unit: money rounding to nothing is ±', () => {
    expect(formatChange(-0.3, (a) => `$${a.toFixed(0)}`)).toBe('±$0');
    expect(formatChange(-0.6, (a) => `$${a.toFixed(0)}`)).toBe('−$1');
  });
});

describe('formatMoneyTick', () => {
  it.each([
    [0, '$0'],
    [20000, '$20,000'],
    [-500, '−$500'],
    [0.5, '$0.50'], // a small axis keeps its cents
  ])('%p -> %s', (v, text) => {
    expect(formatMoneyTick(v, 'USD')).toBe(text);
  });
});

describe('formatRateTick: as many decimals as the tick needs', () => {
  it.each([
    [0, '0%'],
    [0.015, '1.5%'],
    [0.03, '3%'],
    [0.045, '4.5%'],
    [0.025, '2.5%'],
    [0.0125, '1.25%'],
    [0.1, '10%'],
    [1, '100%'],
  ])('%s -> %s', (v, text) => expect(formatRateTick(v)).toBe(text));
});
