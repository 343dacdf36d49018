import { EntityManager } from 'typeorm';
import { DataStatus } from '../contract/api-types';
import { wsId } from '../workspaces/workspace-context';

/**
 * What the database holds: for the settings page and for operators checking an import. One pass
 * over the workspace's tickets; the events as each ticket's replayed count (tickets.event_count,
 * every stored event belongs to one ticket), so as of the projection like every other number (a
 * read waits for it: FreshnessService). Counting ticket_events took 0.9-2.2 s at 5.7M events, this
 * 0.21-0.23 s (docs/SCALING.md).
 */
export async function dataStatusQuery(m: EntityManager): Promise<Omit<DataStatus, 'reportingTimeZone' | 'freshness'>> {
  const [row] = await m.query(
    `SELECT t.events, t.tickets, t.incomplete, t.last_event_at, t.last_received_at,
            (SELECT count(*) FROM rollup_pending WHERE workspace_id = $1)::int AS rollup_days_pending
       FROM (SELECT coalesce(sum(event_count), 0)::int8 AS events,
                    count(*) FILTER (WHERE created_at IS NOT NULL)::int AS tickets,
                    count(*) FILTER (WHERE created_at IS NULL)::int AS incomplete,
                    max(last_event_at) AS last_event_at, max(updated_at) AS last_received_at
               FROM tickets WHERE workspace_id = $1) t`,
    [wsId()],
  );
  return {
    events: Number(row.events),
    tickets: row.tickets,
    incompleteTickets: row.incomplete,
    lastEventAt: row.last_event_at ? new Date(row.last_event_at).toISOString() : null,
    lastReceivedAt: row.last_received_at ? new Date(row.last_received_at).toISOString() : null,
    rollupDaysPending: row.rollup_days_pending,
  };
}
