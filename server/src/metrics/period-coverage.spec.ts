import { periodCoverage } from './period-coverage';

// Local dates worked out by hand from the instants and the zones' offsets.
const span = { first: new Date('2026-08-02T23:30:00Z'), last: new Date('2026-11-30T18:45:00Z') };

// Read months after the last ticket: the data stopped (an import), and ends there.
const later = new Date('2027-03-01T00:00:00Z');

describe('periodCoverage', () => {
  it.each([
    // from, to, tz, days, daysInDataSpan, dataFrom, dataTo
    ['2026-09-01', '2026-12-01', 'UTC', 91, 91, '2026-08-02', '2026-12-01'],
    ['2026-06-03', '2026-09-01', 'UTC', 90, 30, '2026-08-02', '2026-12-01'], // 2026-08-02 .. 2026-08-31
    ['2026-06-03', '2026-09-01', 'Europe/Berlin', 90, 29, '2026-08-03', '2026-12-01'], // first is 01:30 on 08-03 there
    ['2026-11-01', '2026-12-31', 'Asia/Kathmandu', 60, 31, '2026-08-03', '2026-12-02'], // 05:15 on 08-03 and 00:30 on 12-01 there: 11-01..12-01
    ['2026-01-01', '2026-02-01', 'UTC', 31, 0, '2026-08-02', '2026-12-01'], // entirely before
    ['2026-12-05', '2026-12-06', 'UTC', 1, 0, '2026-08-02', '2026-12-01'], // entirely after
  ])('%s..%s in %s', (from, to, tz, days, daysInDataSpan, dataFrom, dataTo) => {
    expect(periodCoverage(from, to, span, tz, later)).toEqual({ days, daysInDataSpan, dataFrom, dataTo });
  });

  it('no tickets: no day has data', () => {
    expect(periodCoverage('2026-01-01', '2026-01-08', { first: null, last: null }, 'UTC', later)).toEqual({ days: 7, daysInDataSpan: 0, dataFrom: null, dataTo: null });
  });

  it('live data has no end: ten minutes after midnight, before the day\'s first ticket, "quarter to date" is whole', () => {
    // Last ticket 2026-11-30 18:45 UTC; asOf 2026-12-01 00:10 UTC; the quarter so far runs to 2026-12-02.
    const justAfterMidnight = new Date('2026-12-01T00:10:00Z');
    expect(periodCoverage('2026-10-01', '2026-12-02', span, 'UTC', justAfterMidnight)).toMatchObject({ days: 62, daysInDataSpan: 62 });
    // Three quiet days (a weekend) do not end it; four do: the range's last day is then past the data.
    expect(periodCoverage('2026-10-01', '2026-12-02', span, 'UTC', new Date('2026-12-03T12:00:00Z'))).toMatchObject({ days: 62, daysInDataSpan: 62 });
    expect(periodCoverage('2026-10-01', '2026-12-02', span, 'UTC', new Date('2026-12-04T12:00:00Z'))).toMatchObject({ days: 62, daysInDataSpan: 61 });
  });
});
