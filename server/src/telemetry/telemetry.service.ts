// Prometheus metrics (GET /metrics): what someone running Claimcheck watches. One registry per
// application (tests run several in one process); Node's process metrics once per process.
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { queueStateQuery } from './queries/queue-state.query';

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
    help: 'Local days of metric rollups rebuilt from the tickets table by the projector (a load, an upgrade, a new zone, or a day live batches changed, for its stored percentiles)',
    registers: [this.registry],
  });

  readonly projectedTickets = new Counter({
    name: 'claimcheck_projected_tickets_total',
    help: 'Tickets replayed by the projector (one per ticket per batch that touched it)',
    registers: [this.registry],
  });

  readonly projectionBatches = new Counter({
    name: 'claimcheck_projection_batches_total',
    help: 'Projector transactions committed',
    registers: [this.registry],
  });

  readonly projectorSeconds = new Counter({
    name: 'claimcheck_projector_seconds_total',
    help: 'Time the projector spent, by step: events (fetch and replay), tickets (upsert), repeat (repeat-contact flags), cells (live changes to day and month rollups), days (day rollups rebuilt), values (sorted values), months (month rollups rebuilt), analyze (planner statistics after loads)',
    labelNames: ['step'] as const,
    registers: [this.registry],
  });

  readonly vacuums = new Histogram({
    name: 'claimcheck_projector_vacuum_seconds',
    help: 'VACUUMs the projector ran on its own tables (the queue, the rollups, tickets), by table',
    labelNames: ['table'] as const,
    buckets: [0.05, 0.25, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly populationCache = new Counter({
    name: 'claimcheck_population_cache_ranges_total',
    help: 'Time ranges of metrics reads whose sums and percentiles came from the cache of unchanged ranges (hit) or were read (miss)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly readPlan = new Counter({
    name: 'claimcheck_read_plan_ranges_total',
    help: 'Time ranges metrics reads computed, by where they came from: a month or a day of rollups, the tickets table (days still to be built, the partial edges of another zone), tickets subtracted from a day (tickets_subtracted: the rest of a UTC day whose larger part is an edge of another zone), or left out (a read with wait=0 or a load behind: days a load has not built yet)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly sharedReads = new Counter({
    name: 'claimcheck_metrics_reads_shared_total',
    help: 'Metrics reads answered by joining an identical read already running (same parameters, same freshness target)',
    registers: [this.registry],
  });

  readonly readWait = new Histogram({
    name: 'claimcheck_read_wait_seconds',
    help: 'Time reads waited for the projection of what was acknowledged before them',
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

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
      name: 'claimcheck_projection_lag_seconds',
      help: 'Age of the oldest queued ticket the projector has not replayed yet; 0 when current',
      registers: [this.registry],
      async collect() {
        const r = await self.queueState();
        if (r) this.set(r.oldest);
      },
    });
    new Gauge({
      name: 'claimcheck_projection_queue_tickets',
      help: 'Tickets queued for the projector',
      registers: [this.registry],
      async collect() {
        const r = await self.queueState();
        if (r) this.set(r.pending);
      },
    });
    new Gauge({
      name: 'claimcheck_rollup_pending_days',
      help: 'Local days whose rollups are still to be built in bulk (after an upgrade or a new reporting zone)',
      registers: [this.registry],
      async collect() {
        const r = await self.queueState();
        if (r) this.set(r.bulk);
      },
    });
  }

  projectionCommitted(): void {
    this.projectionBatches.inc();
  }

  vacuumed(table: string, seconds: number): void {
    this.vacuums.observe({ table }, seconds);
  }

  /** One look at the queue per scrape (several gauges ask); null when the database does not answer. */
  private scrapeState: Promise<{ pending: number; oldest: number; bulk: number } | null> | null = null;
  private queueState(): Promise<{ pending: number; oldest: number; bulk: number } | null> {
    this.scrapeState ??= queueStateQuery(this.ds)
      .catch(() => null)
      .finally(() => setTimeout(() => (this.scrapeState = null), 100));
    return this.scrapeState;
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
