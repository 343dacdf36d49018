// Ranges cut into the intervals between their bounds. Expected cuts worked out by hand: bounds
// sorted and distinct, interval b (1-based) = [bounds[b-1], bounds[b]), and a row for every range
// and interval it covers.
import { GroupRange, rangeBuckets } from './range-buckets';

const r = (lo: string, hi: string, grp: string): GroupRange => ({ lo: new Date(`2026-01-01T${lo}:00Z`), hi: new Date(`2026-01-01T${hi}:00Z`), grp });
/** The cut in a few words: bounds as HH:MM, rows as "interval grp". */
const brief = (ranges: GroupRange[]) => {
  const x = rangeBuckets(ranges);
  return { bounds: x.bounds.map((d) => d.toISOString().slice(11, 16)), rows: x.bucket.map((b, i) => `${b} ${x.grp[i]}`) };
};

describe('rangeBuckets', () => {
  it.each([
    ['no ranges', [], { bounds: [], rows: [] }],
    ['one range: one interval', [r('01:00', '02:00', 'a')], { bounds: ['01:00', '02:00'], rows: ['1 a'] }],
    ['touching ranges: each its own interval', [r('02:00', '03:00', 'b'), r('01:00', '02:00', 'a')], { bounds: ['01:00', '02:00', '03:00'], rows: ['2 b', '1 a'] }],
    ['disjoint ranges: the gap is an interval no range covers', [r('01:00', '02:00', 'a'), r('05:00', '06:00', 'b')], { bounds: ['01:00', '02:00', '05:00', '06:00'], rows: ['1 a', '3 b'] }],
    [
      'a summary and its buckets: every interval in both',
      [r('00:00', '12:00', 's'), r('00:00', '06:00', 'w1'), r('06:00', '12:00', 'w2')],
      { bounds: ['00:00', '06:00', '12:00'], rows: ['1 s', '2 s', '1 w1', '2 w2'] },
    ],
    ['overlapping ranges cut at both bounds', [r('01:00', '04:00', 'a'), r('02:00', '05:00', 'b')], { bounds: ['01:00', '02:00', '04:00', '05:00'], rows: ['1 a', '2 a', '2 b', '3 b'] }],
    ['an empty range is dropped', [r('03:00', '03:00', 'a'), r('04:00', '02:00', 'b')], { bounds: [], rows: [] }],
  ])('%s', (_name, ranges, expected) => {
    expect(brief(ranges)).toEqual(expected);
  });

  it('an instant on a bound falls in the interval it starts (width_bucket: the number of bounds <= x)', () => {
    // PostgreSQL's width_bucket(x, thresholds) answers the number of thresholds <= x (a binary search,
    // width_bucket_array in arrayfuncs.c): the same rule, modelled here.
    const x = rangeBuckets([r('01:00', '02:00', 'a'), r('02:00', '03:00', 'b')]);
    const groupsAt = (t: string) => {
      const b = x.bounds.filter((d) => d.getTime() <= Date.parse(`2026-01-01T${t}Z`)).length;
      return x.bucket.flatMap((bb, i) => (bb === b ? [x.grp[i]] : []));
    };
    expect(['00:59:59', '01:00:00', '01:59:59.999', '02:00:00', '03:00:00'].map(groupsAt)).toEqual([[], ['a'], ['a'], ['b'], []]);
  });
});
