import { RecentDays } from './recent-days';

describe('RecentDays: days a live batch just changed', () => {
  it('keeps a day for 15 s after its last touch, per workspace and zone', () => {
    const live = new RecentDays(15_000);
    live.record(1, 'UTC', ['2026-11-21'], 0);
    live.record(1, 'America/New_York', ['2026-11-20', '2026-11-21'], 5_000);
    live.record(2, 'UTC', ['2026-11-21'], 5_000);
    expect(live.recent(1, 10_000)).toEqual(['UTC|2026-11-21', 'America/New_York|2026-11-20', 'America/New_York|2026-11-21']);
    expect(live.recent(2, 10_000)).toEqual(['UTC|2026-11-21']);
    // 15.001 s after the UTC touch it is forgotten; the New York ones (touched at 5 s) are kept.
    expect(live.recent(1, 15_001)).toEqual(['America/New_York|2026-11-20', 'America/New_York|2026-11-21']);
    // Touched again: the clock starts over.
    live.record(1, 'America/New_York', ['2026-11-21'], 19_000);
    expect(live.recent(1, 25_000)).toEqual(['America/New_York|2026-11-21']);
    expect(live.recent(1, 34_001)).toEqual([]);
  });
});
