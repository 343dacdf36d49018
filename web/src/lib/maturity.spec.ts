import { bucketSpans, bucketState, bucketStates, judged, isShortBucket, mostlyMaturing } from './maturity';

describe('bucketState', () => {
  // asOf 2026-05-20 10:00 UTC: today is 2026-05-20; the 7-day window reaches back to 2026-05-13.
  const today = '2026-05-20';
  it.each([
    ['a day long past, nothing pending', { to: '2026-05-01', pendingAiResolved: 0 }, 'complete'],
    ['a day 8 days back', { to: '2026-05-13', pendingAiResolved: 0 }, 'complete'],
    ['a day 7 days back: tickets may still come back', { to: '2026-05-14', pendingAiResolved: 0 }, 'maturing'],
    ['an old day with AI resolutions pending', { to: '2026-05-01', pendingAiResolved: 3 }, 'maturing'],
    // The rate can move by at most pending / AI-involved: 1 of 1,509 is 0.07 pt, 16 of 1,509 is 1.06 pt.
    ['an old week, 1 of 1,509 AI-involved pending', { to: '2026-05-01', pendingAiResolved: 1, aiInvolved: 1509 }, 'complete'],
    ['an old week, 15 of 1,509 pending (0.99 pt)', { to: '2026-05-01', pendingAiResolved: 15, aiInvolved: 1509 }, 'complete'],
    ['an old week, 16 of 1,509 pending (1.06 pt)', { to: '2026-05-01', pendingAiResolved: 16, aiInvolved: 1509 }, 'maturing'],
    ['a recent week stays maturing whatever is pending', { to: '2026-05-18', pendingAiResolved: 0, aiInvolved: 1509 }, 'maturing'],
    ['yesterday', { to: '2026-05-20', pendingAiResolved: 0 }, 'maturing'],
    ['today', { to: '2026-05-21', pendingAiResolved: 0 }, 'partial'],
    ['this week (Mon 18 - Sun 24)', { to: '2026-05-25' }, 'partial'],
    ['a day long past that a load is still building', { to: '2026-05-01', pendingAiResolved: 0, daysBuilding: 1 }, 'building'],
    ['this week, 2 of its days still being built', { to: '2026-05-25', daysBuilding: 2 }, 'building'],
    ['no day building (0)', { to: '2026-05-01', pendingAiResolved: 0, daysBuilding: 0 }, 'complete'],
  ])('%s', (_, b, state) => expect(bucketState(b, today)).toBe(state));

  it('today follows the time zone of the answer', () => {
    // 2026-05-20T22:30Z is already May 21 in Tokyo: the bucket ending May 21 is over there.
    const b = [{ to: '2026-05-21', pendingAiResolved: 0 }];
    expect(bucketStates(b, '2026-05-20T22:30:00Z', 'UTC')).toEqual(['partial']);
    expect(bucketStates(b, '2026-05-20T22:30:00Z', 'Asia/Tokyo')).toEqual(['maturing']);
  });
});

describe('bucketSpans and judged', () => {
  it('groups runs of maturing and partial buckets', () => {
    const buckets = ['a', 'b', 'c', 'd', 'e'].map((bucket) => ({ bucket }));
    expect(bucketSpans(buckets, ['complete', 'maturing', 'maturing', 'maturing', 'partial'])).toEqual([
      { state: 'maturing', from: 'b', to: 'd', label: 'maturing: not judged yet (younger than 7 days)' },
      { state: 'partial', from: 'e', to: 'e', label: 'partial: not over yet' },
    ]);
  });
  it('a run of building buckets is its own span, named so', () => {
    const buckets = ['a', 'b', 'c', 'd'].map((bucket) => ({ bucket }));
    expect(bucketSpans(buckets, ['complete', 'building', 'building', 'maturing'])).toEqual([
      { state: 'building', from: 'b', to: 'c', label: 'building: still being processed, not counted yet' },
      { state: 'maturing', from: 'd', to: 'd', label: 'maturing: not judged yet (younger than 7 days)' },
    ]);
  });
  it('a value stands only where the bucket is judged', () => {
    expect(judged(0.4, 'complete')).toBe(0.4);
    expect(judged(0, 'maturing')).toBeNull();
    expect(judged(0.8, 'maturing', ['complete', 'maturing'])).toBe(0.8);
    expect(judged(0.8, 'partial', ['complete', 'maturing'])).toBeNull();
    expect(judged(120, 'building', ['complete', 'maturing'])).toBeNull();
  });
});

describe('mostlyMaturing', () => {
  it.each([
    ['nothing pending', 0, 1557, false],
    ['no AI resolutions at all', 0, 0, false],
    ['the last 7 days: 1,418 of 1,557 pending', 1418, 1557, true],
    ['exactly half or more (779 of 1,557: 1,557 / 2 = 778.5)', 779, 1557, true],
    ['just under half (778 of 1,557)', 778, 1557, false],
    ['a 30-day range with a week pending (700 of 1,557)', 700, 1557, false],
  ])('%s', (_name, pendingAiResolved, aiResolved, want) => {
    expect(mostlyMaturing({ pendingAiResolved, aiResolved })).toBe(want);
  });
});

describe('isShortBucket: a week or month the range cuts short', () => {
  // 2026-10-01 is a Thursday: a range Oct 1 to Nov 1 starts and ends mid-week.
  it.each([
    ['week', '2026-10-01', '2026-10-05', true], // Thu to Mon: 4 days
    ['week', '2026-10-05', '2026-10-12', false], // Monday to Monday
    ['week', '2026-10-26', '2026-11-01', true], // 6 days
    ['month', '2026-02-01', '2026-03-01', false], // 28 days, February 2026
    ['month', '2026-02-03', '2026-03-01', true],
    ['month', '2024-02-01', '2024-02-29', true], // 28 of leap February's 29 days
    ['month', '2024-02-01', '2024-03-01', false],
    ['month', '2026-11-01', '2026-11-30', true], // 29 of 30
    ['day', '2026-10-01', '2026-10-02', false],
  ])('%s %s to %s: %s', (interval, from, to, short) => {
    expect(isShortBucket({ from, to }, interval)).toBe(short);
  });
});
