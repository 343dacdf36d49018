import { comparisonDates, comparisonScope, resolveScope } from './metrics-scope';

// The stored cost model a scope is resolved with (values irrelevant to the dates).
const stored = { version: 1, currency: 'USD', humanHourlyCost: 32, aiCostPerConversation: 0.45, aiCostPerResolution: 0, fteHoursPerMonth: 120, fixedCostPerMonth: 0, changedBy: 'x', changedAt: '' } as never;

describe('comparisonScope: the comparison judged at the same age as the range', () => {
  const now = new Date('2026-11-30T20:00:00Z');

  it('a range over: the period before it, judged as many days earlier, whole', () => {
    // 2026-10-31..2026-11-30 read at 20:00 on Nov 30: the 30 days before, judged 30 days earlier.
    const s = resolveScope({ from: '2026-10-31', to: '2026-11-30', tz: 'UTC' } as never, stored, now);
    const p = comparisonScope(s, comparisonDates(s.fromDate, s.toDate, 'previous'), now);
    expect([p.fromDate, p.toDate, p.asOf.toISOString(), p.filter.from.toISOString(), p.filter.to.toISOString()]).toEqual([
      '2026-10-01', '2026-10-31', '2026-10-31T20:00:00.000Z', '2026-10-01T00:00:00.000Z', '2026-10-31T00:00:00.000Z',
    ]);
  });

  it('a range that runs past now ("this quarter"): the comparison holds only its own days so far', () => {
    // 2026-10-01..2027-01-01 (92 days) read on Nov 30 at 20:00: the previous 92 days, judged 92 days
    // earlier (Aug 30, 20:00), with only the tickets created before then.
    const s = resolveScope({ from: '2026-10-01', to: '2027-01-01', tz: 'UTC' } as never, stored, now);
    const p = comparisonScope(s, comparisonDates(s.fromDate, s.toDate, 'previous'), now);
    expect([p.fromDate, p.toDate, p.asOf.toISOString(), p.filter.to.toISOString()]).toEqual(['2026-07-01', '2026-10-01', '2026-08-30T20:00:00.000Z', '2026-08-30T20:00:00.000Z']);
    // A year earlier: the same, a year back.
    const y = comparisonScope(s, comparisonDates(s.fromDate, s.toDate, 'year'), now);
    expect([y.fromDate, y.asOf.toISOString(), y.filter.to.toISOString()]).toEqual(['2025-10-01', '2025-11-30T20:00:00.000Z', '2025-11-30T20:00:00.000Z']);
  });

  it('a range read as of a past moment, with its tickets all in the past: its comparison whole', () => {
    // The fixture's case: 2026-01-19..26 as of Jan 22, read in November: the week before, whole, as of Jan 15.
    const s = resolveScope({ from: '2026-01-19', to: '2026-01-26', tz: 'UTC', asOf: '2026-01-22T00:00:00Z' } as never, stored, now);
    const p = comparisonScope(s, comparisonDates(s.fromDate, s.toDate, 'previous'), now);
    expect([p.asOf.toISOString(), p.filter.to.toISOString()]).toEqual(['2026-01-15T00:00:00.000Z', '2026-01-19T00:00:00.000Z']);
  });
});
