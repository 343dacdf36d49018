import { workspaceLink } from '../api/workspace-scope';
import type { ChangeRowView } from '../lib/alert-rows';
import { Sparkline } from './Sparkline';

interface Props {
  rows: ChangeRowView[];
  /** "Nov 21 – Nov 28 against Oct 1 – Oct 29" */
  period: string;
  navigate: (to: string) => void;
}

/** Every watched series, worst first; takes shaped rows, never fetches. */
export function WhatChanged({ rows, period, navigate }: Props) {
  return (
    <section className="card what-changed" aria-label="What changed">
      <h2>What changed</h2>
      <p className="muted">
        {period}. Worst first. Worse: as an alert judges it (chance very unlikely, and large enough to matter); watch: unusual, not yet
        certain; minor: certain but under the floor of what matters; not certain: unlikely by chance, but short of watch; within chance: a
        change this size happens by chance at these counts (a doubling of a small rate can be), so nothing can be said yet.
      </p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col">Before → now</th>
              <th scope="col">n</th>
              <th scope="col">Change</th>
              <th scope="col">Chance</th>
              <th scope="col">Daily</th>
              <th scope="col">Tickets</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key} data-verdict={r.verdict}>
                <th scope="row">
                  <span className={`verdict verdict-${r.verdict.replace(' ', '-')}`}>{r.label}</span> {r.name}
                  {r.note && <div className="muted small">{r.note}</div>}
                </th>
                <td>{r.values}</td>
                <td>{r.counts}</td>
                <td>{r.change}</td>
                <td>{r.chance}</td>
                <td>
                  <Sparkline values={r.sparkline} label={`${r.name}, daily`} />
                </td>
                <td>
                  <a href={workspaceLink(r.ticketsHref)} onClick={(e) => (e.preventDefault(), navigate(r.ticketsHref))}>
                    Open
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
