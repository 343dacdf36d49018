// Promises that resolve when woken or after their own longest wait: the projector's pause, readers
// waiting for its next batch, and the projector waiting for reads to end (read-activity.ts).

export class Waiters {
  private readonly pending = new Set<() => void>();

  /** How many are waiting now. */
  get size(): number {
    return this.pending.size;
  }

  /** Resolves at the next wakeAll(), or after `maxMs`. */
  wait(maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      this.pending.add(done);
    });
  }

  /** Resolves every wait now. */
  wakeAll(): void {
    for (const done of [...this.pending]) done();
  }
}
