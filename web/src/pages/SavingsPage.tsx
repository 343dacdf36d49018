import { useState } from 'react';
import type { CostModel, CostModelChange, Summary } from '../../../server/src/contract';
import { formatFte } from '../lib/summary-cards';
import { useCostModelHistoryQuery, useSaveCostModel } from '../api/useCostModelHistoryQuery';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { useMeQuery } from '../api/useMeQuery';
import { useSummaryQuery } from '../api/useSummaryQuery';
import { CoverageNote } from '../components/CoverageNote';
import { QueryBoundary } from '../components/QueryBoundary';
import { RangeControls } from '../components/RangeControls';
import { LowRatedSwitch, SavingsFacts } from '../components/SavingsFacts';
import { WaterfallChart } from '../components/WaterfallChart';
import { formatCount, formatMoney, formatNumber } from '../lib/format';
import { mostlyMaturing } from '../lib/maturity';
import { STEP_TICKETS, noWaterfallReason, savingsWaterfall } from '../lib/savings-waterfall';
import { addDays, filtersToSearch, formatInstant } from '../lib/date-range';
import { apiCompare } from '../lib/url-state';
import { withParams } from '../lib/url-state';
import { WhatIfField, describeCostChange, startingCostsNote, whatIfFields, whatIfParams } from '../lib/what-if';
import { useLowRated } from '../state/useLowRated';
import { useUrlState } from '../state/useUrlState';


/** The what-if values live in the URL (shareable); only an admin can save them as the cost model. */
export default function SavingsPage() {
  const { filters, setFilters, navigate, params, setParams, compare } = useUrlState();
  const stored = useCostModelQuery();
  const currency = stored.data?.currency ?? 'USD';
  const fields = whatIfFields(params, stored.data, currency);
  const setWhatIf = (k: keyof CostModel, v: string) => setParams({ [k]: v }, { replace: true });
  const valid = whatIfParams(fields);
  const lowRated = useLowRated();
  const summary = useSummaryQuery({ ...filters, ...valid, compare: apiCompare(compare), ...lowRated.query });
  const history = useCostModelHistoryQuery();
  const save = useSaveCostModel();
  const isAdmin = useMeQuery(true).data?.role === 'admin';
  const changed = fields.filter((f) => f.changed);
  return (
    <main>
      <h1 className="page-title">Savings audit</h1>
      <RangeControls filters={filters} onChange={setFilters} withCompare />
      {changed.length > 0 && (
        <p className="whatif-banner" role="status">
          <strong>What-if, not saved:</strong> these numbers use {changed.map((f) => `${f.label} ${f.value} ${f.unit} (saved: ${f.saved})`).join('; ')}.{' '}
          <button type="button" onClick={() => setParams(Object.fromEntries(fields.map((f) => [f.key, undefined])), { replace: true })}>
            Back to the saved costs
          </button>
        </p>
      )}
      <QueryBoundary query={summary} isEmpty={(s) => s.tickets === 0} empty="No tickets in this range.">
        {(s) => {
          const steps = savingsWaterfall(s);
          const why = noWaterfallReason(s);
          return (
            <>
              <CoverageNote range={s} comparison={s.comparison} tz={filters.tz} />
              {steps && !why ? <WaterfallChart
                  steps={steps}
                  currency={currency}
                  csv={{ path: '/api/v1/metrics/summary', params: { ...filters, ...valid, ...lowRated.query } }}
                  onStep={(name) => navigate(`/tickets${withParams(filtersToSearch(filters), STEP_TICKETS[name])}`)}
                /> : <p className="state">No waterfall to draw: {why}.</p>}
              <LowRatedSwitch savings={s.savings} currency={currency} excluded={lowRated.excluded} onChange={lowRated.set} />
              <SavingsFacts
                s={s}
                currency={currency}
                comparison={s.comparison ? { label: `${s.comparison.from} – ${addDays(s.comparison.to, -1)}`, summary: { ...s, ...s.comparison } as Summary } : undefined}
              />
              {mostlyMaturing(s) ? (
                <p>
                  <strong>Not judged yet</strong>: {formatCount(s.pendingAiResolved)} of the {formatCount(s.aiResolved)} AI resolutions in this range are younger than 7 days. The
                  verified figures wait until most of them are judged; a longer range or an earlier one shows them.
                </p>
              ) : s.savings.fteEquivalent === null ? null : (
                <p>
                  <strong>FTE equivalent {formatFte(s.savings.fteEquivalent)}</strong>: the {formatNumber(s.savings.humanHoursAvoided, 0)} hours of human handle time the
                  durable AI resolutions avoided, divided by what one agent works in this period ({s.costModel.fteHoursPerMonth} productive hours a month, after breaks,
                  training and idle time). Verified savings {formatMoney(s.savings.verifiedSavings, currency)} against {formatMoney(s.savings.claimedSavings, currency)} claimed.
                </p>
              )}
            </>
          );
        }}
      </QueryBoundary>
      <section className="card" aria-label="Cost assumptions">
        <h2>Cost assumptions (what-if)</h2>
        {startingCostsNote(stored.data) && (
          <p className="caveat" role="note" aria-label="Starting costs">
            {startingCostsNote(stored.data)}
          </p>
        )}
        <form className="controls" onSubmit={(e) => e.preventDefault()}>
          {fields.map((f) => (
            <label key={f.key}>
              {f.label} <span className="muted">({f.unit})</span>
              <WhatIfInput field={f} onChange={(v) => setWhatIf(f.key, v)} />
              {f.error && (
                <span id={`err-${f.key}`} className="field-error" role="alert">
                  {f.error}
                </span>
              )}
            </label>
          ))}
          {isAdmin && (
            <button
              type="button"
              disabled={Object.keys(valid).length === 0 || save.isPending}
              // Saved, the values are the cost model: they leave the address, which would otherwise keep them as a what-if for good.
              onClick={() =>
                save.mutate(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, Number(v)])) as CostModelChange, {
                  onSuccess: () => setParams(Object.fromEntries(fields.map((f) => [f.key, undefined])), { replace: true }),
                })
              }
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
                  v{v.version}, {formatInstant(v.changedAt, filters.tz)} ({filters.tz}) by {v.changedBy}:{' '}
                  {Object.keys(v.changes).length === 0 ? 'initial values' : Object.entries(v.changes).map(([k, c]) => describeCostChange(k, c, currency)).join('; ')}
                </li>
              ))}
            </ul>
          )}
        </QueryBoundary>
      </section>
    </main>
  );
}

/**
 * A what-if box shows what is typed while it has focus, an empty box included: emptied, the URL
 * drops the what-if and the box used to refill at once with the saved value, so "45" typed after
 * select-all and Backspace became "3245". Left empty, it shows the saved value again on blur.
 */
function WhatIfInput({ field, onChange }: { field: WhatIfField; onChange: (value: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      inputMode="decimal"
      value={draft ?? field.value}
      aria-invalid={field.error !== null}
      aria-describedby={field.error ? `err-${field.key}` : undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(e.target.value);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
