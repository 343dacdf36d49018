import { useAlertAction, useAlertsQuery } from '../api/useAlertsQuery';
import { useChangesQuery } from '../api/useChangesQuery';
import { WhatChanged } from '../components/WhatChanged';
import { useBreakdownQuery } from '../api/useBreakdownQuery';
import { useTimeseriesQuery } from '../api/useTimeseriesQuery';
import { QualityGridTable } from '../components/QualityGridTable';
import { qualityGrid } from '../lib/quality-grid';
import { AlertsList } from '../components/AlertsList';
import { AlertsElsewhere } from '../components/AlertsElsewhere';
import { QualityChart } from '../components/QualityChart';
import { CoverageNote } from '../components/CoverageNote';
import { QueryBoundary } from '../components/QueryBoundary';
import { RangeControls } from '../components/RangeControls';
import { alertRows, alertsElsewhere, changeRows, hasTickets, longDay } from '../lib/alert-rows';
import { addDays, isTimeZone, todayIn } from '../lib/date-range';
import { pointHref } from '../lib/drill-down';
import { alertAnnotations, bucketDays, emptyReasons, qualityInterval, qualityRows, seriesSpans } from '../lib/quality-series';
import { useUrlState } from '../state/useUrlState';
import { useSummaryQuery } from '../api/useSummaryQuery';
import { QualityCompareTable } from '../components/QualityCompareTable';
import { qualityComparison, youngTicketsNote } from '../lib/quality-compare';
import { apiCompare, compareLabel } from '../lib/url-state';

const AI = 'var(--verified)';
const HUMAN = 'var(--claimed)';
const ESC = 'var(--warn)';

