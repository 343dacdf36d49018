// The projector: the one writer of `tickets` and the rollups. Ingest stores events and queues their
// tickets; the projector takes queued tickets in batches and, in one transaction per batch, replays
// them from all their events (CONTRACT §2), refreshes the repeat contacts of their customers and
// changes the rollups of every local day and month they touch, in every rollup zone, by
// difference: out go the tickets as they were, in as they are (metrics/rollups/rollup-delta.query.ts),
// and the UTC days' sorted values are rebuilt. A read therefore never sees tickets and rollups
// disagree, and never falls back to the tickets table for a fresh day. A day changed that way
// loses its stored percentiles (reads rank its values) until the projector rebuilds it, when the
// queue is empty or, between batches, once no batch has touched it for 15 s.
// A bulk load (more queued than one batch takes) is different: its batches replay tickets and mark
// the days they touch to be built; the marked days older than any the previous batch touched (a
// load in time order has moved past them) are built beside a batch on a second connection
// (project-batch.ts, build-days.ts), the rest once the queue is empty, newest first (reads
// meanwhile count marked days from the tickets table, exactly). Rebuilding per batch
// made every day of a load be rebuilt once per batch that touched it: 2.6 times at 1M tickets a
// year, about 27 times at 10M, where the projector fell to ~700 tickets/s (docs/SCALING.md).
// When the queue is empty it builds days left to build in bulk (a load, a migration, a new zone).
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Waiters } from '../common/waiters';
import { withLongStatements } from '../database/long-statements';
import { EventsRepository } from '../events/events.repository';
import { IngestNotifier } from '../events/ingest-notifier';
import { BatchReport, TicketBatches } from './project-batch';
import { TelemetryService } from '../telemetry/telemetry.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { inWorkspace } from '../workspaces/workspace-context';
import { WorkspaceChanges, WorkspacesService } from '../workspaces/workspaces.service';
import { ProjectionRepository } from './projection.repository';
import { TableVacuums } from './table-vacuums';
import { RecentDays } from './recent-days';
import { ReadActivity } from './read-activity';
import { Timed } from './project-tickets';
import { MONTHS_EVERY_MS, WorkspaceWork } from './workspace-work';
import { LoadDeferral } from './load-deferral';

/** Tickets projected since the last ANALYZE that make the next idle moment run one. */
const ANALYZE_AFTER = 5_000;

export type { BatchReport };

