import type { AlertRow } from '../../../server/src/contract';
import { alertRows } from './alert-rows';

const alert = (id: string, startedOn: string, detectedOn: string, kind = 'cohens-h') => ({
  id, state: 'open', metric: 'reopenRate', path: 'ai', segment: 'category:billing', startedOn, detectedOn,
  details: { summary: 's', effectSize: 0.512, effectSizeKind: kind, drillDown: { from: startedOn, to: '2026-05-14', path: 'ai', category: 'billing' } },
}) as unknown as AlertRow;

describe('alertRows', () => {
  it('newest first, readable place and effect, and the tickets query', () => {
    const rows = alertRows([alert('a', '2026-05-01', '2026-05-03'), alert('b', '2026-05-11', '2026-05-11', 'ratio')]);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(rows[0]).toMatchObject({ when: '2026-05-11', where: 'ai · category billing', effect: '× 0.51' });
    expect(rows[1]).toMatchObject({ when: '2026-05-01 → 2026-05-03', effect: 'h = 0.51' });
    expect(rows[1].ticketsHref).toBe('/tickets?from=2026-05-01&to=2026-05-14&path=ai&category=billing');
  });
});
