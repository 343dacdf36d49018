import { READS_QUIET_MS, ReadActivity } from './read-activity';

describe('ReadActivity', () => {
  it('nobody has read yet: not reading', () => {
    expect(new ReadActivity().reading(0)).toBe(false);
  });

  it('reading while a read goes on, however long ago it began', () => {
    const a = new ReadActivity();
    a.begin(() => 0);
    expect(a.reading(1_000_000)).toBe(true);
  });

  it.each<[string, number, boolean]>([
    ['just after the read ended', 1_000, true],
    ['a moment before the quiet time has passed', 1_000 + READS_QUIET_MS - 1, true],
    ['once the quiet time has passed (half-open)', 1_000 + READS_QUIET_MS, false],
  ])('%s: reading is %s', (_when, now, expected) => {
    const a = new ReadActivity();
    a.begin(() => 1_000)();
    expect(a.reading(now)).toBe(expected);
  });

  it('two reads at once: still reading when the first ends; ending one twice ends it once', () => {
    const a = new ReadActivity();
    const first = a.begin(() => 0);
    const second = a.begin(() => 0);
    first();
    first();
    expect(a.reading(10 * READS_QUIET_MS)).toBe(true);
    second();
    expect(a.reading(10 * READS_QUIET_MS)).toBe(false);
  });

  describe('allEnded: what the projector waits for between its slices', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('resolves when the last read going on ends, not when one of two does', async () => {
      const a = new ReadActivity();
      const first = a.begin();
      const second = a.begin();
      let ended = false;
      void a.allEnded(100).then(() => (ended = true));
      first();
      await Promise.resolve();
      expect(ended).toBe(false);
      second();
      await Promise.resolve();
      expect(ended).toBe(true);
    });

    it('resolves after maxMs however long the read goes on (the projector is never stopped)', async () => {
      const a = new ReadActivity();
      a.begin();
      let ended = false;
      void a.allEnded(100).then(() => (ended = true));
      jest.advanceTimersByTime(99);
      await Promise.resolve();
      expect(ended).toBe(false);
      jest.advanceTimersByTime(1);
      await Promise.resolve();
      expect(ended).toBe(true);
    });

    it('no read going on: at once', async () => {
      await expect(new ReadActivity().allEnded(100)).resolves.toBeUndefined();
    });
  });
});
