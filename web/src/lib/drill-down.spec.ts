import { drillDownHref, predicatesFrom } from './drill-down';

const f = { from: '2026-01-05', to: '2026-01-26', tz: 'UTC', channel: 'chat' };

describe('drill-down links', () => {
  it('the verified card lists verified AI resolutions in the same view', () => {
    expect(drillDownHref('resolution', f)).toBe('/tickets?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat&path=ai&verified=true');
    expect(drillDownHref('roi', f)).toBeNull();
  });
  it('reads predicates back, ignoring the view filters', () => {
    expect(predicatesFrom('?from=2026-01-05&channel=chat&path=ai&verified=true')).toEqual({ path: 'ai', verified: 'true' });
  });
});
