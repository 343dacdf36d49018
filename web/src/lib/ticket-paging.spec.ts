import { MAX_BACK, ticketPaging } from './ticket-paging';

const FIRST = { cursor: undefined, back: undefined, page: undefined };

describe('ticketPaging', () => {
  it('the first page: no cursor, no previous, next carries the next cursor and page 2', () => {
    const p = ticketPaging({ from: '2026-01-01' });
    expect(p).toMatchObject({ cursor: undefined, page: 1, previous: null, first: null });
    expect(p.next('AAA')).toEqual({ cursor: 'AAA', back: undefined, page: '2' });
  });
  it('page 2 goes back to page 1 and on to page 3 remembering its own cursor', () => {
    const p = ticketPaging({ cursor: 'AAA', page: '2' });
    expect(p).toMatchObject({ cursor: 'AAA', page: 2, previous: FIRST, first: FIRST });
    expect(p.next('BBB')).toEqual({ cursor: 'BBB', back: 'AAA', page: '3' });
  });
  it('page 4: previous is page 3 with the two before it', () => {
    const p = ticketPaging({ cursor: 'CCC', back: 'AAA.BBB', page: '4' });
    expect(p).toMatchObject({ cursor: 'CCC', page: 4, previous: { cursor: 'BBB', back: 'AAA', page: '3' } });
    expect(p.next('DDD')).toEqual({ cursor: 'DDD', back: 'AAA.BBB.CCC', page: '5' });
  });
  it('Next then Previous is where it started', () => {
    const start = { cursor: 'BBB', back: 'AAA', page: '3' };
    const next = ticketPaging(start).next('CCC');
    expect(ticketPaging(next as Record<string, string>).previous).toEqual(start);
  });
  it(`keeps only the last ${MAX_BACK} cursors: page 400's URL stays short, and its previous pages are known ${MAX_BACK} deep`, () => {
    let params: Record<string, string> = {};
    for (let i = 1; i < 400; i++) params = ticketPaging(params).next(`C${i}`) as Record<string, string>;
    const p = ticketPaging(params);
    expect(p.page).toBe(400);
    expect(params.back.split('.')).toHaveLength(MAX_BACK);
    expect(params.back.split('.')[0]).toBe(`C${399 - MAX_BACK}`);
    // Going back 20 pages works; the 21st back is not known any more: First page only.
    let at = params;
    for (let i = 0; i < MAX_BACK; i++) at = ticketPaging(at).previous as Record<string, string>;
    expect(ticketPaging(at)).toMatchObject({ page: 380, cursor: `C${379}`, previous: null, first: FIRST });
  });
  it('a hand-edited URL: a cursor that cannot be one is the first page; bad entries of back dropped; a page number below what back says corrected', () => {
    expect(ticketPaging({ cursor: 'a b', back: 'AAA', page: '9' })).toMatchObject({ cursor: undefined, page: 1, previous: null });
    expect(ticketPaging({ cursor: 'CCC', back: '..A?A.BBB' })).toMatchObject({ page: 3, previous: { cursor: 'BBB', back: undefined, page: '2' } });
    expect(ticketPaging({ cursor: 'CCC', back: 'AAA.BBB', page: '1' }).page).toBe(4);
    expect(ticketPaging({ cursor: 'CCC', page: 'x' }).page).toBe(2);
    // back without a cursor means nothing
    expect(ticketPaging({ back: 'AAA' })).toMatchObject({ page: 1, previous: null });
  });
});
