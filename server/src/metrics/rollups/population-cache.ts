// The sums and percentiles of ranges nothing changed in since they were read. Every number of a
// population is a function of its tickets, and only the projector changes tickets: each batch
// adds 1 to the version of every UTC day whose tickets it changed (rollup_versions, in the same
// transaction). A range's version is the sum of its days' versions, read in the reader's
// snapshot; versions only grow, so an equal sum means not one of its tickets changed, and the
// numbers read then are the numbers now. What is still maturing depends on asOf and is read every
// time (population-reader.ts). Under live ingest the writers touch today: the previous period of
// an overview and every week but the last of a trend come from here (docs/SCALING.md).
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TelemetryService } from '../../telemetry/telemetry.service';
import { wsId } from '../../workspaces/workspace-context';
import type { Pct } from './population-assemble';
import type { PopulationRequest, SettledParts } from './population-reader';
import type { KeyScope, SumsRow } from './population.query';
import type { PopulationRange } from './read-plan';
import { rangeVersionsQuery } from './rollup-state.query';

interface Entry {
  version: string;
  sums: SumsRow[];
  pct: [string, Pct][];
}

const rowsOf = (e: Entry) => e.sums.length + e.pct.length;

/**
 * The range group of a percentile entry, keyed k4(groupKey(range group, segment), path): a single
 * range ('') owns every entry; otherwise the group (a date) is what precedes the first separator.
 */
const rangeGroup = (pctKey: string, groups: ReadonlyMap<string, unknown>) => (groups.has('') ? '' : pctKey.split(/[\u0000\u0001]/)[0]);


@Injectable()
export class PopulationCache {
  /** In least-recently-used order (a Map keeps insertion order; a hit is moved to the end). */
  private readonly entries = new Map<string, Entry>();
  /** Rows held (sums rows and percentile entries, a few hundred bytes each). */
  private rows = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly telemetry: TelemetryService,
  ) {}

  /**
   * The request's ranges split into those whose parts are cached and still current (`cached`) and
   * those to read (`missing`); `remember` keeps what was read for the missing ones.
   */
  async lookup(m: EntityManager, req: PopulationRequest, keys: KeyScope): Promise<{ cached: { sums: SumsRow[]; pct: [string, Pct][] }; missing: PopulationRange[]; remember: (parts: SettledParts) => void }> {
    const none = { cached: { sums: [], pct: [] }, missing: [...req.ranges], remember: () => {} };
    const budget = this.config.metricsCacheRows;
    if (budget === 0) return none;
    const versions = await rangeVersionsQuery(m, req.ranges);
    // The key: the workspace, the range as instants and its group, everything the keys resolve to
    // (filter and segment; a new key changes it), and whether percentiles were read.
    const scope = JSON.stringify([wsId(), keys, req.percentiles !== false]);
    const keyOf = (r: PopulationRange) => `${scope}|${r.from.toISOString()}|${r.to.toISOString()}|${r.grp}`;
    const cached = { sums: [] as SumsRow[], pct: [] as [string, Pct][] };
    const missing: PopulationRange[] = [];
    for (const r of req.ranges) {
      const key = keyOf(r);
      const e = this.entries.get(key);
      if (e && e.version === versions.get(r.grp)) {
        this.entries.delete(key);
        this.entries.set(key, e);
        cached.sums.push(...e.sums);
        cached.pct.push(...e.pct);
      } else missing.push(r);
    }
    this.telemetry.populationCache.inc({ outcome: 'hit' }, req.ranges.length - missing.length);
    this.telemetry.populationCache.inc({ outcome: 'miss' }, missing.length);
    const remember = (parts: SettledParts) => {
      // Rows by range group in one pass (a 2,000-day series would otherwise filter every row 2,000 times).
      const of = new Map<string, Entry>(missing.map((r) => [r.grp, { version: versions.get(r.grp) ?? '', sums: [], pct: [] }]));
      for (const s of parts.sums) of.get(s.grp)?.sums.push(s);
      for (const p of parts.pct) of.get(rangeGroup(p[0], of))?.pct.push(p);
      for (const r of missing) {
        const e = of.get(r.grp)!;
        if (!versions.has(r.grp)) continue;
        // One entry may hold a tenth of the budget at most (a 1,000-segment breakdown would crowd out the rest).
        if (rowsOf(e) > budget / 10) continue;
        const key = keyOf(r);
        const old = this.entries.get(key);
        if (old) (this.rows -= rowsOf(old)), this.entries.delete(key);
        this.entries.set(key, e);
        this.rows += rowsOf(e);
      }
      for (const [key, e] of this.entries) {
        if (this.rows <= budget) break;
        this.entries.delete(key);
        this.rows -= rowsOf(e);
      }
    };
    return { cached, missing, remember };
  }
}
