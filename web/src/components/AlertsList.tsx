import type { AlertAction } from '../api/useAlertsQuery';
import { workspaceLink } from '../api/workspace-scope';
import type { AlertRowView } from '../lib/alert-rows';

interface Props {
  rows: AlertRowView[];
  /** Opens a dashboard path (the tickets behind an alert). */
  navigate?: (to: string) => void;
  /** Acknowledge, snooze or resolve; absent: the list is read-only. */
  onAction?: (id: string, action: AlertAction) => void;
  /** The alert an action is being sent for (its buttons wait). */
  busyId?: string | null;
  title?: string;
}

/** Quality alerts in plain sentences, with who acted on them; takes shaped rows, never fetches. */
export function AlertsList({ rows, navigate, onAction, busyId, title = 'Quality alerts in this range' }: Props) {
  return (
    <section className="card alerts" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.id} data-alert-id={r.id} data-state={r.state}>
            <p>
              <strong>{r.sentence}</strong>
            </p>
            <p className="muted">
              {r.when}
              {r.who ? ` · ${r.who}` : ''}
              {r.alsoSeenIn ? ` · ${r.alsoSeenIn}` : ''}
            </p>
            <p className="alert-actions">
              {navigate && (
                <a href={workspaceLink(r.ticketsHref)} onClick={(e) => (e.preventDefault(), navigate(r.ticketsHref))}>
                  {r.ticketsLabel}
                </a>
              )}
              {onAction && r.state !== 'resolved' && (
                <>
                  {r.state !== 'acknowledged' && (
                    <button type="button" disabled={busyId === r.id} onClick={() => onAction(r.id, 'acknowledge')}>
                      Acknowledge
                    </button>
                  )}
                  {r.state !== 'snoozed' && (
                    <button type="button" disabled={busyId === r.id} onClick={() => onAction(r.id, 'snooze')}>
                      Snooze 1 day
                    </button>
                  )}
                  <button type="button" disabled={busyId === r.id} onClick={() => onAction(r.id, 'resolve')}>
                    Resolve
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
