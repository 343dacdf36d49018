// The SQL of a population read (population-reader.ts runs them in one snapshot). A population is
// the plan's rollup units plus its raw ranges of tickets, narrowed to some keys and paths, grouped
// by the range's group and a segment. Every measure expression comes from measures.ts.
import { EntityManager } from 'typeorm';
import { MATURITY_SQL } from '../measures';
import { ADDITIVE_COLUMNS, cellSums, distributionRows, ticketPercentiles, ticketRowValues, ticketSums } from '../measures.sql';
import { DISTRIBUTIONS } from '../measures';
import { RawRange, Unit } from './read-plan';
import { SqlParams } from './sql-params';

/** The keys a read covers, each with its segment label ('' when not segmented) and category. */
export interface KeyScope {
  /** No dimension filter and no dimension segment: rollup cells of key 0 can answer. */
  all: boolean;
  keyIds: number[];
  segs: string[];
  categories: string[];
  /** Paths to read (the path filter), or null for all. */
  paths: string[] | null;
  /** Segment by path instead of by key. */
  segByPath: boolean;
}

interface Relations {
  p: SqlParams;
  with: string;
}

/** u: the units, r: the raw ranges, k: the keys (with segment and category). */
function relations(units: readonly Unit[], raw: readonly RawRange[], keys: KeyScope): Relations {
  const p = new SqlParams();
  const u = `u AS (SELECT * FROM unnest(${p.add(units.map((x) => x.zone), 'text[]')}, ${p.add(units.map((x) => x.span), 'text[]')}, ${p.add(units.map((x) => x.period), 'date[]')}, ${p.add(units.map((x) => x.grp), 'text[]')}) AS u(u_zone, u_span, u_period, u_grp))`;
  const r = `r AS (SELECT * FROM unnest(${p.add(raw.map((x) => x.lo), 'timestamptz[]')}, ${p.add(raw.map((x) => x.hi), 'timestamptz[]')}, ${p.add(raw.map((x) => x.grp), 'text[]')}) AS r(r_lo, r_hi, r_grp))`;
  const k = `k AS (SELECT * FROM unnest(${p.add(keys.keyIds, 'int[]')}, ${p.add(keys.segs, 'text[]')}, ${p.add(keys.categories, 'text[]')}) AS k(k_id, k_seg, k_category))`;
  return { p, with: `WITH ${u}, ${r}, ${k}` };
}

const pathFilter = (p: SqlParams, keys: KeyScope, col: string) => (keys.paths ? `AND ${col} = ANY(${p.add(keys.paths, 'text[]')})` : '');
const seg = (keys: KeyScope, pathCol: string) => (keys.segByPath ? pathCol : 'k.k_seg');

export interface SumsRow {
  grp: string;
  seg: string;
  path: string;
  category: string;
  [column: string]: number | string;
}

/** The additive measures per group, segment, path and category (categories price the savings). */
export async function sumsQuery(m: EntityManager, units: readonly Unit[], raw: readonly RawRange[], keys: KeyScope): Promise<SumsRow[]> {
  const { p, with: w } = relations(units, raw, keys);
  const cols = ADDITIVE_COLUMNS.map((c) => `c.${c}`).join(', ');
  return m.query(
    `${w}
     SELECT x.grp, x.seg, x.path, x.category, ${cellSums('x')}
     FROM (
       SELECT u.u_grp AS grp, ${seg(keys, 'c.path')} AS seg, c.path, k.k_category AS category, ${cols}
         FROM u JOIN rollup_cells c ON c.zone = u.u_zone AND c.span = u.u_span::"char" AND c.period = u.u_period
         JOIN k ON k.k_id = c.key_id
        WHERE TRUE ${pathFilter(p, keys, 'c.path')}
       UNION ALL
       SELECT r.r_grp, ${seg(keys, 'tk.path')}, tk.path, k.k_category, ${ticketRowValues()}
         FROM r JOIN tickets tk ON tk.created_at >= r.r_lo AND tk.created_at < r.r_hi
         JOIN k ON k.k_id = tk.key_id
        WHERE TRUE ${pathFilter(p, keys, 'tk.path')}
     ) x
     GROUP BY x.grp, x.seg, x.path, x.category`,
    p.values,
  );
}

export interface MaturingRow {
  grp: string;
  seg: string;
  category: string;
  pending: number;
  durable_maturing: number;
}

/**
 * AI resolutions younger than 7 days at asOf, per group, segment and category, straight from
 * tickets (a few days' worth, by index): pending, and how many of them are durable so far.
 */
export async function maturingQuery(m: EntityManager, ranges: readonly RawRange[], keys: KeyScope, asOf: Date): Promise<MaturingRow[]> {
  if (keys.paths && !keys.paths.includes('ai')) return [];
  const { p, with: w } = relations([], ranges, keys);
  return m.query(
    `${w}
     SELECT r.r_grp AS grp, ${seg(keys, 'tk.path')} AS seg, k.k_category AS category, count(*)::int AS pending,
            count(*) FILTER (WHERE NOT tk.reopened AND NOT tk.repeat_contact)::int AS durable_maturing
       FROM r JOIN tickets tk ON tk.created_at >= r.r_lo AND tk.created_at < r.r_hi
       JOIN k ON k.k_id = tk.key_id
      WHERE tk.path = 'ai' AND tk.resolved AND tk.resolved_at > ${p.add(asOf, 'timestamptz')} - ${MATURITY_SQL}
      GROUP BY 1, 2, 3`,
    p.values,
  );
}

