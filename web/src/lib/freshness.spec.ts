import { behindNote, refetchWhileBehind } from './freshness';

describe('freshness', () => {
  it.each([
    ['complete: no note', { complete: true, waitedMs: 3, pendingTickets: 0, behindSeconds: 0 }, null],
    ['one ticket, seconds', { complete: false, waitedMs: 0, pendingTickets: 1, behindSeconds: 4 }, 'Still processing 1 ticket received in the last 4 s: these numbers do not include them yet and will update.'],
    ['many tickets, minutes', { complete: false, waitedMs: 0, pendingTickets: 12345, behindSeconds: 300 }, 'Still processing 12,345 tickets received in the last 5 min: these numbers do not include them yet and will update.'],
  ])('%s', (_name, f, want) => {
    expect(behindNote(f)).toBe(want);
  });

  it('no freshness (an older server, an error): no note', () => {
    expect(behindNote(undefined)).toBeNull();
  });

  it('polls every 3 s only while behind', () => {
    const q = (complete?: boolean) => ({ state: { data: complete === undefined ? {} : { freshness: { complete, waitedMs: 0, pendingTickets: 1, behindSeconds: 1 } } } });
    expect([refetchWhileBehind(q(false)), refetchWhileBehind(q(true)), refetchWhileBehind(q())]).toEqual([3000, false, false]);
  });
});
