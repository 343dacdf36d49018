// A claim's check as the Claims page shows it: one row per stated figure (claimed | recomputed |
// verified | difference | verdict), each value in the figure's own terms. Pure.
import type { ClaimVerdict, FigureCheck } from '../../../server/src/contract';
import { DASH, formatChange, formatCount, formatDuration, formatMoney, formatNumber, formatPoints, formatRate } from './format';

export interface ClaimRow {
  label: string;
  note: string;
  claimed: string;
  recomputed: string;
  verified: string;
  difference: string;
  verdict: string;
  tone: 'good' | 'bad' | 'pending' | 'muted';
  sentence: string;
  tickets: Record<string, string>;
}

export const VERDICT_LABELS: Record<ClaimVerdict, string> = {
  holds: 'holds',
  overstated: 'overstated',
  understated: 'understated',
  maturing: 'not judged yet',
  not_comparable: 'not comparable',
};

export const VERDICT_TONES: Record<ClaimVerdict, ClaimRow['tone']> = { holds: 'good', understated: 'good', overstated: 'bad', maturing: 'pending', not_comparable: 'muted' };

/** How a figure's values read: counts, rates, durations, money, FTE, scores. */
export function figureFormat(c: FigureCheck, currency: string): (x: number) => string {
  switch (c.figure.kind) {
    case 'aiResolutions':
      return (x) => formatCount(Math.round(x));
    case 'aiResolutionRate':
    case 'automationRate':
      return (x) => formatRate(x);
    case 'handleTime':
      return (x) => formatDuration(x);
    case 'costPerAiResolution':
    case 'savings':
      return (x) => formatMoney(x, currency);
    case 'fte':
      return (x) => formatNumber(x, 1);
    case 'csat':
      return c.figure.unit === 'average_of_5' ? (x) => formatNumber(x, 2) : (x) => formatRate(x);
  }
}

export function claimRows(figures: readonly FigureCheck[], currency: string): ClaimRow[] {
  return figures.map((c) => {
    const f = figureFormat(c, currency);
    const range = c.verifiedLow !== null && c.verifiedHigh !== null && c.verifiedLow !== c.verifiedHigh ? ` (${f(c.verifiedLow)} to ${f(c.verifiedHigh)})` : '';
    // A rate's difference is in points ("+15.0 pt"): "+15.0% (+27%)" read as a relative change.
    const isRate = c.figure.kind === 'aiResolutionRate' || c.figure.kind === 'automationRate' || (c.figure.kind === 'csat' && c.figure.unit !== 'average_of_5');
    const share = c.differencePercent === null ? '' : ` (${formatChange(c.differencePercent, (a) => `${(a * 100).toFixed(0)}%`)})`;
    const diff = c.difference === null ? DASH : isRate ? formatPoints(c.difference) : `${formatChange(c.difference, f)}${share}`;
    return {
      label: c.label,
      note: c.figure.note ?? '',
      claimed: f(c.claimed),
      recomputed: c.recomputed === null ? DASH : f(c.recomputed),
      verified: c.verified === null ? DASH : `${f(c.verified)}${range}`,
      difference: diff,
      verdict: VERDICT_LABELS[c.verdict],
      tone: VERDICT_TONES[c.verdict],
      sentence: c.sentence,
      tickets: c.tickets,
    };
  });
}
