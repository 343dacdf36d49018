// A claim's vendor rows joined to the tickets, each in one class (docs/CLAIMS.md): unknown id,
// escalated to a human, not AI-resolved, reopened, came back within 7 days, still maturing, durable.
// Read at asOf, so a later reopen or repeat contact moves a row.
import { EntityManager } from 'typeorm';
import type { VendorClass, VendorItem } from '../../contract';
import { wsId } from '../../workspaces/workspace-context';

/** The class of row b (claim_vendor_rows) and its ticket t (tickets, left-joined), at $asOf. */
const classOf = (asOf: string) => `CASE
    WHEN t.id IS NULL THEN 'unknown_id'
    WHEN t.path = 'escalated' THEN 'escalated'
    WHEN t.path <> 'ai' OR NOT t.resolved THEN 'not_ai_resolved'
    WHEN t.reopened THEN 'reopened'
    WHEN t.repeat_contact THEN 'came_back'
    WHEN t.resolved_at + interval '604800 seconds' > ${asOf} THEN 'maturing'
    ELSE 'durable' END`;

export interface VendorClassSums {
  class: VendorClass;
  n: number;
  amount: number;
}

export async function vendorClassSums(m: EntityManager, claimId: string, asOf: Date): Promise<{ classes: VendorClassSums[]; uploadedAt: string | null; uploadedBy: string | null }> {
  const classes: VendorClassSums[] = await m.query(
    `SELECT ${classOf('$2::timestamptz')} AS class, count(*)::int AS n, coalesce(sum(b.billed_amount), 0)::float8 AS amount
       FROM claim_vendor_rows b LEFT JOIN tickets t ON t.workspace_id = b.workspace_id AND t.id = b.ticket_id
      WHERE b.workspace_id = $3 AND b.claim_id = $1
      GROUP BY 1`,
    [claimId, asOf, wsId()],
  );
  const last = await m.query(`SELECT uploaded_at, uploaded_by FROM claim_vendor_rows WHERE workspace_id = $2 AND claim_id = $1 ORDER BY uploaded_at DESC LIMIT 1`, [claimId, wsId()]);
  return { classes, uploadedAt: last[0] ? new Date(last[0].uploaded_at).toISOString() : null, uploadedBy: last[0]?.uploaded_by ?? null };
}

/** One page of rows (of one class, or all), by conversation id after `after`. */
export async function vendorItems(m: EntityManager, claimId: string, asOf: Date, cls: VendorClass | undefined, limit: number, after: string | null): Promise<{ items: VendorItem[]; total: number }> {
  // $1 claim, $2 asOf, $3 class (or NULL: every class), $4 workspace.
  const where = `b.workspace_id = $4 AND b.claim_id = $1 AND ($3::text IS NULL OR ${classOf('$2::timestamptz')} = $3)`;
  const from = `claim_vendor_rows b LEFT JOIN tickets t ON t.workspace_id = b.workspace_id AND t.id = b.ticket_id`;
  const params = [claimId, asOf, cls ?? null, wsId()];
  const total = (await m.query(`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`, params))[0].n;
  const items = await m.query(
    `SELECT b.conversation_id AS "conversationId", b.occurred_on::text AS date, b.resolution_type AS "resolutionType", b.billed_amount AS "billedAmount",
            ${classOf('$2::timestamptz')} AS class, t.id AS "ticketId"
       FROM ${from}
      WHERE ${where} AND ($5::text IS NULL OR b.conversation_id > $5)
      ORDER BY b.conversation_id LIMIT $6`,
    [...params, after, limit],
  );
  return { items, total };
}
