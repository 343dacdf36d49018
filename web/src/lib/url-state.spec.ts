import { isPagePath, pageHref, pageOf, parseUrl, withFilters, withParams, withWorkspace, workspaceSwitchHref } from './url-state';

const now = new Date('2026-11-22T12:00:00Z');

describe('URL state', () => {
  it('the page comes from the path; an unknown path is the overview', () => {
    expect(pageOf('/segments')).toBe('segments');
    expect(pageOf('/tickets/')).toBe('tickets');
    expect(pageOf('/')).toBe('overview');
    expect(pageOf('/no-such-page')).toBe('overview');
  });

  it('parses page, filters and every parameter (first value wins) in one pass', () => {
    const u = parseUrl('/segments', '?from=2026-05-01&to=2026-06-01&tz=Asia/Kathmandu&by=channel&sort=tickets&sort=csat', 'UTC', now);
    expect(u.page).toBe('segments');
    expect(u.filters).toEqual({ from: '2026-05-01', to: '2026-06-01', tz: 'Asia/Kathmandu', channel: undefined, category: undefined });
    expect(u.params).toEqual({ from: '2026-05-01', to: '2026-06-01', tz: 'Asia/Kathmandu', by: 'channel', sort: 'tickets' });
  });

  it('the workspace comes from ?ws= (null when absent), and links stay in it unless they name another', () => {
    expect(parseUrl('/', '?ws=brand-eu&from=2026-05-01', 'UTC', now).workspace).toBe('brand-eu');
    expect(parseUrl('/', '?from=2026-05-01', 'UTC', now).workspace).toBeNull();
    expect(withWorkspace('/tickets?from=2026-05-01&path=ai', 'brand-eu')).toBe('/tickets?from=2026-05-01&path=ai&ws=brand-eu');
    expect(withWorkspace('/savings', 'demo')).toBe('/savings?ws=demo');
    expect(withWorkspace('/?ws=other', 'demo')).toBe('/?ws=other');
    expect(withWorkspace('/tickets?from=2026-05-01', null)).toBe('/tickets?from=2026-05-01');
  });

  it('sets and removes parameters, keeping the others in order', () => {
    expect(withParams('?from=2026-05-01&by=channel', { by: 'category', sort: 'tickets' })).toBe('?from=2026-05-01&by=category&sort=tickets');
    expect(withParams('?humanHourlyCost=30&from=2026-05-01', { humanHourlyCost: '' })).toBe('?from=2026-05-01');
    expect(withParams('?a=1', { a: undefined })).toBe('');
  });

  it('a change of filters keeps drill-down predicates and drops the list position', () => {
    const search = '?from=2026-05-01&to=2026-06-01&tz=UTC&channel=chat&path=ai&reopened=true&cursor=abc&back=xyz&page=3';
    const next = withFilters(search, { from: '2026-04-01', to: '2026-06-01', tz: 'UTC', category: 'billing' });
    const q = new URLSearchParams(next);
    expect(Object.fromEntries(q)).toEqual({ from: '2026-04-01', to: '2026-06-01', tz: 'UTC', category: 'billing', path: 'ai', reopened: 'true' });
  });

  it('links between pages keep range and filters, not page-specific parameters', () => {
    expect(pageHref('tickets', { from: '2026-05-01', to: '2026-06-01', tz: 'UTC', channel: 'email' })).toBe('/tickets?from=2026-05-01&to=2026-06-01&tz=UTC&channel=email');
    expect(pageHref('overview', { from: '2026-05-01', to: '2026-06-01', tz: 'UTC' })).toBe('/?from=2026-05-01&to=2026-06-01&tz=UTC');
    // Rated 1-2 left out on the savings audit: every page keeps it.
    expect(pageHref('report', { from: '2026-05-01', to: '2026-06-01', tz: 'UTC' }, 'year', true)).toBe('/report?from=2026-05-01&to=2026-06-01&tz=UTC&compare=year&excludeLowRated=true');
  });
});

describe('workspaceSwitchHref: the same page in another workspace', () => {
  it('keeps the range, zone, filters and comparison; drops what-ifs, the claim, the alert and the ticket page', () => {
    const search = '?from=2026-10-01&to=2026-11-01&tz=Europe%2FBerlin&channel=chat&compare=year&humanHourlyCost=40.5&claim=abc&alert=x&cursor=c1&page=3&ws=demo';
    expect(workspaceSwitchHref('/savings', search, 'brand-x')).toBe('/savings?from=2026-10-01&to=2026-11-01&tz=Europe%2FBerlin&channel=chat&compare=year&ws=brand-x');
    expect(workspaceSwitchHref('/', '?excludeLowRated=true&fixedCostPerMonth=9', 'demo')).toBe('/?excludeLowRated=true&ws=demo');
    expect(workspaceSwitchHref('/', '', 'demo')).toBe('/?ws=demo');
  });
  it("leaves behind a zone that is only the workspace's own (written by a nav link), not one the user chose", () => {
    const search = '?from=2026-11-01&to=2026-12-01&tz=Asia%2FKathmandu&ws=uci';
    expect(workspaceSwitchHref('/tickets', search, 'kaggle', 'Asia/Kathmandu')).toBe('/tickets?from=2026-11-01&to=2026-12-01&ws=kaggle');
    expect(workspaceSwitchHref('/tickets', search, 'kaggle', 'UTC')).toBe('/tickets?from=2026-11-01&to=2026-12-01&tz=Asia%2FKathmandu&ws=kaggle');
  });
});

describe('isPagePath', () => {
  it.each([
    ['/', true],
    ['/tickets', true],
    ['/tickets/', true],
    ['/tickets/xyz', false],
    ['/nosuchpage', false],
    ['', true],
  ])('%s: %s', (path, want) => expect(isPagePath(path)).toBe(want));
});