/** Support ops: CSAT, repeat contacts, reopens and escalations over time, with the alerts on them. */
export default function QualityPage() {
  const { filters, setFilters, navigate, params, setParams, compare } = useUrlState();
  const compared = useSummaryQuery({ ...filters, compare: apiCompare(compare) });
  const showResolved = params.alerts === 'all';
  // The charts need counts and rates only: no medians (percentiles=false is several times cheaper).
  const interval = qualityInterval(filters.from, filters.to);
  const series = useTimeseriesQuery({ ...filters, interval, percentiles: 'false' });
  const scope = { from: filters.from, to: filters.to, channel: filters.channel, category: filters.category };
  const alerts = useAlertsQuery(scope);
  // With a channel or category filter, say how many unresolved alerts are about other segments: the
  // list above shows unresolved ones, and so does the overview's count (it counted only open ones
  // here, one fewer with a snoozed alert).
  const filtered = Boolean(filters.channel || filters.category);
  const unfiltered = useAlertsQuery({ from: filters.from, to: filters.to });
  const elsewhere = filtered && unfiltered.data && alerts.data ? alertsElsewhere(alerts.data, unfiltered.data) : 0;
  const action = useAlertAction();
  // The last 7 days of the range against the 28 days before it.
  const today = todayIn(isTimeZone(filters.tz) ? filters.tz : 'UTC');
  const notBegun = filters.from > today;
  const changes = useChangesQuery({ ...scope, days: '7', limit: '15' }, !notBegun);
  // One request for the whole grid: a segment per (category, channel) pair.
  const pairs = useBreakdownQuery({ ...filters, by: 'category,channel', limit: '1000', percentiles: 'false' });
  return (
    <main>
      <h1 className="page-title">Quality</h1>
      <RangeControls filters={filters} onChange={setFilters} withCompare />
      {notBegun ? (
        // The server reads "what changed" up to today: for a range still to come it showed this week's changes under that range.
        <p className="state" role="status">
          This range has not begun (today is {today}): nothing has changed in it yet.
        </p>
      ) : (
        <QueryBoundary query={changes} isEmpty={(c) => !c.rows.some(hasTickets)} empty={'Nothing to judge yet: "what changed" needs tickets in the range\'s last 7 days or the 4 weeks before them.'}>
          {(c) => (
            <WhatChanged
              rows={changeRows(c.rows.filter(hasTickets))}
              period={`${longDay(c.recent.from)} – ${longDay(addDays(c.recent.to, -1))} against ${longDay(c.baseline.from)} – ${longDay(addDays(c.baseline.to, -1))} (days in ${c.zone})`}
              navigate={navigate}
            />
          )}
        </QueryBoundary>
      )}
      <QueryBoundary query={alerts} isEmpty={(a) => a.filter((x) => showResolved || x.state !== 'resolved').length === 0} empty="No open quality alerts in this range.">
        {(a) => (
          <AlertsList
            rows={alertRows(a.filter((x) => showResolved || x.state !== 'resolved'), filters.tz)}
            navigate={navigate}
            onAction={(id, act) => action.mutate({ id, action: act })}
            busyId={action.isPending ? action.variables?.id : null}
          />
        )}
      </QueryBoundary>
      {alerts.data && alerts.data.some((x) => x.state === 'resolved') && (
        <p>
          <button type="button" onClick={() => setParams({ alerts: showResolved ? undefined : 'all' }, { replace: true })}>
            {showResolved ? 'Hide resolved alerts' : `Show resolved alerts (${alerts.data.filter((x) => x.state === 'resolved').length})`}
          </button>
        </p>
      )}
      <AlertsElsewhere count={elsewhere} onShowAll={() => setFilters({ channel: undefined, category: undefined })} />
      {action.isError && <p role="alert" className="state state-error">Could not update the alert: {(action.error as Error).message}</p>}
      <QueryBoundary query={series} isEmpty={(t) => t.buckets.every((b) => b.tickets === 0)} empty="No tickets in this range.">
        {(t) => {
          const rows = qualityRows(t);
          const spans = seriesSpans(t);
          // CSAT and escalations are final once given: their charts draw maturing buckets, so they are not shaded "not judged yet".
          const judgedAtOnce = spans.filter((x) => x.state !== 'maturing');
          const csv = { path: '/api/v1/metrics/timeseries', params: { ...filters, interval } };
          const open = (predicates: Record<string, string>) => (bucket: string) => navigate(pointHref(filters, bucket, predicates, bucketDays(t, bucket)));
          const why = emptyReasons(t);
          const notes = (metric: string) => alertAnnotations(alerts.data ?? [], rows.map((r) => r.bucket), metric);
          return (
            <>
              <div className="chart-grid">
                <QualityChart
                  spans={judgedAtOnce}
                  title="CSAT top-2-box (95% Wilson band)"
                  emptyReason={why.csat}
                  csv={csv}
                  onPoint={open({ resolved: 'true', hasCsat: 'true' })}
                  rows={rows}
                  annotations={notes('csatTop2Box')}
                  bands={[{ key: 'band_ai', name: 'AI band', color: AI }, { key: 'band_human', name: 'human band', color: HUMAN }]}
                  lines={[{ key: 'csat_ai', name: 'AI', color: AI }, { key: 'csat_escalated', name: 'escalated', color: ESC }, { key: 'csat_human', name: 'human', color: HUMAN }]}
                />
                <QualityChart spans={spans} title="Repeat-contact rate" emptyReason={why.repeatReopen} csv={csv} onPoint={open({ resolved: 'true', repeatContact: 'true' })} rows={rows} annotations={notes('repeatContactRate')} lines={[{ key: 'repeat_ai', name: 'AI', color: AI }, { key: 'repeat_human', name: 'human', color: HUMAN }]} />
                <QualityChart spans={spans} title="Reopen rate" emptyReason={why.repeatReopen} csv={csv} onPoint={open({ resolved: 'true', reopened: 'true' })} rows={rows} annotations={notes('reopenRate')} lines={[{ key: 'reopen_ai', name: 'AI', color: AI }, { key: 'reopen_human', name: 'human', color: HUMAN }]} />
                <QualityChart spans={judgedAtOnce} title="Escalation rate" emptyReason={why.escalation} csv={csv} onPoint={open({ path: 'escalated' })} rows={rows} annotations={notes('escalationRate')} lines={[{ key: 'escalation', name: 'escalated / AI-involved', color: ESC }]} />
              </div>
              {compared.data?.comparison && (
                <section className="card" aria-label="Against the comparison period">
                  <h2>This range {compareLabel(compare)}</h2>
                  <CoverageNote range={compared.data} comparison={compared.data.comparison} tz={filters.tz} />
                  <QualityCompareTable
                    rows={qualityComparison(compared.data, compared.data.comparison)}
                    current={`${compared.data.from} – ${addDays(compared.data.to, -1)}`}
                    previous={`${compared.data.comparison.from} – ${addDays(compared.data.comparison.to, -1)}`}
                    note={youngTicketsNote(compared.data)}
                  />
                </section>
              )}
              <QueryBoundary query={pairs} isEmpty={(p) => p.segments.length === 0} empty={null}>
                {(p) => <QualityGridTable grid={qualityGrid(p)} />}
              </QueryBoundary>
            </>
          );
        }}
      </QueryBoundary>
    </main>
  );
}
