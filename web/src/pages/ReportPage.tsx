import { useEffect } from 'react';
import type { Summary } from '../../../server/src/contract';
import { useAlertsQuery } from '../api/useAlertsQuery';
import { useCostModelHistoryQuery } from '../api/useCostModelHistoryQuery';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { useSummaryQuery } from '../api/useSummaryQuery';
import { useTimeseriesQuery } from '../api/useTimeseriesQuery';
import { currentWorkspace } from '../api/workspace-scope';
import { AlertsList } from '../components/AlertsList';
import { QualityCompareTable } from '../components/QualityCompareTable';
import { CoverageNote } from '../components/CoverageNote';
import { QueryBoundary } from '../components/QueryBoundary';
import { RangeControls } from '../components/RangeControls';
import { LowRatedSwitch, SavingsFacts } from '../components/SavingsFacts';
import { TrendChart } from '../components/TrendChart';
import { WaterfallChart } from '../components/WaterfallChart';
import { alertRows, unresolved } from '../lib/alert-rows';
import { addDays, formatInstant } from '../lib/date-range';
import { formatMoney } from '../lib/format';
import { qualityComparison, youngTicketsNote } from '../lib/quality-compare';
import { seriesSpans, trendRows } from '../lib/quality-series';
import { reportCommand, reportTitle } from '../lib/report';
import { noWaterfallReason, savingsWaterfall } from '../lib/savings-waterfall';
import { apiCompare, compareLabel } from '../lib/url-state';
import { useLowRated } from '../state/useLowRated';
import { useUrlState } from '../state/useUrlState';
import { startingCostsNote } from '../lib/what-if';
import { describeFilter } from '../lib/filter-options';

/**
 * The board pack: one printable page for a period (claimed, verified and net with intervals, the
 * audit, quality against the comparison, open alerts, the assumptions). `npm run report` prints
 * it to PDF; data-report on <main> says when everything has loaded (or failed).
 */
export default function ReportPage() {
  const { filters, setFilters, compare } = useUrlState();
  // Verified resolutions rated 1-2 left out on the savings audit stay left out here (the URL carries it).
  const lowRated = useLowRated();
  const summary = useSummaryQuery({ ...filters, compare: apiCompare(compare), ...lowRated.query });
  const stored = useCostModelQuery();
  const history = useCostModelHistoryQuery();
  const alerts = useAlertsQuery({ from: filters.from, to: filters.to, channel: filters.channel, category: filters.category });
  const trend = useTimeseriesQuery({ ...filters, interval: 'week', percentiles: 'false' });
  const currency = stored.data?.currency ?? 'USD';
  const queries = [summary, stored, history, alerts, trend];
  const state = queries.some((q) => q.isError) ? 'error' : queries.every((q) => q.isSuccess && !q.isPlaceholderData) ? 'ready' : 'loading';
  const title = summary.data ? reportTitle(summary.data, currency) : 'Claimcheck board pack';
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => void (document.title = before);
  }, [title]);
  const last = addDays(filters.to, -1);
  const latest = history.data?.[0];
  return (
    <main className="report" data-report={state}>
      <div className="no-print">
        <RangeControls filters={filters} onChange={setFilters} withCompare />
        <p>
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>{' '}
          <span className="muted">
            or from a terminal: <code>{reportCommand(filters, compare, currentWorkspace(), lowRated.excluded)}</code>
          </span>
        </p>
      </div>
      <h1 className="page-title">
        AI in customer support: what it really saves, {filters.from} to {last}
      </h1>
      <p className="muted">
        Local days in {filters.tz}
        {filters.channel ? `; channel ${describeFilter(filters.channel)}` : ''}
        {filters.category ? `; category ${describeFilter(filters.category)}` : ''}
        {summary.data ? `; data as of ${formatInstant(summary.data.asOf, filters.tz)}` : ''}.
      </p>
      <QueryBoundary query={summary} isEmpty={(s) => s.tickets === 0} empty="No tickets in this period.">
        {(s) => {
          const steps = savingsWaterfall(s);
          const why = noWaterfallReason(s);
          return (
            <>
              <CoverageNote range={s} comparison={s.comparison} tz={filters.tz} />
              <h2>Claimed, verified and net</h2>
              <SavingsFacts
                s={s}
                currency={currency}
                comparison={s.comparison ? { label: `${s.comparison.from} – ${addDays(s.comparison.to, -1)}`, summary: { ...s, ...s.comparison } as Summary } : undefined}
              />
              {/* The quality caveat belongs in the pack too: resolutions the customer rated 1-2, counted or left out. */}
              <LowRatedSwitch savings={s.savings} currency={currency} excluded={lowRated.excluded} onChange={lowRated.set} />
              <h2>From the claim to what holds up</h2>
              {steps && !why ? <WaterfallChart steps={steps} currency={currency} /> : <p className="state">No waterfall to draw: {why}.</p>}
              <h2>Quality guardrails {s.comparison ? compareLabel(compare) : ''}</h2>
              {s.comparison && <QualityCompareTable rows={qualityComparison(s, s.comparison)} current={`${s.from} – ${last}`} previous={`${s.comparison.from} – ${addDays(s.comparison.to, -1)}`} note={youngTicketsNote(s)} />}
            </>
          );
        }}
      </QueryBoundary>
      <QueryBoundary query={trend}>{(t) => <TrendChart rows={trendRows(t)} spans={seriesSpans(t)} csv={{ path: '/api/v1/metrics/timeseries', params: { ...filters, interval: 'week' } }} />}</QueryBoundary>
      <QueryBoundary query={alerts} isEmpty={(a) => unresolved(a).length === 0} empty={<p>No quality alert in this period is unresolved.</p>}>
        {(a) => <AlertsList title="Quality alerts not resolved" rows={alertRows(unresolved(a), filters.tz)} />}
      </QueryBoundary>
      <section aria-label="Assumptions">
        <h2>Assumptions</h2>
        {startingCostsNote(stored.data) && (
          <p className="caveat" role="note" aria-label="Starting costs">
            {startingCostsNote(stored.data)}
          </p>
        )}
        {stored.data && (
          <p>
            Human time at {formatMoney(stored.data.humanHourlyCost, currency)} an hour; the AI at {formatMoney(stored.data.aiCostPerConversation, currency)} a conversation and{' '}
            {formatMoney(stored.data.aiCostPerResolution, currency)} a resolution; fixed costs {formatMoney(stored.data.fixedCostPerMonth, currency)} a month;{' '}
            {stored.data.fteHoursPerMonth} productive hours per agent a month. A resolution counts as verified when, 7 days on, it was neither reopened nor followed by
            the customer coming back.
          </p>
        )}
        {latest && (
          <p className="muted">
            Cost model version {latest.version}, last changed {formatInstant(latest.changedAt, filters.tz)} ({filters.tz}) by {latest.changedBy}.
          </p>
        )}
      </section>
    </main>
  );
}
