// One transaction's work of the workspace in context, for the projector (projector.service.ts
// batch()), in this order: queued tickets; days to build in bulk; stale months; days to rank.
// Months and days to rank also between ticket batches once MONTHS_EVERY_MS has passed, so a long
// load does not leave every read on days.
import { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { rebuildMonths, rebuildPeriods } from '../metrics/rollups/rollup-build.query';
import { wsId } from '../workspaces/workspace-context';
import { BULK_DAYS, rebuildDays } from './build-days';
import { BatchReport, TicketBatches } from './project-batch';
import { Timed } from './project-tickets';
import { ProjectionRepository } from './projection.repository';
import { RecentDays } from './recent-days';

/** Stale months rebuilt per transaction when nothing else waits. */
const MONTHS_PER_TX = 2;
/** During a long load, stale months are rebuilt at least this often, so long reads stay fast. */
export const MONTHS_EVERY_MS = 15_000;

export interface WorkspaceWorkDeps {
  config: AppConfig;
  queue: ProjectionRepository;
  batches: TicketBatches;
  recentDays: RecentDays;
  timed: Timed;
}

export class WorkspaceWork {
  /** When each workspace's stale months and unranked days were last rebuilt between ticket batches. */
  private readonly monthsBuiltAt = new Map<number, number>();

  constructor(private readonly deps: WorkspaceWorkDeps) {}

  /** The next piece of work of the workspace in context, done in `m`; null when it has none. */
  async next(m: EntityManager): Promise<BatchReport | null> {
    const { config, queue, batches, recentDays, timed } = this.deps;
    const ws = wsId();
    if (!this.monthsBuiltAt.has(ws)) this.monthsBuiltAt.set(ws, Date.now());
    if (Date.now() - this.monthsBuiltAt.get(ws)! > MONTHS_EVERY_MS) {
      this.monthsBuiltAt.set(ws, Date.now());
      const months = await this.rebuildStaleMonths(m);
      const days = await this.rankDays(m, recentDays.recent(ws, Date.now()));
      if (months + days > 0) return { tickets: 0, days: 0, bulkDays: 0, rankedDays: days, months };
    }
    const { ticketIds, rows } = await queue.take(m, config.projectionBatchTickets);
    // More are waiting: a load, whose days are built once rather than per batch. Not a smaller
    // batch: under heavy live ingest (2 writers at 2,500 events/s, 1,000+ tickets a batch) that
    // left today's days to be read from tickets between batches: bench:load read p95 2.7 -> 5.7 s.
    const full = rows === config.projectionBatchTickets;
    if (ticketIds.length > 0) return { ...(await batches.project(m, ticketIds, full)), full };
    const pending = await queue.takePending(m, BULK_DAYS);
    if (pending) {
      await rebuildDays(m, queue, pending.zone, pending.days, timed);
      return { tickets: 0, days: 0, bulkDays: pending.days.length, rankedDays: 0, months: 0 };
    }
    const months = await this.rebuildStaleMonths(m);
    if (months > 0) return { tickets: 0, days: 0, bulkDays: 0, rankedDays: 0, months };
    const days = await this.rankDays(m);
    return days === 0 ? null : { tickets: 0, days: 0, bulkDays: 0, rankedDays: days, months: 0 };
  }

  /**
   * Rebuilds days live batches changed by difference, which restores their stored percentiles.
   * @param skip "zone|day" keys to leave for now
   */
  private async rankDays(m: EntityManager, skip: readonly string[] = []): Promise<number> {
    let n = 0;
    for (const { zone, days } of await this.deps.queue.unrankedDays(m, BULK_DAYS, skip)) {
      await this.deps.timed('days', () => rebuildPeriods(m, zone, 'd', days));
      n += days.length;
    }
    return n;
  }

  private async rebuildStaleMonths(m: EntityManager): Promise<number> {
    const stale = await this.deps.queue.takeStale(m, MONTHS_PER_TX);
    for (const { zone, month } of stale) await this.deps.timed('months', () => rebuildMonths(m, zone, [month]));
    return stale.length;
  }
}
