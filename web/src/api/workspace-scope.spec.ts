import { scopedPath } from './workspace-scope';

describe('scopedPath', () => {
  it.each([
    ['/api/v1/metrics/summary', 'demo', '/api/v1/workspaces/demo/metrics/summary'],
    ['/api/v1/claims/abc/vendor-export', 'brand-eu', '/api/v1/workspaces/brand-eu/claims/abc/vendor-export'],
    ['/api/v1/metrics/summary', 'default', '/api/v1/metrics/summary'],
    ['/api/v1/me', 'demo', '/api/v1/me'],
    ['/api/v1/workspaces', 'demo', '/api/v1/workspaces'],
    ['/api/v1/workspaces/demo', 'demo', '/api/v1/workspaces/demo'],
    ['/api/health', 'demo', '/api/health'],
  ])('%s in %s -> %s', (path, slug, expected) => {
    expect(scopedPath(path, slug)).toBe(expected);
  });
});
