import { LiveMonths } from './live-months';

describe('LiveMonths: months a live batch just touched', () => {
  it('keeps a month for 15 s after its last touch, per workspace and zone', () => {
    const live = new LiveMonths(15_000);
    live.record(1, 'UTC', ['2026-11-01'], 0);
    live.record(1, 'America/New_York', ['2026-10-01', '2026-11-01'], 5_000);
    live.record(2, 'UTC', ['2026-11-01'], 5_000);
    expect(live.recent(1, 10_000)).toEqual(['UTC|2026-11-01', 'America/New_York|2026-10-01', 'America/New_York|2026-11-01']);
    expect(live.recent(2, 10_000)).toEqual(['UTC|2026-11-01']);
    // 15.001 s after the UTC touch it is forgotten; the New York ones (touched at 5 s) are kept.
    expect(live.recent(1, 15_001)).toEqual(['America/New_York|2026-10-01', 'America/New_York|2026-11-01']);
    // Touched again: the clock starts over.
    live.record(1, 'America/New_York', ['2026-11-01'], 19_000);
    expect(live.recent(1, 25_000)).toEqual(['America/New_York|2026-11-01']);
    expect(live.recent(1, 34_001)).toEqual([]);
  });
});
