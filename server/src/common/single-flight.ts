// Concurrent identical reads share one computation, without ever answering a caller with less than
// it is owed. A computation has two phases: `gather` (e.g. waiting for the projection of what was
// acknowledged) during which callers with the same key join it, then `compute`, which starts after
// the key is closed: everything a joiner had been acknowledged before it joined is committed
// before `compute` begins, so compute (which checks freshness again and takes its snapshot) sees
// it. A caller arriving during `compute` starts a new computation. Nothing is cached afterwards.

/** A key from a request's parameters, independent of their order; undefined values are left out. */
export function requestKey(kind: string, params: object): string {
  const entries = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([kind, entries]);
}

export class SingleFlight {
  private readonly open = new Map<string, Promise<unknown>>();

  /** @param onShared called each time a caller joins a computation still gathering */
  constructor(private readonly onShared: () => void = () => {}) {}

  run<G, T>(key: string, gather: () => Promise<G>, compute: (gathered: G) => Promise<T>): Promise<T> {
    const joinable = this.open.get(key);
    if (joinable) {
      this.onShared();
      return joinable as Promise<T>;
    }
    const p: Promise<T> = (async () => {
      let gathered: G;
      try {
        gathered = await Promise.resolve().then(gather); // never before the key is set
      } finally {
        this.open.delete(key); // closed: later callers compute afresh
      }
      return compute(gathered);
    })();
    this.open.set(key, p);
    return p;
  }

  /** Computations still taking joiners. */
  get size(): number {
    return this.open.size;
  }
}
