import { ticketPaging } from './ticket-paging';

describe('ticketPaging', () => {
  it('the first page: no cursor, no previous, next carries only the next cursor', () => {
    const p = ticketPaging({ from: '2026-01-01' });
    expect(p).toMatchObject({ cursor: undefined, page: 1, previous: null });
    expect(p.next('AAA')).toEqual({ cursor: 'AAA', back: undefined });
  });
  it('page 2 goes back to page 1 and on to page 3 remembering its own cursor', () => {
    const p = ticketPaging({ cursor: 'AAA' });
    expect(p).toMatchObject({ cursor: 'AAA', page: 2, previous: { cursor: undefined, back: undefined } });
    expect(p.next('BBB')).toEqual({ cursor: 'BBB', back: 'AAA' });
  });
  it('page 4: previous is page 3 with the two before it', () => {
    const p = ticketPaging({ cursor: 'CCC', back: 'AAA.BBB' });
    expect(p).toMatchObject({ cursor: 'CCC', page: 4, previous: { cursor: 'BBB', back: 'AAA' } });
    expect(p.next('DDD')).toEqual({ cursor: 'DDD', back: 'AAA.BBB.CCC' });
  });
  it('Next then Previous is where it started', () => {
    const start = { cursor: 'BBB', back: 'AAA' };
    const next = ticketPaging(start).next('CCC');
    const back = ticketPaging(next as Record<string, string>).previous;
    expect(back).toEqual(start);
  });
  it('a hand-edited URL: a cursor that cannot be one is the first page; bad entries of back are dropped', () => {
    expect(ticketPaging({ cursor: 'a b', back: 'AAA' })).toMatchObject({ cursor: undefined, page: 1, previous: null });
    expect(ticketPaging({ cursor: 'CCC', back: '..A?A.BBB' })).toMatchObject({ page: 3, previous: { cursor: 'BBB', back: undefined } });
    // back without a cursor means nothing
    expect(ticketPaging({ back: 'AAA' })).toMatchObject({ page: 1, previous: null });
  });
});
