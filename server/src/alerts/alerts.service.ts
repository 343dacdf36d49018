// Quality-regression alerts: evaluate every series over the last 90 days, store each excursion
// once, notify new ones, and let people acknowledge and resolve them.
import { BadRequestException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FreshnessService } from '../projection/freshness.service';
import { TelemetryService } from '../telemetry/telemetry.service';
import { detectLogMeanShifts, detectRateShifts } from '../stats/alert-detection';
import { addDays } from '../stats/time-range';
import type { AlertDetails, AlertRow, EvaluationResult } from '../contract';
import { alertDetails, buildSeries } from './alert-series';
import { dailySeriesQuery } from './daily-series.query';
import { WebhookNotifier, slackPayload } from './webhook.notifier';

export const WINDOW_DAYS = 90;
/** Only alerts detected this recently are sent out; older excursions found later are history. */
const NOTIFY_WITHIN_DAYS = 2;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const COLUMNS = `id, state, metric, path, segment, rule, started_on::text AS started_on, detected_on::text AS detected_on, details,
  created_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, notified_at`;

function toRow(r: Record<string, any>): AlertRow {
  return {
    id: r.id, state: r.state, metric: r.metric, path: r.path, segment: r.segment, rule: r.rule,
    startedOn: r.started_on, detectedOn: r.detected_on, details: r.details, createdAt: iso(r.created_at)!,
    acknowledgedAt: iso(r.acknowledged_at), acknowledgedBy: r.acknowledged_by, resolvedAt: iso(r.resolved_at), resolvedBy: r.resolved_by, notifiedAt: iso(r.notified_at),
  };
}

@Injectable()
export class AlertsService {
  private readonly log = new Logger('Alerts');
  private running: Promise<EvaluationResult> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly webhook: WebhookNotifier,
    private readonly telemetry: TelemetryService,
    private readonly freshness: FreshnessService,
  ) {}

  /** One evaluation at a time; a call during one waits for it. `trigger` labels the metrics. */
  evaluate(asOf = new Date(), trigger: 'api' | 'schedule' | 'ingest' = 'api'): Promise<EvaluationResult> {
    if (!this.running) {
      const end = this.telemetry.alertEvaluationDuration.startTimer();
      this.running = this.evaluateNow(asOf)
        .then(
          (r) => (this.telemetry.alertEvaluations.inc({ trigger, outcome: 'ok' }), r),
          (e: unknown) => {
            this.telemetry.alertEvaluations.inc({ trigger, outcome: 'error' });
            throw e;
          },
        )
        .finally(() => {
          end();
          this.running = null;
        });
    }
    return this.running;
  }

  private async evaluateNow(asOf: Date): Promise<EvaluationResult> {
    const started = Date.now();
    // Judged on every event acknowledged so far, projected.
    await this.freshness.catchUp();
    // Whole UTC days only: the current day is still filling up.
    const to = asOf.toISOString().slice(0, 10);
    const from = addDays(to, -WINDOW_DAYS);
    const days = Array.from({ length: WINDOW_DAYS }, (_, i) => addDays(from, i));
    const rows = await dailySeriesQuery(this.ds.manager, new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), asOf);
    const series = buildSeries(rows, days);
    const found: AlertDetails[] = [];
    for (const s of series) {
      const detections = s.rate ? detectRateShifts(s.rate, s.bad) : detectLogMeanShifts(s.logMean!, s.bad);
      for (const d of detections) found.push(alertDetails(s, d));
    }
    let newAlerts = 0;
    let notified = 0;
    for (const a of found) {
      const [row] = await this.ds.query(
        `INSERT INTO alerts (series_key, metric, path, segment, rule, started_on, detected_on, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (series_key, started_on) DO UPDATE SET details = EXCLUDED.details, updated_at = now()
         RETURNING id, (xmax = 0) AS inserted, notified_at`,
        [`${a.metric}|${a.path}|${a.segment}`, a.metric, a.path, a.segment, a.rule, a.startedOn, a.detectedOn, a],
      );
      if (!row.inserted) continue;
      newAlerts++;
      if (this.webhook.enabled && a.detectedOn >= addDays(to, -NOTIFY_WITHIN_DAYS)) {
        if (await this.webhook.send(slackPayload(row.id, a))) {
          notified++;
          await this.ds.query(`UPDATE alerts SET notified_at = now() WHERE id = $1`, [row.id]);
        }
      }
    }
    const result = { asOf: asOf.toISOString(), from, to, series: series.length, detections: found.length, newAlerts, notified, milliseconds: Date.now() - started };
    if (newAlerts > 0) this.log.log(`alert evaluation: ${newAlerts} new of ${found.length} detections over ${series.length} series`);
    return result;
  }

  async list(state?: string): Promise<AlertRow[]> {
    if (state !== undefined && !['open', 'acknowledged', 'resolved'].includes(state)) throw new BadRequestException('state: must be open, acknowledged or resolved');
    const rows = await this.ds.query(
      `SELECT ${COLUMNS} FROM alerts WHERE ($1::text IS NULL OR state = $1) ORDER BY detected_on DESC, created_at DESC LIMIT 500`,
      [state ?? null],
    );
    return rows.map(toRow);
  }

  async transition(id: string, to: 'acknowledged' | 'resolved', by: string): Promise<AlertRow> {
    const [found] = await this.ds.query(`SELECT state FROM alerts WHERE id = $1`, [id]);
    if (!found) throw new NotFoundException(`alert ${id} does not exist`);
    if (to === 'acknowledged' && found.state === 'resolved') throw new BadRequestException('state: a resolved alert cannot be acknowledged');
    const col = to === 'acknowledged' ? 'acknowledged' : 'resolved';
    await this.ds.query(
      `UPDATE alerts SET state = $2, ${col}_at = coalesce(${col}_at, now()), ${col}_by = coalesce(${col}_by, $3), updated_at = now() WHERE id = $1`,
      [id, to, by],
    );
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM alerts WHERE id = $1`, [id]);
    return toRow(row);
  }
}
