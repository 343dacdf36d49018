// When alerts are evaluated: on a schedule, and a while after ingest (debounced, off the ingest path).
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { IngestNotifier } from '../events/ingest-notifier';
import { inWorkspace } from '../workspaces/workspace-context';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { AlertsService } from './alerts.service';

@Injectable()
export class AlertsScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('Alerts');
  private interval: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alerts: AlertsService,
    private readonly ingest: IngestNotifier,
    private readonly workspaces: WorkspacesService,
  ) {}

  onModuleInit(): void {
    if (this.config.alertsEveryMinutes > 0) {
      this.interval = setInterval(() => this.run('schedule'), this.config.alertsEveryMinutes * 60_000);
      this.interval.unref();
    }
    if (this.config.alertsAfterIngestSeconds > 0) {
      this.ingest.subscribe(() => {
        if (this.debounce) clearTimeout(this.debounce);
        this.debounce = setTimeout(() => this.run('ingest'), this.config.alertsAfterIngestSeconds * 1000);
        this.debounce.unref();
      });
    }
  }

  /** Stops the timers and lets an evaluation in progress finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    if (this.debounce) clearTimeout(this.debounce);
    this.interval = this.debounce = null;
    await this.current;
  }

  /** Every workspace in turn, each in its own context (its zone, its floors, its alerts). */
  private run(why: 'schedule' | 'ingest'): void {
    this.current = (async () => {
      for (const ws of await this.workspaces.all()) {
        await inWorkspace(ws, () => this.alerts.evaluate(new Date(), why)).catch((e: Error) =>
          this.log.warn(`alert evaluation of workspace ${ws.slug} after ${why} failed: ${e.message}`),
        );
      }
    })()
      .catch((e: Error) => this.log.warn(`alert evaluation after ${why} failed: ${e.message}`))
      .finally(() => (this.current = null));
  }
}
