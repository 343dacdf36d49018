// The projector: the one writer of `tickets` and the rollups. Ingest stores events and queues their
// tickets; the projector takes queued tickets in batches and, in one transaction per batch, replays
// them from all their events (CONTRACT §2), refreshes the repeat contacts of their customers and
// rebuilds the rollups of every local day they touch, in every rollup zone. A read therefore never
// sees tickets and rollups disagree, and never falls back to the tickets table for a fresh day.
// A bulk load (more queued than one batch takes) is different: its batches replay tickets and mark
// the days they touch to be built; a batch builds the marked days older than any it touched (a load
// in time order has moved past them), the rest are built once the queue is empty, newest first
// (reads meanwhile count marked days from the tickets table, exactly). Rebuilding per batch
// made every day of a load be rebuilt once per batch that touched it: 2.6 times at 1M tickets a
// year, about 27 times at 10M, where the projector fell to ~700 tickets/s (docs/SCALING.md).
// When the queue is empty it builds days left to build in bulk (a load, a migration, a new zone).
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EventsRepository, StoredReplayEvent } from '../events/events.repository';
import { IngestNotifier } from '../events/ingest-notifier';
import { rebuildPeriods, rebuildValues } from '../metrics/rollups/rollup-build.query';
import { TelemetryService } from '../telemetry/telemetry.service';
import { TicketState, replayTicket } from '../tickets/ticket-replay';
import { TicketsRepository } from '../tickets/tickets.repository';
import { inWorkspace, wsId } from '../workspaces/workspace-context';
import { WorkspaceChanges, WorkspacesService } from '../workspaces/workspaces.service';
import { ProjectionRepository } from './projection.repository';
import { TableVacuums } from './table-vacuums';
import { LiveMonths } from './live-months';

/** Days of a bulk (re)build per transaction: short transactions, and progress survives a stop. */
const BULK_DAYS = 31;
/** Stale months rebuilt per transaction when nothing else waits. */
const MONTHS_PER_TX = 2;
/** During a long load, stale months are rebuilt at least this often, so long reads stay fast. */
const MONTHS_EVERY_MS = 15_000;
/** Tickets projected since the last ANALYZE that make the next idle moment run one. */
const ANALYZE_AFTER = 5_000;

export interface BatchReport {
  tickets: number;
  days: number;
  bulkDays: number;
  months: number;
  /** The batch took as many queued rows as it may: more were waiting (a bulk load). */
  full?: boolean;
}

