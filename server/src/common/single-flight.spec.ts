import { SingleFlight, requestKey } from './single-flight';

function gate<T = void>() {
  let open!: (v: T) => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((open = res), (fail = rej)));
  return { promise, open, fail };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('SingleFlight', () => {
  it('callers that arrive while a computation gathers share it; it computes once, after the last of them', async () => {
    let shared = 0;
    const flight = new SingleFlight(() => shared++);
    const gathering = gate();
    const events: string[] = [];
    const compute = async () => (events.push('compute'), 42);
    const answers = [flight.run('k', () => gathering.promise, compute)];
    answers.push(flight.run('k', () => gathering.promise, compute), flight.run('k', () => gathering.promise, compute));
    expect(events).toEqual([]);
    gathering.open();
    expect(await Promise.all(answers)).toEqual([42, 42, 42]);
    expect([events, shared, flight.size]).toEqual([['compute'], 2, 0]);
  });

  it('a caller arriving while the first computes starts its own (it may be owed newer data)', async () => {
    const flight = new SingleFlight();
    const computing = gate<number>();
    let computations = 0;
    const first = flight.run('k', async () => undefined, () => (computations++, computing.promise));
    await tick(); // the first has gathered and is computing
    const second = flight.run('k', async () => undefined, async () => (computations++, 7));
    expect(await second).toBe(7);
    computing.open(1);
    expect(await first).toBe(1);
    expect(computations).toBe(2);
  });

  it('different keys never share', async () => {
    const flight = new SingleFlight();
    let runs = 0;
    const compute = async () => ++runs;
    const g = gate();
    const both = [flight.run('a', () => g.promise, compute), flight.run('b', () => g.promise, compute)];
    g.open();
    expect((await Promise.all(both)).sort()).toEqual([1, 2]);
  });

  it('a failure reaches every caller that shared it, and is not kept', async () => {
    const flight = new SingleFlight();
    const g = gate();
    const both = [flight.run('k', () => g.promise, async () => 1), flight.run('k', () => g.promise, async () => 1)];
    g.fail(new Error('database away'));
    for (const p of both) await expect(p).rejects.toThrow('database away');
    expect(await flight.run('k', async () => undefined, async () => 7)).toBe(7);
  });
});

describe('requestKey', () => {
  it.each([
    ['order of parameters does not matter', { from: 'a', to: 'b' }, { to: 'b', from: 'a' }, true],
    ['an undefined parameter is the same as an absent one', { from: 'a', channel: undefined }, { from: 'a' }, true],
    ['a different value is a different request', { from: 'a', channel: 'chat' }, { from: 'a', channel: 'email' }, false],
  ])('%s', (_name, a, b, same) => {
    expect(requestKey('summary', a) === requestKey('summary', b)).toBe(same);
  });

  it('the kind is part of the key', () => {
    expect(requestKey('summary', { from: 'a' })).not.toBe(requestKey('timeseries', { from: 'a' }));
  });
});
