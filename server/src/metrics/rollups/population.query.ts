// The SQL of a population read (population-reader.ts runs them in one snapshot). A population is
// the plan's rollup units (less their `except` ranges of tickets) plus its raw ranges of tickets,
// narrowed to some keys and paths, grouped
// by the range's group and a segment. Every measure expression comes from measures.ts.
import { EntityManager } from 'typeorm';
import { MATURITY_SQL } from '../measures';
import { ADDITIVE_COLUMNS, cellSums, scaledSums, ticketPercentiles, ticketRowValues, ticketSums } from '../measures.sql';
import { RawRange, SharedRange, Unit, sharedRanges } from './read-plan';
import { SqlParams } from './sql-params';
import { rangeBuckets } from './range-buckets';
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
  /** With `withExcept`: the ranges of r by r_i (0-based), each with the groups it counts for. */
  shared: SharedRange[];
  /** Some range counts for two groups: r has no r_grp and r_w, spread over rg (or `shared`). */
  spread: boolean;
}

/**
 * u: the units, r: the raw ranges, k: the keys (with segment and category). For the queries that
 * sum, pass `withExcept`: r then holds every distinct range of the raw ranges and the units'
 * `except` ranges once, numbered r_i, and rg(r_i, r_grp, r_w) the groups each counts for, with
 * weight 1 (raw) or -1 (except): aggregate per r_i, then spread over rg. Only when no range
 * counts for two groups (not `spread`) does r carry its one group and weight as r_grp and r_w.
 */
