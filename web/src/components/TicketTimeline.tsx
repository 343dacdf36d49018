import { useTicketQuery } from '../api/useTicketsQuery';
import { formatInstant } from '../lib/date-range';
import { QueryBoundary } from './QueryBoundary';

/** One ticket's events in replay order, their times in the view's zone. */
export function TicketTimeline({ id, tz }: { id: string; tz: string }) {
  const q = useTicketQuery(id);
  return (
    <QueryBoundary query={q}>
      {(d) => (
        <ol className="timeline" aria-label={`Timeline of ${id}`}>
          {d.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.effectiveAt}>{formatInstant(e.effectiveAt, tz, true)}</time> <strong>{e.type}</strong>{' '}
              <span className="muted">{Object.entries(e.fields).map(([k, v]) => `${k}: ${String(v)}`).join(', ')}</span>
            </li>
          ))}
          {d.repeatContacts.length > 0 && <li className="muted">Came back within 7 days: {d.repeatContacts.map((r) => r.id).join(', ')}</li>}
        </ol>
      )}
    </QueryBoundary>
  );
}
