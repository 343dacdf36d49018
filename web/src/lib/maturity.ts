// Which buckets of a series can be judged yet. A bucket with days the server left out because a
// load is still being processed (`daysBuilding`) is *building*: none of its figures is its whole.
// A bucket whose period is not over is *partial*; one holding tickets younger than the 7-day window
// (AI resolutions still pending, repeat contacts and reopens still to come) is *maturing*. Their
// verified, repeat and reopen figures are not final: the charts leave them out and shade the
// bucket with its label instead of drawing a fall. Pure. The rule is the API's too (each point's
// `state`): server/src/contract/bucket-state.ts.
import { type BucketState, bucketState } from '../../../server/src/contract/bucket-state';
import { daysBetween, todayIn } from './date-range';

export { type BucketState, bucketState };

export interface BucketSpan {
  state: Exclude<BucketState, 'complete'>;
  from: string;
  to: string;
  label: string;
}

/** The local date of `asOf` in `tz` (the first day not over yet). */
export const asOfDay = (asOf: string, tz: string) => todayIn(tz, new Date(asOf));

type BucketFacts = { to: string; pendingAiResolved?: number; aiInvolved?: number; daysBuilding?: number };

export function bucketStates(buckets: readonly BucketFacts[], asOf: string, tz: string): BucketState[] {
  const today = asOfDay(asOf, tz);
  return buckets.map((b) => bucketState(b, today));
}

const LABELS: Record<Exclude<BucketState, 'complete'>, string> = {
  building: 'building: still being processed, not counted yet',
  partial: 'partial: not over yet',
  maturing: 'maturing: not judged yet (younger than 7 days)',
};

/** Runs of building, partial and maturing buckets, for shading with a label (`bucket` is the x value). */
export function bucketSpans(buckets: readonly { bucket: string }[], states: readonly BucketState[]): BucketSpan[] {
  const spans: BucketSpan[] = [];
  states.forEach((state, i) => {
    if (state === 'complete') return;
    const last = spans[spans.length - 1];
    if (last && last.state === state && states[i - 1] === state) last.to = buckets[i].bucket;
    else spans.push({ state, from: buckets[i].bucket, to: buckets[i].bucket, label: LABELS[state] });
  });
  return spans;
}

/**
 * A bucket the range cuts short: a week or month of which the range holds only some days (the
 * default 30 days start and end mid-week). Its rates stand, but its counts and sums hold only
 * those days, so a sparkline of them would dip at the ends for no reason. Dates are local dates,
 * `to` exclusive.
 */
export function isShortBucket(b: { from: string; to: string }, interval: string): boolean {
  const days = daysBetween(b.from, b.to);
  if (interval === 'week') return days < 7;
  if (interval === 'month') {
    const [y, m] = b.from.split('-').map(Number);
    return b.from.slice(8) !== '01' || days < new Date(Date.UTC(y, m, 0)).getUTCDate();
  }
  return false;
}

/** Keeps a value only where the bucket is judged (`allow` names the states whose value stands). */
export function judged<T>(value: T | null, state: BucketState, allow: readonly BucketState[] = ['complete']): T | null {
  return allow.includes(state) ? value : null;
}

/** What a verified figure shows while its population is mostly maturing. */
export const NOT_JUDGED = 'not judged yet';

/**
 * Most of a population's AI resolutions are younger than 7 days. Its verified figures are then an
 * early sample, mostly of escalations (judged at once), and read as a collapse: a last-7-days view
 * of the demo showed a 12.6% verified rate and negative savings. Every page shows "not judged yet"
 * for them instead, and no change against another period.
 */
export const mostlyMaturing = (s: { pendingAiResolved: number; aiResolved: number }): boolean => s.pendingAiResolved > 0 && s.pendingAiResolved >= s.aiResolved / 2;

/**
 * The verified rate's denominator (CONTRACT.md): AI-involved tickets less the AI resolutions still
 * maturing. Escalations are judged at once (not durable), so this is more than the AI resolutions.
 */
export const judgedAiTickets = (s: { aiInvolved: number; pendingAiResolved: number }): number => s.aiInvolved - s.pendingAiResolved;
