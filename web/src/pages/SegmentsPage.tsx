import { useBreakdownQuery, useSegmentSeriesQueries } from '../api/useBreakdownQuery';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { QueryBoundary } from '../components/QueryBoundary';
import { ExportButtons } from '../components/ExportButtons';
import { RangeControls } from '../components/RangeControls';
import { Sparkline } from '../components/Sparkline';
import { segmentHref } from '../lib/drill-down';
import { SEGMENT_COLUMNS, segmentRows } from '../lib/segment-rows';
import { useUrlFilters } from '../state/useUrlFilters';

const DIMENSIONS = ['channel', 'category', 'language'] as const;

function param(name: string, fallback: string): string {
  return new URLSearchParams(window.location.search).get(name) ?? fallback;
}

/** Segments side by side, sortable (the sort lives in the URL), with a weekly trend of verified resolution. */
export default function SegmentsPage({ navigate }: { navigate: (to: string) => void }) {
  const [filters, setFilters] = useUrlFilters();
  const by = param('by', 'category');
  const sort = param('sort', 'tickets');
  const order = param('order', 'desc');
  const setParam = (changes: Record<string, string>) => {
    const q = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) q.set(k, v);
    window.history.pushState(null, '', `${window.location.pathname}?${q.toString()}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };
  const breakdown = useBreakdownQuery({ ...filters, by, sort, order, limit: '12' });
  const currency = useCostModelQuery().data?.currency ?? 'USD';
  const keys = breakdown.data?.segments.map((s) => s.key) ?? [];
  const series = useSegmentSeriesQueries({ ...filters }, by, keys);
  return (
    <main>
      <h1 className="page-title">Segments</h1>
      <RangeControls filters={filters} onChange={setFilters} />
      <label className="inline">
        Segment by{' '}
        <select value={by} onChange={(e) => setParam({ by: e.target.value })}>
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <ExportButtons name={`segments by ${by}`} csv={{ path: '/api/v1/metrics/breakdown', params: { ...filters, by, sort, order, limit: '12' } }} />
      <QueryBoundary query={breakdown} isEmpty={(b) => b.segments.length === 0} empty="No tickets in this range.">
        {(b) => (
          <table className="table" aria-label={`Segments by ${by}`}>
            <thead>
              <tr>
                <th scope="col">{by}</th>
                {SEGMENT_COLUMNS.map((c) => (
                  <th scope="col" key={c.sort} aria-sort={sort === c.sort ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="link" onClick={() => setParam({ sort: c.sort, order: sort === c.sort && order === 'desc' ? 'asc' : 'desc' })}>
                      {c.label}
                    </button>
                  </th>
                ))}
                <th scope="col">Verified resolution, weekly</th>
              </tr>
            </thead>
            <tbody>
              {segmentRows(b, currency).map((r, i) => {
                const weeks = series[i]?.data?.buckets.map((x) => x.verifiedAiResolutionRate) ?? [];
                return (
                  <tr key={r.key}>
                    <th scope="row">
                      {segmentHref(filters, by, r.key) ? (
                        <a href={segmentHref(filters, by, r.key)!} onClick={(e) => (e.preventDefault(), navigate(segmentHref(filters, by, r.key)!))}>
                          {r.key}
                        </a>
                      ) : (
                        r.key
                      )}
                    </th>
                    {r.cells.map((c, j) => (
                      <td key={j}>{c}</td>
                    ))}
                    <td>{r.key !== 'other' && weeks.length > 0 && <Sparkline values={weeks} label={`weekly verified AI resolution rate for ${r.key}`} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryBoundary>
    </main>
  );
}
