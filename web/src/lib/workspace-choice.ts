// Which workspace the dashboard shows when the URL names none (pure; App.tsx asks it).
import type { WorkspaceInfo } from '../../../server/src/contract';

/**
 * The URL's workspace when it names one; otherwise the token's own (a workspace token sees only
 * its own); for an instance admin the default workspace once it has data, before that the first
 * workspace that has some (on a fresh install: the demo story), else the default one.
 */
export function chooseWorkspace(urlWorkspace: string | null, tokenWorkspace: string | null, list: readonly WorkspaceInfo[]): string {
  if (urlWorkspace) return urlWorkspace;
  if (tokenWorkspace) return tokenWorkspace;
  const def = list.find((w) => w.slug === 'default');
  if (def?.hasData) return 'default';
  return list.find((w) => w.hasData)?.slug ?? def?.slug ?? list[0]?.slug ?? 'default';
}
