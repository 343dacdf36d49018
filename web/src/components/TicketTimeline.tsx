import { useTicketQuery } from '../api/useTicketsQuery';
import { QueryBoundary } from './QueryBoundary';

/** One ticket's events in replay order. */
export function TicketTimeline({ id }: { id: string }) {
  const q = useTicketQuery(id);
  return (
    <QueryBoundary query={q}>
      {(d) => (
        <ol className="timeline" aria-label={`Timeline of ${id}`}>
          {d.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.effectiveAt}>{new Date(e.effectiveAt).toLocaleString()}</time> <strong>{e.type}</strong>{' '}
              <span className="muted">{Object.entries(e.fields).map(([k, v]) => `${k}: ${String(v)}`).join(', ')}</span>
            </li>
          ))}
          {d.repeatContacts.length > 0 && <li className="muted">Came back within 7 days: {d.repeatContacts.map((r) => r.id).join(', ')}</li>}
        </ol>
      )}
    </QueryBoundary>
  );
}
