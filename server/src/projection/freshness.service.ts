// Read-your-writes: a read waits until everything acknowledged before it (or, with ?after=, the
// batch that answered with that projection position) is projected, up to READ_WAIT_SECONDS; then
// it answers, and says how far behind it is when it could not wait long enough.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Freshness } from '../contract/api-types';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TelemetryService } from '../telemetry/telemetry.service';
import { ProjectionRepository } from './projection.repository';
import { ProjectorService } from './projector.service';

@Injectable()
export class FreshnessService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly queue: ProjectionRepository,
    private readonly projector: ProjectorService,
    private readonly telemetry: TelemetryService,
  ) {}

  /** Waits for the projection (of `after`, or of everything queued now) and says where it stands. */
  /** @param spentMs time this request already waited (its budget is what is left) */
  async catchUp(after?: string, waitSeconds?: string, spentMs = 0): Promise<Freshness> {
    return this.waitFor(await this.target(after), waitSeconds, spentMs);
  }

  /** The queue position a read must see: `after`, or the last one acknowledged now (null: nothing queued yet). */
  async target(after?: string): Promise<string | null> {
    return after ?? (await this.queue.last(this.ds.manager));
  }

  /** Waits until `target` is projected, up to `waitSeconds` (a request's `wait`), at most READ_WAIT_SECONDS. */
  async waitFor(target: string | null, waitSeconds?: string, spentMs = 0): Promise<Freshness> {
    const started = Date.now();
    const limit = waitSeconds === undefined ? this.config.readWaitSeconds : Math.min(Number(waitSeconds), this.config.readWaitSeconds);
    const deadline = started + limit * 1000 - spentMs;
    let complete = target === null;
    while (!complete) {
      complete = await this.queue.projectedThrough(this.ds.manager, target!);
      if (complete || Date.now() >= deadline) break;
      await this.projector.nextBatch(Math.min(100, deadline - Date.now()));
    }
    const waited = Date.now() - started;
    this.telemetry.readWait.observe(waited / 1000);
    if (complete) return { complete: true, waitedMs: waited, pendingTickets: 0, pendingEstimated: false, behindSeconds: 0 };
    const s = await this.queue.state(this.ds.manager);
    return { complete: false, waitedMs: waited, pendingTickets: s.pending, pendingEstimated: s.estimated, behindSeconds: Math.round(s.oldestSeconds) };
  }
}
