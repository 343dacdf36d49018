import type { AlertRow } from '../../../server/src/contract';
import type { TimeseriesResponse } from '../../../server/src/contract';
import { addDays } from './date-range';
import { QualityRow, alertAnnotations, cardSparklines, highestValue, isAlone, qualityRows, seriesSpans, trendRows, bucketDays, emptyReasons, qualityInterval } from './quality-series';

const path = (top2: number | null, low: number | null, high: number | null, repeat: number | null) =>
  ({ csat: { top2Box: top2, top2BoxLow: low, top2BoxHigh: high }, repeatContactRate: repeat, reopenRate: 0.01 }) as never;

describe('qualityRows', () => {
  it('one row per bucket with the Wilson band as a pair, null where there are no answers', () => {
    const t = {
      interval: 'day', asOf: '2026-06-01T00:00:00Z', tz: 'UTC',
      buckets: [
        { bucket: '2026-05-10', to: '2026-05-11', escalationRate: 0.3, byPath: { ai: path(0.7, 0.6, 0.8, 0.1), escalated: path(null, null, null, null), human: path(0.8, 0.7, 0.9, 0.05) } },
        { bucket: '2026-05-11', to: '2026-05-12', escalationRate: null, byPath: { ai: path(null, null, null, null), escalated: path(null, null, null, null), human: path(0.9, 0.8, 0.95, 0) } },
      ],
    } as unknown as TimeseriesResponse;
    const rows = qualityRows(t);
    expect(rows[0]).toMatchObject({ bucket: '2026-05-10', csat_ai: 0.7, band_ai: [0.6, 0.8], repeat_ai: 0.1, escalation: 0.3 });
    expect(rows[1]).toMatchObject({ csat_ai: null, band_ai: null, band_human: [0.8, 0.95], escalation: null });
  });

  it("each line's n for its tooltip: answers, resolved tickets, AI-involved tickets", () => {
    const p = (responses: number, resolved: number) => ({ csat: { top2Box: 0.7, top2BoxLow: 0.6, top2BoxHigh: 0.8, responses }, repeatContactRate: 0.1, reopenRate: 0.01, resolved });
    const t = { interval: 'day', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', buckets: [{ bucket: '2026-05-10', to: '2026-05-11', aiInvolved: 60, escalationRate: 0.3, byPath: { ai: p(20, 40), escalated: p(5, 18), human: p(30, 70) } }] } as unknown as TimeseriesResponse;
    expect(qualityRows(t)[0].n).toEqual({ csat_ai: 20, csat_escalated: 5, csat_human: 30, repeat_ai: 40, repeat_human: 70, reopen_ai: 40, reopen_human: 70, escalation: 60 });
  });

  it('a maturing day keeps CSAT but not its repeat contacts and reopens; a partial day keeps nothing', () => {
    // asOf 2026-05-12 09:00 UTC: May 10 is within the 7-day window (maturing); May 12 is not over.
    const day = (bucket: string, to: string) => ({ bucket, to, pendingAiResolved: 4, escalationRate: 0.3, byPath: { ai: path(0.7, 0.6, 0.8, 0), escalated: path(0.5, 0.4, 0.6, 0), human: path(0.8, 0.7, 0.9, 0) } });
    const t = { interval: 'day', asOf: '2026-05-12T09:00:00Z', tz: 'UTC', buckets: [day('2026-05-10', '2026-05-11'), day('2026-05-12', '2026-05-13')] } as unknown as TimeseriesResponse;
    const [maturing, partial] = qualityRows(t);
    expect(maturing).toMatchObject({ csat_ai: 0.7, band_ai: [0.6, 0.8], escalation: 0.3, repeat_ai: null, reopen_ai: null, repeat_human: null });
    expect(Object.entries(partial).filter(([k, v]) => k !== 'bucket' && k !== 'n' && v !== null)).toEqual([]);
    expect(seriesSpans(t)).toEqual([
      { state: 'maturing', from: '2026-05-10', to: '2026-05-10', label: 'maturing: not judged yet (younger than 7 days)' },
      { state: 'partial', from: '2026-05-12', to: '2026-05-12', label: 'partial: not over yet' },
    ]);
  });
});

describe('a bucket with days a load has not built yet', () => {
  it('draws none of its figures, not even those of a complete bucket, and is shaded as building', () => {
    // Long past (complete but for that): March 2 lost 2 of its days' tickets to a load still
    // being built, so its 120 tickets and rates are a part, not the week.
    const week = (bucket: string, to: string, daysBuilding?: number) => ({
      bucket, to, ...(daysBuilding ? { daysBuilding } : {}), tickets: 120, aiInvolved: 48, pendingAiResolved: 0, involvementRate: 0.4, verifiedAiResolutionRate: 0.55, escalationRate: 0.3,
      byPath: { ai: path(0.7, 0.6, 0.8, 0.1), escalated: path(0.5, 0.4, 0.6, 0), human: path(0.8, 0.7, 0.9, 0.05) },
    });
    const t = { interval: 'week', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', buckets: [week('2026-02-23', '2026-03-02'), week('2026-03-02', '2026-03-09', 2)] } as unknown as TimeseriesResponse;
    expect(trendRows(t)).toEqual([
      { bucket: '2026-02-23', aiShare: 0.4, verified: 0.55, tickets: 120, judged: 48 },
      { bucket: '2026-03-02', aiShare: null, verified: null, tickets: 120, judged: 48 },
    ]);
    const [, building] = qualityRows(t);
    expect(Object.entries(building).filter(([k, v]) => k !== 'bucket' && k !== 'n' && v !== null)).toEqual([]);
    expect(seriesSpans(t)).toEqual([{ state: 'building', from: '2026-03-02', to: '2026-03-02', label: 'building: still being processed, not counted yet' }]);
  });
});

describe('alertAnnotations', () => {
  const a = (id: string, startedOn: string, detectedOn: string) => ({ id, startedOn, detectedOn, metric: 'reopenRate', path: 'ai', segment: 'category:billing', details: { summary: 'AI reopen rate in billing rose from 1% to 8%; chance is very unlikely to explain it.' } }) as AlertRow;
  it('keeps alerts that overlap the chart, clipped to it', () => {
    const buckets = ['2026-05-10', '2026-05-11', '2026-05-12'];
    expect(alertAnnotations([a('x', '2026-05-08', '2026-05-11'), a('y', '2026-04-01', '2026-04-03'), a('z', '2026-05-12', '2026-05-14')], buckets)).toEqual([
      { id: 'x', from: '2026-05-10', to: '2026-05-11', label: 'AI reopen rate in billing rose from 1% to 8%' },
      { id: 'z', from: '2026-05-12', to: '2026-05-12', label: 'AI reopen rate in billing rose from 1% to 8%' },
    ]);
    expect(alertAnnotations([a('x', '2026-05-08', '2026-05-11')], buckets, 'csatTop2Box')).toEqual([]);
  });
});

describe('trendRows', () => {
  it('AI share and verified resolution per bucket', () => {
    const t = { interval: 'week', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', buckets: [{ bucket: '2026-05-04', to: '2026-05-11', tickets: 100, aiInvolved: 40, pendingAiResolved: 0, involvementRate: 0.4, verifiedAiResolutionRate: 0.55 }, { bucket: '2026-05-11', to: '2026-05-18', tickets: 0, aiInvolved: 0, pendingAiResolved: 0, involvementRate: null, verifiedAiResolutionRate: null }] } as unknown as TimeseriesResponse;
    expect(trendRows(t)).toEqual([
      { bucket: '2026-05-04', aiShare: 0.4, verified: 0.55, tickets: 100, judged: 40 },
      { bucket: '2026-05-11', aiShare: null, verified: null, tickets: 0, judged: 0 },
    ]);
    // The week of asOf is partial (no point at all); the week before is maturing: its verified rate
    // (all its AI resolutions still pending: 0 verified of the escalations judged) is left out.
    const live = { ...t, asOf: '2026-05-13T12:00:00Z', buckets: [{ bucket: '2026-05-04', to: '2026-05-11', tickets: 100, aiInvolved: 40, pendingAiResolved: 30, involvementRate: 0.4, verifiedAiResolutionRate: 0 }, { bucket: '2026-05-11', to: '2026-05-18', tickets: 50, aiInvolved: 10, pendingAiResolved: 0, involvementRate: 0.2, verifiedAiResolutionRate: 0 }] } as unknown as TimeseriesResponse;
    expect(trendRows(live)).toEqual([
      { bucket: '2026-05-04', aiShare: 0.4, verified: null, tickets: 100, judged: 10 },
      { bucket: '2026-05-11', aiShare: null, verified: null, tickets: 50, judged: 10 },
    ]);
  });

  it('a week with fewer than 10 judged AI-involved tickets draws no verified point', () => {
    // Year to date: a week of 37 tickets of which 3 involved the AI (all escalated) read 0%, then 60%.
    const t = { interval: 'week', asOf: '2026-12-01T00:00:00Z', tz: 'UTC', buckets: [{ bucket: '2026-07-27', to: '2026-08-03', tickets: 37, aiInvolved: 3, pendingAiResolved: 0, involvementRate: 3 / 37, verifiedAiResolutionRate: 0 }, { bucket: '2026-08-03', to: '2026-08-10', tickets: 400, aiInvolved: 100, pendingAiResolved: 0, involvementRate: 0.25, verifiedAiResolutionRate: 0.6 }] } as unknown as TimeseriesResponse;
    expect(trendRows(t).map((r) => r.verified)).toEqual([null, 0.6]);
  });
});

describe('cardSparklines', () => {
  it('one weekly series per card', () => {
    const bucket = (tickets: number, roi: number | null, to = '2026-05-01', from = addDays(to, -7)) => ({ from, to, tickets, involvementRate: 0.5, verifiedAiResolutionRate: 0.6, savings: { verifiedSavings: 10, roi, fteEquivalent: 0.1 }, byPath: { ai: { handleSeconds: { median: 120 }, csat: { top2Box: 0.7 } } } });
    const t = { interval: 'week', asOf: '2026-06-01T00:00:00Z', tz: 'UTC', buckets: [bucket(10, 2), bucket(12, null)] } as unknown as TimeseriesResponse;
    const s = cardSparklines(t);
    expect(s.tickets).toEqual([10, 12]);
    expect(s.roi).toEqual([2, null]);
    expect(s.handle).toEqual([120, 120]);
    // A maturing last week: counts stay, verified figures end before it; a partial week: nothing.
    const m = cardSparklines({ ...t, buckets: [bucket(10, 2), bucket(12, 3, '2026-05-28'), bucket(3, 1, '2026-06-04')] } as unknown as TimeseriesResponse);
    expect(m.tickets).toEqual([10, 12, null]);
    expect(m.roi).toEqual([2, null, null]);
    expect(m.savings).toEqual([10, null, null]);
    expect(Object.keys(s).sort()).toEqual(['csat', 'fte', 'handle', 'involvement', 'resolution', 'roi', 'savings', 'tickets']);
  });

  it('a week the range cuts short has no ticket count or savings (they hold only its days), but keeps its rates', () => {
    // Oct 1 to Nov 1, 2026, as of Nov 20: Thursday Oct 1 to Monday Oct 5 (4 days), two whole
    // weeks, then Monday Oct 26 to Sunday Nov 1 (6 days). All judged (older than 7 days).
    const week = (from: string, to: string, tickets: number) => ({ from, to, tickets, involvementRate: 0.5, verifiedAiResolutionRate: 0.6, savings: { verifiedSavings: tickets * 2, roi: 1.5, fteEquivalent: 0.1 }, byPath: { ai: { handleSeconds: { median: 120 }, csat: { top2Box: 0.7 } } } });
    const t = { interval: 'week', asOf: '2026-11-20T00:00:00Z', tz: 'UTC', buckets: [week('2026-10-01', '2026-10-05', 1_480), week('2026-10-05', '2026-10-12', 2_590), week('2026-10-12', '2026-10-19', 2_610), week('2026-10-26', '2026-11-01', 2_200)] } as unknown as TimeseriesResponse;
    const s = cardSparklines(t);
    expect(s.tickets).toEqual([null, 2_590, 2_610, null]);
    expect(s.savings).toEqual([null, 5_180, 5_220, null]);
    expect(s.involvement).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(s.resolution).toEqual([0.6, 0.6, 0.6, 0.6]);
    expect(s.fte).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
});

describe('the chart helpers', () => {
  const row = (bucket: string, csat_ai: number | null, band_ai: [number, number] | null = null) =>
    ({ bucket, csat_ai, csat_escalated: null, csat_human: null, band_ai, band_human: null, repeat_ai: null, repeat_human: null, reopen_ai: null, reopen_human: null, escalation: null }) as QualityRow;
  it('highestValue: a band counts by its upper end; all zero or empty is 0 (the axis then stops at 10%)', () => {
    expect(highestValue([row('a', 0.5, [0.4, 0.62]), row('b', 0.55)], ['csat_ai', 'band_ai'])).toBe(0.62);
    expect(highestValue([row('a', 0), row('b', null)], ['csat_ai'])).toBe(0);
    expect(highestValue([], ['csat_ai'])).toBe(0);
  });
  it('isAlone: a value with no value on either side (a 14-answer workspace\'s CSAT days)', () => {
    const rows = [row('a', null), row('b', 0.5), row('c', null), row('d', 0.4), row('e', 0.6)];
    expect(rows.map((_, i) => isAlone(rows, 'csat_ai', i))).toEqual([false, true, false, false, false]);
    expect(isAlone([row('a', 0.5)], 'csat_ai', 0)).toBe(true);
  });
});

describe('long ranges and empty charts', () => {
  it.each([
    ['2026-08-01', '2026-11-29', 'day'], // 120 days
    ['2026-08-01', '2026-11-30', 'week'], // 121
    ['2024-11-30', '2026-11-30', 'week'], // 730
    ['2010-01-01', '2014-01-01', 'month'], // 4 years: 1,461 daily points
  ])('%s..%s: %s', (from, to, want) => expect(qualityInterval(from, to)).toBe(want));

  const bucket = (from: string, to: string, o: { tickets?: number; ratings?: number; resolved?: number; aiInvolved?: number } = {}) => ({
    bucket: from, from, to, tickets: o.tickets ?? 0, aiInvolved: o.aiInvolved ?? 0,
    byPath: { ai: { csat: { responses: o.ratings ?? 0 }, resolved: o.resolved ?? 0 }, escalated: { csat: { responses: 0 }, resolved: 0 }, human: { csat: { responses: 0 }, resolved: 0 } },
  });
  const series = (buckets: unknown[]) => ({ buckets, asOf: '2026-12-01T00:00:00Z', tz: 'UTC' }) as never;

  it('a month bucket opens its own days', () => {
    expect(bucketDays(series([bucket('2026-02-01', '2026-03-01')]), '2026-02-01')).toBe(28);
    expect(bucketDays(series([bucket('2026-02-01', '2026-03-01')]), '2026-05-01')).toBe(1);
  });

  it('says what the tickets lack, not that there are none', () => {
    // 2,804 imported tickets: resolved by humans, never rated, no AI attribution.
    const why = emptyReasons(series([bucket('2016-03-01', '2016-03-02', { tickets: 2804, resolved: 2716 })]));
    expect(why.csat).toBe("No customer rated any of the range's 2,804 tickets: no CSAT to draw.");
    expect(why.escalation).toBe("None of the range's 2,804 tickets involved the AI (data imported without AI attribution counts every ticket as human: docs/IMPORT.md, --ai-ids).");
    expect(why.repeatReopen).toBe('No resolved ticket on a judged day in this range.');
    expect(emptyReasons(series([bucket('2016-03-01', '2016-03-02', { tickets: 1 })])).repeatReopen).toBe("None of the range's 1 ticket was resolved by the AI or a human alone.");
  });

  it('an alert on a weekly chart spans the weeks its days fall in', () => {
    const weeks = ['2026-10-05', '2026-10-12', '2026-10-19'];
    const alert = { id: 'a', metric: 'reopenRate', startedOn: '2026-10-08', detectedOn: '2026-10-14', details: { summary: 'x' } } as never;
    expect(alertAnnotations([alert], weeks)).toEqual([{ id: 'a', from: '2026-10-05', to: '2026-10-12', label: 'x' }]);
  });
});
