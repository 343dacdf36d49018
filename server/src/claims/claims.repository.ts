// Claims, their versions and their vendor rows (migrations/1766300000000-claims.ts).
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Claim, ClaimInput, ClaimVersion, VendorClass } from '../contract';
import { returnedRows } from '../database/returning';
import type { VendorRow } from './vendor-export';
import { vendorClassSums, vendorItems } from './queries/vendor-classes.query';
import { wsId } from '../workspaces/workspace-context';

interface ClaimRow {
  id: string;
  body: ClaimInput;
  version: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

const toClaim = (r: ClaimRow): Claim => ({
  id: r.id,
  ...r.body,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

@Injectable()
export class ClaimsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The channels and categories the workspace's tickets have had (its measure keys). */
  async scopeValues(): Promise<{ channels: string[]; categories: string[] }> {
    const rows: { channels: string[] | null; categories: string[] | null }[] = await this.ds.query(
      `SELECT array_agg(DISTINCT channel ORDER BY channel) AS channels, array_agg(DISTINCT category ORDER BY category) AS categories FROM measure_keys WHERE workspace_id = $1`,
      [wsId()],
    );
    return { channels: (rows[0]?.channels ?? []).filter((x) => x !== null), categories: (rows[0]?.categories ?? []).filter((x) => x !== null) };
  }

  async list(): Promise<Claim[]> {
    return (await this.ds.query(`SELECT * FROM claims WHERE workspace_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id`, [wsId()])).map(toClaim);
  }

  async get(id: string): Promise<Claim | null> {
    const rows = await this.ds.query(`SELECT * FROM claims WHERE workspace_id = $2 AND id = $1 AND deleted_at IS NULL`, [id, wsId()]);
    return rows[0] ? toClaim(rows[0]) : null;
  }

  async create(body: ClaimInput, by: string): Promise<Claim> {
    return this.ds.transaction(async (m) => {
      const id = randomUUID();
      const rows = returnedRows<ClaimRow>(await m.query(`INSERT INTO claims (workspace_id, id, body, version, created_by, updated_by) VALUES ($4, $1, $2, 1, $3, $3) RETURNING *`, [id, body, by, wsId()]));
      await m.query(`INSERT INTO claim_versions (workspace_id, claim_id, version, body, changed_by) VALUES ($4, $1, 1, $2, $3)`, [id, body, by, wsId()]);
      return toClaim(rows[0]);
    });
  }

  /** A new version (or a delete, kept as a version); null when the claim does not exist. */
  async update(id: string, body: ClaimInput, by: string, deleted = false): Promise<Claim | null> {
    return this.ds.transaction(async (m) => {
      const rows = returnedRows<ClaimRow>(
        await m.query(
          `UPDATE claims SET body = $2, version = version + 1, updated_at = now(), updated_by = $3, deleted_at = CASE WHEN $4 THEN now() END
            WHERE workspace_id = $5 AND id = $1 AND deleted_at IS NULL RETURNING *`,
          [id, body, by, deleted, wsId()],
        ),
      );
      if (!rows[0]) return null;
      await m.query(`INSERT INTO claim_versions (workspace_id, claim_id, version, body, deleted, changed_by) VALUES ($6, $1, $2, $3, $4, $5)`, [id, rows[0].version, body, deleted, by, wsId()]);
      return toClaim(rows[0]);
    });
  }

  async versions(id: string): Promise<ClaimVersion[]> {
    const rows = await this.ds.query(`SELECT version, body, deleted, changed_at, changed_by FROM claim_versions WHERE workspace_id = $2 AND claim_id = $1 ORDER BY version DESC`, [id, wsId()]);
    return rows.map((r: { version: number; body: ClaimInput; deleted: boolean; changed_at: Date; changed_by: string }) => ({
      version: r.version,
      changedAt: new Date(r.changed_at).toISOString(),
      changedBy: r.changed_by,
      deleted: r.deleted,
      claim: r.body,
    }));
  }

  /**
   * Inserts the rows not there yet (by conversation id), all or none. A row there already whose
   * ticket our data does not have is matched again when this upload's id (another ticket prefix:
   * imported tickets are `<source>:<id>`) names one that exists; a match is never undone. Returns
   * how many rows were new and how many were matched again.
   */
  async addVendorRows(claimId: string, rows: readonly VendorRow[], by: string, ticketPrefix: string): Promise<{ added: number; rematched: number }> {
    return this.ds.transaction(async (m) => {
      let added = 0;
      let rematched = 0;
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        const r = await m.query(
          `INSERT INTO claim_vendor_rows (workspace_id, claim_id, conversation_id, ticket_id, occurred_on, resolution_type, billed_amount, uploaded_by)
           SELECT $8, $1, x.id, $7 || x.id, x.d, x.t, x.a, $6 FROM unnest($2::text[], $3::date[], $4::text[], $5::float8[]) AS x(id, d, t, a)
           ON CONFLICT (workspace_id, claim_id, conversation_id) DO UPDATE SET ticket_id = EXCLUDED.ticket_id
           WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.workspace_id = claim_vendor_rows.workspace_id AND t.id = claim_vendor_rows.ticket_id)
             AND EXISTS (SELECT 1 FROM tickets t WHERE t.workspace_id = EXCLUDED.workspace_id AND t.id = EXCLUDED.ticket_id)
           RETURNING (xmax = 0) AS inserted`,
          [claimId, chunk.map((x) => x.conversationId), chunk.map((x) => x.date), chunk.map((x) => x.resolutionType), chunk.map((x) => x.billedAmount), by, ticketPrefix, wsId()],
        );
        const returned = returnedRows<{ inserted: boolean }>(r);
        added += returned.filter((x) => x.inserted).length;
        rematched += returned.filter((x) => !x.inserted).length;
      }
      return { added, rematched };
    });
  }

  vendorClasses(claimId: string, asOf: Date) {
    return vendorClassSums(this.ds.manager, claimId, asOf);
  }

  vendorItems(claimId: string, asOf: Date, cls: VendorClass | undefined, limit: number, after: string | null) {
    return vendorItems(this.ds.manager, claimId, asOf, cls, limit, after);
  }
}
