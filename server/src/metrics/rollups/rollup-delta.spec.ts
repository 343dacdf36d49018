import { rowChanges } from './rollup-delta.query';

describe('rowChanges: what a batch changed, as weighted rows', () => {
  const row = (id: string, extra: Record<string, unknown> = {}) => ({ id, path: 'ai', resolved: true, repeat_contact: false, csat: null, ...extra });

  it.each<[string, Map<string, Record<string, unknown>>, Map<string, Record<string, unknown>>, { w: 1 | -1; id: string }[]]>([
    ['a new ticket: added once', new Map(), new Map([['a', row('a')]]), [{ w: 1, id: 'a' }]],
    ['a ticket taken back (all its events withdrawn): removed once', new Map([['a', row('a')]]), new Map(), [{ w: -1, id: 'a' }]],
    ['a ticket replayed to the same row: nothing', new Map([['a', row('a')]]), new Map([['a', row('a')]]), []],
    ['a ticket rated: the old row out, the new in', new Map([['a', row('a')]]), new Map([['a', row('a', { csat: 5 })]]), [{ w: -1, id: 'a' }, { w: 1, id: 'a' }]],
    [
      'two tickets, one changed, one not, one new',
      new Map([['a', row('a')], ['b', row('b')]]),
      new Map([['a', row('a', { repeat_contact: true })], ['b', row('b')], ['c', row('c')]]),
      [{ w: -1, id: 'a' }, { w: 1, id: 'a' }, { w: 1, id: 'c' }],
    ],
  ])('%s', (_name, before, after, expected) => {
    const got = rowChanges(before, after);
    expect(got.map((c) => ({ w: c.w, id: c.r.id }))).toEqual(expected);
    // The rows themselves, not copies of the other side: -1 carries the old row, +1 the new.
    for (const c of got) expect(c.r).toBe((c.w === -1 ? before : after).get(String(c.r.id)));
  });
});
