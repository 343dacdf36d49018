// Ranges of tickets matched by equality instead of by their bounds. Joined on
// `created_at >= lo AND created_at < hi`, the planner cannot use the ranges' order: the recent AI
// resolutions of a read (maturing, population.query.ts) were each compared with every range of
// the read (365 for a year of days: 131 ms on PostgreSQL 15 at 1M tickets, 8 ms by interval).
// Cut at every range's bounds, the ranges become elementary intervals: a ticket's interval is
// `width_bucket(created_at, bounds)` (a binary search), joined by equality to the ranges that cover it.

export interface GroupRange {
  lo: Date;
  hi: Date;
  grp: string;
}

export interface RangeBuckets {
  /** Every range's bounds, distinct and sorted: interval b (1-based) is [bounds[b-1], bounds[b]). */
  bounds: Date[];
  /** One row per range and interval it covers: the interval and the range's group. */
  bucket: number[];
  grp: string[];
}

/** Cuts ranges at each other's bounds (empty ranges, lo >= hi, are dropped). */
export function rangeBuckets(ranges: readonly GroupRange[]): RangeBuckets {
  const kept = ranges.filter((r) => r.lo.getTime() < r.hi.getTime());
  const times = [...new Set(kept.flatMap((r) => [r.lo.getTime(), r.hi.getTime()]))].sort((a, b) => a - b);
  const at = new Map(times.map((t, i) => [t, i + 1]));
  const out: RangeBuckets = { bounds: times.map((t) => new Date(t)), bucket: [], grp: [] };
  for (const r of kept) {
    for (let b = at.get(r.lo.getTime())!; b < at.get(r.hi.getTime())!; b++) {
      out.bucket.push(b);
      out.grp.push(r.grp);
    }
  }
  return out;
}
