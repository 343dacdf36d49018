// Building a zone's local days of rollups from the tickets table, in the projector's transaction
// (a batch's days, days left to build in bulk) or beside a load's batch, in a transaction of its
// own on another connection: the batch replays tickets on one core while the days the load has
// moved past are built on the other.
import { DataSource, EntityManager } from 'typeorm';
import { withLongStatements } from '../database/long-statements';
import { rebuildMonths, rebuildPeriods, rebuildValues } from '../metrics/rollups/rollup-build.query';
import { Timed } from './project-tickets';
import { ProjectionRepository } from './projection.repository';

/** Days of a bulk (re)build per transaction: short transactions, and progress survives a stop. */
export const BULK_DAYS = 31;
/** Stale months summed beside each batch of a load. */
const MONTHS_BESIDE = 2;

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * A zone's local days and (for UTC) the values of those days, built from the tickets table; their
 * months are marked stale and rebuilt later (reads use the days meanwhile).
 */
export async function rebuildDays(m: EntityManager, queue: ProjectionRepository, zone: string, days: string[], timed: Timed): Promise<void> {
  await timed('days', () => rebuildPeriods(m, zone, 'd', days));
  if (zone === 'UTC') await timed('values', () => rebuildValues(m, days));
  await queue.markStale(m, zone, [...new Set(days.map(monthOf))]);
  // Built now: a bulk build need not do them again.
  await queue.donePending(m, zone, days);
}

/**
 * Up to `limit` days per zone that wait to be built and lie before that zone's day in `frontier`
 * (a load in time order has moved past them), built in a transaction of its own. Run beside a
 * load's batch and awaited before the batch commits, so nothing else of the projector runs
 * meanwhile: the batch writes tickets and marks days, not cells. A day is safe either way round:
 * a day the batch has marked is locked and skipped here (takePending); a day taken here first
 * makes the batch's mark wait for this commit and then mark it anew, so a day built without the
 * batch's uncommitted tickets stays to be built again. Answers how many days it built.
 */
export async function buildBeside(ds: DataSource, queue: ProjectionRepository, frontier: ReadonlyMap<string, string>, limit: number, timed: Timed): Promise<number> {
  // Long statements allowed, as in the projector's own transaction.
  return ds.transaction((m) => withLongStatements(m, async () => {
    await queue.lockBeside(m);
    let built = 0;
    for (const [zone, before] of frontier) {
      const settled = await queue.takePending(m, limit, { zone, before });
      if (!settled) continue;
      await rebuildDays(m, queue, zone, settled.days, timed);
      built += settled.days.length;
    }
    // Months whose days are all built again (the load has moved past them; takeStale takes no
    // month with a day to build): summed now rather than two every 15 s, so reads during the load
    // take them whole instead of day by day.
    for (const { zone, month } of await queue.takeStale(m, MONTHS_BESIDE)) await timed('months', () => rebuildMonths(m, zone, [month]));
    return built;
  }));
}
