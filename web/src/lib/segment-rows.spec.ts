import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { segmentRows } from './segment-rows';

const seg = (key: string, tickets: number, verified: number | null, series?: { to: string; verifiedAiResolutionRate: number | null }[]) => ({
  key, tickets, aiInvolved: 0, involvementRate: 0.5, aiResolutionRate: 0.7, verifiedAiResolutionRate: verified, escalationRate: 0.3,
  savings: { verifiedSavings: 1234.5, claimedSavings: 2000 }, byPath: { ai: { csat: { top2Box: 0.705, responses: 78 }, repeatContactRate: 0.136 } },
  series,
});

describe('segmentRows', () => {
  it('formats each segment and puts "other" last', () => {
    // The last week holds tickets younger than 7 days at asOf: its verified rate is left out.
    const weeks = [{ to: '2026-05-11', verifiedAiResolutionRate: 0.5 }, { to: '2026-05-18', verifiedAiResolutionRate: null }, { to: '2026-05-25', verifiedAiResolutionRate: 0.62 }, { to: '2026-06-01', verifiedAiResolutionRate: 0.1 }];
    const b = { by: 'channel', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', segments: [seg('chat', 1200, 0.59, weeks)], other: seg('other', 40, null) } as unknown as LeanBreakdownResponse;
    expect(segmentRows(b, 'USD')).toEqual([
      { key: 'chat', isOther: false, cells: ['1,200', '50.0%', '70.0%', '59.0%', '71% (n=78)', '13.6%', '$1,235'], weekly: [0.5, null, 0.62, null] },
      { key: 'other', isOther: true, cells: ['40', '50.0%', '70.0%', '—', '71% (n=78)', '13.6%', '$1,235'], weekly: [] },
    ]);
  });

  it('a segment whose AI resolutions are mostly maturing: its verified rate and savings are not judged yet', () => {
    // 30 of 40 AI resolutions younger than 7 days.
    const young = { ...seg('email', 90, 0.1), aiResolved: 40, pendingAiResolved: 30 };
    const b = { by: 'channel', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', segments: [young] } as unknown as LeanBreakdownResponse;
    expect(segmentRows(b, 'USD')[0].cells).toEqual(['90', '50.0%', '70.0%', 'not judged yet', '71% (n=78)', '13.6%', 'not judged yet']);
  });

  it('a change against the comparison in brackets; a segment with no ticket in it is new, not "+1,200"', () => {
    const withComparison = (tickets: number, before: number) => ({ ...seg('chat', tickets, 0.59), comparison: { tickets: before, byPath: { ai: { csat: { top2Box: null }, repeatContactRate: null } } }, deltas: { tickets: tickets - before, savings: {} } });
    const b = { by: 'channel', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', segments: [withComparison(1200, 1000), withComparison(1200, 0)] } as unknown as LeanBreakdownResponse;
    expect(segmentRows(b, 'USD').map((r) => r.cells[0])).toEqual(['1,200 (+200)', '1,200 (new)']);
  });

  it('the savings column and its changes to one precision: whole amounts when any figure is 1,000 or more', () => {
    const money = (key: string, verified: number, change: number) => ({ ...seg(key, 100, 0.6), savings: { verifiedSavings: verified, claimedSavings: verified }, deltas: { savings: { verifiedSavings: change } } });
    const b = { by: 'channel', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', segments: [money('chat', 2048, -438.81), money('email', 312.4, 12.5)] } as unknown as LeanBreakdownResponse;
    expect(segmentRows(b, 'USD').map((r) => r.cells[6])).toEqual(['$2,048 (−$439)', '$312 (+$13)']);
    const small = { ...b, segments: [money('chat', 412.4, -38.81)] } as unknown as LeanBreakdownResponse;
    expect(segmentRows(small, 'USD')[0].cells[6]).toBe('$412.40 (−$38.81)');
  });

  it('a rate over fewer than 30 tickets carries its n', () => {
    // Phone, one week: 5 tickets, 4 AI-involved (all judged), 2 resolved by the AI alone.
    const phone = { ...seg('phone', 5, 0.5), aiInvolved: 4, pendingAiResolved: 0, byPath: { ai: { csat: { top2Box: 1, responses: 2 }, repeatContactRate: 0.5, resolved: 2 } } };
    const b = { by: 'channel', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', segments: [phone] } as unknown as LeanBreakdownResponse;
    expect(segmentRows(b, 'USD')[0].cells).toEqual(['5', '50.0% (n=5)', '70.0% (n=4)', '50.0% (n=4)', '100% (n=2)', '50.0% (n=2)', '$1,235']);
  });
});
