// The server runs on one thread: a loop that never gives way holds every request behind it. In a
// CPU profile of a 1M-event load, each 50,000-ticket projector batch ran 650-680 ms without a pause
// (replaying, keying and serialising its tickets); a read arriving then waited all of it
// (docs/SCALING.md). Such loops work in slices of SLICE_MS and let the event loop run between them.

/** Longest a loop runs before it gives way: a read waits at most about this long behind it. */
export const SLICE_MS = 20;

/** Lets whatever waits on the event loop (I/O, timers, other requests) run, then resumes. */
const giveWay = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Longest a background loop (the projector's) waits between two slices for the reads going on to
 * end. A read makes about a dozen round trips to the database, and each answer waited behind the
 * projector's slices: within a minute of a load the first reads took up to 1.2 s, none of their
 * statements over 25 ms (docs/SCALING.md, fourteenth). At most this long, so the projector still
 * gets a slice in every READS_FIRST_MAX_MS + SLICE_MS however busy the dashboard is.
 */
export const READS_FIRST_MAX_MS = 100;

/** While reads go on, a promise that resolves when they have ended or after `maxMs` (projection/read-activity.ts sets it). */
let readsGoingOn: (maxMs: number) => Promise<void> | undefined = () => undefined;

/** Sets what background loops wait for between slices (one per process: the event loop is). */
export function letReadsGoFirst(wait: (maxMs: number) => Promise<void> | undefined): void {
  readsGoingOn = wait;
}

/** Items between two looks at the clock: performance.now() per item would cost more than most items. */
const CHECK_EVERY = 64;

/**
 * Calls `fn` on each item in order, giving way whenever a slice of `sliceMs` is used up.
 * @param readsFirst a background loop: between slices, also wait (up to READS_FIRST_MAX_MS) for the reads going on
 */
export async function eachInSlices<T>(items: Iterable<T>, fn: (item: T) => void, sliceMs = SLICE_MS, readsFirst = false): Promise<void> {
  let since = performance.now();
  let n = 0;
  for (const item of items) {
    fn(item);
    if (++n % CHECK_EVERY === 0 && performance.now() - since >= sliceMs) {
      await giveWay();
      if (readsFirst) await readsGoingOn(READS_FIRST_MAX_MS);
      since = performance.now();
    }
  }
}

/** A background loop's slices (the projector's): between two, it also lets the reads going on end first. */
export const eachInBackgroundSlices = <T>(items: Iterable<T>, fn: (item: T) => void): Promise<void> => eachInSlices(items, fn, SLICE_MS, true);
