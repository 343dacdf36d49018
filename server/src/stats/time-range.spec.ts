// Local dates to instants. The suite runs with TZ=UTC; these cases prove the conversion follows
// the requested zone, not the process's, across DST changes and odd offsets.
import { calendarDateProblem, daysBetween, isValidTimeZone, startOfLocalDate } from './time-range';

describe('startOfLocalDate', () => {
  it.each([
    ['2026-01-05', 'UTC', '2026-01-05T00:00:00.000Z'],
    ['2026-01-12', 'Europe/Stockholm', '2026-01-11T23:00:00.000Z'], // CET, +01:00
    ['2026-03-29', 'Europe/Stockholm', '2026-03-28T23:00:00.000Z'], // DST starts at 02:00 that day
    ['2026-03-30', 'Europe/Stockholm', '2026-03-29T22:00:00.000Z'], // CEST, +02:00
    ['2026-10-25', 'Europe/Stockholm', '2026-10-24T22:00:00.000Z'], // DST ends at 03:00 that day
    ['2026-10-26', 'Europe/Stockholm', '2026-10-25T23:00:00.000Z'],
    ['2026-01-05', 'Asia/Kolkata', '2026-01-04T18:30:00.000Z'], // +05:30
    ['2026-07-01', 'America/New_York', '2026-07-01T04:00:00.000Z'], // EDT
    // Chile moves 00:00 -> 01:00 on 6 Sep 2026: the date begins at 01:00 -03:00.
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
  ])('%s in %s starts at %s', (date, tz, iso) => {
    expect(startOfLocalDate(date, tz).toISOString()).toBe(iso);
  });

  it('does not depend on the process time zone', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(0);
  });
});

describe('daysBetween counts calendar dates, even across DST', () => {
  it.each([
    ['2026-01-05', '2026-01-26', 21],
    ['2026-03-29', '2026-03-30', 1],
    ['2024-02-28', '2024-03-01', 2],
  ])('%s .. %s = %i', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
});

describe('validation helpers', () => {
  it('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Stockholm')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
  it('rejects malformed and impossible dates', () => {
    expect(calendarDateProblem('2026-01-05')).toBeNull();
    expect(calendarDateProblem('2026-1-5')).toContain('YYYY-MM-DD');
    expect(calendarDateProblem('2026-02-29')).toContain('not a calendar date');
  });
});
