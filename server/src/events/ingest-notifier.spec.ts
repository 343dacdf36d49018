import { IngestNotifier } from './ingest-notifier';

describe('IngestNotifier.eventsInLastSecond', () => {
  // Answers at these times (ms) with these many events, then the count at `at`.
  it.each([
    ['nothing accepted yet', [], 5_000, 0],
    ['one answer just now', [[5_000, 300]], 5_000, 300],
    ['two answers within the second', [[4_200, 300], [4_900, 200]], 5_000, 500],
    ['an answer exactly one second old is out (half-open: the second before)', [[4_000, 300], [4_500, 7]], 5_000, 7],
    ['all older than a second', [[1_000, 5_000], [3_999, 5_000]], 5_000, 0],
  ] as [string, [number, number][], number, number][])('%s', (_name, answers, at, expected) => {
    const n = new IngestNotifier();
    for (const [time, events] of answers) n.notify(1, events, time);
    expect(n.eventsInLastSecond(at)).toBe(expected);
  });

  it('tells its listeners which workspace stored events', () => {
    const n = new IngestNotifier();
    const heard: number[] = [];
    n.subscribe((ws) => heard.push(ws));
    n.notify(3, 10, 0);
    n.notify(7, 1, 1);
    expect(heard).toEqual([3, 7]);
  });
});
