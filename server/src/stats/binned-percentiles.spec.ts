import { BinCounts, BinRank, percentilesAt, ranksNeeded } from './binned-percentiles';
import { percentileCont } from './rates';

// The bin rule of migrations/1764000000000-rollups.ts (cc_bin), in JavaScript for these tables.
const bin = (x: number) => (x <= 0 ? 0 : 1 + Math.floor(Math.log(1 + x) * 32));

function split(values: number[]) {
  // Counted in the values' order (not the bins'): the random cases add bins in any order.
  const h = new BinCounts();
  const byBin = new Map<number, number[]>();
  for (const v of values) {
    h.add(bin(v), 1);
    byBin.set(bin(v), [...(byBin.get(bin(v)) ?? []), v]);
  }
  for (const list of byBin.values()) list.sort((a, b) => a - b);
  return { h, byBin };
}

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('percentilesAt equals percentile_cont over the whole list', () => {
  const fractions = [0, 0.1, 0.5, 0.9, 0.99, 1];
  const r = rng(7);
  const cases: [string, number[]][] = [
    ['one value', [42]],
    ['two values, interpolated', [10, 20]],
    ['ties across the median', [5, 5, 5, 5, 6]],
    ['zero and negatives share bin 0', [-3, 0, 0.5, 2, -1]],
    ['fractions of a second', [0.001, 0.002, 0.5, 0.75, 0.9999]],
    ['log-normal handle times', Array.from({ length: 5001 }, () => Math.exp(5 + 2 * (r() + r() + r() - 1.5)))],
    ['days-long resolutions', Array.from({ length: 2000 }, () => Math.round(r() * 14 * 86400 * 1e6) / 1e6)],
  ];
  it.each(cases)('%s', (_name, values) => {
    const { h, byBin } = split(values);
    const asked = new Set(ranksNeeded(h, fractions).map((x) => `${x.bin}:${x.offset}`));
    const valueAt = (x: BinRank) => {
      // Only the ranks ranksNeeded named are ever read.
      expect(asked.has(`${x.bin}:${x.offset}`)).toBe(true);
      return byBin.get(x.bin)![x.offset];
    };
    expect(percentilesAt(h, fractions, valueAt)).toEqual(fractions.map((f) => percentileCont(values, f)));
  });

  it('needs the ranks of one bin for a median inside it', () => {
    // 1..1000: p50 between ranks 499 and 500 (values 500, 501), both in bin(500).
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const { h } = split(values);
    const below = values.filter((v) => bin(v) < bin(500)).length;
    expect(ranksNeeded(h, [0.5])).toEqual([
      { bin: bin(500), offset: 499 - below },
      { bin: bin(500), offset: 500 - below },
    ]);
  });

  it('is null for an empty histogram', () => {
    expect(ranksNeeded(new BinCounts(), [0.5])).toEqual([]);
    expect(percentilesAt(new BinCounts(), [0.5], () => 0)).toEqual([null]);
    // Counts that cancel out (a range added and subtracted) are as empty.
    expect(ranksNeeded(BinCounts.of([[5, 2], [5, -2]]), [0.5])).toEqual([]);
  });
});

describe('BinCounts', () => {
  it('adds counts per bin, negatives too (a range subtracted), and lists non-zero bins in order', () => {
    const h = new BinCounts();
    h.add(700, 2); // beyond the first allocation (64 bins)
    h.add(3, 5);
    h.add(3, -5); // subtracted back to nothing: not listed
    h.add(0, 1);
    h.add(700, -1);
    h.add(12, 4);
    expect([...h.entries()]).toEqual([
      [0, 1],
      [12, 4],
      [700, 1],
    ]);
  });
  it('a median from dense counts: 1, 2, 2, 9 in bins 1, 2, 2, 9 -> between ranks 1 and 2 of bin 2', () => {
    const h = BinCounts.of([
      [9, 1],
      [1, 1],
      [2, 2],
    ]);
    expect(ranksNeeded(h, [0.5])).toEqual([
      { bin: 2, offset: 0 },
      { bin: 2, offset: 1 },
    ]);
    expect(percentilesAt(h, [0.5, 1], (r) => (r.bin === 2 ? 2 : r.bin))).toEqual([2, 9]);
  });
  it.each([[-1], [1.5], [65536], [NaN]])('refuses bin %p (not a cc_bin)', (bin) => {
    expect(() => new BinCounts().add(bin, 1)).toThrow(/is not a bin/);
  });
});
