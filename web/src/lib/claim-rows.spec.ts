import type { FigureCheck } from '../../../server/src/contract';
import { claimRows } from './claim-rows';

const check = (o: Partial<FigureCheck>): FigureCheck => ({
  figure: { kind: 'aiResolutions', value: 12430, unit: 'resolutions' },
  label: 'AI resolutions',
  claimed: 12430,
  recomputed: 12430,
  verified: 9310,
  verifiedLow: 9310,
  verifiedHigh: 9310,
  difference: 3120,
  differencePercent: 3120 / 9310,
  verdict: 'overstated',
  sentence: 'Overstated by 34%: …',
  tickets: { path: 'ai', verified: 'true' },
  ...o,
});

describe('claimRows', () => {
  it('a count: claimed, recomputed, verified, the difference with its share, the verdict', () => {
    // 12,430 claimed against 9,310 durable: +3,120 (+34%).
    expect(claimRows([check({})], 'USD')[0]).toMatchObject({ claimed: '12,430', recomputed: '12,430', verified: '9,310', difference: '+3,120 (+34%)', verdict: 'overstated', tone: 'bad' });
  });
  it('money a year with its interval; handle time in minutes and seconds; a rate', () => {
    const [savings, handle, rate] = claimRows(
      [
        check({ figure: { kind: 'savings', value: 40_000_000, unit: 'money_per_year' }, claimed: 40_000_000, recomputed: 31_000_000, verified: 12_500_000, verifiedLow: 11_800_000, verifiedHigh: 13_200_000, difference: 27_500_000, differencePercent: 2.2 }),
        check({ figure: { kind: 'handleTime', value: 2, unit: 'minutes', who: 'ai', stat: 'median' }, claimed: 120, recomputed: 134, verified: 134, verifiedLow: 134, verifiedHigh: 134, difference: -14, differencePercent: -14 / 134, verdict: 'holds' }),
        check({ figure: { kind: 'aiResolutionRate', value: 70, unit: 'percent' }, claimed: 0.7, recomputed: 0.72, verified: 0.55, verifiedLow: 0.54, verifiedHigh: 0.56, difference: 0.15, differencePercent: 0.15 / 0.55, verdict: 'maturing' }),
      ],
      'USD',
    );
    expect(savings).toMatchObject({ claimed: '$40,000,000', verified: '$12,500,000 ($11,800,000 to $13,200,000)', difference: '+$27,500,000 (+220%)' });
    expect(handle).toMatchObject({ claimed: '2m 00s', verified: '2m 14s', difference: '−14s (−10%)', verdict: 'holds', tone: 'good' });
    // 70% claimed against 55%: 15 points, not "+15.0% (+27%)".
    expect(rate).toMatchObject({ claimed: '70.0%', verified: '55.0% (54.0% to 56.0%)', difference: '+15.0 pt', verdict: 'not judged yet', tone: 'pending' });
  });
  it('not comparable: dashes, not zeros', () => {
    expect(claimRows([check({ recomputed: null, verified: null, verifiedLow: null, verifiedHigh: null, difference: null, differencePercent: null, verdict: 'not_comparable' })], 'USD')[0]).toMatchObject({ recomputed: '—', verified: '—', difference: '—', tone: 'muted' });
  });
});
