// Shapes timeseries buckets for the quality charts: one row per bucket, a value per path, and the
// Wilson band of CSAT as [low, high] pairs (recharts draws a range Area from such a pair).
import type { LeanTimeseriesResponse, TimeseriesResponse } from '../../../server/src/contract';
import type { AlertRow } from '../../../server/src/contract';

export const PATHS = ['ai', 'escalated', 'human'] as const;

export interface QualityRow {
  bucket: string;
  csat_ai: number | null;
  csat_escalated: number | null;
  csat_human: number | null;
  band_ai: [number, number] | null;
  band_human: [number, number] | null;
  repeat_ai: number | null;
  repeat_human: number | null;
  reopen_ai: number | null;
  reopen_human: number | null;
  escalation: number | null;
}

export function qualityRows(t: Pick<LeanTimeseriesResponse, 'buckets'>): QualityRow[] {
  return t.buckets.map((b) => {
    const band = (p: 'ai' | 'human'): [number, number] | null => {
      const c = b.byPath[p].csat;
      return c.top2BoxLow === null || c.top2BoxHigh === null ? null : [c.top2BoxLow, c.top2BoxHigh];
    };
    return {
      bucket: b.bucket,
      csat_ai: b.byPath.ai.csat.top2Box,
      csat_escalated: b.byPath.escalated.csat.top2Box,
      csat_human: b.byPath.human.csat.top2Box,
      band_ai: band('ai'),
      band_human: band('human'),
      repeat_ai: b.byPath.ai.repeatContactRate,
      repeat_human: b.byPath.human.repeatContactRate,
      reopen_ai: b.byPath.ai.reopenRate,
      reopen_human: b.byPath.human.reopenRate,
      escalation: b.escalationRate,
    };
  });
}

export interface Annotation {
  id: string;
  from: string;
  to: string;
  label: string;
}

/**
 * Alerts as chart annotations: the span from the shift's start to its detection, clipped to the
 * chart; with `metric`, only that metric's alerts.
 */
export function alertAnnotations(alerts: readonly AlertRow[], buckets: readonly string[], metric?: string): Annotation[] {
  if (buckets.length === 0) return [];
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return alerts
    .filter((a) => (metric === undefined || a.metric === metric) && a.detectedOn >= first && a.startedOn <= last)
    .map((a) => ({
      id: a.id,
      from: a.startedOn < first ? first : a.startedOn,
      to: a.detectedOn > last ? last : a.detectedOn,
      label: a.details.summary.split(';')[0],
    }));
}

export interface TrendRow {
  bucket: string;
  aiShare: number | null;
  verified: number | null;
}

/** The overview's trend: AI share of tickets and verified AI resolution per bucket. */
export function trendRows(t: Pick<LeanTimeseriesResponse, 'buckets'>): TrendRow[] {
  return t.buckets.map((b) => ({ bucket: b.bucket, aiShare: b.involvementRate, verified: b.verifiedAiResolutionRate }));
}

/** A weekly series per overview card, for its sparkline. */
export function cardSparklines(t: TimeseriesResponse): Record<string, (number | null)[]> {
  const b = t.buckets;
  return {
    tickets: b.map((x) => x.tickets),
    involvement: b.map((x) => x.involvementRate),
    resolution: b.map((x) => x.verifiedAiResolutionRate),
    savings: b.map((x) => x.savings.verifiedSavings),
    roi: b.map((x) => x.savings.roi),
    fte: b.map((x) => x.savings.fteEquivalent),
    handle: b.map((x) => x.byPath.ai.handleSeconds.median),
    csat: b.map((x) => x.byPath.ai.csat.top2Box),
  };
}
