// Keeps the rollups up to date: rebuilds the days the tickets trigger marked dirty, a moment after
// ingest goes quiet, at start-up and every minute. Off the ingest path; reads never wait for it,
// because a dirty day is read from the tickets table until it is rebuilt.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { IngestNotifier } from '../../events/ingest-notifier';
import { TelemetryService } from '../../telemetry/telemetry.service';
import { rebuildDays, rebuildMonths } from './rollup-refresh.query';

/** Days rebuilt per transaction: short transactions, and progress survives a stop. */
const DAYS_PER_TX = 31;
const LOCK = 'SELECT pg_advisory_xact_lock(3, 0)';
const TRY_LOCK = 'SELECT pg_try_advisory_xact_lock(3, 0) AS ok';

export interface RefreshReport {
  days: number;
  months: number;
  ms: number;
}

@Injectable()
export class RollupsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Rollups');
  private timer: NodeJS.Timeout | null = null;
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly ingest: IngestNotifier,
    private readonly telemetry: TelemetryService,
  ) {}

  onApplicationBootstrap(): void {
    const after = this.config.rollupsAfterIngestSeconds;
    if (after <= 0) return;
    this.ingest.subscribe(() => {
      this.telemetry.rollupsBehind();
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.background(), after * 1000);
      this.timer.unref();
    });
    this.interval = setInterval(() => this.background(), 60_000);
    this.interval.unref();
    setImmediate(() => this.background());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.interval) clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  private background(): void {
    if (this.running || this.stopped) return;
    this.running = this.refresh({ wait: false })
      .then((r) => {
        if (r.days > 0) this.log.log(`rebuilt ${r.days} day(s) and ${r.months} month(s) of rollups in ${r.ms} ms`);
      })
      .catch((e: Error) => this.log.warn(`rollup refresh failed: ${e.message}`))
      .finally(() => (this.running = null));
  }

  /**
   * Rebuilds every dirty day and its month. `wait`: queue behind a refresh in progress elsewhere
   * (tests, the CLI) instead of leaving the work to it.
   */
  async refresh(opts: { wait: boolean; onProgress?: (done: number, left: number) => void } = { wait: true }): Promise<RefreshReport> {
    const t0 = performance.now();
    const startedAt = Date.now();
    let days = 0;
    let months = 0;
    let drained = false;
    for (;;) {
      if (this.stopped && !opts.wait) break;
      const batch = await this.ds.transaction('REPEATABLE READ', async (m) => {
        await m.query('SET LOCAL statement_timeout = 0'); // a month's rebuild may outlast the 60 s of API sessions
        if (opts.wait) await m.query(LOCK);
        else if (!(await m.query(TRY_LOCK))[0].ok) return 'busy' as const;
        const rows: { day: string; left: number }[] = await m.query(
          `SELECT day::text, count(*) OVER ()::int AS left FROM (SELECT DISTINCT day FROM rollup_dirty) d ORDER BY day LIMIT ${DAYS_PER_TX}`,
        );
        if (rows.length === 0) return 'drained' as const;
        const list = rows.map((r) => r.day);
        const monthList = [...new Set(list.map((d) => `${d.slice(0, 7)}-01`))];
        await rebuildDays(m, list);
        await rebuildMonths(m, monthList);
        // Only the marks this snapshot saw: a change committed since stays dirty for the next round.
        await m.query(`DELETE FROM rollup_dirty WHERE day = ANY($1::date[])`, [list]);
        return { days: list.length, months: monthList.length, left: rows[0].left - list.length };
      });
      if (batch === 'busy') break;
      if (batch === 'drained') {
        drained = true;
        break;
      }
      this.telemetry.rollupDaysRebuilt.inc(batch.days);
      days += batch.days;
      months += batch.months;
      opts.onProgress?.(days, batch.left);
    }
    if (drained) this.telemetry.rollupsCaughtUp(startedAt);
    return { days, months, ms: Math.round(performance.now() - t0) };
  }
}
