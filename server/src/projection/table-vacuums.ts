// The projector's own VACUUMs (OPERATIONS.md, "Vacuum"). Each batch deletes the queue rows it took
// and rewrites its days' rollups and its tickets, and the reads that scan past dead rows (the
// freshness checks start at the queue's oldest end) slow down as they pile up; autovacuum may be
// off, or wait for statistics a bulk load left. So the projector asks, at most every
// VACUUM_CHECK_MS, which of its tables hold many dead rows and vacuums them in the background, one
// at a time: the projector and reads go on meanwhile (a VACUUM blocks neither).
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TelemetryService } from '../telemetry/telemetry.service';
import { ChurnedTable, ProjectionRepository, QUEUE_TABLES } from './projection.repository';

/** How often, at most, the projector looks for its tables' dead rows. */
const VACUUM_CHECK_MS = 5_000;
/**
 * After a VACUUM of a table, the least time before the next one: dead rows an open snapshot still
 * sees (a long read, a pg_dump) stay dead after it, and the statistics would ask again at once.
 */
const VACUUM_AGAIN_MS = { queue: 5_000, large: 60_000 };
/** Dead rows that make a table worth a VACUUM (with a tenth of its live rows: projection.repository.ts). */
const VACUUM_MIN_DEAD = 5_000;

export class TableVacuums {
  private checkedAt = 0;
  /** The VACUUMs running now, and when each table may have the next. */
  private running: Promise<void> | null = null;
  private readonly againAt = new Map<ChurnedTable, number>();
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    private readonly queue: ProjectionRepository,
    private readonly telemetry: TelemetryService,
    private readonly log: Logger,
  ) {}

  /**
   * Starts the due VACUUMs in the background unless some are running or the last look was less
   * than VACUUM_CHECK_MS ago. During a bulk load (`loading`: the batch was full) only the queue's
   * tables: the load inserts rather than rewrites, and a VACUUM of tickets (about 3 s at 1M) would
   * only slow it.
   */
  maybeRun(loading: boolean): void {
    if (this.running || Date.now() - this.checkedAt < VACUUM_CHECK_MS || this.stopped) return;
    this.checkedAt = Date.now();
    this.running = this.run(loading)
      .catch((e: Error) => this.log.warn(`VACUUM of the projector's tables failed, trying again later: ${e.message}`))
      .finally(() => (this.running = null));
  }

  /** No new VACUUM starts; resolves when the one running ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async run(loading: boolean): Promise<void> {
    const due = (t: ChurnedTable) => Date.now() >= (this.againAt.get(t) ?? 0);
    const tables = await this.queue.churned(this.ds.manager, VACUUM_MIN_DEAD);
    for (const table of tables.filter((x) => (!loading || QUEUE_TABLES.includes(x)) && due(x))) {
      if (this.stopped) return;
      const t0 = Date.now();
      await this.queue.vacuum(this.ds, table);
      const spent = Date.now() - t0;
      this.telemetry.vacuumed(table, spent / 1000);
      this.againAt.set(table, Date.now() + Math.max(QUEUE_TABLES.includes(table) ? VACUUM_AGAIN_MS.queue : VACUUM_AGAIN_MS.large, 10 * spent));
    }
  }
}
