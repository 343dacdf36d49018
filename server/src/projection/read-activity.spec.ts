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
});
