import { describePredicates, drillDownHref, pointHref, predicatesFrom, segmentHref } from './drill-down';

const f = { from: '2026-01-05', to: '2026-01-26', tz: 'UTC', channel: 'chat' };

describe('drill-down links', () => {
  it('the verified card lists verified AI resolutions in the same view', () => {
    expect(drillDownHref('resolution', f)).toBe('/tickets?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat&path=ai&verified=true');
    // ROI and FTE are priced from the same durable AI resolutions.
    expect(drillDownHref('roi', f)).toBe('/tickets?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat&path=ai&verified=true');
    expect(drillDownHref('fte', f)).toBe(drillDownHref('roi', f));
    expect(drillDownHref('nothing', f)).toBeNull();
    // CSAT AI vs human: those two paths' answers (escalated tickets' answers are in neither n).
    expect(drillDownHref('csat', f)).toBe('/tickets?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat&path=ai%2Chuman&resolved=true&hasCsat=true');
  });
  it('reads predicates back, ignoring the view filters', () => {
    expect(predicatesFrom('?from=2026-01-05&channel=chat&path=ai&verified=true')).toEqual({ path: 'ai', verified: 'true' });
  });
});

describe('chart points and segments', () => {
  it('a day of a daily chart, with the chart\'s predicates', () => {
    expect(pointHref(f, '2026-01-20', { resolved: 'true', reopened: 'true' })).toBe('/tickets?from=2026-01-20&to=2026-01-21&tz=UTC&channel=chat&resolved=true&reopened=true');
  });
  it('a weekly bucket, clipped to the view', () => {
    expect(pointHref(f, '2026-01-19', { path: 'ai,escalated' }, 7)).toBe('/tickets?from=2026-01-19&to=2026-01-26&tz=UTC&channel=chat&path=ai%2Cescalated');
    expect(pointHref(f, '2026-01-22', {}, 7)).toBe('/tickets?from=2026-01-22&to=2026-01-26&tz=UTC&channel=chat');
  });
  it('a segment row; "other" and "(none)" have no single filter', () => {
    expect(segmentHref(f, 'category', 'billing')).toBe('/tickets?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat&category=billing');
    // A category named "other" has its tickets (the breakdown's "other" row is told apart by segmentRows' isOther).
    expect(segmentHref(f, 'category', 'other')).toBe('/tickets?from=2026-01-05&to=2026-01-26&tz=UTC&channel=chat&category=other');
    expect(segmentHref(f, 'language', '(none)')).toBeNull();
    // A segment whose value has a comma opens that one value (escaped: contract/filter-list.ts).
    expect(new URL(segmentHref(f, 'category', 'Billing, payments')!, 'http://x').searchParams.get('category')).toBe('Billing\\, payments');
  });
});

describe('describePredicates: the drill-down conditions in words', () => {
  it.each([
    [{ path: 'ai,escalated', resolved: 'true' }, 'handled by the AI alone or escalated from the AI to a human; resolved'],
    [{ path: 'ai', resolved: 'true', pending: 'false', reopened: 'true' }, 'handled by the AI alone; resolved; judged (older than 7 days); reopened'],
    [{ path: 'ai', verified: 'true', csatMax: '2' }, 'handled by the AI alone; durable AI resolutions (verified); rated 2 or less'],
    [{ hasCsat: 'true', csatMin: '4' }, 'rated by the customer; rated 4 or more'],
    [{ sort: 'createdAt', order: 'desc' }, ''],
    [{}, ''],
  ])('%j -> %s', (p, words) => expect(describePredicates(p)).toBe(words));
});
