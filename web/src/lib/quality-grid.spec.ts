import type { Breakdown } from '../api/useBreakdownQuery';
import { qualityGrid } from './quality-grid';

const seg = (key: string, top2: number | null, n: number) => ({ key, byPath: { ai: { csat: { top2Box: top2, responses: n } } } });
const b = (segments: ReturnType<typeof seg>[]) => ({ by: 'category', segments, other: null }) as unknown as Breakdown;

describe('qualityGrid', () => {
  it('a cell per category and channel; the worst quarter of well-answered cells is marked', () => {
    const g = qualityGrid({
      email: b([seg('billing', 0.4, 30), seg('account', 0.8, 30)]),
      chat: b([seg('billing', 0.5, 30), seg('account', 0.9, 5)]),
    });
    expect(g.channels).toEqual(['chat', 'email']);
    expect(g.categories).toEqual(['account', 'billing']);
    expect(g.cells.billing.email).toEqual({ value: 0.4, n: 30, worst: true });
    expect(g.cells.billing.chat.worst).toBe(false); // 3 judged cells: only the worst one is marked
    expect(g.cells.account.chat).toEqual({ value: 0.9, n: 5, worst: false }); // too few answers to judge
  });
});
