import { EntityManager } from 'typeorm';
import { DataStatus } from '../contract/api-types';

/** What the database holds: for the settings page and for operators checking an import. */
export async function dataStatusQuery(m: EntityManager): Promise<Omit<DataStatus, 'reportingTimeZone' | 'freshness'>> {
  const [row] = await m.query(
    `SELECT (SELECT count(*) FROM ticket_events)::int                        AS events,
            (SELECT count(*) FROM tickets WHERE created_at IS NOT NULL)::int AS tickets,
            (SELECT count(*) FROM tickets WHERE created_at IS NULL)::int     AS incomplete,
            (SELECT max(last_event_at) FROM tickets)                         AS last_event_at,
            (SELECT max(updated_at) FROM tickets)                            AS last_received_at,
            (SELECT count(*) FROM rollup_pending)::int                       AS rollup_days_pending`,
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
