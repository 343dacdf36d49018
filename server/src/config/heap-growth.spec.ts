// Whether the server leaves V8's heap growth as node was started with.
import { heapGrowthGiven } from './heap-growth';

describe('heapGrowthGiven', () => {
  it.each([
    ['nothing given', [], false],
    ['on the command line', ['--heap-growing-percent=50'], true],
    ['V8 spelling with underscores', ['--heap_growing_percent=0'], true],
    ['a flag that only starts alike', ['--heap-growing-percentage=5'], false],
    ['other heap flags only', ['--max-semi-space-size=64', '--max-old-space-size=512'], false],
  ])('%s', (_name, argv, want) => {
    expect(heapGrowthGiven(argv)).toBe(want);
  });
});
