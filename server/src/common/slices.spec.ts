import { eachInSlices, letReadsGoFirst, READS_FIRST_MAX_MS } from './slices';

/** Runs `eachInSlices` over 0..n-1 and answers after which item a setImmediate queued before it ran. */
async function immediateRanAfter(n: number, sliceMs: number): Promise<{ seen: number[]; ranAfter: number }> {
  const seen: number[] = [];
  let ranAfter = -1;
  setImmediate(() => (ranAfter = seen.length));
  await eachInSlices(Array.from({ length: n }, (_, i) => i), (i) => void seen.push(i), sliceMs);
  await new Promise((r) => setImmediate(r));
  return { seen, ranAfter };
}

describe('eachInSlices', () => {
  it('calls the function on every item, in order', async () => {
    const { seen } = await immediateRanAfter(1000, 20);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('gives way to what waits on the event loop once a slice is used up (a slice of 0 ms: at its first look at the clock, the 64th item)', async () => {
    const { ranAfter } = await immediateRanAfter(1000, 0);
    expect(ranAfter).toBe(64);
  });

  it('does not give way within a slice: what waits runs after the last item', async () => {
    const { ranAfter } = await immediateRanAfter(1000, 60_000);
    expect(ranAfter).toBe(1000);
  });

  it('gives way after every slice of a long loop, not only once (slices of 0 ms over 1,000 items: at items 64, 128, … 960)', async () => {
    let turns = 0;
    let stop = false;
    const again = () => {
      if (stop) return;
      turns++;
      setImmediate(again);
    };
    setImmediate(again);
    await eachInSlices(Array.from({ length: 1000 }, (_, i) => i), () => undefined, 0);
    stop = true;
    expect(turns).toBe(15);
  });

  it('a failing item rejects, and the items after it are not called', async () => {
    const seen: number[] = [];
    await expect(eachInSlices([1, 2, 3], (i) => {
      if (i === 2) throw new Error('bad item 2');
      seen.push(i);
    })).rejects.toThrow('bad item 2');
    expect(seen).toEqual([1]);
  });

  describe('readsFirst: a background loop also waits for the reads going on between slices', () => {
    afterEach(() => letReadsGoFirst(() => undefined));

    it('waits for the reads (asked for at most READS_FIRST_MAX_MS) after each slice; a loop not marked so does not', async () => {
      let open: () => void = () => undefined;
      const asked: number[] = [];
      letReadsGoFirst((maxMs) => {
        asked.push(maxMs);
        return new Promise<void>((resolve) => (open = resolve));
      });
      const seen: number[] = [];
      const loop = eachInSlices(Array.from({ length: 200 }, (_, i) => i), (i) => void seen.push(i), 0, true);
      // Slices of 0 ms: the loop gives way at its first look at the clock (item 64), then waits for the reads.
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      expect(seen).toHaveLength(64);
      expect(asked).toEqual([READS_FIRST_MAX_MS]);
      open();
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      expect(seen).toHaveLength(128);
      open();
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      open();
      await loop;
      expect(seen).toHaveLength(200);

      asked.length = 0;
      await eachInSlices(Array.from({ length: 200 }, (_, i) => i), () => undefined, 0);
      expect(asked).toEqual([]);
    });
  });
});
