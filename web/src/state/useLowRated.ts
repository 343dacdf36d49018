// Whether verified AI resolutions rated 1-2 are left out of the savings (docs/METRICS.md): in the
// URL, kept by every page link, read the same way by the savings audit, the overview and the pack.
import { useUrlState } from './useUrlState';

export function useLowRated() {
  const { params, setParams } = useUrlState();
  const excluded = params.excludeLowRated === 'true';
  return {
    excluded,
    /** The summary request's parameter (none while they are counted). */
    query: excluded ? { excludeLowRated: 'true' as const } : {},
    set: (exclude: boolean) => setParams({ excludeLowRated: exclude ? 'true' : undefined }, { replace: true }),
  };
}
