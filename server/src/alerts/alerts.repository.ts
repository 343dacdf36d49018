// The alerts table: one row per excursion of a series (series key + first day), with who
// acknowledged, snoozed or resolved it. A snooze that has ended reads as open.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertDetails, AlertRow, AlertState } from '../contract';
import { wsId } from '../workspaces/workspace-context';
import { seriesKeysOfAlert } from './alert-series';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const STATE = `CASE WHEN state = 'snoozed' AND snoozed_until <= now() THEN 'open' ELSE state END`;
const COLUMNS = `id, ${STATE} AS state, metric, path, segment, rule, started_on::text AS started_on, detected_on::text AS detected_on, details,
  created_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, snoozed_until, snoozed_by, notified_at`;

function toRow(r: Record<string, any>): AlertRow {
  return {
    id: r.id, state: r.state, metric: r.metric, path: r.path, segment: r.segment, rule: r.rule,
    startedOn: r.started_on, detectedOn: r.detected_on, details: r.details, createdAt: iso(r.created_at)!,
    acknowledgedAt: iso(r.acknowledged_at), acknowledgedBy: r.acknowledged_by, resolvedAt: iso(r.resolved_at), resolvedBy: r.resolved_by,
    snoozedUntil: r.state === 'snoozed' ? iso(r.snoozed_until) : null, snoozedBy: r.state === 'snoozed' ? r.snoozed_by : null,
    notifiedAt: iso(r.notified_at),
  };
}

export interface AlertFilter {
  state?: AlertState;
  /** Alerts whose days meet [from, to): [startedOn, detectedOn], or from startedOn on while not resolved. */
  from?: string;
  to?: string;
  /** Alerts about all tickets or about one of these channels / categories; others are about other tickets. */
  channels?: string[];
  categories?: string[];
}

@Injectable()
export class AlertsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Stores an excursion once; later evaluations refresh what it says. The same excursion judged
   * again on later data may start a day or two apart (late CSAT answers, repeat contacts that
   * matured): an alert of the series whose days meet it is the same alert (a resolved one stays
   * resolved: the detector's cooldown and recovery rule keep a new excursion from touching it).
   */
  async upsert(a: AlertDetails): Promise<{ id: string; inserted: boolean }> {
    const key = `${a.metric}|${a.path}|${a.segment}`;
    const [same] = await this.ds.query(
      `SELECT id FROM alerts WHERE workspace_id = $5 AND series_key = $1 AND rule = $4 AND started_on <> $2
          AND started_on <= $3::date + 3 AND detected_on >= $2::date - 3
        ORDER BY detected_on DESC LIMIT 1`,
      [key, a.startedOn, a.detectedOn, a.rule, wsId()],
    );
    if (same) {
      // Its days follow what it says now (unless another alert of the series starts that day).
      await this.ds.query(
        `UPDATE alerts SET details = $2, updated_at = now(),
                started_on = CASE WHEN EXISTS (SELECT 1 FROM alerts o WHERE o.workspace_id = $6 AND o.series_key = $5 AND o.started_on = $3 AND o.id <> $1) THEN started_on ELSE $3 END,
                detected_on = $4
          WHERE workspace_id = $6 AND id = $1`,
        [same.id, a, a.startedOn, a.detectedOn, key, wsId()],
      );
      return { id: same.id, inserted: false };
    }
    const [row] = await this.ds.query(
      `INSERT INTO alerts (workspace_id, series_key, metric, path, segment, rule, started_on, detected_on, details)
       VALUES ($9, $1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workspace_id, series_key, started_on) DO UPDATE SET details = EXCLUDED.details, updated_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      [key, a.metric, a.path, a.segment, a.rule, a.startedOn, a.detectedOn, a, wsId()],
    );
    return row;
  }

  async markNotified(id: string): Promise<void> {
    await this.ds.query(`UPDATE alerts SET notified_at = now() WHERE workspace_id = $2 AND id = $1`, [id, wsId()]);
  }

  async list(f: AlertFilter): Promise<AlertRow[]> {
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM alerts
        WHERE workspace_id = $6 AND ($1::text IS NULL OR ${STATE} = $1)
          AND ($3::date IS NULL OR started_on < $3)
          -- An alert not resolved is ongoing: it concerns every range from its start on.
          AND ($2::date IS NULL OR detected_on >= $2 OR ${STATE} <> 'resolved')
          AND (segment = 'all' OR ($4::text[] IS NULL AND $5::text[] IS NULL)
               OR segment = ANY(SELECT 'channel:' || c FROM unnest($4::text[]) c)
               OR segment = ANY(SELECT 'category:' || c FROM unnest($5::text[]) c))
        ORDER BY detected_on DESC, created_at DESC LIMIT 500`,
      [f.state ?? null, f.from ?? null, f.to ?? null, f.channels ?? null, f.categories ?? null, wsId()],
    );
    return rows.map(toRow);
  }

  /**
   * The alert not resolved that stands for each series: its own (the latest), or else one that
   * explains it ("Also visible in …"): the billing regression's all-paths and channel series are
   * judged against the days before it began too, not against days it had already spoiled.
   */
  async unresolvedBySeries(): Promise<Map<string, { id: string; startedOn: string }>> {
    const rows: { series_key: string; id: string; started_on: string; metric: string; path: string; segment: string; also: string[] | null }[] = await this.ds.query(
      `SELECT DISTINCT ON (series_key) series_key, id, started_on::text AS started_on, metric, path, segment,
              ARRAY(SELECT jsonb_array_elements_text(coalesce(details->'alsoSeenIn', '[]'::jsonb))) AS also
         FROM alerts WHERE workspace_id = $1 AND state <> 'resolved' ORDER BY series_key, detected_on DESC`,
      [wsId()],
    );
    const out = new Map(rows.map((r) => [r.series_key, { id: r.id, startedOn: r.started_on }]));
    const own = new Set(out.keys());
    // A series explained by several alerts: the earliest one's start.
    for (const r of rows) {
      for (const key of seriesKeysOfAlert(r.metric, r.path, r.segment, r.also ?? []).slice(1)) {
        const had = out.get(key);
        if (!had || (!own.has(key) && r.started_on < had.startedOn)) out.set(key, { id: r.id, startedOn: r.started_on });
      }
    }
    return out;
  }

  async get(id: string): Promise<AlertRow | null> {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM alerts WHERE workspace_id = $2 AND id = $1`, [id, wsId()]);
    return row ? toRow(row) : null;
  }

  async acknowledge(id: string, by: string): Promise<void> {
    await this.ds.query(
      `UPDATE alerts SET state = 'acknowledged', acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $2),
              snoozed_until = NULL, snoozed_by = NULL, updated_at = now() WHERE workspace_id = $3 AND id = $1`,
      [id, by, wsId()],
    );
  }

  async resolve(id: string, by: string): Promise<void> {
    await this.ds.query(
      `UPDATE alerts SET state = 'resolved', resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, $2),
              snoozed_until = NULL, snoozed_by = NULL, updated_at = now() WHERE workspace_id = $3 AND id = $1`,
      [id, by, wsId()],
    );
  }

  async snooze(id: string, until: Date, by: string): Promise<void> {
    await this.ds.query(`UPDATE alerts SET state = 'snoozed', snoozed_until = $2, snoozed_by = $3, updated_at = now() WHERE workspace_id = $4 AND id = $1`, [id, until, by, wsId()]);
  }
}
