import type { AlertRowView } from '../lib/alert-rows';

/** Open quality alerts; takes shaped rows, never fetches. */
export function AlertsList({ rows, navigate }: { rows: AlertRowView[]; navigate?: (to: string) => void }) {
  return (
    <section className="card alerts" aria-label="Open quality alerts">
      <h2>Open quality alerts</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <span className="muted">{r.when}</span> <strong>{r.where}</strong>: {r.summary} <span className="muted">({r.effect})</span>{' '}
            {navigate && (
              <a href={r.ticketsHref} onClick={(e) => (e.preventDefault(), navigate(r.ticketsHref))}>
                the tickets
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
