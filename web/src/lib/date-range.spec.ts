import { addDays, filtersToSearch, parseFilters, todayIn } from './date-range';

const now = new Date('2026-11-22T23:30:00Z');

describe('URL filters', () => {
  it('default to the 30 days up to today in the view time zone', () => {
    // 23:30 UTC is already 23 November in Stockholm (+01:00): the range ends after that day.
    expect(parseFilters('', 'Europe/Stockholm', now)).toEqual({ from: '2026-10-25', to: '2026-11-24', tz: 'Europe/Stockholm' });
    expect(parseFilters('', 'UTC', now)).toMatchObject({ from: '2026-10-24', to: '2026-11-23' });
  });

  it('read what the URL says and round-trip it', () => {
    const search = '?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat';
    const f = parseFilters(search, 'Europe/Stockholm', now);
    expect(f).toEqual({ from: '2026-01-05', to: '2026-01-26', tz: 'UTC', channel: 'chat', category: undefined });
    expect(filtersToSearch(f)).toBe(search);
  });

  it('a zone being typed does not break the defaults (the API names the problem)', () => {
    expect(parseFilters('?tz=Europe%2FSto', 'UTC', now)).toEqual({ from: '2026-10-24', to: '2026-11-23', tz: 'Europe/Sto', channel: undefined, category: undefined });
  });

  it('ignore a malformed or inverted range', () => {
    expect(parseFilters('?from=yesterday&to=2026-02-01', 'UTC', now)).toMatchObject({ from: '2026-01-02', to: '2026-02-01' });
    expect(parseFilters('?from=2026-03-01&to=2026-02-01', 'UTC', now).from).toBe('2026-01-02');
  });

  it('date helpers', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(todayIn('Asia/Tokyo', new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});
