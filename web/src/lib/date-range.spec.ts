import { addDays, completeDate, filtersToSearch, parseFilters, presetOf, presetRange, rangeNote, reversedRange, todayIn } from './date-range';

const now = new Date('2026-11-22T23:30:00Z');

describe('URL filters', () => {
  it('default to the last 30 complete days in the view time zone (today is not over)', () => {
    // 23:30 UTC is already 23 November in Stockholm (+01:00): the range ends before that day.
    expect(parseFilters('', 'Europe/Stockholm', now)).toEqual({ from: '2026-10-24', to: '2026-11-23', tz: 'Europe/Stockholm' });
    expect(parseFilters('', 'UTC', now)).toMatchObject({ from: '2026-10-23', to: '2026-11-22' });
  });

  it('read what the URL says and round-trip it', () => {
    const search = '?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat';
    const f = parseFilters(search, 'Europe/Stockholm', now);
    expect(f).toEqual({ from: '2026-01-05', to: '2026-01-26', tz: 'UTC', channel: 'chat', category: undefined });
    expect(filtersToSearch(f)).toBe(search);
  });

  it('a zone in the address that is none is not taken: the view keeps its own (rangeNote says so)', () => {
    expect(parseFilters('?tz=Europe%2FSto', 'UTC', now)).toEqual({ from: '2026-10-23', to: '2026-11-22', tz: 'UTC', channel: undefined, category: undefined });
    // An offset is no zone either, whatever this browser's Intl accepts: the server refuses it.
    expect(parseFilters('?tz=%2B05%3A30', 'Asia/Kolkata', now).tz).toBe('Asia/Kolkata');
    expect(parseFilters('?tz=-03%3A30', 'UTC', now).tz).toBe('UTC');
  });

  it('ignore a malformed or inverted range', () => {
    expect(parseFilters('?from=yesterday&to=2026-02-01', 'UTC', now)).toMatchObject({ from: '2026-01-02', to: '2026-02-01' });
    expect(parseFilters('?from=2026-03-01&to=2026-02-01', 'UTC', now).from).toBe('2026-01-02');
  });

  it('shorten a range longer than 5 years (1,830 days) to its last 1,830 days, and say so', () => {
    // 2020-01-01 to 2026-11-30: 2,525 days (by hand: 6 years of 2,192 days to 2026-01-01, plus 333).
    const search = '?from=2020-01-01&to=2026-11-30';
    const f = parseFilters(search, 'UTC', now);
    // 2026-11-30 less 1,830 days: 2021-11-26 (2021-11-30 is 1,826 days before it: 5 years with 2024's leap day, 1 more).
    expect(f).toMatchObject({ from: '2021-11-26', to: '2026-11-30' });
    expect(rangeNote(search, f)).toBe("The address's range is 2,525 days, longer than a view shows (5 years): showing 2021-11-26 to 2026-11-29 instead.");
    // Exactly 1,830 days is taken as it is.
    expect(parseFilters('?from=2021-11-26&to=2026-11-30', 'UTC', now).from).toBe('2021-11-26');
    expect(rangeNote('?from=2021-11-26&to=2026-11-30', parseFilters('?from=2021-11-26&to=2026-11-30', 'UTC', now))).toBeNull();
  });

  it('drop empty filter values ("chat,,,email" was a 400 that failed the view)', () => {
    expect(parseFilters('?channel=chat,,,email&category=,', 'UTC', now)).toMatchObject({ channel: 'chat,email', category: undefined });
    expect(parseFilters('?category=Billing%5C%2C%20payments', 'UTC', now).category).toBe('Billing\\, payments');
  });

  it('date helpers', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(todayIn('Asia/Tokyo', new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});

describe('presets', () => {
  // Today: Wednesday 2026-05-20 (Q2). Every range ends at the last complete day.
  it.each([
    ['last7', '2026-05-13', '2026-05-20'],
    ['last30', '2026-04-20', '2026-05-20'],
    ['last90', '2026-02-19', '2026-05-20'],
    ['lastMonth', '2026-04-01', '2026-05-01'],
    ['quarterToDate', '2026-04-01', '2026-05-20'],
    ['lastQuarter', '2026-01-01', '2026-04-01'],
    ['yearToDate', '2026-01-01', '2026-05-20'],
  ] as const)('%s', (preset, from, to) => {
    expect(presetRange(preset, '2026-05-20')).toEqual({ from, to });
    expect(presetOf({ from, to }, '2026-05-20')).toBe(preset);
  });

  it('across a year end, and on the first day of a quarter', () => {
    expect(presetRange('lastMonth', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(presetRange('lastQuarter', '2027-01-15')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    // On 1 April the quarter so far is today alone (not an empty range).
    expect(presetRange('quarterToDate', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-02' });
    expect(presetOf({ from: '2026-05-02', to: '2026-05-09' }, '2026-05-20')).toBe('custom');
  });
});

describe('rangeNote: dates in the address that could not be used are said, with the range shown instead', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const note = (search: string) => rangeNote(search, parseFilters(search, 'UTC', now));
  it.each([
    ['?from=2026-11-20&to=2026-11-10', "The address's range ends (2026-11-10) before it starts (2026-11-20): showing 2026-10-11 to 2026-11-09 instead."],
    ['?from=2026-11-10&to=2026-11-10', "The address's range ends (2026-11-10) before it starts (2026-11-10): showing 2026-10-11 to 2026-11-09 instead."],
    ['?from=2026-11-10&to=last-week', 'The address\'s end date "last-week" is not a date YYYY-MM-DD: showing 2026-11-10 to 2026-11-29 instead.'],
    ['?from=10/11/2026&to=2026-11-10', 'The address\'s start date "10/11/2026" is not a date YYYY-MM-DD: showing 2026-10-11 to 2026-11-09 instead.'],
    ['?from=2026-13-45&to=2026-12-01', 'The address\'s start date "2026-13-45" is not a calendar date: showing 2026-11-01 to 2026-11-30 instead.'],
    ['?from=2026-11-01&to=2026-02-30', 'The address\'s end date "2026-02-30" is not a calendar date: showing 2026-11-01 to 2026-11-29 instead.'],
    ['?from=1800-01-01&to=2026-11-10', 'The address\'s start date "1800-01-01" is outside the years 1900-2199: showing 2026-10-11 to 2026-11-09 instead.'],
    ['?from=2026-11-01&to=2026-11-10&tz=%2B05%3A30', 'The address\'s zone "+05:30" is not a time zone (use an IANA name such as Asia/Kolkata, not an offset): showing UTC instead.'],
    ['?from=2026-11-01&to=2026-11-10', null],
    ['', null],
  ])('%s', (search, expected) => expect(note(search)).toBe(expected));
});

describe('dates being typed', () => {
  it.each([
    ['2026-11-15', true],
    ['0002-11-15', false], // a year being typed
    ['0202-11-15', false],
    ['', false],
    ['1899-12-31', false],
  ])('%s complete: %s', (v, want) => expect(completeDate(v)).toBe(want));

  it('a range typed to end before it starts is said, with the range the view stays on', () => {
    const shown = { from: '2026-10-31', to: '2026-11-30' };
    // The first key of "11152026" in To: month 1.
    expect(reversedRange({ from: '2026-10-31', to: '2026-01-30' }, shown)).toBe('To (exclusive) must be after From: 2026-10-31 to 2026-01-30 holds no day (the view stays on 2026-10-31 to 2026-11-29)');
    expect(reversedRange({ from: '2026-10-31', to: '2026-10-31' }, shown)).not.toBeNull();
    expect(reversedRange({ from: '2026-10-31', to: '2026-11-15' }, shown)).toBeNull();
    expect(reversedRange({ from: '2026-10-31', to: '0002-01-15' }, shown)).toBeNull(); // still being typed
  });
});
