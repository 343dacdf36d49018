// Concurrent identical reads share one computation: the first caller with a key runs it, callers
// that arrive while it runs get the same promise. Nothing is cached after it settles, so a later
// caller always computes afresh (and sees later writes).

/** A key from a request's parameters, independent of their order; undefined values are left out. */
export function requestKey(kind: string, params: object, extra: readonly unknown[] = []): string {
  const entries = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([kind, entries, extra]);
}

export class SingleFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  /** @param onShared called each time a caller joins a computation already running */
  constructor(private readonly onShared: () => void = () => {}) {}

  run<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) {
      this.onShared();
      return existing as Promise<T>;
    }
    const p = compute().finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  get size(): number {
    return this.running.size;
  }
}
