import { Waiters } from './waiters';

describe('Waiters', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('wakeAll resolves every wait at once, and none is left waiting', async () => {
    const w = new Waiters();
    const woken: number[] = [];
    void w.wait(1_000).then(() => woken.push(1));
    void w.wait(1_000).then(() => woken.push(2));
    expect(w.size).toBe(2);
    w.wakeAll();
    await Promise.resolve();
    expect(woken).toEqual([1, 2]);
    expect(w.size).toBe(0);
  });

  it('a wait resolves by itself after maxMs, not before', async () => {
    const w = new Waiters();
    let done = false;
    void w.wait(100).then(() => (done = true));
    jest.advanceTimersByTime(99);
    await Promise.resolve();
    expect(done).toBe(false);
    jest.advanceTimersByTime(1);
    await Promise.resolve();
    expect([done, w.size]).toEqual([true, 0]);
  });

  it('wakeAll with nobody waiting does nothing; a later wait still waits', async () => {
    const w = new Waiters();
    w.wakeAll();
    let done = false;
    void w.wait(100).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
  });
});
