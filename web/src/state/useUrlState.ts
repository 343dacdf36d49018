// The one hook that reads and writes the browser's URL; pages get their state from it and never
// touch window.location. Parsing lives in lib/url-state.ts (pure, tested).
import { defaultViewZone } from '../api/workspace-scope';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { ViewFilters, parseFilters } from '../lib/date-range';
import { UrlState, parseUrl, withFilters, withParams, withWorkspace } from '../lib/url-state';

const CHANGED = 'claimcheck:url';
// Without ?tz=, the workspace's reporting zone when it chose one, else the browser's.
export const viewZone = () => defaultViewZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}
const snapshot = () => window.location.pathname + window.location.search;

function go(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGED));
}

export interface UrlStateApi extends UrlState {
  /** Opens a dashboard URL (a new history entry). */
  navigate: (to: string) => void;
  /** Sets or removes parameters of the current page; `replace` for typing (no history entry per key). */
  setParams: (changes: Readonly<Record<string, string | undefined>>, options?: { replace?: boolean }) => void;
  /** Changes the range or filters, keeping the other parameters; `replace` while typing. */
  setFilters: (next: Partial<ViewFilters>, options?: { replace?: boolean }) => void;
}

export function useUrlState(): UrlStateApi {
  const href = useSyncExternalStore(subscribe, snapshot);
  const zone = viewZone();
  const state = useMemo(() => {
    const at = href.indexOf('?');
    return at < 0 ? parseUrl(href, '', zone) : parseUrl(href.slice(0, at), href.slice(at), zone);
  }, [href, zone]);
  // Every link stays in the workspace the URL names (links are built from filters, which do not carry it).
  const navigate = useCallback((to: string) => go(withWorkspace(to, new URLSearchParams(window.location.search).get('ws'))), []);
  const setParams = useCallback<UrlStateApi['setParams']>((changes, options) => go(window.location.pathname + withParams(window.location.search, changes), options?.replace), []);
  // From the URL as it is now, not as it was at the last render: two changes in a row both land.
  const setFilters = useCallback<UrlStateApi['setFilters']>((next, options) => {
    const current = parseFilters(window.location.search, viewZone());
    go(window.location.pathname + withFilters(window.location.search, { ...current, ...next }), options?.replace);
  }, []);
  return { ...state, navigate, setParams, setFilters };
}
