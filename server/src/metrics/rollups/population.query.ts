// The SQL of a population read (population-reader.ts runs them in one snapshot). A population is
// the plan's rollup units plus its raw ranges of tickets, narrowed to some keys and paths, grouped
// by the range's group and a segment. Every measure expression comes from measures.ts.
import { EntityManager } from 'typeorm';
import { MATURITY_SQL } from '../measures';
import { ADDITIVE_COLUMNS, cellSums, distributionRows, ticketPercentiles, ticketRowValues, ticketSums } from '../measures.sql';
import { RawRange, Unit } from './read-plan';
import { SqlParams } from './sql-params';
import { wsId } from '../../workspaces/workspace-context';

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
  /** The segment of each key id, at index key_id - 1 (SQL: [key_id]); null for keys the read leaves out. */
  segByKey: (string | null)[];
  /** The category of each key id the read covers, at index key_id - 1 (null for the others). */
  categoryByKey: (string | null)[];
}

interface Relations {
  p: SqlParams;
  with: string;
  /** The workspace, the first condition on every table read. */
  ws: () => string;
}

/** u: the units, r: the raw ranges, k: the keys (with segment and category). */
export function relations(units: readonly Unit[], raw: readonly RawRange[], keys: KeyScope): Relations {
  const p = new SqlParams();
  const u = `u AS (SELECT * FROM unnest(${p.add(units.map((x) => x.zone), 'text[]')}, ${p.add(units.map((x) => x.span), 'text[]')}, ${p.add(units.map((x) => x.period), 'date[]')}, ${p.add(units.map((x) => x.grp), 'text[]')}) AS u(u_zone, u_span, u_period, u_grp))`;
  const r = `r AS (SELECT * FROM unnest(${p.add(raw.map((x) => x.lo), 'timestamptz[]')}, ${p.add(raw.map((x) => x.hi), 'timestamptz[]')}, ${p.add(raw.map((x) => x.grp), 'text[]')}) AS r(r_lo, r_hi, r_grp))`;
  const k = `k AS (SELECT * FROM unnest(${p.add(keys.keyIds, 'int[]')}, ${p.add(keys.segs, 'text[]')}, ${p.add(keys.categories, 'text[]')}) AS k(k_id, k_seg, k_category))`;
  let ws: string | null = null; // added only when a query uses it (PostgreSQL refuses unused parameters)
  return {
    p,
    with: `WITH ${u}, ${r}, ${k}`,
    ws: () => (ws ??= p.add(wsId(), 'int')),
  };
}

/**
 * The tickets of the raw ranges, one index range scan per range. As a plain join on the range
 * bounds the planner cannot see how narrow the ranges are (it takes each range for a ninth of the
 * table) and may scan all of tickets: measured at 1M tickets, 90 Kolkata days' sums took 2.6 s as
 * a parallel scan with 31.6M rows thrown away by the join filter. OFFSET 0 keeps the subquery from
 * being pulled up into that join, so each range is its own index scan whatever the estimates say.
 */
export const rawTickets = (ws: string) => `r CROSS JOIN LATERAL (SELECT * FROM tickets t WHERE t.workspace_id = ${ws} AND t.created_at >= r.r_lo AND t.created_at < r.r_hi OFFSET 0) tk`;

export const pathFilter = (p: SqlParams, keys: KeyScope, col: string) => (keys.paths ? `AND ${col} = ANY(${p.add(keys.paths, 'text[]')})` : '');
export const seg = (keys: KeyScope, pathCol: string) => (keys.segByPath ? pathCol : 'k.k_seg');

export interface SumsRow {
  grp: string;
  seg: string;
  path: string;
  category: string;
  [column: string]: number | string;
}

