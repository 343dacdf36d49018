import { SingleFlight, requestKey } from './single-flight';

function gate<T>() {
  let open!: (v: T) => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((open = res), (fail = rej)));
  return { promise, open, fail };
}

describe('SingleFlight', () => {
  it('callers that arrive while a computation runs get its result; it runs once', async () => {
    let shared = 0;
    const flight = new SingleFlight(() => shared++);
    const g = gate<number>();
    let runs = 0;
    const compute = () => (runs++, g.promise);
    const answers = [flight.run('k', compute), flight.run('k', compute), flight.run('k', compute)];
    g.open(42);
    expect(await Promise.all(answers)).toEqual([42, 42, 42]);
    expect([runs, shared, flight.size]).toEqual([1, 2, 0]);
  });

  it('different keys run separately; after it settles the next caller computes afresh', async () => {
    const flight = new SingleFlight();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await Promise.all([flight.run('a', compute), flight.run('b', compute)])).toEqual([1, 2]);
    expect(await flight.run('a', compute)).toBe(3);
  });

  it('a failure reaches every caller that shared it, and is not kept', async () => {
    const flight = new SingleFlight();
    const g = gate<number>();
    const both = [flight.run('k', () => g.promise), flight.run('k', () => g.promise)];
    g.fail(new Error('database away'));
    for (const p of both) await expect(p).rejects.toThrow('database away');
    expect(await flight.run('k', async () => 7)).toBe(7);
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

  it('the kind and the extra parts (e.g. the freshness target) are part of the key', () => {
    expect(requestKey('summary', { from: 'a' })).not.toBe(requestKey('timeseries', { from: 'a' }));
    expect(requestKey('summary', { from: 'a' }, ['17'])).not.toBe(requestKey('summary', { from: 'a' }, ['18']));
  });
});
