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
  /** One debounce per workspace: ingest into one never postpones another's evaluation. */
  private readonly debounce = new Map<number, NodeJS.Timeout>();
  private readonly current = new Set<Promise<unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alerts: AlertsService,
    private readonly ingest: IngestNotifier,
    private readonly workspaces: WorkspacesService,
  ) {}

  onModuleInit(): void {
    if (this.config.alertsEveryMinutes > 0) {
      this.interval = setInterval(() => this.run('schedule', null), this.config.alertsEveryMinutes * 60_000);
      this.interval.unref();
    }
    if (this.config.alertsAfterIngestSeconds > 0) {
      this.ingest.subscribe((workspaceId) => {
        clearTimeout(this.debounce.get(workspaceId));
        const t = setTimeout(() => {
          this.debounce.delete(workspaceId);
          this.run('ingest', workspaceId);
        }, this.config.alertsAfterIngestSeconds * 1000);
        t.unref();
        this.debounce.set(workspaceId, t);
      });
    }
  }

  /** Stops the timers and lets evaluations in progress finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    for (const t of this.debounce.values()) clearTimeout(t);
    this.interval = null;
    this.debounce.clear();
    await Promise.all(this.current);
  }

  /** One workspace (after its ingest) or every workspace in turn (the schedule), each in its own context. */
  private run(why: 'schedule' | 'ingest', workspaceId: number | null): void {
    const job = (async () => {
      const list = workspaceId === null ? await this.workspaces.all() : [await this.workspaces.byId(workspaceId)].filter((w) => w !== null);
      for (const ws of list) {
        await inWorkspace(ws, () => this.alerts.evaluate(new Date(), why)).catch((e: Error) =>
          this.log.warn(`alert evaluation of workspace ${ws.slug} after ${why} failed: ${e.message}`),
        );
      }
    })()
      .catch((e: Error) => this.log.warn(`alert evaluation after ${why} failed: ${e.message}`))
      .finally(() => this.current.delete(job));
    this.current.add(job);
  }
}
