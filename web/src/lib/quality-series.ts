// Shapes timeseries buckets for the quality charts: one row per bucket, a value per path, and the
// Wilson band of CSAT as [low, high] pairs (recharts draws a range Area from such a pair).
import type { LeanTimeseriesResponse, TimeseriesResponse } from '../../../server/src/contract';
import type { AlertRow } from '../../../server/src/contract';
import { BucketSpan, BucketState, bucketSpans, bucketStates, isShortBucket, judged, judgedAiTickets } from './maturity';
import { daysBetween } from './date-range';

type Series = Pick<LeanTimeseriesResponse, 'buckets' | 'asOf' | 'tz'>;

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
  /** Each line's n, for its tooltip: answers for CSAT, resolved tickets for repeat and reopen, AI-involved for escalation. */
  n: Partial<Record<'csat_ai' | 'csat_escalated' | 'csat_human' | 'repeat_ai' | 'repeat_human' | 'reopen_ai' | 'reopen_human' | 'escalation', number>>;
}

/**
 * One row per bucket. Repeat contacts and reopens of a maturing bucket are not final, and nothing of
 * a partial bucket is: those values are left out (null), never drawn as a fall.
 */
export function qualityRows(t: Series): QualityRow[] {
  const states = bucketStates(t.buckets, t.asOf, t.tz);
  return t.buckets.map((b, i) => {
    const st = states[i];
    const over: BucketState[] = ['complete', 'maturing'];
    const band = (p: 'ai' | 'human'): [number, number] | null => {
      const c = b.byPath[p].csat;
      return c.top2BoxLow === null || c.top2BoxHigh === null ? null : judged<[number, number]>([c.top2BoxLow, c.top2BoxHigh], st, over);
    };
    return {
      bucket: b.bucket,
      csat_ai: judged(b.byPath.ai.csat.top2Box, st, over),
      csat_escalated: judged(b.byPath.escalated.csat.top2Box, st, over),
      csat_human: judged(b.byPath.human.csat.top2Box, st, over),
      band_ai: band('ai'),
      band_human: band('human'),
      repeat_ai: judged(b.byPath.ai.repeatContactRate, st),
      repeat_human: judged(b.byPath.human.repeatContactRate, st),
      reopen_ai: judged(b.byPath.ai.reopenRate, st),
      reopen_human: judged(b.byPath.human.reopenRate, st),
      escalation: judged(b.escalationRate, st, over),
      n: {
        csat_ai: b.byPath.ai.csat.responses,
        csat_escalated: b.byPath.escalated.csat.responses,
        csat_human: b.byPath.human.csat.responses,
        repeat_ai: b.byPath.ai.resolved,
        repeat_human: b.byPath.human.resolved,
        reopen_ai: b.byPath.ai.resolved,
        reopen_human: b.byPath.human.resolved,
        escalation: b.aiInvolved,
      },
    };
  });
}

/** The maturing and partial runs of a series, to shade on its charts. */
export function seriesSpans(t: Series): BucketSpan[] {
  return bucketSpans(t.buckets, bucketStates(t.buckets, t.asOf, t.tz));
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
  // Weekly or monthly buckets (a long range): the bucket a day falls in, which the chart's axis has.
  const snap = (day: string) => buckets.reduce((at, b) => (b <= day ? b : at), first);
  return alerts
    .filter((a) => (metric === undefined || a.metric === metric) && a.detectedOn >= first && a.startedOn <= last)
    .map((a) => ({
      id: a.id,
      from: a.startedOn < first ? first : snap(a.startedOn),
      to: a.detectedOn > last ? last : snap(a.detectedOn),
      label: a.details.summary.split(';')[0],
    }));
}

export interface TrendRow {
  bucket: string;
  aiShare: number | null;
  verified: number | null;
  /** The rates' n: the bucket's tickets (AI share) and its judged AI-involved tickets (verified). */
  tickets: number;
  judged: number;
}

/** Fewer judged AI-involved tickets than this draw no verified point: 3 escalations read as a 0% week before a 60% one. */
export const MIN_JUDGED_DRAWN = 10;

/** The overview's trend: AI share of tickets and verified AI resolution per bucket. */
export function trendRows(t: Series): TrendRow[] {
  const states = bucketStates(t.buckets, t.asOf, t.tz);
  return t.buckets.map((b, i) => {
    const n = judgedAiTickets(b);
    return {
      bucket: b.bucket,
      aiShare: judged(b.involvementRate, states[i], ['complete', 'maturing']),
      verified: n < MIN_JUDGED_DRAWN ? null : judged(b.verifiedAiResolutionRate, states[i]),
      tickets: b.tickets,
      judged: n,
    };
  });
}

