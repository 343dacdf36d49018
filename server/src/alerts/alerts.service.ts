// Quality-regression alerts: evaluate every series over the last 90 days, store each excursion
// once, notify new ones; rank what changed recently; acknowledge, snooze and resolve.
import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FreshnessService } from '../projection/freshness.service';
import { TelemetryService } from '../telemetry/telemetry.service';
import { DEFAULT_DETECTOR, DetectorConfig } from '../stats/alert-detection';
import { addDays, daysBetween, localDateOf, startOfLocalDate } from '../stats/time-range';
import type { AlertRow, ChangesResult, EvaluationResult } from '../contract';
import { describeAlerts, findAlerts } from './alert-evaluation';
import { REPEAT_JUDGED_AFTER_DAYS, buildSeries } from './alert-series';
import { AlertFilter, AlertsRepository } from './alerts.repository';
import { alertCellsQuery } from './queries/alert-cells.query';
import { rankChanges } from './what-changed';
import { currentWorkspace, wsId } from '../workspaces/workspace-context';
import { WebhookNotifier, slackPayload } from './webhook.notifier';
import { joinFilterValues } from '../contract/filter-list';

/** Days whose excursions are reported; the series reach further back for their baselines. */
export const WINDOW_DAYS = 90;
const HISTORY_DAYS = WINDOW_DAYS + DEFAULT_DETECTOR.baselineDays + DEFAULT_DETECTOR.baselineGapDays + 14;
/** Only alerts detected this recently are sent out; older excursions found later are history. */
const NOTIFY_WITHIN_DAYS = 2;

export interface ChangesQuery {
  /** The page's range: its end (exclusive) and, for the baseline, its start. */
  from?: string;
  to?: string;
  days: number;
  limit: number;
  channels?: string[];
  categories?: string[];
  /** Longest wait for the projection, in seconds (the dashboard asks 0: it never blocks on a load). */
  wait?: string;
}

@Injectable()
export class AlertsService {
  private readonly log = new Logger('Alerts');
  /** The evaluation in progress, per workspace. */
  private readonly running = new Map<number, Promise<EvaluationResult>>();

  constructor(
    private readonly ds: DataSource,
    private readonly repo: AlertsRepository,
    private readonly webhook: WebhookNotifier,
    private readonly telemetry: TelemetryService,
    private readonly freshness: FreshnessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The detector with the workspace's floors (its own, or the instance's ALERT_MIN_*). */
  get detector(): DetectorConfig {
    return { ...DEFAULT_DETECTOR, floors: currentWorkspace().alertFloors ?? this.config.alertFloors };
  }

  /** The workspace's reporting time zone: alert days are its local days. */
  private get zone(): string {
    return currentWorkspace().timeZone;
  }

  /** One evaluation at a time; a call during one waits for it. `trigger` labels the metrics. */
  evaluate(asOf = new Date(), trigger: 'api' | 'schedule' | 'ingest' = 'api'): Promise<EvaluationResult> {
    const ws = wsId();
    let running = this.running.get(ws);
    if (!running) {
      const end = this.telemetry.alertEvaluationDuration.startTimer();
      running = this.evaluateNow(asOf)
        .then(
          (r) => (this.telemetry.alertEvaluations.inc({ trigger, outcome: 'ok' }), r),
          (e: unknown) => {
            this.telemetry.alertEvaluations.inc({ trigger, outcome: 'error' });
            throw e;
          },
        )
        .finally(() => {
          end();
          this.running.delete(ws);
        });
      this.running.set(ws, running);
    }
    return running;
  }

  /** The series over `days` whole local days before `to` (exclusive), optionally within one channel/category. */
  private async series(to: string, days: number, asOf: Date, filter: { channels?: string[]; categories?: string[] } = {}) {
    const from = addDays(to, -days);
    const dayList = Array.from({ length: days }, (_, i) => addDays(from, i));
    const rows = await alertCellsQuery(this.ds.manager, { from: startOfLocalDate(from, this.zone), to: startOfLocalDate(to, this.zone), asOf, zone: this.zone, ...filter });
    return buildSeries(rows, dayList);
  }