export function replayAll(events: readonly StoredReplayEvent[]): Map<string, TicketState> {
  const byTicket = new Map<string, StoredReplayEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId);
    if (list) list.push(e);
    else byTicket.set(e.ticketId, [e]);
  }
  const states = new Map<string, TicketState>();
  for (const [id, list] of byTicket) states.set(id, replayTicket(list));
  return states;
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const QUARTER_HOUR_MS = 15 * 60_000;

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
  /** Its own tables' VACUUMs, in the background (table-vacuums.ts). */
  private readonly vacuums: TableVacuums;
  /** When each workspace's stale months were last rebuilt between ticket batches. */
  private readonly monthsBuiltAt = new Map<number, number>();
  /** Months live batches keep making stale: not rebuilt between batches (live-months.ts). */
  private readonly liveMonths = new LiveMonths(MONTHS_EVERY_MS);
  /** Batches run: every fourth serves a workspace with bulk or month work first (no starving behind another's ingest). */
  private turn = 0;
  private readonly waiters = new Set<() => void>();
  /** Ends the projector's pause between batches (a read is waiting, or shutdown). */
  private wake: (() => void) | null = null;
  /** drain() calls in progress: no pause while someone waits for the whole queue. */
  private draining = 0;

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
  ) {
    this.vacuums = new TableVacuums(ds, queue, telemetry, this.log);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ds.transaction((m) => this.ensureZones(m));
    this.ingest.subscribe(() => this.kick());
    this.workspaceChanges.subscribe(() => this.kick());
    // Another server on the same database may queue work too: look now and then.
    this.poll = setInterval(() => this.kick(), 1000);
    this.poll.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    this.wake?.();
    const vacuums = this.vacuums.stop(); // none starts from now on
    await this.running;
    await vacuums;
    for (const w of this.waiters) w();
  }

  /** Resolves after the next batch commits (or a moment passes): for readers waiting on the queue. */
  nextBatch(maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      this.waiters.add(done);
      this.wake?.(); // someone waits: project now rather than after the pause
    });
  }

  /** Sleeps up to `ms`, or until a read starts waiting for the projection. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** Starts projecting unless a run is going (then it runs once more after). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop()
      .catch((e: Error) => this.log.warn(`projection failed, retrying shortly: ${e.message}`))
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
        this.wake?.(); // not through a pause
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
      const started = Date.now();
      const r = await this.batch();
      if (r === 'busy') return; // another server projects: its commits are what readers wait for
      if (r === null) {
        if (this.sinceAnalyze >= ANALYZE_AFTER) {
          this.sinceAnalyze = 0;
          await this.ds.transaction((m) => this.queue.analyze(m));
        }
        this.vacuums.maybeRun(false);
        return;
      }
      this.telemetry.projectedTickets.inc(r.tickets);
      if (r.days + r.bulkDays > 0) this.telemetry.rollupDaysRebuilt.inc(r.days + r.bulkDays);
      for (const w of [...this.waiters]) w();
      this.vacuums.maybeRun(r.full === true);
      // A long load: statistics as it grows, so plans stay right while it runs.
      if (this.sinceAnalyze >= 500_000) {
        this.sinceAnalyze = 0;
        await this.ds.transaction((m) => this.queue.analyze(m));
      }
      // Live ingest (a batch smaller than a full one): let tickets gather for PROJECTION_INTERVAL_MS,
      // and at least as long as the batch took, rather than rebuild today's rollups for every small
      // request: the projector then uses at most half of a core and reads get the rest. A read
      // that waits for the projection (read-your-writes) ends the pause at once. A bulk load
      // (full batches) is projected back to back.
      const spent = Date.now() - started;
      const rest = Math.max(this.config.projectionIntervalMs - spent, spent);
      const live = r.tickets > 0 && !r.full;
      if (live && this.waiters.size === 0 && this.draining === 0 && !this.stopped) await this.pause(rest);
    }
  }

  /**
   * One transaction of work, in this order: queued tickets; days to build in bulk; stale months
   * (also between ticket batches once MONTHS_EVERY_MS has passed, so a long load does not leave
   * every read on days). Null when there was nothing to do.
   */
  async batch(): Promise<BatchReport | 'busy' | null> {
    const r = await this.ds.transaction(async (m) => {
      await m.query('SET LOCAL statement_timeout = 0'); // a bulk batch may outlast the API's 60 s
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
        const done = await inWorkspace(ws, () => this.batchOf(m));
        if (done) {
          this.lastWorkspace = id;
          return done;
        }
      }
      return null;
    });
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

  /** One transaction's work of the workspace in context (see batch()). */
  private async batchOf(m: EntityManager): Promise<BatchReport | null> {
    const ws = wsId();
    if (!this.monthsBuiltAt.has(ws)) this.monthsBuiltAt.set(ws, Date.now());
    if (Date.now() - this.monthsBuiltAt.get(ws)! > MONTHS_EVERY_MS) {
      this.monthsBuiltAt.set(ws, Date.now());
      const months = await this.rebuildStaleMonths(m, this.liveMonths.recent(ws, Date.now()));
      if (months > 0) return { tickets: 0, days: 0, bulkDays: 0, months };
    }
    const { ticketIds, rows } = await this.queue.take(m, this.config.projectionBatchTickets);
    // More are waiting: a load, whose days are built once rather than per batch. Not a smaller
    // batch: under heavy live ingest (2 writers at 2,500 events/s, 1,000+ tickets a batch) that
    // left today's days to be read from tickets between batches: bench:load read p95 2.7 -> 5.7 s.
    const full = rows === this.config.projectionBatchTickets;
    if (ticketIds.length > 0) return { ...(await this.project(m, ticketIds, full)), full };
    const pending = await this.queue.takePending(m, BULK_DAYS);
    if (pending) {
      await this.rebuildDays(m, pending.zone, pending.days);
      return { tickets: 0, days: 0, bulkDays: pending.days.length, months: 0 };
    }
    const months = await this.rebuildStaleMonths(m);
    return months === 0 ? null : { tickets: 0, days: 0, bulkDays: 0, months };
  }

  /** @param skip "zone|month" keys to leave stale for now */
  private async rebuildStaleMonths(m: EntityManager, skip: readonly string[] = []): Promise<number> {
    const stale = await this.queue.takeStale(m, MONTHS_PER_TX, skip);
    for (const { zone, month } of stale) await rebuildPeriods(m, zone, 'm', [month]);
    return stale.length;
  }

  /** @param bulk a load: mark the days touched to be built once, later, rather than now */
  private async project(m: EntityManager, ticketIds: string[], bulk: boolean): Promise<BatchReport> {
    const before = await this.tickets.existing(m, ticketIds);
    const states = replayAll(await this.events.forTickets(m, ticketIds));
    // A ticket whose events were all taken back (a new version of an import): no ticket any more.
    const gone = ticketIds.filter((id) => !states.has(id));
    if (gone.length > 0) await this.tickets.remove(m, gone);
    await this.tickets.ensureKeys(m, states);
    await this.tickets.upsert(m, states);
    // A customer's later ticket can arrive first: refresh the flags these tickets can change, their
    // own and those of their customers' tickets resolved within 7 days before them (before and
    // after this batch).
    const customers = new Set<string>();
    const touched: { customerId: string; createdAt: Date }[] = [];
    const touch = (customerId: string | null, createdAt: Date | null) => {
      if (customerId === null) return;
      customers.add(customerId);
      if (createdAt) touched.push({ customerId, createdAt });
    };
    for (const b of before) touch(b.customerId, b.createdAt);
    for (const s of states.values()) touch(s.customerId, s.createdUs === null ? null : new Date(s.createdUs / 1000));
    const flagged = await this.tickets.refreshRepeatContacts(m, ticketIds, touched, [...customers]);

    // Local days of the instants touched, per zone. Every zone's offset is a multiple of 15 minutes,
    // so instants in one quarter hour share their local day: the zones are asked once per quarter.
    const slots = new Set<number>(flagged.map((d) => Math.floor(d.getTime() / QUARTER_HOUR_MS)));
    for (const b of before) if (b.createdAt) slots.add(Math.floor(b.createdAt.getTime() / QUARTER_HOUR_MS));
    for (const s of states.values()) if (s.createdUs !== null) slots.add(Math.floor(s.createdUs / 1000 / QUARTER_HOUR_MS));
    const instants = [...slots].map((q) => new Date(q * QUARTER_HOUR_MS));
    const byZone = new Map<string, string[]>();
    for (const { zone, day } of await this.queue.daysOf(m, instants, await this.queue.zones(m))) {
      const list = byZone.get(zone);
      if (list) list.push(day);
      else byZone.set(zone, [day]);
    }
    let days = 0;
    let bulkDays = 0;
    for (const [zone, list] of byZone) {
      list.sort();
      if (!bulk) {
        await this.rebuildDays(m, zone, list);
        days += list.length;
        this.liveMonths.record(wsId(), zone, new Set(list.map(monthOf)), Date.now());
        continue;
      }
      // No month marked stale here: a month with a pending day is not read as a month, and
      // building the day (rebuildDays) marks it.
      await this.queue.addPending(m, zone, list);
      // A load in time order has moved past the days before this batch's first: build those now,
      // oldest first, so reads of them are fast while the load goes on. A load in no order (every
      // batch touches every day) builds nothing here and everything once at the end.
      const settled = await this.queue.takePending(m, BULK_DAYS, { zone, before: list[0] });
      if (settled) {
        await this.rebuildDays(m, zone, settled.days);
        bulkDays += settled.days.length;
      }
    }
    return { tickets: ticketIds.length, days, bulkDays, months: 0 };
  }

  /**
   * A zone's local days and (for UTC) the values of those days, now; their months are marked stale
   * and rebuilt later (reads use the days meanwhile): a live load touches today all the time, and
   * rebuilding its whole month each time would cost more than the batch itself.
   */
  private async rebuildDays(m: EntityManager, zone: string, days: string[]): Promise<void> {
    await rebuildPeriods(m, zone, 'd', days);
    if (zone === 'UTC') await rebuildValues(m, days);
    await this.queue.markStale(m, zone, [...new Set(days.map(monthOf))]);
    // Built now: a bulk build need not do them again.
    await this.queue.donePending(m, zone, days);
  }
}