/** A weekly series per overview card, for its sparkline. */
export function cardSparklines(t: TimeseriesResponse): Record<string, (number | null)[]> {
  const b = t.buckets;
  const states = bucketStates(b, t.asOf, t.tz);
  // Counts and shares of a week not over would dip; verified figures of a maturing week too.
  const over = (f: (x: (typeof b)[number]) => number | null) => b.map((x, i) => judged(f(x), states[i], ['complete', 'maturing']));
  const final = (f: (x: (typeof b)[number]) => number | null) => b.map((x, i) => judged(f(x), states[i]));
  // Counts and sums of a week the range cuts short hold only its days in range: a gap, not a dip.
  const whole = (values: (number | null)[]) => values.map((v, i) => (isShortBucket(b[i], t.interval) ? null : v));
  return {
    tickets: whole(over((x) => x.tickets)),
    involvement: over((x) => x.involvementRate),
    resolution: final((x) => x.verifiedAiResolutionRate),
    savings: whole(final((x) => x.savings.verifiedSavings)),
    roi: final((x) => x.savings.roi),
    fte: final((x) => x.savings.fteEquivalent),
    handle: over((x) => x.byPath.ai.handleSeconds.median),
    csat: over((x) => x.byPath.ai.csat.top2Box),
  };
}

/** The highest value (a band's upper end) of these columns over the rows; 0 when there is none. */
export function highestValue(rows: readonly QualityRow[], keys: readonly (keyof QualityRow)[]): number {
  let top = 0;
  for (const r of rows) {
    for (const k of keys) {
      const v = r[k];
      const x = typeof v === 'number' ? v : Array.isArray(v) ? v[1] : 0;
      if (x > top) top = x;
    }
  }
  return top;
}

/** Row i has a value in this column and neither neighbour has one: a line would not show it. */
export function isAlone(rows: readonly QualityRow[], key: keyof QualityRow, i: number): boolean {
  const has = (j: number) => j >= 0 && j < rows.length && rows[j][key] !== null && rows[j][key] !== undefined;
  return has(i) && !has(i - 1) && !has(i + 1);
}

/**
 * Why a chart has nothing to draw when the range has tickets: what those tickets lack (ratings, AI
 * involvement, resolutions). "No tickets to judge in this range" beside 2,804 imported tickets
 * without a single rating read as a fault. Null when every chart has something to show.
 */
export function emptyReasons(t: Series): { csat: string; repeatReopen: string; escalation: string } {
  const sum = (f: (b: Series['buckets'][number]) => number) => t.buckets.reduce((n, b) => n + f(b), 0);
  const tickets = sum((b) => b.tickets);
  const ratings = sum((b) => PATHS.reduce((n, p) => n + b.byPath[p].csat.responses, 0));
  const resolved = sum((b) => b.byPath.ai.resolved + b.byPath.human.resolved);
  const aiInvolved = sum((b) => b.aiInvolved);
  const of = `the range's ${tickets.toLocaleString('en-US')} ticket${tickets === 1 ? '' : 's'}`;
  return {
    csat: tickets === 0 ? 'No tickets in this range.' : ratings === 0 ? `No customer rated any of ${of}: no CSAT to draw.` : 'No rated ticket on a judged day in this range.',
    repeatReopen: tickets === 0 ? 'No tickets in this range.' : resolved === 0 ? `None of ${of} was resolved by the AI or a human alone.` : 'No resolved ticket on a judged day in this range.',
    escalation:
      tickets === 0
        ? 'No tickets in this range.'
        : aiInvolved === 0
          ? `None of ${of} involved the AI (data imported without AI attribution counts every ticket as human: docs/IMPORT.md, --ai-ids).`
          : 'No AI-involved ticket on a judged day in this range.',
  };
}

/**
 * The quality charts' buckets for a range: days up to 120 days, ISO weeks up to two years, months
 * beyond. Four years of daily points (1,460) drew a solid block of 0-100% spikes.
 */
export function qualityInterval(from: string, to: string): 'day' | 'week' | 'month' {
  const days = daysBetween(from, to);
  return days <= 120 ? 'day' : days <= 731 ? 'week' : 'month';
}

/** How many days a bucket of the series spans (for the tickets behind a point): 1 for a day, 7 for a week, a month's own. */
export function bucketDays(t: Series, bucket: string): number {
  const b = t.buckets.find((x) => x.bucket === bucket);
  return b ? daysBetween(b.from, b.to) : 1;
}
