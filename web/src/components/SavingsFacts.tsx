import type { Savings, Summary } from '../../../server/src/contract';
import { formatCount, formatMoney } from '../lib/format';
import { comparisonColumn, savingsFacts } from '../lib/savings-facts';

/** The headline savings figures with their 95% intervals, as a table (audit page and board pack). */
export function SavingsFacts({ s, currency, comparison }: { s: Summary; currency: string; comparison?: { label: string; summary: Summary } }) {
  const rows = savingsFacts(s, currency);
  const before = comparison ? comparisonColumn(rows, comparison.summary, currency) : null;
  return (
    <figure className="chart">
      <table className="table fact-table" aria-label="Savings figures with 95% intervals">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Value</th>
            <th scope="col">95% interval</th>
            {comparison && <th scope="col">{comparison.label}</th>}
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.value}</td>
              <td className="num">{r.interval}</td>
              {before && <td className="num">{before.get(r.label) ?? ''}</td>}
              <td className="muted">{r.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        Intervals: the durable rate is a draw over the judged AI-involved tickets of each category, each category&apos;s human cost a sample mean of its human tickets
        (docs/METRICS.md). {s.savings.intervals?.approximate ? '≈: priced from a category with fewer than 30 human tickets; the interval may hold nearer 90% than 95%.' : ''}
      </figcaption>
    </figure>
  );
}

/** Verified AI resolutions the customer rated 1-2: counted as savings unless switched off (kept in the URL). */
export function LowRatedSwitch({ savings, currency, excluded, onChange }: { savings: Savings; currency: string; excluded: boolean; onChange: (exclude: boolean) => void }) {
  const low = savings.lowRated;
  // Nothing to caveat (unless they are left out now: the switch must stay to put them back).
  if (!low || (low.verified === 0 && !excluded)) return null;
  return (
    <p className="caveat" role="note">
      <strong>Quality caveat:</strong> {formatCount(low.verified)} verified AI resolution{low.verified === 1 ? ' was' : 's were'} rated 1–2 of 5 by the customer, worth{' '}
      {formatMoney(low.value, currency)} of the verified savings.{' '}
      <label className="no-print">
        <input type="checkbox" checked={excluded} onChange={(e) => onChange(e.target.checked)} /> Leave them out of the savings
      </label>
      {/* On paper a checkbox is no control: what was chosen is said instead. */}
      <span className="print-only">{excluded ? 'They are left out of the savings here.' : 'They are counted in the savings here.'}</span>
    </p>
  );
}
