// One batch of queued tickets in the projector's transaction: replayed and written
// (project-tickets.ts), then the rollups of every local day they touch, by the batch's kind. A live
// batch changes the day and month cells by difference (rollup-delta.query.ts) and rebuilds the UTC
// days' sorted values; one over PROJECTION_DIFFERENCE_TICKETS rebuilds its days. A load's batch
// (more queued than it takes) marks its days to be built once: those the load has moved past are
// built beside the next batch, on a second connection (build-days.ts; while metrics reads go on,
// by one batch in three), the rest when the queue is empty (workspace-work.ts).
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { EventsRepository } from '../events/events.repository';
import { rebuildValues } from '../metrics/rollups/rollup-build.query';
import { TicketsRepository } from '../tickets/tickets.repository';
import { wsId } from '../workspaces/workspace-context';
import { BULK_DAYS, buildBeside, rebuildDays } from './build-days';
import { Timed, projectTickets } from './project-tickets';
import { ProjectionRepository } from './projection.repository';
import { RecentDays } from './recent-days';
import { ReadActivity } from './read-activity';

export interface BatchReport {
  tickets: number;
  /** Local days a live batch changed by difference (rollup-delta.query.ts). */
  days: number;
  /** Local days built from the tickets table: a load's, an upgrade's, a new zone's, a large live batch's. */
  bulkDays: number;
  /** Of those, the days a load's batch had built beside it (build-days.ts). */
  besideDays?: number;
  /** Days rebuilt after live changes to restore their stored percentiles. */
  rankedDays: number;
  months: number;
  /** The batch took as many queued rows as it may: more were waiting (a bulk load). */
  full?: boolean;
}

export interface BatchDeps {
  config: AppConfig;
  ds: DataSource;
  queue: ProjectionRepository;
  tickets: TicketsRepository;
  events: EventsRepository;
  /** Days live batches keep changing: not re-ranked between batches. */
  recentDays: RecentDays;
  /** Metrics reads going on: most batches build nothing beside them meanwhile (leaveToReads). */
  reads: ReadActivity;
  /** The projector's step timer; `timedBeside` for the build beside a batch (names no failed step). */
  timed: Timed;
  timedBeside: Timed;
  log: Logger;
}

/** Load batches in a row that may leave their build beside to reads: at least every third builds. */
export const BESIDE_LEFT_TO_READS = 2;

export class TicketBatches {
  /** Per workspace, each zone's first day of the last load batch: the next one builds the days before it. */
  private readonly loadFrontier = new Map<number, Map<string, string>>();
  /** Per workspace, load batches in a row that left their build beside to reads. */
  private readonly besideLeft = new Map<number, number>();

  constructor(private readonly deps: BatchDeps) {}

  /**
   * While metrics reads go on (read-activity.ts), a load's batch builds nothing beside it: a read
   * then shares the cores with one projector statement and the server, not two statements. At
   * most BESIDE_LEFT_TO_READS batches in a row: a dashboard open during a load asks again every
   * few seconds, and would otherwise hold every day back until the queue is empty.
   */
  private leaveToReads(ws: number): boolean {
    const left = this.besideLeft.get(ws) ?? 0;
    const leave = left < BESIDE_LEFT_TO_READS && this.deps.reads.reading();
    this.besideLeft.set(ws, leave ? left + 1 : 0);
    return leave;
  }

  /**
   * @param bulk a load: mark the days touched to be built once, later, rather than now. Otherwise
   * (live ingest) the cells change by difference: the batch's tickets and the repeat-contact flags
   * it changes come out of their day and month cells as they were and go back in as they are
   * (rollup-delta.query.ts); only the UTC days' sorted values are rebuilt. A live batch of more
   * than PROJECTION_DIFFERENCE_TICKETS rebuilds the days it touches from the tickets table.
   */
  async project(m: EntityManager, ticketIds: string[], bulk: boolean): Promise<BatchReport> {
    // A live batch too large for differences rebuilds its days instead: a difference costs ~150 µs
    // a changed ticket, a rebuild ~10 µs a ticket of the days touched per zone (PostgreSQL 15, 2
    // cores), and the rows of a difference pass through the server's memory.
    const mode = bulk ? 'load' : ticketIds.length <= this.deps.config.projectionDifferenceTickets ? 'difference' : 'rebuild';
    // A load in time order has moved past the days before the previous batch's first: they are
    // built beside this batch, on another connection, while this one replays tickets
    // (build-days.ts). Awaited before this transaction ends, even when it fails.
    const ws = wsId();
    // Beside needs a second connection: not with a pool under 4 (the batch's, the VACUUMs' and a read's).
    const besideOk = this.deps.config.databasePoolSize >= 4;
    const candidate = mode === 'load' && besideOk ? this.loadFrontier.get(ws) : undefined;
    const frontier = candidate && this.leaveToReads(ws) ? undefined : candidate;
    if (mode !== 'load') this.loadFrontier.delete(ws);
    const beside = frontier
      ? buildBeside(this.deps.ds, this.deps.queue, frontier, BULK_DAYS, this.deps.timedBeside).catch((e: Error) => {
          this.deps.log.warn(`building a load's days beside its batch failed; they stay to be built: ${e.message}`);
          return 0;
        })
      : Promise.resolve(0);
    try {
      const instants = await projectTickets(m, ticketIds, mode === 'difference', { tickets: this.deps.tickets, events: this.deps.events, timed: this.deps.timed });
      // Reads keep the numbers of ranges whose days' versions did not move (population-cache.ts).
      await this.deps.queue.bumpVersions(m, [...new Set(instants.map((t) => t.toISOString().slice(0, 10)))]);
      const byZone = new Map<string, string[]>();
      for (const { zone, day } of await this.deps.queue.daysOf(m, instants, await this.deps.queue.zones(m))) {
        const list = byZone.get(zone);
        if (list) list.push(day);
        else byZone.set(zone, [day]);
      }
      let days = 0;
      let bulkDays = 0;
      const next = new Map<string, string>();
      for (const [zone, list] of byZone) {
        list.sort();
        if (mode === 'difference') {
          if (zone === 'UTC') await this.deps.timed('values', () => rebuildValues(m, list));
          days += list.length;
          this.deps.recentDays.record(ws, zone, list, Date.now());
          continue;
        }
        if (mode === 'rebuild') {
          await rebuildDays(m, this.deps.queue, zone, list, this.deps.timed);
          bulkDays += list.length;
          continue;
        }
        // No month marked stale here: a month with a pending day is not read as a month, and
        // building the day (rebuildDays) marks it. The next batch builds, beside it, this zone's
        // days before this batch's first (with a pool too small for that, this batch builds the
        // days before its own first itself); a load in no order (every batch touches every day)
        // builds nothing that way and everything once at the end.
        await this.deps.queue.addPending(m, zone, list);
        next.set(zone, list[0]);
        if (besideOk) continue;
        const settled = await this.deps.queue.takePending(m, BULK_DAYS, { zone, before: list[0] });
        if (settled) {
          await rebuildDays(m, this.deps.queue, zone, settled.days, this.deps.timed);
          bulkDays += settled.days.length;
        }
      }
      if (mode === 'load') this.loadFrontier.set(ws, next);
      const besideDays = await beside;
      return { tickets: ticketIds.length, days, bulkDays: bulkDays + besideDays, besideDays, rankedDays: 0, months: 0 };
    } finally {
      await beside;
    }
  }
}
