// SQL of the workspaces table (a reference table: small, read on every request through a cache).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface WorkspaceRow {
  id: number;
  slug: string;
  name: string;
  time_zone: string | null;
  alert_floors: { ratePoints: number; handlePercent: number; handleSeconds: number } | null;
  alert_webhook_url: string | null;
  created_at: Date;
}

@Injectable()
export class WorkspacesRepository {
  async all(m: EntityManager): Promise<WorkspaceRow[]> {
    return m.query(`SELECT id, slug, name, time_zone, alert_floors, alert_webhook_url, created_at FROM workspaces ORDER BY id`);
  }

  /** Null when the slug is taken. */
  async insert(m: EntityManager, w: { slug: string; name: string; timeZone: string | null; alertFloors: unknown; alertWebhookUrl: string | null }): Promise<WorkspaceRow | null> {
    const rows = await m.query(
      `INSERT INTO workspaces (slug, name, time_zone, alert_floors, alert_webhook_url) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (slug) DO NOTHING RETURNING id, slug, name, time_zone, alert_floors, alert_webhook_url, created_at`,
      [w.slug, w.name, w.timeZone, w.alertFloors === null || w.alertFloors === undefined ? null : JSON.stringify(w.alertFloors), w.alertWebhookUrl],
    );
    return rows[0] ?? null;
  }

  async update(m: EntityManager, id: number, set: { name?: string; timeZone?: string | null; alertFloors?: unknown; alertWebhookUrl?: string | null }): Promise<void> {
    await m.query(
      `UPDATE workspaces SET
         name = CASE WHEN $2 THEN $3 ELSE name END,
         time_zone = CASE WHEN $4 THEN $5 ELSE time_zone END,
         alert_floors = CASE WHEN $6 THEN $7::jsonb ELSE alert_floors END,
         alert_webhook_url = CASE WHEN $8 THEN $9 ELSE alert_webhook_url END
       WHERE id = $1`,
      [
        id,
        set.name !== undefined, set.name ?? null,
        set.timeZone !== undefined, set.timeZone ?? null,
        set.alertFloors !== undefined, set.alertFloors === null || set.alertFloors === undefined ? null : JSON.stringify(set.alertFloors),
        set.alertWebhookUrl !== undefined, set.alertWebhookUrl ?? null,
      ],
    );
  }

  /** The first cost model of a new workspace: the contract's defaults, in its currency. */
  async insertCostModel(m: EntityManager, workspaceId: number, currency: string, by: string): Promise<void> {
    await m.query(
      `INSERT INTO cost_model_versions (workspace_id, version, human_hourly_cost, ai_cost_per_conversation, ai_cost_per_resolution, fte_hours_per_month, currency, changed_by)
       VALUES ($1, 1, 32, 0.45, 0, 120, $2, $3)`,
      [workspaceId, currency, by],
    );
  }

  /** Whether each workspace has a ticket (one index probe each). */
  async withData(m: EntityManager): Promise<Set<number>> {
    const rows: { id: number }[] = await m.query(`SELECT w.id FROM workspaces w WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.workspace_id = w.id)`);
    return new Set(rows.map((r) => r.id));
  }

  /** The current currency of each workspace's cost model. */
  async currencies(m: EntityManager): Promise<Map<number, string>> {
    const rows: { workspace_id: number; currency: string }[] = await m.query(
      `SELECT DISTINCT ON (workspace_id) workspace_id, currency FROM cost_model_versions ORDER BY workspace_id, version DESC`,
    );
    return new Map(rows.map((r) => [r.workspace_id, r.currency]));
  }
}
