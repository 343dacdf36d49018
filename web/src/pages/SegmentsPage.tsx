import { workspaceLink } from '../api/workspace-scope';
import { useBreakdownQuery } from '../api/useBreakdownQuery';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { CoverageNote } from '../components/CoverageNote';
import { QueryBoundary } from '../components/QueryBoundary';
import { youngTicketsNote } from '../lib/quality-compare';
import { ExportButtons } from '../components/ExportButtons';
import { RangeControls } from '../components/RangeControls';
import { Sparkline } from '../components/Sparkline';
import { segmentHref } from '../lib/drill-down';
import { SEGMENT_COLUMNS, segmentRows } from '../lib/segment-rows';
import { useUrlState } from '../state/useUrlState';
import { addDays } from '../lib/date-range';
import { apiCompare, compareLabel } from '../lib/url-state';

const DIMENSIONS = ['channel', 'category', 'language'] as const;

/** Segments side by side, sortable (the sort lives in the URL), with a weekly trend of verified resolution. */
export default function SegmentsPage() {
  const { filters, setFilters, navigate, params, setParams: setParam, compare } = useUrlState();
  const by = (DIMENSIONS as readonly string[]).includes(params.by ?? '') ? params.by! : 'category';
  // A sort the table has no column for (a hand-edited address) was a 400 from the API: by tickets instead.
  const sort = SEGMENT_COLUMNS.some((c) => c.sort === params.sort) ? params.sort! : 'tickets';
  const order = params.order === 'asc' ? 'asc' : 'desc';
  // The table and every row's weekly sparkline in one request.
  // Every column of the table is a count or a rate: no medians needed (percentiles=false).
  const breakdown = useBreakdownQuery({ ...filters, by, sort, order, limit: '12', series: 'week', percentiles: 'false', compare: apiCompare(compare) });
  const currency = useCostModelQuery().data?.currency ?? 'USD';
  return (
    <main>
      <h1 className="page-title">Segments</h1>
      <RangeControls filters={filters} onChange={setFilters} withCompare />
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
          <>
          {params.by !== undefined && params.by !== by && (
            <p className="behind" role="status">
              The address's segmenting &quot;{params.by}&quot; is not one of {DIMENSIONS.join(', ')}: showing {by}.
            </p>
          )}
          {b.comparison && <p className="muted">In brackets: the change {compareLabel(compare)} ({b.comparison.from} – {addDays(b.comparison.to, -1)}).</p>}
          <CoverageNote range={b} comparison={b.comparison} tz={filters.tz} />
          {/* As on Quality and the board pack: a young range's repeat contacts still rise (a falling AI repeat rate in the last 7 days was only young tickets). */}
          {youngNote(b) && <p className="muted small">{youngNote(b)}</p>}
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
              {segmentRows(b, currency).map((r) => {
                // The "other" row is many segments: no one list of tickets (a segment named "other" has its own).
                const href = r.isOther ? null : segmentHref(filters, by, r.key);
                return (
                  <tr key={r.isOther ? ' other' : r.key}>
                    <th scope="row">
                      {href ? (
                        <a href={workspaceLink(href)} onClick={(e) => (e.preventDefault(), navigate(href))}>
                          {r.key}
                        </a>
                      ) : (
                        r.key
                      )}
                    </th>
                    {r.cells.map((c, j) => (
                      <td key={j}>{c}</td>
                    ))}
                    <td>{r.weekly.length > 0 && <Sparkline values={r.weekly} label={`weekly verified AI resolution rate for ${r.key}`} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </>
        )}
      </QueryBoundary>
    </main>
  );
}

/** The young-tickets caveat over all the table's rows (the segments and "other"). */
const youngNote = (b: { segments: readonly { pendingAiResolved: number }[]; other?: { pendingAiResolved: number } | null }) =>
  youngTicketsNote({ pendingAiResolved: [...b.segments, ...(b.other ? [b.other] : [])].reduce((n, x) => n + x.pendingAiResolved, 0) });
