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
      // Keep the URL's other parameters (a drill-down's predicates); replace only the filters.
      const q = new URLSearchParams(window.location.search);
      for (const k of ['from', 'to', 'tz', 'channel', 'category', 'cursor']) q.delete(k);
      const f = new URLSearchParams(filtersToSearch(merged).slice(1));
      f.forEach((v, k) => q.set(k, v));
      window.history.pushState(null, '', `${window.location.pathname}?${q.toString()}`);
      return merged;
    });
  }, []);
  return [filters, update];
}
