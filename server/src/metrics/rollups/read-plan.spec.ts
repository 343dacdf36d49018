// Which days and months a read takes from the rollups, which instants from tickets, and which days
// a read that does not wait leaves out. Expected plans worked out by hand from the calendar.
import { PopulationRange, RawRange, RollupState, leftOutDay, leftOutLocalDays, leftOutShare, planRanges, sharedRanges, withoutRanges } from './read-plan';

const at = (iso: string) => new Date(iso);
const range = (fromDate: string, toDate: string, from: string, to: string, grp = ''): PopulationRange => ({ fromDate, toDate, from: at(from), to: at(to), grp });
const byZone = (days: Record<string, string[]>) => new Map(Object.entries(days).map(([z, d]) => [z, new Set(d)]));
/** Pending days are never built (a load's new days) unless `unbuilt` says otherwise. */
const state = (pending: Record<string, string[]> = {}, stale: Record<string, string[]> = {}, zones = ['UTC'], unbuilt = pending): RollupState => ({
  zones: new Set(zones),
  pending: byZone(pending),
  stale: byZone(stale),
  unbuilt: byZone(unbuilt),
});
/** A plan in a few words: units as "m:2026-01-01" / "d:2026-02-03", raw and left out as ISO pairs. */
const brief = (p: ReturnType<typeof planRanges>) => ({
  units: p.units.map((u) => `${u.span}:${u.period}${u.except ? ` except ${u.except.map((r) => `${r.lo.toISOString()}/${r.hi.toISOString()}`).join(' ')}` : ''}`),
  raw: p.raw.map((r) => `${r.lo.toISOString()}/${r.hi.toISOString()}`),
  leftOut: p.leftOut.map((r) => `${r.lo.toISOString()}/${r.hi.toISOString()}`),
});

/** January's days as units, but those given (day of the month, two digits). */
const januaryDaysBut = (...but: string[]) =>
  Array.from({ length: 31 }, (_, i) => String(i + 1).padStart(2, '0'))
    .filter((d) => !but.includes(d))
    .map((d) => `d:2026-01-${d}`);

