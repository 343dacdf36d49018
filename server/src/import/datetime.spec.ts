import { parseTimestamp } from './datetime';

describe('parseTimestamp', () => {
  it.each([
    ['29/2/2016 01:16', 'D/M/YYYY HH:mm', 'UTC', '2016-02-29T01:16:00.000Z'],
    ['2012/10/09 14:50:17.000', 'YYYY/MM/DD HH:mm:ss.SSS', 'UTC', '2012-10-09T14:50:17.000Z'],
    ['2023-06-01 12:15:36', 'auto', 'UTC', '2023-06-01T12:15:36.000Z'],
    ['5/3/2016 12:00', 'auto', 'UTC', '2016-03-05T12:00:00.000Z'],
    ['2026-01-05T13:50:53-05:00', 'auto', 'Europe/Rome', '2026-01-05T18:50:53.000Z'],
    // Local times in a zone: Rome is +01:00 in winter, +02:00 in summer.
    ['2012/10/09 14:50:17.000', 'YYYY/MM/DD HH:mm:ss.SSS', 'Europe/Rome', '2012-10-09T12:50:17.000Z'],
    ['2012/01/09 14:50:17.250', 'YYYY/MM/DD HH:mm:ss.SSS', 'Europe/Rome', '2012-01-09T13:50:17.250Z'],
    // 02:30 on 25 March 2012 does not exist in Rome (clocks jump 02:00 -> 03:00).
    ['2012/03/25 02:30:00.000', 'YYYY/MM/DD HH:mm:ss.SSS', 'Europe/Rome', '2012-03-25T01:30:00.000Z'],
  ])('%s (%s, %s) -> %s', (value, format, tz, iso) => {
    expect(parseTimestamp(value, format, tz)).toEqual({ iso, ms: Date.parse(iso) });
  });

  it.each([
    ['31/2/2016 01:16', 'D/M/YYYY HH:mm', 'is not a valid date'],
    ['yesterday', 'auto', 'matches none of the known date formats'],
    // A known shape without such a day: said so (it read "matches none of the known date formats").
    ['2026-11-31 09:00:00', 'auto', '"2026-11-31 09:00:00" is not a valid date and time (read as YYYY-MM-DD HH:mm:ss)'],
    ['2016-02-29', 'D/M/YYYY HH:mm', 'does not match the date format D/M/YYYY HH:mm'],
  ])('%s -> %s', (value, format, problem) => {
    expect(parseTimestamp(value, format, 'UTC')).toEqual({ problem: expect.stringContaining(problem) });
  });
});
