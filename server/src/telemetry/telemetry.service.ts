// Prometheus metrics (GET /metrics): what someone running Claimcheck watches. One registry per
// application (tests run several in one process); Node's process metrics once per process.
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'claimcheck_' });
  }
  return processRegistry;
}

/** The pg pool behind TypeORM (its driver keeps it as `master`). */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

@Injectable()
export class TelemetryService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'claimcheck_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code, with their duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly ingestEvents = new Counter({
    name: 'claimcheck_ingest_events_total',
    help: 'Events posted to /api/v1/events (and imports) by outcome: accepted, duplicate or rejected',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly ingestBatchDuration = new Histogram({
    name: 'claimcheck_ingest_batch_duration_seconds',
    help: 'Time to store one batch of valid events (first statement to commit)',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });

  readonly unavailable = new Counter({
    name: 'claimcheck_database_unavailable_total',
    help: 'Requests answered 503 because the database did not answer',
    registers: [this.registry],
  });

  readonly alertEvaluations = new Counter({
    name: 'claimcheck_alert_evaluations_total',
    help: 'Alert evaluations by trigger (schedule, ingest, api) and outcome (ok, error)',
    labelNames: ['trigger', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly alertEvaluationDuration = new Histogram({
    name: 'claimcheck_alert_evaluation_duration_seconds',
    help: 'Time one alert evaluation took',
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly rollupDaysRebuilt = new Counter({
    name: 'claimcheck_rollup_days_rebuilt_total',
    help: 'Days of metric rollups rebuilt after ingest',
    registers: [this.registry],
  });

  /** Seconds since the oldest ingest whose days are not rebuilt yet (0: rollups are current). */
  private rollupPendingSince: number | null = null;

  constructor(private readonly ds: DataSource) {
    const self = this;
    new Gauge({
      name: 'claimcheck_db_pool_connections',
      help: 'Database connections of this server by state: total, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = self.pool();
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'claimcheck_rollup_lag_seconds',
      help: 'Age of the oldest ingest whose days the metric rollups have not rebuilt yet; 0 when current',
      registers: [this.registry],
      collect() {
        this.set(self.rollupPendingSince === null ? 0 : (Date.now() - self.rollupPendingSince) / 1000);
      },
    });
  }

  /** Ingest changed days that the rollups will have to rebuild. */
  rollupsBehind(): void {
    this.rollupPendingSince ??= Date.now();
  }

  /** A refresh that started at `startedAt` found nothing left to rebuild. */
  rollupsCaughtUp(startedAt: number): void {
    if (this.rollupPendingSince !== null && this.rollupPendingSince <= startedAt) this.rollupPendingSince = null;
  }

  /** The exposition text of this application's metrics and the process's. */
  async scrape(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processMetrics().metrics()}`;
  }

  private pool(): PgPoolCounts | null {
    const driver = this.ds.driver as unknown as { master?: PgPoolCounts };
    return driver.master && typeof driver.master.totalCount === 'number' ? driver.master : null;
  }
}
