// Exact percentile_cont (linear interpolation between the two nearest ranks, as PostgreSQL and
// percentileCont compute it) from a histogram over ordered bins plus the values at a few ranks
// inside the bins that hold them. Bins must be ordered as their values are (every value of bin a
// is below every value of bin b when a < b); inside a bin nothing is assumed.

export type Histogram = ReadonlyMap<number, number>;

/** A value's place: its bin and its 0-based rank among the bin's values. */
export interface BinRank {
  bin: number;
  offset: number;
}

/** The 0-based ranks percentile_cont(fraction) interpolates between, with the weight of the upper. */
export function ranksOf(n: number, fraction: number): { lo: number; hi: number; weight: number } {
  const pos = fraction * (n - 1);
  return { lo: Math.floor(pos), hi: Math.ceil(pos), weight: pos - Math.floor(pos) };
}

/** The histogram's bins in order, each with its count (sorted once per histogram, not per rank). */
type Ordered = readonly (readonly [number, number])[];
const ordered = (h: Histogram): Ordered => [...h.entries()].sort((a, b) => a[0] - b[0]);

function locate(bins: Ordered, rank: number): BinRank {
  let before = 0;
  for (const [bin, n] of bins) {
    if (rank < before + n) return { bin, offset: rank - before };
    before += n;
  }
  throw new Error(`rank ${rank} is beyond the histogram's ${before} values`);
}

const total = (h: Histogram) => [...h.values()].reduce((a, b) => a + b, 0);

/** The in-bin ranks whose values these fractions need (none for an empty histogram). */
export function ranksNeeded(h: Histogram, fractions: readonly number[]): BinRank[] {
  const n = total(h);
  if (n === 0) return [];
  const bins = ordered(h);
  const out = new Map<string, BinRank>();
  for (const f of fractions) {
    const { lo, hi } = ranksOf(n, f);
    for (const r of [locate(bins, lo), locate(bins, hi)]) out.set(`${r.bin}:${r.offset}`, r);
  }
  return [...out.values()];
}

/** The percentiles, given the value at each rank ranksNeeded asked for. */
export function percentilesAt(h: Histogram, fractions: readonly number[], valueAt: (r: BinRank) => number): (number | null)[] {
  const n = total(h);
  if (n === 0) return fractions.map(() => null);
  const bins = ordered(h);
  return fractions.map((f) => {
    const { lo, hi, weight } = ranksOf(n, f);
    const a = valueAt(locate(bins, lo));
    return lo === hi ? a : a + (valueAt(locate(bins, hi)) - a) * weight;
  });
}