export interface HistogramRow {
  grp: string;
  seg: string;
  path: string;
  metric: number;
  bin: number;
  n: number;
}

/** Phase 1: every distribution's histogram per group, segment and path. */
export async function histogramQuery(m: EntityManager, units: readonly Unit[], raw: readonly RawRange[], keys: KeyScope): Promise<HistogramRow[]> {
  const { p, with: w } = relations(units, raw, keys);
  // Key 0 holds every key's histogram: one row per unit and path instead of one per key.
  const cellKeys = keys.all ? `AND c.key_id = 0` : '';
  const cellJoin = keys.all ? '' : 'JOIN k ON k.k_id = c.key_id';
  const cellSeg = keys.all ? (keys.segByPath ? 'c.path' : `''`) : seg(keys, 'c.path');
  const rawJoin = keys.all ? '' : 'JOIN k ON k.k_id = tk.key_id';
  const rawSeg = keys.all ? (keys.segByPath ? 'tk.path' : `''`) : seg(keys, 'tk.path');
  const fromCells = DISTRIBUTIONS.map(
    (d) => `SELECT u.u_grp AS grp, ${cellSeg} AS seg, c.path, ${d.metric}::int2 AS metric, h.b AS bin, h.n
         FROM u JOIN rollup_cells c ON c.zone = u.u_zone AND c.span = u.u_span::"char" AND c.period = u.u_period ${cellKeys}
         ${cellJoin}
         CROSS JOIN LATERAL unnest(c.h${d.metric}_bins, c.h${d.metric}_counts) AS h(b, n)
        WHERE TRUE ${pathFilter(p, keys, 'c.path')}`,
  );
  return m.query(
    `${w}
     SELECT grp, seg, path, metric, bin, sum(n)::int AS n FROM (
       ${fromCells.join('\n       UNION ALL\n       ')}
       UNION ALL
       SELECT r.r_grp, ${rawSeg}, tk.path, m.metric, cc_bin(m.x), 1
         FROM r JOIN tickets tk ON tk.created_at >= r.r_lo AND tk.created_at < r.r_hi
         ${rawJoin}
         CROSS JOIN LATERAL ${distributionRows()}
        WHERE m.x IS NOT NULL ${pathFilter(p, keys, 'tk.path')}
     ) h
     GROUP BY grp, seg, path, metric, bin`,
    p.values,
  );
}

/** Day cells' own exact percentiles (key 0), for groups that are exactly one stored day. */
export async function storedPercentilesQuery(m: EntityManager, units: readonly Unit[]): Promise<{ grp: string; path: string; pct: number[] | null }[]> {
  if (units.length === 0) return [];
  const { p, with: w } = relations(units, [], { all: true, keyIds: [], segs: [], categories: [], paths: null, segByPath: false });
  return m.query(
    `${w}
     SELECT u.u_grp AS grp, c.path, c.pct FROM u
       JOIN rollup_cells c ON c.zone = u.u_zone AND c.span = u.u_span::"char" AND c.period = u.u_period AND c.key_id = 0`,
    p.values,
  );
}

/** A value wanted at a 0-based rank of a bin, in a group, segment, path and distribution. */
export interface WantedRank {
  grp: string;
  seg: string;
  path: string;
  metric: number;
  bin: number;
  offset: number;
}

/** The UTC days (minutes [mlo, mhi)) whose stored values belong to a group. */
export interface DayPiece {
  grp: string;
  day: string;
  mlo: number;
  mhi: number;
}

/**
 * Phase 2: the value at each wanted rank of its bin: the bin's values of the group's days (sorted
 * rows of rollup_values, cut to the group's minutes and keys) and of its raw ranges, ranked.
 */
