// Local dates to instants. The suite runs with TZ=UTC; these cases prove the conversion follows
// the requested zone, not the process's, across DST changes and odd offsets.
import { calendarDateProblem, daysBetween, isValidTimeZone, startOfLocalDate, utcMs } from './time-range';

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
    // Offsets are not zones, whatever the runtime's Intl takes (Node 22 takes them; PostgreSQL reverses their sign).
    for (const offset of ['+05:30', '-03:30', '05:45', '\u221205:00']) expect(isValidTimeZone(offset)).toBe(false);
    expect(isValidTimeZone('Etc/GMT+5')).toBe(true);
  });
  it('rejects malformed and impossible dates', () => {
    expect(calendarDateProblem('2026-01-05')).toBeNull();
    expect(calendarDateProblem('2026-1-5')).toContain('YYYY-MM-DD');
    expect(calendarDateProblem('2026-02-29')).toContain('not a calendar date');
  });
  it.each([
    ['1900-01-01', null],
    ['2199-12-31', null],
    ['1899-12-31', '1899-12-31 is outside the years 1900-2199'],
    ['2200-01-01', '2200-01-01 is outside the years 1900-2199'],
    ['9999-12-01', '9999-12-01 is outside the years 1900-2199'],
    // A real date of the year 50 (not 1950, as Date.UTC would read it), outside the years allowed.
    ['0050-06-01', '0050-06-01 is outside the years 1900-2199'],
    ['0050-02-29', '0050-02-29 is not a calendar date'],
  ])('a date a request may name: %s -> %s', (date, problem) => {
    expect(calendarDateProblem(date)).toBe(problem);
  });
  it('utcMs reads years 0-99 as themselves', () => {
    expect(utcMs(50, 0, 1)).toBe(Date.parse('0050-01-01T00:00:00Z'));
    expect(utcMs(2026, 10, 30, 13, 5, 7)).toBe(Date.parse('2026-11-30T13:05:07Z'));
  });
});
