import type { CompareRow } from '../lib/quality-compare';

/** The guardrail rates of the range beside the comparison's, and a note under them; takes shaped rows, never fetches. */
export function QualityCompareTable({ rows, current, previous, note }: { rows: CompareRow[]; current: string; previous: string; note?: string | null }) {
  return (
    <>
      <table className="table fact-table" aria-label="Quality against the comparison period">
        <thead>
          <tr>
            <th scope="col">Rate</th>
            <th scope="col">{current}</th>
            <th scope="col">{previous}</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.current}</td>
              <td className="num">{r.previous}</td>
              <td className={`num${r.worse ? ' worse' : ''}`}>{r.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="footnote">{note}</p>}
    </>
  );
}
