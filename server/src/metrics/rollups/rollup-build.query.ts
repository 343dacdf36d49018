// Builds the rollups (migrations/1765000000000-projection.ts) of some local days of a zone from the
// tickets table, then their months from the day cells; and the sorted values of some UTC days.
// Runs in the projector's transaction, so tickets and rollups change together. Every expression
// comes from measures.ts.
import { EntityManager } from 'typeorm';
import { ADDITIVE_COLUMNS, cellSums, distributionRows, storedPercentiles, ticketSums } from '../measures.sql';
import { DISTRIBUTIONS } from '../measures';

/** A zone's local days [lo, hi) as instants, and their tickets (with the day), as two CTEs. */
const dayTickets = (zone: string, days: string) => `
  d AS (SELECT day, (day::timestamp AT TIME ZONE ${zone}) AS lo, ((day + 1)::timestamp AT TIME ZONE ${zone}) AS hi
          FROM unnest(${days}::date[]) AS day),
  t AS (SELECT d.day, d.lo, tk.* FROM d JOIN tickets tk ON tk.created_at >= d.lo AND tk.created_at < d.hi)`;

const HIST_COLUMNS = DISTRIBUTIONS.flatMap((x) => [`h${x.metric}_bins`, `h${x.metric}_counts`]);

/** Cells of `zone`'s local `days`: per path, per key and for every key (key 0). */
export async function rebuildDays(m: EntityManager, zone: string, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await m.query(`DELETE FROM rollup_cells WHERE zone = $1 AND span = 'd' AND period = ANY($2::date[])`, [zone, days]);
  const histJoins = DISTRIBUTIONS.map(
    (x) => `LEFT JOIN h h${x.metric} ON h${x.metric}.day = c.day AND h${x.metric}.path = c.path AND h${x.metric}.key_id = c.key_id AND h${x.metric}.metric = ${x.metric}`,
  ).join('\n    ');
  await m.query(
    `WITH ${dayTickets('$1', '$2')},
     c AS (SELECT day, path, coalesce(key_id, 0) AS key_id, ${ticketSums()}
             FROM t GROUP BY day, path, GROUPING SETS ((key_id), ())),
     hv AS (SELECT day, path, coalesce(key_id, 0) AS key_id, metric, bin, count(*)::int AS n
              FROM (SELECT t.day, t.path, t.key_id, m.metric, cc_bin(m.x) AS bin FROM t CROSS JOIN LATERAL ${distributionRows()} WHERE m.x IS NOT NULL) v
             GROUP BY day, path, metric, bin, GROUPING SETS ((key_id), ())),
     h AS (SELECT day, path, key_id, metric, array_agg(bin ORDER BY bin) AS bins, array_agg(n ORDER BY bin) AS counts
             FROM hv GROUP BY day, path, key_id, metric),
     p AS (SELECT day, path, ${storedPercentiles()} AS pct FROM t GROUP BY day, path)
     INSERT INTO rollup_cells (zone, span, period, path, key_id, ${ADDITIVE_COLUMNS.join(', ')}, ${HIST_COLUMNS.join(', ')}, pct)
     SELECT $1::text, 'd', c.day, c.path, c.key_id, ${ADDITIVE_COLUMNS.map((col) => `c.${col}`).join(', ')},
       ${DISTRIBUTIONS.map((x) => `h${x.metric}.bins, h${x.metric}.counts`).join(', ')},
       CASE WHEN c.key_id = 0 THEN p.pct END
     FROM c ${histJoins}
     LEFT JOIN p ON p.day = c.day AND p.path = c.path`,
    [zone, days],
  );
}

/** Months (their first days) of `zone`, as sums of their day cells. */
export async function rebuildMonths(m: EntityManager, zone: string, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  await m.query(`DELETE FROM rollup_cells WHERE zone = $1 AND span = 'm' AND period = ANY($2::date[])`, [zone, months]);
  const inMonth = `FROM unnest($2::date[]) AS mo(month)
       JOIN rollup_cells dc ON dc.zone = $1 AND dc.span = 'd' AND dc.period >= mo.month AND dc.period < (mo.month + interval '1 month')::date`;
  const hists = DISTRIBUTIONS.map(
    (x) => `hm${x.metric} AS (
       SELECT month, path, key_id, array_agg(b ORDER BY b) AS bins, array_agg(n ORDER BY b) AS counts
         FROM (SELECT mo.month, dc.path, dc.key_id, u.b, sum(u.n)::int AS n ${inMonth}
                 CROSS JOIN LATERAL unnest(dc.h${x.metric}_bins, dc.h${x.metric}_counts) AS u(b, n)
                GROUP BY mo.month, dc.path, dc.key_id, u.b) s
        GROUP BY month, path, key_id)`,
  );
  await m.query(
    `WITH c AS (SELECT mo.month, dc.path, dc.key_id, ${cellSums('dc')} ${inMonth} GROUP BY mo.month, dc.path, dc.key_id),
     ${hists.join(',\n     ')}
     INSERT INTO rollup_cells (zone, span, period, path, key_id, ${ADDITIVE_COLUMNS.join(', ')}, ${HIST_COLUMNS.join(', ')})
     SELECT $1::text, 'm', c.month, c.path, c.key_id, ${ADDITIVE_COLUMNS.map((col) => `c.${col}`).join(', ')},
       ${DISTRIBUTIONS.map((x) => `hm${x.metric}.bins, hm${x.metric}.counts`).join(', ')}
     FROM c ${DISTRIBUTIONS.map((x) => `LEFT JOIN hm${x.metric} ON hm${x.metric}.month = c.month AND hm${x.metric}.path = c.path AND hm${x.metric}.key_id = c.key_id`).join(' ')}`,
    [zone, months],
  );
}

/**
 * The values of UTC `days`, one row per distribution x path x bin, sorted, with each value's key
 * and minute of the (UTC) day: any zone's local day is a range of minutes of one or two UTC days.
 */
export async function rebuildValues(m: EntityManager, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await m.query(`DELETE FROM rollup_values WHERE day = ANY($1::date[])`, [days]);
  await m.query(
    `WITH ${dayTickets(`'UTC'`, '$1')},
     v AS (SELECT t.day, m.metric, t.path, cc_bin(m.x) AS bin, m.x, t.key_id,
                  floor(extract(epoch FROM t.created_at - t.lo) / 60)::int2 AS minute
             FROM t CROSS JOIN LATERAL ${distributionRows()} WHERE m.x IS NOT NULL)
     INSERT INTO rollup_values (day, metric, path, bin, vals, keys, mins)
     SELECT day, metric, path, bin, array_agg(x ORDER BY x, key_id, minute), array_agg(key_id ORDER BY x, key_id, minute),
            array_agg(minute ORDER BY x, key_id, minute)
       FROM v GROUP BY day, metric, path, bin`,
    [days],
  );
}
