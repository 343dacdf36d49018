// Phase 2 of the exact percentiles: the values at given ranks inside the few bins that hold them.
// Two ways, both index-only over rollup_values and both returning only the wanted values:
//  - a group made of every day from its first to its last, with nothing read raw (a summary):
//    walk the bin in value order and stop at the rank (OFFSET k LIMIT 1);
//  - any other group (buckets, segments, raw edges, dirty days): read the bin's values for the
//    group's days plus its raw ranges' tickets, and rank them in SQL.
import { EntityManager } from 'typeorm';
import { PopulationFilter } from '../queries/population';
import { METRIC_VALUES_SQL } from './rollup-refresh.query';
import { RollupPlan, unitDays } from './rollup-plan';
import { GroupBy, sources } from './rollup-sources';

export interface WantedRank {
  grp: string;
  path: string;
  metric: number;
  /** A bin shifted right by `shift` from cc_bin (it covers 2^shift fine bins). */
  bin: number;
  offset: number;
}

export interface RankValue extends WantedRank {
  value: number;
  /** How many values the bin held (must equal the histogram's count); null when not counted. */
  n: number | null;
}

export async function binRanksQuery(m: EntityManager, plan: RollupPlan, f: PopulationFilter, by: GroupBy, shift: number, wanted: readonly WantedRank[]): Promise<RankValue[]> {
  const days = unitDays(plan.units);
  const key = (grp: string) => (by ? '' : grp);
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  const count = new Map<string, number>();
  for (const d of days) {
    const k = key(d.grp);
    if (!first.has(k) || d.day < first.get(k)!) first.set(k, d.day);
    if (!last.has(k) || d.day > last.get(k)!) last.set(k, d.day);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  /** Every day from the group's first unit day to its last is a unit day. */
  const contiguous = (w: WantedRank) => {
    const k = key(w.grp);
    return count.has(k) && (Date.parse(last.get(k)!) - Date.parse(first.get(k)!)) / 86_400_000 + 1 === count.get(k);
  };
  const withRaw = new Set(plan.raw.map((r) => key(r.grp)));
  // Walking in value order stops at the rank: measured on the 1M bench it beat ranking for 30 and
  // 365 days alike. Not for segments: most entries of a bin belong to other segments.
  const walk = (w: WantedRank) => !by && contiguous(w) && !withRaw.has(key(w.grp));
  const span = (w: WantedRank): [string, string] => [first.get(key(w.grp)) ?? 'infinity', last.get(key(w.grp)) ?? '-infinity'];
  // In turn: both run on the read's one snapshot connection.
  const a = await orderedRanks(m, f, by, shift, wanted.filter(walk), span);
  const b = await rankedInSql(m, plan, f, by, shift, wanted.filter((w) => !walk(w)), days);
  return [...a, ...b];
}

/** Walks each bin in value order within its group's days and filters; stops at the rank. */
async function orderedRanks(m: EntityManager, f: PopulationFilter, by: GroupBy, shift: number, wanted: readonly WantedRank[], span: (w: WantedRank) => [string, string]): Promise<RankValue[]> {
  if (wanted.length === 0) return [];
  const s = sources({ units: [], raw: [], maturing: [] }, f, by);
  const dv = s.dims('v', 7);
  const column = by ? `AND ${s.grp('v', '')} = w.grp` : '';
  const rows: { i: string; value: number }[] = await m.query(
    `SELECT w.i, v.value
       FROM unnest($1::text[], $2::text[], $3::int2[], $4::int4[], $5::date[], $6::date[], $7::int4[])
              WITH ORDINALITY AS w(grp, path, metric, bin, dmin, dmax, k, i)
            CROSS JOIN LATERAL (
              SELECT v.value FROM rollup_values v
               WHERE v.metric = w.metric AND v.path = w.path
                 AND v.bin >= (w.bin << ${shift})::int2 AND v.bin <= (((w.bin + 1) << ${shift}) - 1)::int2
                 AND v.day >= w.dmin AND v.day <= w.dmax AND ${dv.sql} ${column}
               ORDER BY v.bin, v.value OFFSET w.k LIMIT 1) v`,
    [
      wanted.map((w) => w.grp),
      wanted.map((w) => w.path),
      wanted.map((w) => w.metric),
      wanted.map((w) => w.bin),
      wanted.map((w) => span(w)[0]),
      wanted.map((w) => span(w)[1]),
      wanted.map((w) => w.offset),
      ...dv.params,
    ],
  );
  return rows.map((r) => ({ ...wanted[Number(r.i) - 1], value: r.value, n: null }));
}

/** Reads each bin's values for the group's days and raw ranges, and ranks them in SQL. */
async function rankedInSql(
  m: EntityManager,
  plan: RollupPlan,
  f: PopulationFilter,
  by: GroupBy,
  shift: number,
  wanted: readonly WantedRank[],
  days: readonly { day: string; grp: string }[],
): Promise<RankValue[]> {
  if (wanted.length === 0) return [];
  const s = sources(plan, f, by);
  // One id per wanted bin: the ranking below partitions by an integer, not by text keys.
  const ids = new Map<string, number>();
  const list: WantedRank[] = [];
  const idOf = (w: WantedRank) => {
    const k = `${w.grp}\u0000${w.path}\u0000${w.metric}\u0000${w.bin}`;
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = list.push(w) - 1));
    return id;
  };
  for (const w of wanted) idOf(w);
  // Every (wanted bin, fine bin, unit day of its group) is one probe with all four key columns of
  // rollup_values_idx equal: exactly the values wanted, whatever the planner thinks of ranges.
  const daysOf = new Map<string, string[]>();
  for (const d of days) {
    const k = by ? '' : d.grp;
    daysOf.set(k, [...(daysOf.get(k) ?? []), d.day]);
  }
  const probe = { id: [] as number[], bin: [] as number[], day: [] as string[] };
  list.forEach((w, id) => {
    for (const day of daysOf.get(by ? '' : w.grp) ?? []) {
      for (let b = w.bin << shift; b < (w.bin + 1) << shift; b++) probe.id.push(id), probe.bin.push(b), probe.day.push(day);
    }
  });
  const dv = s.dims('v', 15);
  const dt = s.dims('t', 15 + dv.params.length);
  const column = by ? `AND ${s.grp('v', '')} = w.grp` : '';
  const rows: Record<string, unknown>[] = await m.query(
    `${s.with},
       w AS (SELECT w.*, (w.bin << ${shift})::int2 AS lo, (((w.bin + 1) << ${shift}) - 1)::int2 AS hi
               FROM unnest($7::text[], $8::text[], $9::int2[], $10::int4[]) WITH ORDINALITY AS w(grp, path, metric, bin, id)),
       p AS (SELECT * FROM unnest($11::int4[], $12::int2[], $13::date[]) AS p(id, bin, day)),
       vals AS (
         SELECT w.id, v.value
           FROM p JOIN w ON w.id = p.id + 1
                CROSS JOIN LATERAL (
                  SELECT v.value FROM rollup_values v
                   WHERE v.metric = w.metric AND v.path = w.path AND v.bin = p.bin AND v.day = p.day
                     AND ${dv.sql} ${column} OFFSET 0) v
         UNION ALL
         -- The raw ranges' values (MATERIALIZED: read once, not once per wanted bin).
         SELECT w.id, x.x
           FROM (SELECT ${s.grp('t', 'r')} AS grp, t.path, v.metric, v.x, cc_bin(v.x) AS bin
                   FROM ${s.rawTickets} CROSS JOIN LATERAL ${METRIC_VALUES_SQL('t')}
                  WHERE v.x IS NOT NULL AND t.path <> 'none' AND ${dt.sql} OFFSET 0) x
           JOIN w ON w.grp = x.grp AND w.path = x.path AND w.metric = x.metric AND x.bin >= w.lo AND x.bin <= w.hi),
       ranked AS (
         SELECT id, value, (row_number() OVER (PARTITION BY id ORDER BY value) - 1)::int AS k,
                (count(*) OVER (PARTITION BY id))::int AS n
           FROM vals)
     SELECT r.id::int - 1 AS id, r.k AS offset, r.value, r.n
       FROM ranked r JOIN unnest($14::int4[], $15::int4[]) AS want(id, k) ON want.id = r.id - 1 AND want.k = r.k`,
    [
      ...s.params,
      list.map((w) => w.grp),
      list.map((w) => w.path),
      list.map((w) => w.metric),
      list.map((w) => w.bin),
      probe.id,
      probe.bin,
      probe.day,
      wanted.map(idOf),
      wanted.map((w) => w.offset),
      ...dv.params,
      ...dt.params,
    ],
  );
  return rows.map((r) => ({ ...list[r.id as number], offset: r.offset as number, value: r.value as number, n: r.n as number }));
}
