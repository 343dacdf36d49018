import type { WorkspaceInfo } from '../../../server/src/contract';
import { chooseWorkspace } from './workspace-choice';

const ws = (slug: string, hasData: boolean): WorkspaceInfo => ({ slug, name: slug, timeZone: 'UTC', ownTimeZone: false, currency: 'USD', alertFloors: null, alertWebhook: 'none', hasData, createdAt: '2026-11-01T00:00:00.000Z' });

describe('chooseWorkspace', () => {
  const fresh = [ws('default', false), ws('demo', true)];
  it.each([
    ['the URL names one', 'brand-eu', null, fresh, 'brand-eu'],
    ['a workspace token: its own', null, 'brand-eu', fresh, 'brand-eu'],
    ['a fresh install: the demo story until the default workspace has data', null, null, fresh, 'demo'],
    ['the default workspace once it has data', null, null, [ws('default', true), ws('demo', true)], 'default'],
    ['nothing anywhere: the default workspace', null, null, [ws('default', false), ws('b', false)], 'default'],
    ['an empty list (still loading is handled by the caller)', null, null, [], 'default'],
  ])('%s', (_why, url, token, list, expected) => {
    expect(chooseWorkspace(url as string | null, token as string | null, list as WorkspaceInfo[])).toBe(expected);
  });
});