/** The additive measures per group, segment, path and category (categories price the savings). */
export async function sumsQuery(m: EntityManager, units: readonly Unit[], raw: readonly RawRange[], keys: KeyScope): Promise<SumsRow[]> {
  const { p, with: w, ws } = relations(units, raw, keys);
  const cols = ADDITIVE_COLUMNS.map((c) => `c.${c}`).join(', ');
  // A cell's segment and category by array lookup on its key, not a join with k: the planner
  // cannot estimate the units' unnest (it took 41 units' 8,472 cells for 8 rows and compared each
  // with every key: 805,004 comparisons, 130 ms of a 365-day summary at 200k tickets). As indexes
  // into lists kept here (int arrays, -1: a key the read leaves out): a text array's element is
  // found by walking the elements before it, three times per cell.
  const segNames = indexer(keys.segByKey);
  const catNames = indexer(keys.categoryByKey);
  const si = `(${p.add(segNames.indexes, 'int[]')})`;
  const ci = `(${p.add(catNames.indexes, 'int[]')})`;
  const rows: (Omit<SumsRow, 'seg' | 'category'> & { si: number; ci: number })[] = await m.query(
    `${w}
     SELECT x.grp, x.si, x.path, x.ci, ${cellSums('x')}
     FROM (
       SELECT u.u_grp AS grp, ${si}[c.key_id] AS si, c.path, ${ci}[c.key_id] AS ci, ${cols}
         -- One index range scan per unit (OFFSET 0: not flattened into a join): as a join the
         -- planner hashed the units and scanned every cell of the table, 118,878 rows for the
         -- 14,583 of a 90-day weekly series at 200k tickets (20 ms, growing with the table).
         FROM u CROSS JOIN LATERAL (
           SELECT * FROM rollup_cells c WHERE c.workspace_id = ${ws()} AND c.zone = u.u_zone AND c.span = u.u_span::"char" AND c.period = u.u_period OFFSET 0) c
        WHERE ${si}[c.key_id] >= 0 ${pathFilter(p, keys, 'c.path')}
       UNION ALL
       SELECT r.r_grp, ${si}[tk.key_id], tk.path, ${ci}[tk.key_id], ${ticketRowValues()}
         FROM ${rawTickets(ws())}
        WHERE ${si}[tk.key_id] >= 0 ${pathFilter(p, keys, 'tk.path')}
     ) x
     GROUP BY x.grp, x.si, x.path, x.ci`,
    p.values,
  );
  return rows.map(({ si: s, ci: c, ...r }) => ({ ...r, seg: keys.segByPath ? r.path : segNames.names[s], category: catNames.names[c] }) as SumsRow);
}

/** Distinct names and, per key (null: left out), its name's index (-1 when left out). */
function indexer(byKey: readonly (string | null)[]): { names: string[]; indexes: number[] } {
  const at = new Map<string, number>();
  const indexes = byKey.map((x) => (x === null ? -1 : (at.get(x) ?? at.set(x, at.size).get(x)!)));
  return { names: [...at.keys()], indexes };
}

export interface MaturingRow {
  grp: string;
  seg: string;
  category: string;
  pending: number;
  durable_maturing: number;
  low_rated_maturing: number;
  reopened_maturing: number;
}

/**
 * AI resolutions younger than 7 days at asOf, per group, segment and category, straight from
 * tickets (a few days' worth, by index): pending, how many of them are durable so far, and how many
 * reopened (the rest came back without a reopen).
 */
