// The page lives in the URL's path, the view's filters in its query (see useUrlFilters).
import { useCallback, useEffect, useState } from 'react';

export type Page = 'overview' | 'savings' | 'quality' | 'segments' | 'tickets' | 'settings';
export const PAGE_PATHS: Record<Page, string> = { overview: '/', savings: '/savings', quality: '/quality', segments: '/segments', tickets: '/tickets', settings: '/settings' };
const PATHS: Record<string, Page> = Object.fromEntries(Object.entries(PAGE_PATHS).map(([p, path]) => [path, p as Page]));

export function pageOf(pathname: string): Page {
  return PATHS[pathname.replace(/\/+$/, '') || '/'] ?? 'overview';
}

export function useRoute(): [Page, (to: string) => void] {
  const [page, setPage] = useState(() => pageOf(window.location.pathname));
  useEffect(() => {
    const onPop = () => setPage(pageOf(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', to);
    setPage(pageOf(new URL(to, window.location.origin).pathname));
    // Other URL-bound state (filters) listens to popstate.
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return [page, navigate];
}
