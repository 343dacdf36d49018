import { useAlertsQuery } from '../api/useAlertsQuery';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { AlertsList } from '../components/AlertsList';
import { useSummaryQuery } from '../api/useSummaryQuery';
import { useTimeseriesQuery } from '../api/useTimeseriesQuery';
import { TrendChart } from '../components/TrendChart';
import { cardSparklines, seriesSpans, trendRows } from '../lib/quality-series';
import { CoverageNote } from '../components/CoverageNote';
import { KpiCard } from '../components/KpiCard';
import { QueryBoundary } from '../components/QueryBoundary';
import { RangeControls } from '../components/RangeControls';
import { AlertsElsewhere } from '../components/AlertsElsewhere';
import { SavingsChart } from '../components/SavingsChart';
import { LowRatedSwitch } from '../components/SavingsFacts';
import { alertRows, alertsElsewhere, unresolved } from '../lib/alert-rows';
import { drillDownHref, pointHref } from '../lib/drill-down';
import { noBaselineReason, savingsBars, summaryCards } from '../lib/summary-cards';
import { formatInstant } from '../lib/date-range';
import { formatCount } from '../lib/format';
import { apiCompare, compareLabel } from '../lib/url-state';
import { useLowRated } from '../state/useLowRated';
import { useUrlState } from '../state/useUrlState';

export default function OverviewPage() {
  const { filters, setFilters, navigate, compare } = useUrlState();
  // Verified resolutions rated 1-2 left out on the savings audit stay left out here (the URL carries it).
  const lowRated = useLowRated();
  const summary = useSummaryQuery({ ...filters, compare: apiCompare(compare), ...lowRated.query });
  const currency = useCostModelQuery().data?.currency ?? 'USD';
  const alerts = useAlertsQuery({ from: filters.from, to: filters.to, channel: filters.channel, category: filters.category });
  // Filtered, the panel says how many alerts are about other segments, as Quality does (unfiltered this is the same query: one request).
  const everywhere = useAlertsQuery({ from: filters.from, to: filters.to });
  const elsewhere = alerts.data && everywhere.data ? alertsElsewhere(alerts.data, everywhere.data) : 0;
  const trend = useTimeseriesQuery({ ...filters, interval: 'week' });
  return (
    <main>
      <h1 className="page-title">Overview</h1>
      <RangeControls filters={filters} onChange={setFilters} withCompare />
      <QueryBoundary query={alerts} isEmpty={(a) => unresolved(a).length === 0} empty={null}>
        {(a) => <AlertsList title="Quality alerts not resolved in this range" rows={alertRows(unresolved(a), filters.tz).slice(0, 8)} navigate={navigate} />}
      </QueryBoundary>
      <AlertsElsewhere count={elsewhere} onShowAll={() => setFilters({ channel: undefined, category: undefined })} />
      <QueryBoundary query={summary} isEmpty={(s) => s.tickets === 0} empty="No tickets were created in this range. Widen the dates or clear the filters.">
        {(s) => (
          <>
            <CoverageNote range={s} comparison={s.comparison} tz={filters.tz} />
            {lowRated.excluded && <LowRatedSwitch savings={s.savings} currency={currency} excluded onChange={lowRated.set} />}
            <div className="cards">
              {summaryCards(s, currency, compareLabel(compare)).map((c) => (
                <KpiCard key={c.key} card={c} href={drillDownHref(c.key, c.dates ? { ...filters, ...c.dates } : filters)} onOpen={navigate} trend={trend.data ? cardSparklines(trend.data)[c.key] : undefined} />
              ))}
            </div>
            <SavingsChart bars={savingsBars(s)} currency={currency} emptyReason={noBaselineReason(s)} csv={{ path: '/api/v1/metrics/summary', params: { ...filters } }} />
            <QueryBoundary query={trend}>{(t) => <TrendChart rows={trendRows(t)} spans={seriesSpans(t)} csv={{ path: '/api/v1/metrics/timeseries', params: { ...filters, interval: 'week' } }} onPoint={(week) => navigate(pointHref(filters, week, { path: 'ai,escalated' }, 7))} />}</QueryBoundary>
            <p className="footnote">
              Verified means an AI resolution that was not reopened and brought no repeat contact within 7 days; {formatCount(s.pendingAiResolved)} AI
              resolutions are younger than 7 days (as of {formatInstant(s.asOf, filters.tz)}) and not counted yet.
            </p>
          </>
        )}
      </QueryBoundary>
    </main>
  );
}