export async function maturingQuery(m: EntityManager, ranges: readonly RawRange[], keys: KeyScope, asOf: Date): Promise<MaturingRow[]> {
  if (keys.paths && !keys.paths.includes('ai')) return [];
  const { p, with: w, ws } = relations([], ranges, keys);
  return m.query(
    `${w}
     SELECT r.r_grp AS grp, ${seg(keys, 'tk.path')} AS seg, k.k_category AS category, count(*)::int AS pending,
            count(*) FILTER (WHERE NOT tk.reopened AND NOT tk.repeat_contact)::int AS durable_maturing,
            count(*) FILTER (WHERE NOT tk.reopened AND NOT tk.repeat_contact AND coalesce(tk.csat, 5) <= 2)::int AS low_rated_maturing,
            count(*) FILTER (WHERE tk.reopened)::int AS reopened_maturing
       -- From the few AI resolutions of the last 7 days (the partial index on resolved_at), matched to
      -- the ranges: not range by range, which would read every ticket of a long range.
       FROM tickets tk
       JOIN r ON tk.created_at >= r.r_lo AND tk.created_at < r.r_hi
       JOIN k ON k.k_id = tk.key_id
      WHERE tk.workspace_id = ${ws()} AND tk.path = 'ai' AND tk.resolved AND tk.resolved_at > ${p.add(asOf, 'timestamptz')} - ${MATURITY_SQL}
      GROUP BY 1, 2, 3`,
    p.values,
  );
}

