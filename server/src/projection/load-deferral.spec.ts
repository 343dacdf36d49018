// When the projector steps aside for a load: scenarios on a clock the test moves (ms), with the
// accepted rate each moment given by hand; the rate the load is seen at is 20,000 events/s.
import { LoadDeferral } from './load-deferral';

const config = { projectionLoadDeferMs: 1_000, projectionLoadEventsPerSecond: 20_000 };

/** Runs waitOut; `rate(t)` is the accepted events/s at time t. Returns how long it waited. */
async function waited(opts: { sawAt?: number[]; startAt: number; rate: (t: number) => number; interruptAt?: number; deferMs?: number }): Promise<number> {
  let t = 0;
  const d = new LoadDeferral({ ...config, projectionLoadDeferMs: opts.deferMs ?? config.projectionLoadDeferMs }, { eventsInLastSecond: () => opts.rate(t) }, () => t);
  for (const s of opts.sawAt ?? []) d.saw(s);
  t = opts.startAt;
  const start = t;
  await d.waitOut(
    () => opts.interruptAt !== undefined && t >= opts.interruptAt,
    async (ms) => {
      t += ms;
    },
  );
  return t - start;
}

describe('LoadDeferral', () => {
  it.each([
    ['no load seen: no wait', { startAt: 0, rate: () => 50_000 }, 0],
    ['a load seen at 0, still at the rate: waits out the rest of its 1,000 ms', { sawAt: [0], startAt: 200, rate: () => 50_000 }, 800],
    ['the rate falls at 500 ms: the wait ends then', { sawAt: [0], startAt: 0, rate: (t: number) => (t < 500 ? 50_000 : 100) }, 500],
    ['a read waits at 300 ms: the wait ends then', { sawAt: [0], startAt: 0, rate: () => 50_000, interruptAt: 300 }, 300],
    ['last seen 1,000 ms ago: the load is over, no wait', { sawAt: [0], startAt: 1_000, rate: () => 50_000 }, 0],
    ['PROJECTION_LOAD_DEFER_MS=0: never waits', { sawAt: [0], startAt: 0, rate: () => 50_000, deferMs: 0 }, 0],
  ])('%s', async (_name, opts, want) => {
    expect(await waited(opts)).toBe(want);
  });

  it('a load seen again keeps its start: the wait still ends 1,000 ms after the load began', async () => {
    expect(await waited({ sawAt: [0, 400, 800], startAt: 900, rate: () => 50_000 })).toBe(100);
  });

  it('a load seen after the last one ended gets its own wait', async () => {
    // Seen at 0, not again until 1,500 (over by then: 1,000 ms without the rate): a new load from 1,500.
    expect(await waited({ sawAt: [0, 1_500], startAt: 1_600, rate: () => 50_000 })).toBe(900);
  });
});
