import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import type { TelemetryService } from '../../telemetry/telemetry.service';
import { inWorkspace } from '../../workspaces/workspace-context';
import { PopulationCache } from './population-cache';
import type { PopulationRequest, SettledParts } from './population-reader';
import type { KeyScope, SumsRow } from './population.query';

// The cache's bookkeeping without a database: the versions query answers from `versions`.
const KEYS: KeyScope = { all: true, keyIds: [1], segs: [''], categories: ['billing'], paths: null, segByPath: false, segByKey: [''], categoryByKey: ['billing'] };
const day = (d: string) => ({ fromDate: d, toDate: d, from: new Date(`${d}T00:00:00Z`), to: new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000), grp: d });
const request = (...days: string[]): PopulationRequest => ({ ranges: days.map(day), tz: 'UTC', filter: {}, segment: null, asOf: new Date('2026-03-01T00:00:00Z') });
/** `n` sums rows of group `grp` (the cache counts rows against its budget). */
const parts = (grp: string[], n: number): SettledParts => ({
  sums: grp.flatMap((g) => Array.from({ length: n }, (_, i) => ({ grp: g, seg: '', path: 'ai', category: `c${i}` }) as SumsRow)),
  pct: new Map(grp.map((g) => [`${g}\u0000ai`, { handle: [1, 2] }])),
  plan: { units: [], raw: [], leftOut: [] },
});

function setup(rows: number) {
  const versions = new Map<string, number>();
  const m = { query: async (_sql: string, params: unknown[]) => (params[3] as string[]).map((grp) => ({ grp, version: String(versions.get(grp) ?? 0) })) } as unknown as EntityManager;
  const cache = new PopulationCache({ metricsCacheRows: rows } as AppConfig, { populationCache: { inc: () => undefined } } as unknown as TelemetryService);
  const ws = { id: 1, slug: 'default', name: 'Default', timeZone: 'UTC' } as never;
  /** Looks the days up, reads (remembers) the missing ones with `n` rows each; returns the days that were missing. */
  const read = (n: number, ...days: string[]) =>
    inWorkspace(ws, async () => {
      const { missing, cached, remember } = await cache.lookup(m, request(...days), KEYS);
      remember(parts(missing.map((r) => r.grp), n));
      return { missing: missing.map((r) => r.grp), cachedRows: cached.sums.length, cachedPct: cached.pct.length };
    });
  return { versions, read };
}

describe('PopulationCache', () => {
  it('keeps each range until its version moves, and gives back its rows and percentiles', async () => {
    const { versions, read } = setup(1000);
    expect(await read(3, '2026-01-01', '2026-01-02')).toEqual({ missing: ['2026-01-01', '2026-01-02'], cachedRows: 0, cachedPct: 0 });
    expect(await read(3, '2026-01-01', '2026-01-02')).toEqual({ missing: [], cachedRows: 6, cachedPct: 2 });
    versions.set('2026-01-02', 1);
    expect(await read(3, '2026-01-01', '2026-01-02')).toEqual({ missing: ['2026-01-02'], cachedRows: 3, cachedPct: 1 });
  });

  it('drops the least recently used ranges past its budget of rows, and never keeps a range over a tenth of it', async () => {
    const { read } = setup(100); // 4 rows a range (3 sums + 1 percentile entry): 25 ranges fit
    const days = Array.from({ length: 25 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`);
    await read(3, ...days);
    expect((await read(3, '2026-02-01')).missing).toEqual([]); // 02-01 is now the most recently used
    await read(3, '2026-03-01'); // one more: the least recently used (02-02) goes
    expect((await read(3, '2026-02-02')).missing).toEqual(['2026-02-02']);
    expect((await read(3, '2026-02-01', '2026-03-01')).missing).toEqual([]);
    await read(10, '2026-04-01'); // 11 rows > 100 / 10: not kept
    expect((await read(10, '2026-04-01')).missing).toEqual(['2026-04-01']);
  });

  it('with a budget of 0 keeps nothing', async () => {
    const { read } = setup(0);
    await read(1, '2026-01-01');
    expect((await read(1, '2026-01-01')).missing).toEqual(['2026-01-01']);
  });
});