/** One distribution's histogram of a group, segment and path: counts `ns[i]` in bins `bins[i]`. */
/** Day cells' own exact percentiles (key 0), for groups that are exactly one stored day. */
export async function storedPercentilesQuery(m: EntityManager, units: readonly Unit[]): Promise<{ grp: string; path: string; pct: number[] | null }[]> {
  if (units.length === 0) return [];
  const { p, with: w, ws } = relations(units, [], { all: true, keyIds: [], segs: [], categories: [], paths: null, segByPath: false, segByKey: [], categoryByKey: [] });
  return m.query(
    `${w}
     SELECT u.u_grp AS grp, c.path, c.pct FROM u
       JOIN rollup_cells c ON c.workspace_id = ${ws()} AND c.zone = u.u_zone AND c.span = u.u_span::"char" AND c.period = u.u_period AND c.key_id = 0`,
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
 * Consecutive pieces of a group as one span of days [dlo, dhi], cut to minutes only on its first
 * and last day: one index range scan per span instead of one lookup per day.
 */
export function daySpans(pieces: readonly DayPiece[]): { grp: string; dlo: string; dhi: string; mlo: number; mhi: number }[] {
  const out: { grp: string; dlo: string; dhi: string; mlo: number; mhi: number }[] = [];
  const sorted = [...pieces].sort((a, b) => (a.grp < b.grp ? -1 : a.grp > b.grp ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && last.grp === x.grp && last.mhi === 1440 && x.mlo === 0 && next(last.dhi) === x.day) {
      last.dhi = x.day;
      last.mhi = x.mhi;
    } else out.push({ grp: x.grp, dlo: x.day, dhi: x.day, mlo: x.mlo, mhi: x.mhi });
  }
  return out;
}

/**
 * The spans as a relation d(grp, dlo, dhi, mlo, mhi), and the minute test of a value on day `day`
 * (the span's columns under `span`, d unless carried into a subquery).
 */
function spansRelation(
  p: SqlParams,
  pieces: readonly DayPiece[],
): { rel: string; join: (day: string) => string; minuteOk: (day: string, minute: string, span?: string) => string } {
  const sp = daySpans(pieces);
  return {
    rel: `d AS (SELECT * FROM unnest(${p.add(sp.map((x) => x.grp), 'text[]')}, ${p.add(sp.map((x) => x.dlo), 'date[]')}, ${p.add(sp.map((x) => x.dhi), 'date[]')}, ${p.add(sp.map((x) => x.mlo), 'int2[]')}, ${p.add(sp.map((x) => x.mhi), 'int2[]')}) AS d(grp, dlo, dhi, mlo, mhi))`,
    join: (day) => `${day} >= d.dlo AND ${day} <= d.dhi`,
    minuteOk: (day, minute, span = 'd') =>
      `${minute} >= CASE WHEN ${day} = ${span}.dlo THEN ${span}.mlo ELSE 0 END AND ${minute} < CASE WHEN ${day} = ${span}.dhi THEN ${span}.mhi ELSE 1440 END`,
  };
}

/**
 * Phase 2: the value at each wanted rank of its bin: the bin's values of the group's days (sorted
 * rows of rollup_values, cut to the group's minutes and keys) and of its raw ranges, ranked.
 */
export async function valuesAtQuery(m: EntityManager, wanted: readonly WantedRank[], pieces: readonly DayPiece[], raw: readonly RawRange[], keys: KeyScope): Promise<(WantedRank & { v: number })[]> {
  if (wanted.length === 0) return [];
  const { p, with: w, ws } = relations([], raw, keys);
  // A bin of a group and path (wg, numbered n) is read once for every segment that wants it. Each
  // value gets the number n * S + its segment's index (by an array lookup on its key): the values
  // are sorted per number and the wanted ranks read off. No join on the values: the planner cannot
  // estimate the unnests, and joined it would compare every value with every key or wanted bin.
  const bySegment = !keys.segByPath && keys.segs.some((x) => x !== '');
  const segNames = indexer(keys.segByKey);
  const segIndex = new Map(segNames.names.map((x, i) => [x, i]));
  const S = bySegment ? segNames.names.length : 1;
  // NULL for a key the read leaves out: its values get no id and are dropped.
  const segIdxByKey: (number | null)[] = segNames.indexes.map((i) => (i < 0 ? null : bySegment ? i : 0));
  const groupKey = (x: WantedRank) => `${x.grp}\u0000${x.path}\u0000${x.metric}\u0000${x.bin}`;
  const groups = new Map<string, number>();
  const list: WantedRank[] = [];
  for (const x of wanted) if (!groups.has(groupKey(x))) groups.set(groupKey(x), list.push(x) - 1);
  const idOf = (x: WantedRank) => groups.get(groupKey(x))! * S + (bySegment ? segIndex.get(x.seg)! : 0);
  const wg = `wg AS (SELECT * FROM unnest(${p.add(list.map((_, i) => i), 'int[]')}, ${p.add(list.map((x) => x.grp), 'text[]')}, ${p.add(list.map((x) => x.path), 'text[]')}, ${p.add(list.map((x) => x.metric), 'int2[]')}, ${p.add(list.map((x) => x.bin), 'int2[]')}) AS wg(n, grp, path, metric, bin))`;
  const wr = `wr AS (SELECT * FROM unnest(${p.add(wanted.map(idOf), 'int[]')}, ${p.add(wanted.map((x) => x.offset), 'int[]')}) AS wr(id, off))`;
  const spans = spansRelation(p, pieces);
  // Only what the read needs is unnested: each value's key for a filter or segments, its minute
  // for a day cut short (another zone's edge). A 365-day UTC summary unnests about 86,000 values:
  // this statement went from 46-55 to 39-42 ms on PostgreSQL 15 (docs/SCALING.md).
  const cutToMinutes = pieces.some((x) => x.mlo !== 0 || x.mhi !== 1440);
  const segOfKey = keys.all ? '' : `(${p.add(segIdxByKey, 'int[]')})`;
  const idSql = (n: string, key: string) => (keys.all ? n : `${n} * ${S} + ${segOfKey}[${key}]`);
  const rows: { id: number; off: number; v: number }[] = await m.query(
    `${w}, ${wg}, ${wr}, ${spans.rel},
     -- The raw edges' values on their own, once: joined with the wanted bins, the planner would
     -- pair every wanted bin with every ticket of the table instead of reading the edges by index.
     raw_values AS MATERIALIZED (
       SELECT r.r_grp AS grp, tk.path, tk.key_id, m.metric, m.x, cc_bin(m.x) AS bin
         FROM ${rawTickets(ws())} CROSS JOIN LATERAL ${distributionRows()}
        WHERE m.x IS NOT NULL),
     vals AS (
       SELECT ${idSql('x.n', 'x.key_id')} AS id, x.v FROM (
       -- Unnested in the select list (streamed), not in FROM (a function scan fills a tuplestore per row).
       SELECT wg.n, ${cutToMinutes ? 'rv.day, d.dlo, d.dhi, d.mlo, d.mhi, ' : ''}unnest(rv.vals[s.lo : s.hi]) AS v${keys.all ? '' : ', unnest(rv.keys[s.lo : s.hi]) AS key_id'}${cutToMinutes ? ', unnest(rv.mins[s.lo : s.hi]) AS minute' : ''}
         FROM wg JOIN d ON d.grp = wg.grp
         -- One index range scan per wanted bin and span of days (OFFSET 0: not flattened into a
         -- join). As a join the planner, taking each bin for one row, left the days out of the index
         -- condition and read all 360 days of the bin for each of 2,400 (span, bin) pairs: 856,383
         -- rows thrown away, 1.1 s of a 365-day summary at 200k tickets.
         CROSS JOIN LATERAL (
           SELECT * FROM rollup_values rv
            WHERE rv.workspace_id = ${ws()} AND rv.metric = wg.metric AND rv.path = wg.path AND rv.cbin = wg.bin >> 4 AND ${spans.join('rv.day')}
           OFFSET 0) rv
         CROSS JOIN LATERAL (SELECT rv.starts[(wg.bin & 15) + 1] + 1 AS lo, rv.starts[(wg.bin & 15) + 2] AS hi) AS s) x
        ${cutToMinutes ? `WHERE ${spans.minuteOk('x.day', 'x.minute', 'x')}` : ''}
       UNION ALL
       SELECT ${idSql('wg.n', 'rv.key_id')}, rv.x
         FROM raw_values rv JOIN wg ON wg.grp = rv.grp AND wg.path = rv.path AND wg.metric = rv.metric AND wg.bin = rv.bin),
     sorted AS (SELECT id, array_agg(v ORDER BY v) AS vs FROM vals WHERE id IS NOT NULL GROUP BY id)
     SELECT wr.id, wr.off, sorted.vs[wr.off + 1] AS v FROM wr JOIN sorted ON sorted.id = wr.id`,
    p.values,
  );
  const byId = new Map<number, WantedRank[]>();
  for (const x of wanted) (byId.get(idOf(x)) ?? byId.set(idOf(x), []).get(idOf(x))!).push(x);
  return rows.flatMap((r) => (byId.get(r.id) ?? []).filter((x) => x.offset === r.off).map((x) => ({ ...x, v: r.v })));
}

/**
 * The reference: the same sums and percentiles straight from tickets (percentile_cont), for
 * populations the rollups cannot answer at all (daily buckets of another zone) and for the tests
 * that hold the rollups to it.
 */
export async function referenceSumsQuery(m: EntityManager, raw: readonly RawRange[], keys: KeyScope): Promise<SumsRow[]> {
  const { p, with: w, ws } = relations([], raw, keys);
  return m.query(
    `${w}
     SELECT r.r_grp AS grp, ${seg(keys, 'tk.path')} AS seg, tk.path, k.k_category AS category, ${ticketSums()}
       FROM ${rawTickets(ws())}
       JOIN k ON k.k_id = tk.key_id
      WHERE TRUE ${pathFilter(p, keys, 'tk.path')}
      GROUP BY 1, 2, 3, 4`,
    p.values,
  );
}

export async function referencePercentilesQuery(m: EntityManager, raw: readonly RawRange[], keys: KeyScope): Promise<Record<string, unknown>[]> {
  const { p, with: w, ws } = relations([], raw, keys);
  return m.query(
    `${w}
     SELECT r.r_grp AS grp, ${seg(keys, 'tk.path')} AS seg, tk.path, ${ticketPercentiles()}
       FROM ${rawTickets(ws())}
       JOIN k ON k.k_id = tk.key_id
      WHERE TRUE ${pathFilter(p, keys, 'tk.path')}
      GROUP BY 1, 2, 3`,
    p.values,
  );
}