describe('planRanges', () => {
  // January 2026 whole, then Feb 1-3: one month and three days.
  const jan = range('2026-01-01', '2026-02-04', '2026-01-01T00:00:00Z', '2026-02-04T00:00:00Z');

  it.each([
    ['built: a month and days', state(), false, { units: ['m:2026-01-01', 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: [], leftOut: [] }],
    [
      'a stale month: its days instead',
      state({}, { UTC: ['2026-01-01'] }),
      false,
      { units: [...Array.from({ length: 31 }, (_, i) => `d:2026-01-${String(i + 1).padStart(2, '0')}`), 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: [], leftOut: [] },
    ],
    [
      'a day to build: read from tickets, and its month as days',
      state({ UTC: ['2026-02-02'] }),
      false,
      { units: ['m:2026-01-01', 'd:2026-02-01', 'd:2026-02-03'], raw: ['2026-02-02T00:00:00.000Z/2026-02-03T00:00:00.000Z'], leftOut: [] },
    ],
    [
      'a day to build, a load behind: left out',
      state({ UTC: ['2026-02-02'] }),
      true,
      { units: ['m:2026-01-01', 'd:2026-02-01', 'd:2026-02-03'], raw: [], leftOut: ['2026-02-02T00:00:00.000Z/2026-02-03T00:00:00.000Z'] },
    ],
    [
      'a day being rebuilt (it has rollups), a load behind: still read from tickets',
      state({ UTC: ['2026-02-02', '2026-02-03'] }, {}, ['UTC'], { UTC: ['2026-02-03'] }),
      true,
      { units: ['m:2026-01-01', 'd:2026-02-01'], raw: ['2026-02-02T00:00:00.000Z/2026-02-03T00:00:00.000Z'], leftOut: ['2026-02-03T00:00:00.000Z/2026-02-04T00:00:00.000Z'] },
    ],
    [
      "January's days never built, a load behind: January still one month (summed from its built days), the days left out",
      state({ UTC: ['2026-01-11', '2026-01-10'] }),
      true,
      { units: ['m:2026-01-01', 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: [], leftOut: ['2026-01-10T00:00:00.000Z/2026-01-11T00:00:00.000Z', '2026-01-11T00:00:00.000Z/2026-01-12T00:00:00.000Z'] },
    ],
    [
      'the same, read counting everything: January as days, the two from tickets',
      state({ UTC: ['2026-01-10', '2026-01-11'] }),
      false,
      { units: [...januaryDaysBut('10', '11'), 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: ['2026-01-10T00:00:00.000Z/2026-01-11T00:00:00.000Z', '2026-01-11T00:00:00.000Z/2026-01-12T00:00:00.000Z'], leftOut: [] },
    ],
    [
      'January with a day never built and one being rebuilt (its old cells are in the month): as days',
      state({ UTC: ['2026-01-10', '2026-01-20'] }, {}, ['UTC'], { UTC: ['2026-01-10'] }),
      true,
      { units: [...januaryDaysBut('10', '20'), 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: ['2026-01-20T00:00:00.000Z/2026-01-21T00:00:00.000Z'], leftOut: ['2026-01-10T00:00:00.000Z/2026-01-11T00:00:00.000Z'] },
    ],
    [
      'January stale with a day never built: as days (the month is not the sum of its built days)',
      state({ UTC: ['2026-01-10'] }, { UTC: ['2026-01-01'] }),
      true,
      { units: [...januaryDaysBut('10'), 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: [], leftOut: ['2026-01-10T00:00:00.000Z/2026-01-11T00:00:00.000Z'] },
    ],
    ['a load behind with nothing to build: as built', state(), true, { units: ['m:2026-01-01', 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: [], leftOut: [] }],
    // Another zone's days to build leave UTC's plan alone.
    ['another zone has a day to build', state({ 'America/New_York': ['2026-02-02'] }, {}, ['UTC', 'America/New_York']), true, { units: ['m:2026-01-01', 'd:2026-02-01', 'd:2026-02-02', 'd:2026-02-03'], raw: [], leftOut: [] }],
  ])('UTC: %s', (_name, s, leaveOut, want) => {
    expect(brief(planRanges([jan], 'UTC', s, leaveOut))).toEqual(want);
  });

  it("a zone with its own rollups: a month left out of in part is its own month, its days at their local midnights", () => {
    // New York's January (UTC-5): 05:00Z Jan 1 to 05:00Z Feb 1; its Jan 15 left out.
    const ny = range('2026-01-01', '2026-02-01', '2026-01-01T05:00:00Z', '2026-02-01T05:00:00Z');
    const s = state({ 'America/New_York': ['2026-01-15'] }, {}, ['UTC', 'America/New_York']);
    expect(brief(planRanges([ny], 'America/New_York', s, true))).toEqual({ units: ['m:2026-01-01'], raw: [], leftOut: ['2026-01-15T05:00:00.000Z/2026-01-16T05:00:00.000Z'] });
  });

  it('a zone with its own rollups: its own local days are left out, at their local midnights', () => {
    // New York is UTC-5 in February: its day Feb 2 is 05:00Z to 05:00Z.
    const ny = range('2026-02-01', '2026-02-04', '2026-02-01T05:00:00Z', '2026-02-04T05:00:00Z');
    const s = state({ UTC: ['2026-02-01'], 'America/New_York': ['2026-02-02'] }, {}, ['UTC', 'America/New_York']);
    expect(brief(planRanges([ny], 'America/New_York', s, true))).toEqual({
      units: ['d:2026-02-01', 'd:2026-02-03'],
      raw: [],
      leftOut: ['2026-02-02T05:00:00.000Z/2026-02-03T05:00:00.000Z'],
    });
  });

  it('another zone (+05:45): whole UTC days inside, left out when to be built; a short edge from tickets, a long one as its UTC day less the rest', () => {
    // Kathmandu's Feb 1-3 is 2026-01-31T18:15Z to 2026-02-03T18:15Z: whole UTC days Feb 1 and 2,
    // 5 h 45 min of Jan 31 (tickets) and 18 h 15 min of Feb 3 (the day less its last 5 h 45 min).
    const ktm = range('2026-02-01', '2026-02-04', '2026-01-31T18:15:00Z', '2026-02-03T18:15:00Z');
    expect(brief(planRanges([ktm], 'Asia/Kathmandu', state({ UTC: ['2026-02-02'] }), true))).toEqual({
      units: ['d:2026-02-01', 'd:2026-02-03 except 2026-02-03T18:15:00.000Z/2026-02-04T00:00:00.000Z'],
      raw: ['2026-01-31T18:15:00.000Z/2026-02-01T00:00:00.000Z'],
      leftOut: ['2026-02-02T00:00:00.000Z/2026-02-03T00:00:00.000Z'],
    });
  });

  it.each([
    // Kolkata (+05:30), its Feb 3: 2026-02-02T18:30Z to 2026-02-03T18:30Z, no whole UTC day inside.
    ['a +05:30 day: 5 h 30 min of tickets, then 18 h 30 min as the UTC day less its last 5 h 30 min', '2026-02-02T18:30:00Z', '2026-02-03T18:30:00Z', state(), { units: ['d:2026-02-03 except 2026-02-03T18:30:00.000Z/2026-02-04T00:00:00.000Z'], raw: ['2026-02-02T18:30:00.000Z/2026-02-03T00:00:00.000Z'], leftOut: [] }],
    ['the UTC day to be built: no cells to subtract from, both parts from tickets', '2026-02-02T18:30:00Z', '2026-02-03T18:30:00Z', state({ UTC: ['2026-02-03'] }), { units: [], raw: ['2026-02-02T18:30:00.000Z/2026-02-03T00:00:00.000Z', '2026-02-03T00:00:00.000Z/2026-02-03T18:30:00.000Z'], leftOut: [] }],
    // New York's Feb 3 (UTC-5): 05:00Z to 05:00Z; 19 h of Feb 3, 5 h of Feb 4.
    ['a -05:00 day: the long part first', '2026-02-03T05:00:00Z', '2026-02-04T05:00:00Z', state(), { units: ['d:2026-02-03 except 2026-02-03T00:00:00.000Z/2026-02-03T05:00:00.000Z'], raw: ['2026-02-04T00:00:00.000Z/2026-02-04T05:00:00.000Z'], leftOut: [] }],
    ['exactly half a UTC day each side: tickets (no fewer to read the other way)', '2026-02-02T12:00:00Z', '2026-02-03T12:00:00Z', state(), { units: [], raw: ['2026-02-02T12:00:00.000Z/2026-02-03T00:00:00.000Z', '2026-02-03T00:00:00.000Z/2026-02-03T12:00:00.000Z'], leftOut: [] }],
    // Local mean time zones (before 1900) are offset by seconds: values are kept by minute.
    ['a bound inside a minute: tickets', '2026-02-02T18:30:10Z', '2026-02-03T18:30:10Z', state(), { units: [], raw: ['2026-02-02T18:30:10.000Z/2026-02-03T00:00:00.000Z', '2026-02-03T00:00:00.000Z/2026-02-03T18:30:10.000Z'], leftOut: [] }],
    // A 23-hour day inside one UTC day is possible only with contrived bounds: both ends cut from it.
    ['inside one UTC day, long: the day less both ends', '2026-02-03T00:30:00Z', '2026-02-03T23:30:00Z', state(), { units: ['d:2026-02-03 except 2026-02-03T00:00:00.000Z/2026-02-03T00:30:00.000Z 2026-02-03T23:30:00.000Z/2026-02-04T00:00:00.000Z'], raw: [], leftOut: [] }],
  ])('another zone: %s', (_name, from, to, s, want) => {
    const r = range('2026-02-03', '2026-02-04', from, to);
    expect(brief(planRanges([r], 'Asia/Kolkata', s))).toEqual(want);
  });

  it.each([
    // Kolkata's Feb 3 (+05:30): 5 h 30 min of UTC Feb 2, 18 h 30 min of UTC Feb 3.
    ['the long part\'s UTC day a load\'s, not built: that part left out, as a share of a day', { UTC: ['2026-02-03'] }, { units: [], raw: ['2026-02-02T18:30:00.000Z/2026-02-03T00:00:00.000Z'], leftOut: ['2026-02-03T00:00:00.000Z/2026-02-03T18:30:00.000Z'] }, [['2026-02-03T00:00:00.000Z', 18.5 / 24]]],
    ['the short part\'s', { UTC: ['2026-02-02'] }, { units: ['d:2026-02-03 except 2026-02-03T18:30:00.000Z/2026-02-04T00:00:00.000Z'], raw: [], leftOut: ['2026-02-02T18:30:00.000Z/2026-02-03T00:00:00.000Z'] }, [['2026-02-02T00:00:00.000Z', 5.5 / 24]]],
    ['both: the whole local day left out, as two parts of two UTC days', { UTC: ['2026-02-02', '2026-02-03'] }, { units: [], raw: [], leftOut: ['2026-02-02T18:30:00.000Z/2026-02-03T00:00:00.000Z', '2026-02-03T00:00:00.000Z/2026-02-03T18:30:00.000Z'] }, [['2026-02-02T00:00:00.000Z', 5.5 / 24], ['2026-02-03T00:00:00.000Z', 18.5 / 24]]],
  ])('another zone, a read that leaves a load\'s days out: %s', (_name, pending, want, days) => {
    const r = range('2026-02-03', '2026-02-04', '2026-02-02T18:30:00Z', '2026-02-03T18:30:00Z');
    const p = planRanges([r], 'Asia/Kolkata', state(pending), true);
    expect(brief(p)).toEqual(want);
    // The day each part stands for (its UTC day, as when the whole UTC day is left out), and its share of the local day.
    expect(p.leftOut.map((x) => [leftOutDay(x), leftOutShare(x, r)])).toEqual(days);
    // Either way it is the one local day, Feb 3, that is building.
    expect(p.leftOut.map((x) => leftOutLocalDays(x, 'Asia/Kolkata'))).toEqual(p.leftOut.map(() => ['2026-02-03']));
    // A read that waits counts those parts from tickets.
    expect(brief(planRanges([r], 'Asia/Kolkata', state(pending))).leftOut).toEqual([]);
  });

  it('another zone\'s 25-hour day (Berlin, Oct 25 2026: 22:00Z Oct 24 to 23:00Z Oct 25) left out whole: one day, not 25/24', () => {
    const r = range('2026-10-25', '2026-10-26', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z');
    const p = planRanges([r], 'Europe/Berlin', state({ UTC: ['2026-10-24', '2026-10-25'] }), true);
    expect(brief(p).leftOut).toEqual(['2026-10-24T22:00:00.000Z/2026-10-25T00:00:00.000Z', '2026-10-25T00:00:00.000Z/2026-10-25T23:00:00.000Z']);
    expect(p.leftOut.map((x) => leftOutShare(x, r))).toEqual([2 / 25, 23 / 25]);
    expect(new Set(p.leftOut.flatMap((x) => leftOutLocalDays(x, 'Europe/Berlin')))).toEqual(new Set(['2026-10-25']));
  });

  it('another zone\'s week left out at both ends: two of its local days building, its whole UTC days one each', () => {
    // Kolkata's week of Feb 2-8: 18:30Z Feb 1 to 18:30Z Feb 8; UTC Feb 1 and Feb 8 a load's, not built.
    const r = range('2026-02-02', '2026-02-09', '2026-02-01T18:30:00Z', '2026-02-08T18:30:00Z');
    const p = planRanges([r], 'Asia/Kolkata', state({ UTC: ['2026-02-01', '2026-02-04', '2026-02-08'] }), true);
    expect(brief(p).leftOut).toEqual(['2026-02-01T18:30:00.000Z/2026-02-02T00:00:00.000Z', '2026-02-04T00:00:00.000Z/2026-02-05T00:00:00.000Z', '2026-02-08T00:00:00.000Z/2026-02-08T18:30:00.000Z']);
    // (hours over the week's 168, times its 7 days: equal to 12 digits)
    expect(p.leftOut.map((x) => Number(leftOutShare(x, r).toFixed(12)))).toEqual([5.5 / 24, 1, 18.5 / 24].map((x) => Number(x.toFixed(12))));
    // Local days: Feb 2 (the first part), Feb 4 and 5 (UTC Feb 4 is parts of both), Feb 8 (the last part).
    expect(p.leftOut.map((x) => leftOutLocalDays(x, 'Asia/Kolkata'))).toEqual([['2026-02-02'], ['2026-02-04', '2026-02-05'], ['2026-02-08']]);
  });

  it('a zone\'s own day left out counts as one day, by its first instant, whatever its length (New York\'s 25-hour Nov 1)', () => {
    const ny = range('2026-11-01', '2026-11-02', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z');
    const p = planRanges([ny], 'America/New_York', state({ 'America/New_York': ['2026-11-01'] }, {}, ['UTC', 'America/New_York']), true);
    expect(p.leftOut.map((x) => [leftOutDay(x), leftOutShare(x, ny), leftOutLocalDays(x, 'America/New_York')])).toEqual([['2026-11-01T04:00:00.000Z', 1, ['2026-11-01']]]);
  });

  it('each time bucket keeps its group, left out or not', () => {
    const days = [range('2026-02-01', '2026-02-02', '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z', 'a'), range('2026-02-02', '2026-02-03', '2026-02-02T00:00:00Z', '2026-02-03T00:00:00Z', 'b')];
    const p = planRanges(days, 'UTC', state({ UTC: ['2026-02-02'] }), true);
    expect(p.units.map((u) => u.grp)).toEqual(['a']);
    expect(p.leftOut.map((r) => r.grp)).toEqual(['b']);
  });
});

describe('withoutRanges', () => {
  const r = (lo: string, hi: string, grp = ''): RawRange => ({ lo: at(`2026-02-${lo}Z`), hi: at(`2026-02-${hi}Z`), grp });
  const iso = (rs: RawRange[]) => rs.map((x) => `${x.grp}|${x.lo.toISOString().slice(8, 16)}-${x.hi.toISOString().slice(8, 16)}`);

  it.each([
    ['no holes', [r('01T00:00', '05T00:00')], [], ['|01T00:00-05T00:00']],
    ['a hole in the middle', [r('01T00:00', '05T00:00')], [r('02T00:00', '03T00:00')], ['|01T00:00-02T00:00', '|03T00:00-05T00:00']],
    ['holes at both ends, given out of order', [r('01T00:00', '05T00:00')], [r('04T00:00', '05T00:00'), r('01T00:00', '02T00:00')], ['|02T00:00-04T00:00']],
    ['two holes side by side', [r('01T00:00', '05T00:00')], [r('02T00:00', '03T00:00'), r('03T00:00', '04T00:00')], ['|01T00:00-02T00:00', '|04T00:00-05T00:00']],
    ['the whole range', [r('02T00:00', '03T00:00')], [r('02T00:00', '03T00:00')], []],
    ['a hole reaching past the range', [r('02T06:00', '04T00:00')], [r('02T00:00', '03T00:00')], ['|03T00:00-04T00:00']],
    ['a hole of another group is not cut', [r('01T00:00', '03T00:00', 'a'), r('01T00:00', '03T00:00', 'b')], [r('01T00:00', '02T00:00', 'b')], ['a|01T00:00-03T00:00', 'b|02T00:00-03T00:00']],
  ])('%s', (_name, ranges, holes, want) => {
    expect(iso(withoutRanges(ranges, holes))).toEqual(want);
  });
});

describe('sharedRanges', () => {
  const brief = (p: ReturnType<typeof planRanges>) => sharedRanges(p.raw, p.units).map((s) => `${s.lo.toISOString().slice(5, 16)}/${s.hi.toISOString().slice(5, 16)} ${s.uses.map((u) => `${u.w > 0 ? '+' : '-'}${u.grp}`).join(' ')}`);
  // Kolkata (+05:30) local day D is 18:30Z of D-1 to 18:30Z of D: the evening of D-1 from tickets,
  // and UTC day D less its own evening, which is the next local day's morning.
  const kolkata = (d: string, next: string, prev: string) => range(d, next, `${prev}T18:30:00Z`, `${d}T18:30:00Z`, d);

  it('a daily series in another zone reads each UTC evening once, for the two local days it belongs to', () => {
    const plan = planRanges([kolkata('2026-03-02', '2026-03-03', '2026-03-01'), kolkata('2026-03-03', '2026-03-04', '2026-03-02'), kolkata('2026-03-04', '2026-03-05', '2026-03-03')], 'Asia/Kolkata', state());
    expect(brief(plan)).toEqual([
      '03-01T18:30/03-02T00:00 +2026-03-02',
      '03-02T18:30/03-03T00:00 +2026-03-03 -2026-03-02',
      '03-03T18:30/03-04T00:00 +2026-03-04 -2026-03-03',
      '03-04T18:30/03-05T00:00 -2026-03-04',
    ]);
  });

  it('a summary in another zone: two edges, each for the one group', () => {
    // Kathmandu (+05:45), Mar 2-5: 18:15Z Mar 1 to 18:15Z Mar 5.
    const plan = planRanges([range('2026-03-02', '2026-03-06', '2026-03-01T18:15:00Z', '2026-03-05T18:15:00Z')], 'Asia/Kathmandu', state());
    expect(brief(plan)).toEqual(['03-01T18:15/03-02T00:00 +', '03-05T18:15/03-06T00:00 -']);
  });

  it('a zone with its own rollups: nothing from tickets', () => {
    const plan = planRanges([range('2026-03-01', '2026-03-03', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z')], 'UTC', state());
    expect(sharedRanges(plan.raw, plan.units)).toEqual([]);
  });
});
