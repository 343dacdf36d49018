// Which (channel, category, language) keys a read covers and the segment each belongs to: filters
// and segments resolved here, over the small measure_keys table, so that the SQL only ever says
// `key_id = ANY(...)`. Pure; table-tested (key-scope.spec.ts).
import type { KeyScope } from './population.query';

export const DIMENSIONS = ['channel', 'category', 'language'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Column = Dimension | 'path';

export interface KeyRow {
  key_id: number;
  channel: string;
  category: string;
  language: string | null;
}

/** The filters of a population besides time (each a list: any of its values). */
export interface PopulationFilter {
  channel?: string[];
  category?: string[];
  language?: string[];
  path?: string[];
  /** Segments left out (the "other" row of a breakdown). */
  exclude?: { column: Column; values: string[] };
}

/** How a population is split: not at all, by path, or by one or two dimensions. */
export type Segmenting = null | { by: readonly Column[] };

export const PATHS = ['ai', 'escalated', 'human', 'none'];
/** A segment's label for a missing value (language is optional). */
export const NONE = '(none)';
/** Between the two values of a two-dimensional segment's label. */
export const SEGMENT_JOIN = '\u001f';

const valueOf = (k: KeyRow, d: Dimension) => k[d] ?? NONE;

export function keyScope(keys: readonly KeyRow[], f: PopulationFilter, segment: Segmenting): KeyScope {
  const by = segment?.by ?? [];
  if (by.includes('path') && by.length > 1) throw new Error('a segment by path cannot be combined with another column');
  const segByPath = by[0] === 'path';
  const dims = by.filter((c): c is Dimension => c !== 'path');
  let paths = f.path ?? null;
  if (f.exclude?.column === 'path') paths = (paths ?? PATHS).filter((p) => !f.exclude!.values.includes(p));
  const filtered = DIMENSIONS.some((d) => f[d] !== undefined) || (f.exclude !== undefined && f.exclude.column !== 'path');
  const keep = keys.filter((k) => {
    for (const d of DIMENSIONS) {
      const want = f[d];
      if (want && (k[d] === null || !want.includes(k[d]!))) return false;
    }
    if (f.exclude && f.exclude.column !== 'path' && f.exclude.values.includes(valueOf(k, f.exclude.column))) return false;
    return true;
  });
  const segs = keep.map((k) => dims.map((d) => valueOf(k, d)).join(SEGMENT_JOIN));
  // As a SQL array (1-based) indexed by key id: element key_id - 1 here.
  const length = Math.max(0, ...keys.map((k) => k.key_id));
  const segByKey: (string | null)[] = Array.from({ length }, () => null);
  const categoryByKey: (string | null)[] = Array.from({ length }, () => null);
  keep.forEach((k, i) => {
    segByKey[k.key_id - 1] = segs[i];
    categoryByKey[k.key_id - 1] = k.category;
  });
  return {
    all: !filtered && dims.length === 0,
    keyIds: keep.map((k) => k.key_id),
    segs,
    categories: keep.map((k) => k.category),
    paths,
    segByPath,
    segByKey,
    categoryByKey,
  };
}