export async function valuesAtQuery(m: EntityManager, wanted: readonly WantedRank[], pieces: readonly DayPiece[], raw: readonly RawRange[], keys: KeyScope): Promise<(WantedRank & { v: number })[]> {
  if (wanted.length === 0) return [];
  const { p, with: w } = relations([], raw, keys);
  const bins = [...new Map(wanted.map((x) => [`${x.grp}\u0000${x.seg}\u0000${x.path}\u0000${x.metric}\u0000${x.bin}`, x])).values()];
  const wb = `wb AS (SELECT * FROM unnest(${p.add(bins.map((x) => x.grp), 'text[]')}, ${p.add(bins.map((x) => x.seg), 'text[]')}, ${p.add(bins.map((x) => x.path), 'text[]')}, ${p.add(bins.map((x) => x.metric), 'int2[]')}, ${p.add(bins.map((x) => x.bin), 'int2[]')}) AS wb(grp, seg, path, metric, bin))`;
  const wr = `wr AS (SELECT * FROM unnest(${p.add(wanted.map((x) => x.grp), 'text[]')}, ${p.add(wanted.map((x) => x.seg), 'text[]')}, ${p.add(wanted.map((x) => x.path), 'text[]')}, ${p.add(wanted.map((x) => x.metric), 'int2[]')}, ${p.add(wanted.map((x) => x.bin), 'int2[]')}, ${p.add(wanted.map((x) => x.offset), 'int8[]')}) AS wr(grp, seg, path, metric, bin, off))`;
  const d = `d AS (SELECT * FROM unnest(${p.add(pieces.map((x) => x.grp), 'text[]')}, ${p.add(pieces.map((x) => x.day), 'date[]')}, ${p.add(pieces.map((x) => x.mlo), 'int2[]')}, ${p.add(pieces.map((x) => x.mhi), 'int2[]')}) AS d(grp, day, mlo, mhi))`;
  const keyCut = keys.all ? '' : `JOIN k ON k.k_id = x.key_id AND ${keys.segByPath ? 'wb.path' : 'k.k_seg'} = wb.seg`;
  const rawKeyCut = keys.all ? '' : `JOIN k ON k.k_id = tk.key_id AND ${keys.segByPath ? 'tk.path' : 'k.k_seg'} = wb.seg`;
  const rows: { grp: string; seg: string; path: string; metric: number; bin: number; off: string; v: number }[] = await m.query(
    `${w}, ${wb}, ${wr}, ${d},
     vals AS (
       SELECT wb.grp, wb.seg, wb.path, wb.metric, wb.bin, x.v
         FROM wb JOIN d ON d.grp = wb.grp
         JOIN rollup_values rv ON rv.metric = wb.metric AND rv.path = wb.path AND rv.bin = wb.bin AND rv.day = d.day
         CROSS JOIN LATERAL unnest(rv.vals, rv.keys, rv.mins) AS x(v, key_id, minute)
         ${keyCut}
        WHERE x.minute >= d.mlo AND x.minute < d.mhi
       UNION ALL
       SELECT wb.grp, wb.seg, wb.path, wb.metric, wb.bin, m.x
         FROM wb JOIN r ON r.r_grp = wb.grp
         JOIN tickets tk ON tk.created_at >= r.r_lo AND tk.created_at < r.r_hi AND tk.path = wb.path
         ${rawKeyCut}
         CROSS JOIN LATERAL ${distributionRows()}
        WHERE m.metric = wb.metric AND m.x IS NOT NULL AND cc_bin(m.x) = wb.bin),
     ranked AS (SELECT vals.*, row_number() OVER (PARTITION BY grp, seg, path, metric, bin ORDER BY v) - 1 AS off FROM vals)
     SELECT ranked.grp, ranked.seg, ranked.path, ranked.metric, ranked.bin, ranked.off::text AS off, ranked.v
       FROM ranked JOIN wr ON wr.grp = ranked.grp AND wr.seg = ranked.seg AND wr.path = ranked.path
                          AND wr.metric = ranked.metric AND wr.bin = ranked.bin AND wr.off = ranked.off`,
    p.values,
  );
  return rows.map((r) => ({ grp: r.grp, seg: r.seg, path: r.path, metric: Number(r.metric), bin: Number(r.bin), offset: Number(r.off), v: r.v }));
}

/**
 * The reference: the same sums and percentiles straight from tickets (percentile_cont), for
 * populations the rollups cannot answer at all (daily buckets of another zone) and for the tests
 * that hold the rollups to it.
 */
export async function referenceSumsQuery(m: EntityManager, raw: readonly RawRange[], keys: KeyScope): Promise<SumsRow[]> {
  const { p, with: w } = relations([], raw, keys);
  return m.query(
    `${w}
     SELECT r.r_grp AS grp, ${seg(keys, 'tk.path')} AS seg, tk.path, k.k_category AS category, ${ticketSums()}
       FROM r JOIN tickets tk ON tk.created_at >= r.r_lo AND tk.created_at < r.r_hi
       JOIN k ON k.k_id = tk.key_id
      WHERE TRUE ${pathFilter(p, keys, 'tk.path')}
      GROUP BY 1, 2, 3, 4`,
    p.values,
  );
}

export async function referencePercentilesQuery(m: EntityManager, raw: readonly RawRange[], keys: KeyScope): Promise<Record<string, unknown>[]> {
  const { p, with: w } = relations([], raw, keys);
  return m.query(
    `${w}
     SELECT r.r_grp AS grp, ${seg(keys, 'tk.path')} AS seg, tk.path, ${ticketPercentiles()}
       FROM r JOIN tickets tk ON tk.created_at >= r.r_lo AND tk.created_at < r.r_hi
       JOIN k ON k.k_id = tk.key_id
      WHERE TRUE ${pathFilter(p, keys, 'tk.path')}
      GROUP BY 1, 2, 3`,
    p.values,
  );
}
