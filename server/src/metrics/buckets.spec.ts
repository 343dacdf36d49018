import { buckets } from './buckets';

describe('buckets', () => {
  it('days', () => {
    expect(buckets('2026-03-28', '2026-03-31', 'day')).toEqual([
      { from: '2026-03-28', to: '2026-03-29' },
      { from: '2026-03-29', to: '2026-03-30' },
      { from: '2026-03-30', to: '2026-03-31' },
    ]);
  });

  it('ISO weeks start on Monday; the first and last are clipped to the range', () => {
    // 2026-01-07 is a Wednesday; Mondays are 01-05, 01-12, 01-19.
    expect(buckets('2026-01-07', '2026-01-21', 'week')).toEqual([
      { from: '2026-01-07', to: '2026-01-12' },
      { from: '2026-01-12', to: '2026-01-19' },
      { from: '2026-01-19', to: '2026-01-21' },
    ]);
    // A Sunday start belongs to the week that began the Monday before.
    expect(buckets('2026-01-04', '2026-01-06', 'week')).toEqual([
      { from: '2026-01-04', to: '2026-01-05' },
      { from: '2026-01-05', to: '2026-01-06' },
    ]);
  });

  it('months, across a year end and February of a leap year', () => {
    expect(buckets('2023-12-15', '2024-03-02', 'month')).toEqual([
      { from: '2023-12-15', to: '2024-01-01' },
      { from: '2024-01-01', to: '2024-02-01' },
      { from: '2024-02-01', to: '2024-03-01' },
      { from: '2024-03-01', to: '2024-03-02' },
    ]);
  });
});
