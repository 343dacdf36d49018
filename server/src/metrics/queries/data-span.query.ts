import { EntityManager } from 'typeorm';
import { wsId } from '../../workspaces/workspace-context';

/** When the workspace's tickets begin and end (creation instants; nulls without tickets). */
export interface DataSpan {
  first: Date | null;
  last: Date | null;
}

/**
 * The workspace's first and last ticket creation, whatever the filters: what a period's coverage
 * is measured against (a comparison period before the data starts is not a baseline). Two probes
 * of tickets_created_at_idx (workspace_id, created_at), each a single index entry.
 */
export async function dataSpanQuery(m: EntityManager): Promise<DataSpan> {
  const [row] = await m.query(
    `SELECT (SELECT created_at FROM tickets WHERE workspace_id = $1 AND created_at IS NOT NULL ORDER BY created_at ASC LIMIT 1) AS first,
            (SELECT created_at FROM tickets WHERE workspace_id = $1 AND created_at IS NOT NULL ORDER BY created_at DESC LIMIT 1) AS last`,
    [wsId()],
  );
  return { first: row.first ? new Date(row.first) : null, last: row.last ? new Date(row.last) : null };
}