@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Projector');
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;
  /** Rollup zones each workspace has (UTC and its reporting zone), as ensured: "id|zone". */
  private readonly ensured = new Set<string>();
  /** The last workspace projected: the next batch starts after it, so one busy workspace cannot starve the others. */
  private lastWorkspace = 0;
  private sinceAnalyze = 0;
  /** The last batch with tickets was a full one (a load's): a smaller one after it is the load's last. */
  private lastTicketBatchFull = false;
  /** Its own tables' VACUUMs, in the background (table-vacuums.ts). */
  private readonly vacuums: TableVacuums;
  /** One transaction's work of a workspace: a ticket batch, days, months (workspace-work.ts). */
  private readonly work: WorkspaceWork;
  /** Days live batches keep changing: not re-ranked between batches (recent-days.ts). */
  private readonly recentDays = new RecentDays(MONTHS_EVERY_MS);
  /** Batches run: every fourth serves a workspace with bulk or month work first (no starving behind another's ingest). */
  private turn = 0;
  private readonly waiters = new Waiters();
  /** The projector's pause between batches, ended early when a read waits, or at shutdown. */
  private readonly sleep = new Waiters();
  /** The step running now, or the one that failed (named in the warning). */
  private step: string | null = null;
  /** drain() calls in progress: no pause while someone waits for the whole queue. */
  private draining = 0;
  /** Steps aside while a load is being accepted (load-deferral.ts). */
  private readonly loads: LoadDeferral;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly queue: ProjectionRepository,
    private readonly events: EventsRepository,
    private readonly tickets: TicketsRepository,
    private readonly ingest: IngestNotifier,
    private readonly telemetry: TelemetryService,
    private readonly workspaces: WorkspacesService,
    private readonly workspaceChanges: WorkspaceChanges,
    reads: ReadActivity,
  ) {
    this.vacuums = new TableVacuums(ds, queue, telemetry, this.log);
    this.loads = new LoadDeferral(config, ingest);
    const batches = new TicketBatches({ config, ds, queue, tickets, events, recentDays: this.recentDays, reads, timed: this.timed, timedBeside: this.timedBeside, log: this.log });
    this.work = new WorkspaceWork({ config, queue, batches, recentDays: this.recentDays, timed: this.timed });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ds.transaction((m) => this.ensureZones(m));
    this.ingest.subscribe(() => {
      if (this.ingest.eventsInLastSecond() >= this.config.projectionLoadEventsPerSecond) this.loads.saw(performance.now());
      this.kick();
    });
    this.workspaceChanges.subscribe(() => this.kick());
    // Another server on the same database may queue work too: look now and then.
    this.poll = setInterval(() => this.kick(), 1000);
    this.poll.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    this.sleep.wakeAll();
    const vacuums = this.vacuums.stop(); // none starts from now on
    await this.running;
    await vacuums;
    this.waiters.wakeAll();
  }

  /** Resolves after the next batch commits (or a moment passes): for readers waiting on the queue. */
  nextBatch(maxMs: number): Promise<void> {
    const next = this.waiters.wait(maxMs);
    this.sleep.wakeAll(); // someone waits: project now rather than after the pause
    return next;
  }

  /** Sleeps up to `ms`, or until a read starts waiting for the projection. */
  private pause(ms: number): Promise<void> {
    return this.sleep.wait(ms);
  }

  /** Starts projecting unless a run is going (then it runs once more after). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop()
      .catch((e: Error) => this.log.warn(`projection failed${this.step ? ` (${this.step})` : ''}, retrying shortly: ${e.message}`))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Projects until the queue and the bulk work are empty (tests, the CLI: `await drain()`). */
  async drain(): Promise<void> {
    this.draining++;
    try {
      for (;;) {
        this.sleep.wakeAll(); // not through a pause
        await this.running;
        const r = await this.batch();
        if (r === 'busy') await new Promise((res) => setTimeout(res, 20));
        else if (r === null) return;
      }
    } finally {
      this.draining--;
    }
  }

  private async drainLoop(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      // Not while a read waits for the projection or someone drains the queue.
      await this.loads.waitOut(() => this.stopped || this.waiters.size > 0 || this.draining > 0, (ms) => this.pause(ms));
      if (this.stopped) return;
      const started = Date.now();
      const r = await this.batch();
      if (r === 'busy') return; // another server projects: its commits are what readers wait for
      if (r === null) {
        if (this.sinceAnalyze >= ANALYZE_AFTER) {
          this.sinceAnalyze = 0;
          await this.timed('analyze', () => this.ds.transaction((m) => withLongStatements(m, () => this.queue.analyze(m))));
        }
        this.vacuums.maybeRun(false);
        return;
      }
      this.telemetry.projectedTickets.inc(r.tickets);
      if (r.bulkDays + r.rankedDays > 0) this.telemetry.rollupDaysRebuilt.inc(r.bulkDays + r.rankedDays);
      this.waiters.wakeAll();
      this.vacuums.maybeRun(r.full === true);
      // A long load: statistics as it grows, so plans stay right while it runs.
      if (this.sinceAnalyze >= 500_000) {
        this.sinceAnalyze = 0;
        await this.timed('analyze', () => this.ds.transaction((m) => withLongStatements(m, () => this.queue.analyze(m))));
      }
      // Live ingest (a batch smaller than a full one): let tickets gather for PROJECTION_INTERVAL_MS,
      // and at least as long as the batch took, rather than rebuild today's rollups for every small
      // request: the projector then uses at most half of a core and reads get the rest. A read
      // that waits for the projection (read-your-writes) ends the pause at once. A bulk load
      // (full batches) is projected back to back, and so is a load's last, smaller batch when the
      // load's days wait to be built: pausing after it only left reads on the tickets longer (3.3-4.6 s
      // of idle projector after a 1M load; docs/SCALING.md, fifteenth). Only that one batch: live
      // ingest after it is paced again, whatever bulk work waits.
      const spent = Date.now() - started;
      const rest = Math.max(this.config.projectionIntervalMs - spent, spent);
      const live = r.tickets > 0 && !r.full;
      const loadsLast = live && this.lastTicketBatchFull;
      if (r.tickets > 0) this.lastTicketBatchFull = r.full === true;
      const loadsDaysWait = loadsLast && (await this.queue.daysWaitToBuild(this.ds.manager));
      if (live && !loadsDaysWait && this.waiters.size === 0 && this.draining === 0 && !this.stopped) await this.pause(rest);
    }
  }

  /**
   * One transaction of work, in this order: queued tickets; days to build in bulk; stale months;
   * days to rank. Months and days to rank also between ticket batches once MONTHS_EVERY_MS has
   * passed, so a long load does not leave every read on days. Null when there was nothing to do.
   */
  async batch(): Promise<BatchReport | 'busy' | null> {
    // A bulk batch's statements may outlast the API's 60 s (long-statements.ts).
    const r = await this.ds.transaction((m) => withLongStatements(m, async () => {
      if (!(await this.queue.tryLock(m))) return 'busy' as const;
      await this.ensureZones(m);
      const withWork = await this.queue.workspacesWithWork(m);
      // Workspaces with queued tickets first, each in turn after the last one served; every fourth
      // batch those with only days or months to build go first, so steady ingest into one
      // workspace cannot hold back another's rollups.
      const queued = withWork.filter((w) => w.queued);
      const inTurn = [...queued.filter((w) => w.id > this.lastWorkspace), ...queued.filter((w) => w.id <= this.lastWorkspace)];
      const building = withWork.filter((w) => !w.queued);
      const order = this.turn++ % 4 === 3 ? [...building, ...inTurn] : [...inTurn, ...building];
      for (const { id } of order) {
        const ws = await this.workspaces.byId(id);
        if (!ws) continue;
        const done = await inWorkspace(ws, () => this.work.next(m));
        if (done) {
          this.lastWorkspace = id;
          return done;
        }
      }
      return null;
    }));
    if (r && r !== 'busy') {
      this.sinceAnalyze += r.tickets;
      this.telemetry.projectionCommitted();
    }
    return r;
  }

  /**
   * Every workspace has rollups of UTC and of its reporting zone: a new workspace, or a new zone,
   * gets its local days queued to be built in bulk.
   */
  private async ensureZones(m: EntityManager): Promise<void> {
    for (const ws of await this.workspaces.all()) {
      for (const zone of ['UTC', ws.timeZone]) {
        if (this.ensured.has(`${ws.id}|${zone}`)) continue;
        const added = await inWorkspace(ws, async () => ((await this.queue.zones(m)).includes(zone) ? 0 : this.queue.addZone(m, zone)));
        if (added > 0) this.log.log(`workspace ${ws.slug}, time zone ${zone}: ${added} local day(s) of rollups to build in the background`);
        this.ensured.add(`${ws.id}|${zone}`);
      }
    }
  }

  /**
   * Runs one step of the projector's work and counts its time (claimcheck_projector_seconds_total).
   * @param named the step is the one a failure's warning names (not so for the build beside a batch)
   */
  private timer(named: boolean): Timed {
    return async (step, work) => {
      const t0 = performance.now();
      if (named) this.step = step;
      try {
        const r = await work();
        if (named) this.step = null;
        return r; // on a failure the step stays set: the warning names it
      } finally {
        this.telemetry.projectorSeconds.inc({ step }, (performance.now() - t0) / 1000);
      }
    };
  }
  private readonly timed = this.timer(true);
  private readonly timedBeside = this.timer(false);
}