export function relations(units: readonly Unit[], raw: readonly RawRange[], keys: KeyScope, withExcept = false): Relations {
  const p = new SqlParams();
  const u = `u AS (SELECT * FROM unnest(${p.add(units.map((x) => x.zone), 'text[]')}, ${p.add(units.map((x) => x.span), 'text[]')}, ${p.add(units.map((x) => x.period), 'date[]')}, ${p.add(units.map((x) => x.grp), 'text[]')}) AS u(u_zone, u_span, u_period, u_grp))`;
  const shared = withExcept ? sharedRanges(raw, units) : [];
  const spread = shared.some((x) => x.uses.length > 1);
  let r: string;
  if (withExcept) {
    const uses = shared.flatMap((s, i) => s.uses.map((x) => ({ i, ...x })));
    const own = spread ? '' : `, ${p.add(shared.map((x) => x.uses[0].grp), 'text[]')}, ${p.add(shared.map((x) => x.uses[0].w), 'int[]')}`;
    r =
      `r AS (SELECT * FROM unnest(${p.add(shared.map((_, i) => i), 'int[]')}, ${p.add(shared.map((x) => x.lo), 'timestamptz[]')}, ${p.add(shared.map((x) => x.hi), 'timestamptz[]')}${own}) ` +
      `AS r(r_i, r_lo, r_hi${spread ? '' : ', r_grp, r_w'})), ` +
      `rg AS (SELECT * FROM unnest(${p.add(uses.map((x) => x.i), 'int[]')}, ${p.add(uses.map((x) => x.grp), 'text[]')}, ${p.add(uses.map((x) => x.w), 'int[]')}) AS rg(r_i, r_grp, r_w))`;
  } else {
    r = `r AS (SELECT * FROM unnest(${p.add(raw.map((x) => x.lo), 'timestamptz[]')}, ${p.add(raw.map((x) => x.hi), 'timestamptz[]')}, ${p.add(raw.map((x) => x.grp), 'text[]')}) AS r(r_lo, r_hi, r_grp))`;
  }
  const k = `k AS (SELECT * FROM unnest(${p.add(keys.keyIds, 'int[]')}, ${p.add(keys.segs, 'text[]')}, ${p.add(keys.categories, 'text[]')}) AS k(k_id, k_seg, k_category))`;
  let ws: string | null = null; // added only when a query uses it (PostgreSQL refuses unused parameters)
  return {
    p,
    with: `WITH ${u}, ${r}, ${k}`,
    ws: () => (ws ??= p.add(wsId(), 'int')),
    shared,
    spread,
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
  const { p, with: w, ws, spread } = relations(units, raw, keys, true);
  const cols = ADDITIVE_COLUMNS.map((c) => `c.${c}`).join(', ');
  const { si, ci, named } = keyLookups(p, keys);
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
       ${
         spread
           ? // Each range's tickets summed once, then added to (or subtracted from) every group it counts for.
             `SELECT rg.r_grp, e.si, e.path, e.ci, ${scaledSums('e', 'rg.r_w')}
                FROM (SELECT r.r_i, ${si}[tk.key_id] AS si, tk.path, ${ci}[tk.key_id] AS ci, ${ticketSums()}
                        FROM ${rawTickets(ws())}
                       WHERE ${si}[tk.key_id] >= 0 ${pathFilter(p, keys, 'tk.path')}
                       GROUP BY 1, 2, 3, 4) e
                JOIN rg ON rg.r_i = e.r_i`
           : // Every range counts for one group: its tickets as rows beside the cells (joined with rg,
             // the planner took the union for a few rows and sorted it: 6-10% slower for a summary).
             `SELECT r.r_grp, ${si}[tk.key_id], tk.path, ${ci}[tk.key_id], ${ticketRowValues('r.r_w')}
                FROM ${rawTickets(ws())}
               WHERE ${si}[tk.key_id] >= 0 ${pathFilter(p, keys, 'tk.path')}`
       }
     ) x
     GROUP BY x.grp, x.si, x.path, x.ci
     -- A path none of whose tickets are left once a unit's except ranges are subtracted is not in the population.
     HAVING sum(x.tickets) <> 0`,
    p.values,
  );
  return rows.map((r) => named(r, r.path as string) as SumsRow);
}

/**
 * A cell's or ticket's segment and category by array lookup on its key (SQL `si[key_id]`,
 * `ci[key_id]`; -1 or NULL for a key the read leaves out), not a join with k: the planner cannot
 * estimate the units' unnest (it took 41 units' 8,472 cells for 8 rows and compared each with
 * every key: 805,004 comparisons, 130 ms of a 365-day summary at 200k tickets), nor the maturing
 * query's interval join (27 rows for 7,723, each compared with all 96 keys). As indexes into lists
 * kept here (int arrays): a text array's element is found by walking the elements before it.
 * `named` turns a row's indexes back into names (segmented by path, the segment is `path`).
 */
function keyLookups(p: SqlParams, keys: KeyScope) {
  const segNames = indexer(keys.segByKey);
  const catNames = indexer(keys.categoryByKey);
  return {
    si: `(${p.add(segNames.indexes, 'int[]')})`,
    ci: `(${p.add(catNames.indexes, 'int[]')})`,
    // Names added to the row itself: copying a row without si and ci (rest and spread) took 5 ms
    // of a 90-day daily series' 2,160 rows, in a CPU profile of the server.
    named: <R extends { si: number; ci: number }>(r: R, path: string): Omit<R, 'si' | 'ci'> & { seg: string; category: string } => Object.assign(r, { seg: keys.segByPath ? path : segNames.names[r.si], category: catNames.names[r.ci] }),
  };
}

/** Distinct names and, per key (null: left out), its name's index (-1 when left out). */
export function indexer(byKey: readonly (string | null)[]): { names: string[]; indexes: number[] } {
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
  const p = new SqlParams();
  const cut = rangeBuckets(ranges);
  if (cut.bucket.length === 0) return [];
  const { si, ci, named } = keyLookups(p, keys);
  const rows: (Omit<MaturingRow, 'seg' | 'category'> & { si: number; ci: number })[] = await m.query(
    `WITH r AS (SELECT * FROM unnest(${p.add(cut.bucket, 'int[]')}, ${p.add(cut.grp, 'text[]')}) AS r(r_b, r_grp))
     SELECT r.r_grp AS grp, ${si}[tk.key_id] AS si, ${ci}[tk.key_id] AS ci, count(*)::int AS pending,
            count(*) FILTER (WHERE NOT tk.reopened AND NOT tk.repeat_contact)::int AS durable_maturing,
            count(*) FILTER (WHERE NOT tk.reopened AND NOT tk.repeat_contact AND coalesce(tk.csat, 5) <= 2)::int AS low_rated_maturing,
            count(*) FILTER (WHERE tk.reopened)::int AS reopened_maturing
       -- From the few AI resolutions of the last 7 days (the partial index on resolved_at), matched to
       -- the ranges by interval (range-buckets.ts): not range by range, which would read every ticket
       -- of a long range, nor by the ranges' bounds, which compared each with every range.
       FROM tickets tk
       JOIN r ON r.r_b = width_bucket(tk.created_at, ${p.add(cut.bounds, 'timestamptz[]')})
      WHERE tk.workspace_id = ${p.add(wsId(), 'int')} AND tk.path = 'ai' AND tk.resolved AND tk.resolved_at > ${p.add(asOf, 'timestamptz')} - ${MATURITY_SQL}
        AND ${si}[tk.key_id] >= 0
      GROUP BY 1, 2, 3`,
    p.values,
  );
  // Segmented by path, every maturing ticket is on the AI path.
  return rows.map((r) => named(r, 'ai'));
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

/**
 * The reference: the same sums and percentiles straight from tickets (percentile_cont), for
 * populations the rollups cannot answer at all (a plan without units: no UTC rollups, a range
 * inside days still to be built, bounds inside a minute) and for the tests that hold the rollups
 * to it.
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
