// Phase 2 of the exact percentiles (population-reader.ts): the value at each wanted rank of a bin,
// from the sorted values kept per UTC day (rollup_values, cut to a group's minutes and keys) and
// from the tickets of days whose values are not built yet (or of ranges whose bounds fall inside a
// minute: values are kept by minute).
import { EntityManager } from 'typeorm';
import { distributionColumns } from '../measures.sql';
import { KeyScope, indexer, rawTickets, relations } from './population.query';
import { RawRange } from './read-plan';
import { SqlParams } from './sql-params';

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
       SELECT m.*, cc_bin(m.x) AS bin FROM (SELECT r.r_grp AS grp, tk.path, tk.key_id, ${distributionColumns()} FROM ${rawTickets(ws())}) m
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
