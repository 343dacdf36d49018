import { EntityManager } from 'typeorm';
import { DataStatus } from '../contract/api-types';
import { wsId } from '../workspaces/workspace-context';

/** What the database holds: for the settings page and for operators checking an import. */
export async function dataStatusQuery(m: EntityManager): Promise<Omit<DataStatus, 'reportingTimeZone' | 'freshness'>> {
  const [row] = await m.query(
    `SELECT (SELECT count(*) FROM ticket_events WHERE workspace_id = $1)::int                        AS events,
            (SELECT count(*) FROM tickets WHERE workspace_id = $1 AND created_at IS NOT NULL)::int AS tickets,
            (SELECT count(*) FROM tickets WHERE workspace_id = $1 AND created_at IS NULL)::int     AS incomplete,
            (SELECT max(last_event_at) FROM tickets WHERE workspace_id = $1)                         AS last_event_at,
            (SELECT max(updated_at) FROM tickets WHERE workspace_id = $1)                            AS last_received_at,
            (SELECT count(*) FROM rollup_pending WHERE workspace_id = $1)::int                       AS rollup_days_pending`,
    [wsId()],
  );
  return {
    events: row.events,
    tickets: row.tickets,
    incompleteTickets: row.incomplete,
    lastEventAt: row.last_event_at ? new Date(row.last_event_at).toISOString() : null,
    lastReceivedAt: row.last_received_at ? new Date(row.last_received_at).toISOString() : null,
    rollupDaysPending: row.rollup_days_pending,
  };
}
