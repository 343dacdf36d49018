// A load is being sent to this server (PROJECTION_LOAD_EVENTS_PER_SECOND or more accepted over the
// last second, in any workspace): the projector steps aside, so the load is accepted at the
// machine's full speed. Projecting beside it shares the cores: on 2 cores a 1M-event load was
// accepted at 85-92k events/s beside the projector and 156-163k this way, all of it projected
// 17 s after it began against 15 s (docs/SCALING.md). For at most PROJECTION_LOAD_DEFER_MS per
// load, a load ending once no answer has found the rate for that long; a read waiting for the
// projection, a drain or shutdown ends the wait at once (`interrupted`). Live ingest is far below the rate.
import type { AppConfig } from '../config/app-config';
import { IngestNotifier } from '../events/ingest-notifier';

export class LoadDeferral {
  /** The load going on (performance.now() ms): when the projector first stepped aside for it, and when an answer last found the load rate. */
  private load: { since: number; seenAt: number } | null = null;

  constructor(
    private readonly config: Pick<AppConfig, 'projectionLoadDeferMs' | 'projectionLoadEventsPerSecond'>,
    private readonly ingest: Pick<IngestNotifier, 'eventsInLastSecond'>,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** An answer found the load rate at `now` (performance.now() ms). */
  saw(now: number): void {
    if (this.load === null || this.over(now)) this.load = { since: now, seenAt: now };
    else this.load.seenAt = now;
  }

  /**
   * Waits (through `pause`, 100 ms at a time) while a load is being accepted, up to
   * PROJECTION_LOAD_DEFER_MS from its start, or until `interrupted`.
   */
  async waitOut(interrupted: () => boolean, pause: (ms: number) => Promise<void>): Promise<void> {
    const deferMs = this.config.projectionLoadDeferMs;
    for (;;) {
      if (deferMs === 0 || interrupted() || this.load === null) return;
      const now = this.clock();
      if (this.over(now)) {
        this.load = null; // the next load gets its own wait
        return;
      }
      if (this.ingest.eventsInLastSecond() < this.config.projectionLoadEventsPerSecond) return;
      const left = this.load.since + deferMs - now;
      if (left <= 0) return;
      await pause(Math.min(left, 100));
    }
  }

  /** No answer has found the load rate for PROJECTION_LOAD_DEFER_MS: the load is over. */
  private over(now: number): boolean {
    return this.load !== null && now - this.load.seenAt >= this.config.projectionLoadDeferMs;
  }
}
