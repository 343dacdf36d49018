import type { VendorClass, VendorReconciliation } from '../../../server/src/contract';
import { formatCount } from '../lib/format';
import { formatMoneyExact } from '../../../server/src/contract/money-format';

/** The vendor's billed conversations by what became of them in our data; a class opens its rows. Amounts exact, as billed (one column mixed "$5,174" and "$80.19"). */
export function VendorReconciliationTable({ r, currency, selected, onSelect }: { r: VendorReconciliation; currency: string; selected: VendorClass | null; onSelect: (c: VendorClass) => void }) {
  return (
    <table className="table fact-table" aria-label="Vendor reconciliation">
      <thead>
        <tr>
          <th scope="col">Billed conversations</th>
          <th scope="col">Count</th>
          <th scope="col">Billed</th>
        </tr>
      </thead>
      <tbody>
        {r.classes.map((c) => (
          <tr key={c.class} aria-selected={selected === c.class}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onSelect(c.class)} disabled={c.count === 0}>
                {c.label}
              </button>
              {c.failed && c.count > 0 && <span className="verdict verdict-bad">did not hold up</span>}
            </th>
            <td className="num" data-class={c.class}>
              {formatCount(c.count)}
            </td>
            <td className="num">{formatMoneyExact(c.amount, currency)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">All billed</th>
          <td className="num">{formatCount(r.rows)}</td>
          <td className="num">{formatMoneyExact(r.billedAmount, currency)}</td>
        </tr>
      </tbody>
    </table>
  );
}
