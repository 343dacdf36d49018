// Months a live batch has just rebuilt days of: the next live batch will most likely make them
// stale again, so the projector leaves them out of its between-batch month rebuilds (they are
// rebuilt once the queue is empty; reads use their days meanwhile). Under bench:load those
// rebuilds were today's month in both zones every 15 s: about 2.5 s of every 15 s of projector
// time, each month cell valid only until the next batch. Pure (the clock is passed in).
export class LiveMonths {
  private readonly touched = new Map<string, number>();

  constructor(private readonly forMs: number) {}

  /** A live batch rebuilt days of these months of `zone` at `now`. */
  record(ws: number, zone: string, months: Iterable<string>, now: number): void {
    for (const month of months) this.touched.set(`${ws}|${zone}|${month}`, now);
  }

  /** The workspace's months touched within `forMs` of `now`, as "zone|YYYY-MM-01" (older ones are forgotten). */
  recent(ws: number, now: number): string[] {
    const out: string[] = [];
    for (const [key, at] of this.touched) {
      if (now - at > this.forMs) this.touched.delete(key);
      else if (key.startsWith(`${ws}|`)) out.push(key.slice(`${ws}|`.length));
    }
    return out;
  }
}
