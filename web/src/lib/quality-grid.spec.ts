import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { qualityGrid } from './quality-grid';

const seg = (category: string, channel: string, top2: number | null, n: number) => ({
  key: `${category} · ${channel}`,
  values: { category, channel },
  byPath: { ai: { csat: { top2Box: top2, responses: n } } },
});
const b = (segments: ReturnType<typeof seg>[], limit = 1000) => ({ segments, limit }) as unknown as LeanBreakdownResponse;

describe('qualityGrid', () => {
  it('a cell per category and channel; the worst quarter of well-answered cells is marked', () => {
    const g = qualityGrid(b([seg('billing', 'email', 0.4, 30), seg('account', 'email', 0.8, 30), seg('billing', 'chat', 0.5, 30), seg('account', 'chat', 0.9, 5)]));
    expect(g.channels).toEqual(['chat', 'email']);
    expect(g.categories).toEqual(['account', 'billing']);
    expect(g.cells.billing.email).toEqual({ value: 0.4, n: 30, worst: true });
    expect(g.cells.billing.chat?.worst).toBe(false); // 3 judged cells: ceil(3/4) = 1, only the worst is marked
    expect(g.cells.account.chat).toEqual({ value: 0.9, n: 5, worst: false }); // too few answers to judge
  });

  it('a pair without tickets has no cell; 8 judged cells mark the worst 2', () => {
    const cats = ['a', 'b', 'c', 'd'];
    const segments = cats.flatMap((c, i) => [seg(c, 'chat', 0.5 + i / 10, 20), seg(c, 'email', 0.45 + i / 10, 20)]);
    const g = qualityGrid(b([...segments, seg('e', 'chat', null, 0)]));
    expect(g.cells.e.email).toBeUndefined();
    expect(g.cells.e.chat).toEqual({ value: null, n: 0, worst: false });
    const worst = cats.flatMap((c) => ['chat', 'email'].filter((ch) => g.cells[c][ch]?.worst).map((ch) => `${c}/${ch}`));
    expect(worst).toEqual(['a/chat', 'a/email']); // 0.50 and 0.45 are the two lowest of 0.45..0.85
    expect(g.truncated).toBe(false);
  });

  it('says when the answer stopped at its limit', () => {
    expect(qualityGrid(b([seg('a', 'chat', 0.5, 20), seg('a', 'email', 0.5, 20)], 2)).truncated).toBe(true);
  });
});
