// The server runs on one thread: a loop that never gives way holds every request behind it. In a
// CPU profile of a 1M-event load, each 50,000-ticket projector batch ran 650-680 ms without a pause
// (replaying, keying and serialising its tickets); a read arriving then waited all of it
// (docs/SCALING.md). Such loops work in slices of SLICE_MS and let the event loop run between them.

/** Longest a loop runs before it gives way: a read waits at most about this long behind it. */
export const SLICE_MS = 20;

/** Lets whatever waits on the event loop (I/O, timers, other requests) run, then resumes. */
const giveWay = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Items between two looks at the clock: performance.now() per item would cost more than most items. */
const CHECK_EVERY = 64;

/** Calls `fn` on each item in order, giving way whenever a slice of `sliceMs` is used up. */
export async function eachInSlices<T>(items: Iterable<T>, fn: (item: T) => void, sliceMs = SLICE_MS): Promise<void> {
  let since = performance.now();
  let n = 0;
  for (const item of items) {
    fn(item);
    if (++n % CHECK_EVERY === 0 && performance.now() - since >= sliceMs) {
      await giveWay();
      since = performance.now();
    }
  }
}
