import { behindNote, refetchWhileBehind } from './freshness';

describe('freshness', () => {
  it.each([
    ['complete: no note', { complete: true, waitedMs: 3, pendingTickets: 0, pendingEstimated: false, behindSeconds: 0 }, null],
    ['live ingest, 2 s behind: normal, no note', { complete: false, waitedMs: 0, pendingTickets: 40, pendingEstimated: false, behindSeconds: 2 }, null],
    ['one ticket, 5 s', { complete: false, waitedMs: 0, pendingTickets: 1, pendingEstimated: false, behindSeconds: 5 }, 'Still processing 1 ticket received in the last 5 s: these numbers do not include them yet and will update.'],
    ['many tickets, minutes', { complete: false, waitedMs: 0, pendingTickets: 9876, pendingEstimated: false, behindSeconds: 300 }, 'Still processing 9,876 tickets received in the last 5 min: these numbers do not include them yet and will update.'],
    ['a bulk load leaving out days still being built', { complete: false, waitedMs: 0, pendingTickets: 117_000, pendingEstimated: true, behindSeconds: 90, daysBuilding: 45 }, 'Still processing about 117,000 tickets received in the last 90 s and building 45 days: these numbers do not include them yet and will update.'],
    ['one day being built', { complete: false, waitedMs: 0, pendingTickets: 12, pendingEstimated: false, behindSeconds: 7, daysBuilding: 1 }, 'Still processing 12 tickets received in the last 7 s and building 1 day: these numbers do not include them yet and will update.'],
    ['every ticket projected, the load\'s last days being built', { complete: false, waitedMs: 0, pendingTickets: 0, pendingEstimated: false, behindSeconds: 0, daysBuilding: 34 }, "Still building 34 days of a bulk load: these numbers leave out those days' tickets for now and will update."],
    ['live ingest, 1 s behind, one day of a load still being built', { complete: false, waitedMs: 0, pendingTickets: 3, pendingEstimated: false, behindSeconds: 1, daysBuilding: 1 }, "Still building 1 day of a bulk load: these numbers leave out those days' tickets for now and will update."],
    ['a bulk load: estimated', { complete: false, waitedMs: 0, pendingTickets: 8_700_000, pendingEstimated: true, behindSeconds: 1500 }, 'Still processing about 8,700,000 tickets received in the last 25 min: these numbers do not include them yet and will update.'],
  ])('%s', (_name, f, want) => {
    expect(behindNote(f)).toBe(want);
  });

  it('no freshness (an older server, an error): no note', () => {
    expect(behindNote(undefined)).toBeNull();
  });

  it('polls every 3 s only while noticeably behind', () => {
    const q = (complete?: boolean, behindSeconds = 30) => ({ state: { data: complete === undefined ? {} : { freshness: { complete, waitedMs: 0, pendingTickets: 1, pendingEstimated: false, behindSeconds } } } });
    expect([refetchWhileBehind(q(false)), refetchWhileBehind(q(false, 1)), refetchWhileBehind(q(true)), refetchWhileBehind(q())]).toEqual([3000, false, false, false]);
    // Nothing queued, but days of a load left out until built: poll until they are in.
    const building = { state: { data: { freshness: { complete: false, waitedMs: 0, pendingTickets: 0, pendingEstimated: false, behindSeconds: 0, daysBuilding: 3 } } } };
    expect(refetchWhileBehind(building)).toBe(3000);
  });
});
