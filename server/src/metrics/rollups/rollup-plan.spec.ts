import { RollupPlan, Usable, planRange, unitDays, usablePeriods } from './rollup-plan';

const at = (s: string) => new Date(s);
const set = (...xs: string[]) => new Set(xs);

function plan(from: string, to: string, usable: Usable, grp = ''): RollupPlan {
  const p: RollupPlan = { units: [], raw: [], maturing: [] };
  planRange(p, at(from), at(to), grp, usable);
  return p;
}

const ALL_OF_FEB: Usable = {
  days: set(...Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`), '2026-01-31', '2026-03-01'),
  months: set('2026-02-01'),
  maturing: set(),
};

describe('planRange', () => {
  it.each<[string, string, string, Usable, Partial<RollupPlan>]>([
    ['a whole usable month is one unit', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', ALL_OF_FEB,
      { units: [{ span: 'm', start: '2026-02-01', grp: '' }], raw: [] }],
    ['days around a month', '2026-01-31T00:00:00Z', '2026-03-02T00:00:00Z', ALL_OF_FEB,
      { units: [{ span: 'd', start: '2026-01-31', grp: '' }, { span: 'm', start: '2026-02-01', grp: '' }, { span: 'd', start: '2026-03-01', grp: '' }], raw: [] }],
    ['a local-time range: partial UTC days at both ends are raw', '2026-02-09T23:00:00Z', '2026-02-11T23:00:00Z', ALL_OF_FEB,
      { units: [{ span: 'd', start: '2026-02-10', grp: '' }],
        raw: [{ from: at('2026-02-09T23:00:00Z'), to: at('2026-02-10T00:00:00Z'), grp: '' }, { from: at('2026-02-11T00:00:00Z'), to: at('2026-02-11T23:00:00Z'), grp: '' }] }],
    ['less than a day is raw', '2026-02-10T05:30:00Z', '2026-02-11T05:30:00Z', ALL_OF_FEB,
      { units: [], raw: [{ from: at('2026-02-10T05:30:00Z'), to: at('2026-02-11T05:30:00Z'), grp: '' }] }],
    ['unusable days are raw, merged when adjacent', '2026-02-01T00:00:00Z', '2026-02-05T00:00:00Z', { days: set('2026-02-01', '2026-02-04'), months: set(), maturing: set() },
      { units: [{ span: 'd', start: '2026-02-01', grp: '' }, { span: 'd', start: '2026-02-04', grp: '' }], raw: [{ from: at('2026-02-02T00:00:00Z'), to: at('2026-02-04T00:00:00Z'), grp: '' }] }],
    ['a maturing day is a unit whose pending/verified are read raw', '2026-02-27T00:00:00Z', '2026-03-01T00:00:00Z', { ...ALL_OF_FEB, maturing: set('2026-02-28') },
      { units: [{ span: 'd', start: '2026-02-27', grp: '' }, { span: 'd', start: '2026-02-28', grp: '' }], raw: [], maturing: [{ from: at('2026-02-28T00:00:00Z'), to: at('2026-03-01T00:00:00Z'), grp: '' }] }],
  ])('%s', (_name, from, to, usable, want) => {
    const got = plan(from, to, usable);
    expect({ units: got.units, raw: got.raw, ...(want.maturing ? { maturing: got.maturing } : {}) }).toEqual(want);
  });

  it('unitDays expands months', () => {
    expect(unitDays([{ span: 'm', start: '2026-02-01', grp: 'x' }])).toHaveLength(28);
    expect(unitDays([{ span: 'd', start: '2026-02-03', grp: 'y' }])).toEqual([{ day: '2026-02-03', grp: 'y' }]);
  });
});

describe('usablePeriods', () => {
  const asOf = at('2026-03-01T00:00:00Z');
  const periods = [
    { span: 'd' as const, start: '2026-02-01', aiResolvedMaxAt: at('2026-02-03T00:00:00Z') },
    { span: 'd' as const, start: '2026-02-20', aiResolvedMaxAt: at('2026-02-22T00:00:01Z') }, // 7 days end after asOf
    { span: 'd' as const, start: '2026-02-21', aiResolvedMaxAt: null },
    { span: 'm' as const, start: '2026-02-01', aiResolvedMaxAt: at('2026-02-22T00:00:00Z') }, // exactly 7 days: matured
    { span: 'm' as const, start: '2026-01-01', aiResolvedMaxAt: at('2026-01-30T00:00:00Z') },
  ];
  it('days: built and clean (maturing ones marked); months: built, clean and matured', () => {
    const u = usablePeriods(periods, ['2026-01-15'], asOf);
    expect([...u.days]).toEqual(['2026-02-01', '2026-02-20', '2026-02-21']);
    expect([...u.maturing]).toEqual(['2026-02-20']);
    expect([...u.months]).toEqual(['2026-02-01']); // January has a dirty day
  });
  it('a month with a maturing resolution is not used as a whole', () => {
    expect([...usablePeriods(periods, [], at('2026-02-28T23:59:59Z')).months]).toEqual(['2026-01-01']);
  });
});
