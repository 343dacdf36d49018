import { Injectable } from '@nestjs/common';

/**
 * Lets work that follows ingest (the projector, alert evaluation) hear about it without sitting on
 * the write path, and tells how many events this server accepted over the last second.
 */
@Injectable()
export class IngestNotifier {
  private readonly listeners: ((workspaceId: number) => void)[] = [];
  /** [performance.now() ms, events] of the answers of about the last second, oldest first (a monotonic clock: a step of the wall clock cannot stretch the second). */
  private readonly recent: [number, number][] = [];

  subscribe(listener: (workspaceId: number) => void): void {
    this.listeners.push(listener);
  }

  /** `events` new events of this workspace were stored. */
  notify(workspaceId: number, events: number, now = performance.now()): void {
    this.recent.push([now, events]);
    this.forget(now);
    for (const l of this.listeners) l(workspaceId);
  }

  /** Events accepted by this server in the second before `now`. */
  eventsInLastSecond(now = performance.now()): number {
    this.forget(now);
    let n = 0;
    for (const [, events] of this.recent) n += events;
    return n;
  }

  private forget(now: number): void {
    while (this.recent.length > 0 && this.recent[0][0] <= now - 1000) this.recent.shift();
  }
}
