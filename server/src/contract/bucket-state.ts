// Which buckets of a series can be judged yet, shared by the API (each point's `state`, so a CSV
// says it too) and the dashboard's charts. Imports nothing. Not in index.ts: metrics-types.ts
// exports its type.
//
// A bucket with days the server left out because a load is still being processed (`daysBuilding`)
// is *building*: none of its figures is its whole. A bucket whose period is not over is *partial*;
// one holding tickets younger than the 7-day window (AI resolutions still pending, repeat contacts
// and reopens still to come) is *maturing*. Their verified, repeat and reopen figures are not final.

export type BucketState = 'complete' | 'maturing' | 'partial' | 'building';

/**
 * An old bucket whose pending AI resolutions can still move its verified rate by more than this
 * (1 point) is maturing. The rate can move by at most pending / AI-involved (every pending one
 * durable, or none), so one late resolution among 1,509 (0.07 pt) does not hide a week's point.
 */
export const MATURING_MOVE = 0.01;

const DAY_MS = 86_400_000;
const minusDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);

/** `to` is the bucket's exclusive end (a local date); `today` the local date of asOf. */
export function bucketState(b: { to: string; pendingAiResolved?: number; aiInvolved?: number; daysBuilding?: number }, today: string): BucketState {
  if ((b.daysBuilding ?? 0) > 0) return 'building';
  if (b.to > today) return 'partial';
  if (b.to > minusDays(today, 7)) return 'maturing';
  const pending = b.pendingAiResolved ?? 0;
  if (pending > 0 && (!b.aiInvolved || pending / b.aiInvolved > MATURING_MOVE)) return 'maturing';
  return 'complete';
}
