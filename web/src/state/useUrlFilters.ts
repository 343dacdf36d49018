// Date range, time zone and filters live in the URL, so a link reproduces the view.
import { useCallback, useEffect, useState } from 'react';
import { ViewFilters, filtersToSearch, parseFilters } from '../lib/date-range';

const browserTz = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function useUrlFilters(): [ViewFilters, (next: Partial<ViewFilters>) => void] {
  const [filters, setFilters] = useState(() => parseFilters(window.location.search, browserTz()));
  useEffect(() => {
    const onPop = () => setFilters(parseFilters(window.location.search, browserTz()));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((next: Partial<ViewFilters>) => {
    setFilters((cur) => {
      const merged = { ...cur, ...next };
      window.history.pushState(null, '', `${window.location.pathname}${filtersToSearch(merged)}`);
      return merged;
    });
  }, []);
  return [filters, update];
}
