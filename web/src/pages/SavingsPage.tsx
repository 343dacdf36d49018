import { useState } from 'react';
import type { CostModel } from '../../../server/src/contract/api-types';
import { useCostModelHistoryQuery, useSaveCostModel } from '../api/useCostModelHistoryQuery';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { useMeQuery } from '../api/useMeQuery';
import { useSummaryQuery } from '../api/useSummaryQuery';
import { useTicketsQuery } from '../api/useTicketsQuery';
import { QueryBoundary } from '../components/QueryBoundary';
import { RangeControls } from '../components/RangeControls';
import { WaterfallChart } from '../components/WaterfallChart';
import { formatMoney, formatNumber } from '../lib/format';
import { STEP_TICKETS, savingsWaterfall } from '../lib/savings-waterfall';
import { useUrlFilters } from '../state/useUrlFilters';

const FIELDS: { key: keyof CostModel; label: string }[] = [
  { key: 'humanHourlyCost', label: 'Human cost per hour' },
  { key: 'aiCostPerConversation', label: 'AI cost per conversation' },
  { key: 'aiCostPerResolution', label: 'AI cost per resolution' },
  { key: 'fteHoursPerMonth', label: 'Productive hours per FTE per month' },
];

/** The what-if values live in the URL (shareable); only an admin can save them as the cost model. */
function useWhatIf(): [Partial<Record<keyof CostModel, string>>, (k: keyof CostModel, v: string) => void] {
  const read = () => Object.fromEntries(FIELDS.map((f) => [f.key, new URLSearchParams(window.location.search).get(f.key) ?? undefined]).filter(([, v]) => v)) as Partial<Record<keyof CostModel, string>>;
  const [values, setValues] = useState(read);
  const set = (k: keyof CostModel, v: string) => {
    const q = new URLSearchParams(window.location.search);
    if (v === '') q.delete(k);
    else q.set(k, v);
    window.history.replaceState(null, '', `${window.location.pathname}?${q.toString()}`);
    setValues(read());
  };
  return [values, set];
}

export default function SavingsPage({ navigate }: { navigate: (to: string) => void }) {
  const [filters, setFilters] = useUrlFilters();
  const [whatIf, setWhatIf] = useWhatIf();
  const valid = Object.fromEntries(Object.entries(whatIf).filter(([, v]) => /^\d+(\.\d+)?$/.test(v ?? '')));
  const summary = useSummaryQuery({ ...filters, ...valid });
  const base = { ...filters, path: 'ai', resolved: 'true', pending: 'false', limit: '1' };
  const reopened = useTicketsQuery({ ...base, reopened: 'true' });
  const repeatOnly = useTicketsQuery({ ...base, reopened: 'false', repeatContact: 'true' });
  const stored = useCostModelQuery();
  const history = useCostModelHistoryQuery();
  const save = useSaveCostModel();
  const isAdmin = useMeQuery(true).data?.role === 'admin';
  const currency = stored.data?.currency ?? 'USD';
  return (
    <main>
      <h1 className="page-title">Savings audit</h1>
      <RangeControls filters={filters} onChange={setFilters} />
      <QueryBoundary query={summary} isEmpty={(s) => s.tickets === 0} empty="No tickets in this range.">
        {(s) => {
          const steps = reopened.data && repeatOnly.data ? savingsWaterfall(s, { reopened: reopened.data.total, repeatOnly: repeatOnly.data.total }) : null;
          return (
            <>
              {steps ? <WaterfallChart
                  steps={steps}
                  currency={currency}
                  csv={{ path: '/api/v1/metrics/summary', params: { ...filters, ...valid } }}
                  onStep={(name) => navigate(`/tickets?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(window.location.search)), ...STEP_TICKETS[name] }).toString()}`)}
                /> : <p className="state">No human-resolved ticket in this range: there is no cost to price the AI against.</p>}
              <p>
                <strong>FTE equivalent {formatNumber(s.savings.fteEquivalent, 1)}</strong>: the {formatNumber(s.savings.humanHoursAvoided, 0)} hours of human handle time the
                durable AI resolutions avoided, divided by what one agent works in this period ({s.costModel.fteHoursPerMonth} productive hours a month, after breaks,
                training and idle time). Verified savings {formatMoney(s.savings.verifiedSavings, currency)} against {formatMoney(s.savings.claimedSavings, currency)} claimed.
              </p>
            </>
          );
        }}
      </QueryBoundary>
      <section className="card" aria-label="Cost assumptions">
        <h2>Cost assumptions (what-if)</h2>
        <form className="controls" onSubmit={(e) => e.preventDefault()}>
          {FIELDS.map((f) => (
            <label key={f.key}>
              {f.label}
              <input inputMode="decimal" value={whatIf[f.key] ?? ''} placeholder={stored.data ? String(stored.data[f.key]) : ''} onChange={(e) => setWhatIf(f.key, e.target.value)} />
            </label>
          ))}
          {isAdmin && (
            <button
              type="button"
              disabled={Object.keys(valid).length === 0 || save.isPending}
              onClick={() => save.mutate(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, Number(v)])) as Partial<CostModel>)}
            >
              Save as the cost model
            </button>
          )}
        </form>
        {save.isError && <p role="alert" className="state-error">{save.error.message}</p>}
        <h2>Changes</h2>
        <QueryBoundary query={history}>
          {(h) => (
            <ul>
              {h.map((v) => (
                <li key={v.version}>
                  v{v.version}, {new Date(v.changedAt).toLocaleString()} by {v.changedBy}:{' '}
                  {Object.keys(v.changes).length === 0 ? 'initial values' : Object.entries(v.changes).map(([k, c]) => `${k} ${c.old} → ${c.new}`).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </QueryBoundary>
      </section>
    </main>
  );
}
