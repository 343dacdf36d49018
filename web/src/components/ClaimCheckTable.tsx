import { workspaceLink } from '../api/workspace-scope';
import type { ClaimRow } from '../lib/claim-rows';
import { DASH } from '../lib/format';

/** A claim's figures side by side with what the events say; takes shaped rows, never fetches. */
export function ClaimCheckTable({ rows, ticketsHref, navigate }: { rows: ClaimRow[]; ticketsHref: (predicates: Record<string, string>) => string; navigate: (to: string) => void }) {
  return (
    <>
      {/* Scrolls sideways on a phone rather than pushing the verdict off the card. */}
      <div className="table-scroll">
      <table className="table fact-table" aria-label="The claim, figure by figure">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Claimed</th>
            <th scope="col">Recomputed</th>
            <th scope="col">Verified</th>
            <th scope="col">Difference</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const href = ticketsHref(r.tickets);
            return (
              <tr key={i}>
                <th scope="row">
                  {r.label}
                  {r.note && <div className="muted">{r.note}</div>}
                </th>
                <td className="num">{r.claimed}</td>
                <td className="num">{r.recomputed}</td>
                <td className="num">
                  {/* A figure the events cannot speak to has no tickets to open. */}
                  {Object.keys(r.tickets).length === 0 || r.verified === DASH ? (
                    r.verified
                  ) : (
                    <a href={workspaceLink(href)} onClick={(e) => (e.preventDefault(), navigate(href))}>
                      {r.verified}
                    </a>
                  )}
                </td>
                <td className="num">{r.difference}</td>
                <td>
                  <span className={`verdict verdict-${r.tone}`}>{r.verdict}</span>
                  <div className="muted">{r.sentence}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <p className="footnote">
        Recomputed: the claim&apos;s own measure from the events, counted as a vendor counts it (before the 7-day check). Verified: what held up (not reopened, no repeat
        contact within 7 days), with its 95% interval where it has one; a verified figure opens its tickets.
      </p>
    </>
  );
}