  private async evaluateNow(asOf: Date): Promise<EvaluationResult> {
    const started = Date.now();
    // Judged on every event acknowledged so far, projected.
    await this.freshness.catchUp();
    // Whole local days only: the current day is still filling up.
    const to = localDateOf(asOf, this.zone);
    const from = addDays(to, -WINDOW_DAYS);
    const series = await this.series(to, HISTORY_DAYS, asOf);
    const queried = Date.now();
    const found = describeAlerts(findAlerts(series, this.detector), addDays(to, -1), this.zone).filter((a) => a.detectedOn >= from);
    const judgeMs = Date.now() - queried;
    let newAlerts = 0;
    let notified = 0;
    for (const a of found) {
      const row = await this.repo.upsert(a);
      if (!row.inserted) continue;
      newAlerts++;
      if (this.webhook.enabled && a.detectedOn >= addDays(to, -NOTIFY_WITHIN_DAYS)) {
        if (await this.webhook.send(slackPayload(row.id, a, this.config.publicUrl ?? `http://localhost:${this.config.port}`, currentWorkspace()))) {
          notified++;
          await this.repo.markNotified(row.id);
        }
      }
    }
    const result = { asOf: asOf.toISOString(), from, to, series: series.length, detections: found.length, newAlerts, notified, milliseconds: Date.now() - started, readMs: queried - started, judgeMs };
    if (newAlerts > 0) this.log.log(`alert evaluation: ${newAlerts} new of ${found.length} alerts over ${series.length} series`);
    return result;
  }

  /**
   * Every watched series, its last `days` whole days before `to` against its baseline, worst first.
   * The baseline is the 28 days before the page's range (`from`) when one is given, so a change
   * that began inside the range is not half in its own baseline; otherwise the detector's.
   */
  async changes(q: ChangesQuery, asOf = new Date()): Promise<ChangesResult> {
    await this.freshness.catchUp(undefined, q.wait);
    const today = localDateOf(asOf, this.zone);
    const to = q.to && q.to < today ? q.to : today;
    const recentFrom = addDays(to, -q.days);
    // At most a year back (the series read is capped the same way).
    const gap = q.from && q.from < recentFrom ? Math.min(Math.max(this.detector.baselineGapDays, daysBetween(q.from, recentFrom)), 365) : this.detector.baselineGapDays;
    const cfg = { ...this.detector, baselineGapDays: gap };
    // Series with an open alert that began before the recent days are judged against the days
    // before it began: read far enough back for those too (at most a year).
    // Alerts are judged on all tickets: within a channel or category filter a series is another
    // population, so no alert is linked to it.
    const alerts = q.channels || q.categories ? new Map<string, { id: string; startedOn: string }>() : await this.repo.unresolvedBySeries();
    let alertGap = 0;
    for (const a of alerts.values()) if (a.startedOn < recentFrom) alertGap = Math.max(alertGap, daysBetween(a.startedOn, recentFrom) + this.detector.baselineGapDays);
    const span = q.days + Math.min(Math.max(gap, alertGap), 365) + cfg.baselineDays + REPEAT_JUDGED_AFTER_DAYS;
    const filters: Record<string, string> = {};
    if (q.channels) filters.channel = joinFilterValues(q.channels);
    if (q.categories) filters.category = joinFilterValues(q.categories);
    let series = await this.series(to, span, asOf, { channels: q.channels, categories: q.categories });
    // Within one channel (category), that segment is the whole: keep 'all' and split by the other dimension.
    if (q.channels?.length === 1) series = series.filter((s) => !s.segment.startsWith('channel:'));
    if (q.categories?.length === 1) series = series.filter((s) => !s.segment.startsWith('category:'));
    // Repeat contacts of tickets 8+ days old are all known: only the last 8 days wait for them.
    const repeatShift = Math.max(0, REPEAT_JUDGED_AFTER_DAYS - daysBetween(to, today));
    const rows = rankChanges(series, { start: span - q.days, end: span }, { zone: this.zone, filters, alerts, cfg, repeatShift });
    return {
      asOf: asOf.toISOString(),
      zone: this.zone,
      recent: { from: recentFrom, to },
      baseline: { from: addDays(recentFrom, -gap - cfg.baselineDays), to: addDays(recentFrom, -gap) },
      series: rows.length,
      rows: rows.slice(0, q.limit),
    };
  }

  list(f: AlertFilter): Promise<AlertRow[]> {
    if (f.from && f.to && f.from >= f.to) throw new BadRequestException('to: must be after from');
    return this.repo.list(f);
  }

  async transition(id: string, to: 'acknowledged' | 'resolved', by: string): Promise<AlertRow> {
    const found = await this.repo.get(id);
    if (!found) throw new NotFoundException(`alert ${id} does not exist`);
    if (to === 'acknowledged' && found.state === 'resolved') throw new BadRequestException('state: a resolved alert cannot be acknowledged');
    await (to === 'acknowledged' ? this.repo.acknowledge(id, by) : this.repo.resolve(id, by));
    return (await this.repo.get(id))!;
  }

  /** Hides an alert until `hours` from now; it is open again after that unless resolved. */
  async snooze(id: string, hours: number, by: string): Promise<AlertRow> {
    const found = await this.repo.get(id);
    if (!found) throw new NotFoundException(`alert ${id} does not exist`);
    if (found.state === 'resolved') throw new BadRequestException('state: a resolved alert cannot be snoozed');
    await this.repo.snooze(id, new Date(Date.now() + hours * 3_600_000), by);
    return (await this.repo.get(id))!;
  }
}
