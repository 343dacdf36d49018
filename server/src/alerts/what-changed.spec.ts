import type { Series } from './alert-series';
import { rankChanges } from './what-changed';

// A series of 40 days: nothing before day 35, then 10 resolved tickets a day, 2 of them reopened.
const days = Array.from({ length: 40 }, (_, i) => ({
  day: new Date(Date.UTC(2016, 0, 1 + i)).toISOString().slice(0, 10),
  cells: new Map(i >= 35 ? [['chat\u001fbilling', { n: 10, s1: 2, s2: 2 }]] : []),
}));
const series: Series = { key: 'reopenRate|ai|all', metric: 'reopenRate', path: 'ai', segment: 'all', bad: 'up', kind: 'rate', days };

describe('rankChanges: a series that cannot be judged still counts its windows', () => {
  it('no baseline before the recent days: their own n and value, and the note says what is missing', () => {
    // Recent days 33..39 (the last 7): 5 of them hold 10 tickets each, 2 reopened: 50 tickets, 20%.
    const [row] = rankChanges([series], { start: 33, end: 40 }, { zone: 'UTC', filters: {}, alerts: new Map(), repeatShift: 0 });
    expect(row.verdict).toBe('not judged');
    expect(row.now).toMatchObject({ n: 50, value: 0.2 });
    expect(row.baseline).toEqual({ n: 0, value: null });
    // The baseline: the 28 days that end the detector's 3-day gap before the recent days (index 33): indexes 2..29.
    expect(row.note).toBe('no tickets from 2016-01-03 to 2016-01-30 to compare with');
    expect([row.now.from, row.now.to]).toEqual(['2016-02-03', '2016-02-10']);
    // The same counts as the daily list it carries.
    expect(row.daily.slice(-7).reduce((n, d) => n + d.n, 0)).toBe(50);
  });
});
