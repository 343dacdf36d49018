// Days a live batch has just changed by difference: the next live batch will most likely change
// them again, so the projector leaves them out of its between-batch rebuilds that restore a day's
// exact percentiles (they are rebuilt once the queue is empty; reads rank their values meanwhile).
// Under bench:load the writers fill two days all the time: rebuilding them every 15 s would cost
// about what rebuilding them every batch did. Pure (the clock is passed in).
export class RecentDays {
  private readonly touched = new Map<string, number>();

  constructor(private readonly forMs: number) {}

  /** A live batch changed these days of `zone` at `now`. */
  record(ws: number, zone: string, days: Iterable<string>, now: number): void {
    for (const day of days) this.touched.set(`${ws}|${zone}|${day}`, now);
  }

  /** The workspace's days touched within `forMs` of `now`, as "zone|YYYY-MM-DD" (older ones are forgotten). */
  recent(ws: number, now: number): string[] {
    const out: string[] = [];
    for (const [key, at] of this.touched) {
      if (now - at > this.forMs) this.touched.delete(key);
      else if (key.startsWith(`${ws}|`)) out.push(key.slice(`${ws}|`.length));
    }
    return out;
  }
}
