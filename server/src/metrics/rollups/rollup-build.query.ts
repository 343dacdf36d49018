// Builds the rollups (migrations/1765000000000-projection.ts) of some local days of a zone and the
// sorted values of some UTC days from the tickets table, and a zone's months from its day cells.
// Runs in the projector's transaction, so tickets and rollups change together. Every expression
// comes from measures.ts.
import { EntityManager } from 'typeorm';
import { ADDITIVE, DISTRIBUTIONS } from '../measures';
import { ADDITIVE_COLUMNS, cellSums, distributionColumns, storedPercentiles, ticketSums } from '../measures.sql';
import { wsId } from '../../workspaces/workspace-context';

/**
 * A zone's local periods [lo, hi) as instants, and their tickets (with the period), as two CTEs.
 * Each period is its own index range scan (OFFSET 0 keeps the subquery from being flattened into
 * a join): during a bulk load the statistics lag the table, and as a join the planner took the
 * workspace's tickets for 503 rows, read all 180,729 of them once and compared each with every
 * period (3.7 s for a 49-day batch at 200k tickets, against 0.2 s by range).
 */
const periodTickets = (ws: string, zone: string, periods: string, span: 'd' | 'm') => `
  d AS (SELECT period, (period::timestamp AT TIME ZONE ${zone}) AS lo,
               ((period + interval '${span === 'd' ? '1 day' : '1 month'}')::timestamp AT TIME ZONE ${zone}) AS hi
          FROM unnest(${periods}::date[]) AS period),
  t AS (SELECT d.period, d.lo, tk.* FROM d CROSS JOIN LATERAL (
          SELECT * FROM tickets tk WHERE tk.workspace_id = ${ws} AND tk.created_at >= d.lo AND tk.created_at < d.hi OFFSET 0) tk)`;

export const HIST_COLUMNS = DISTRIBUTIONS.flatMap((x) => [`h${x.metric}_bins`, `h${x.metric}_counts`]);

/**
 * From tickets `t` (with the columns `cols` saying which cell each belongs to), the cells' sums
 * `c` and histograms `h` per path, for every key together (key 0) and per key, as CTEs, and the
 * join that puts them side by side (`FROM c <histJoin>`; the arrays are HIST_VALUES). The build
 * and the differences (rollup-delta.query.ts) share them; `weight` (a column of t: 1 or -1) makes
 * them sums of signed tickets, histogram bins that come to 0 left out.
 */
export function cellAggregates(cols: string, weight?: string): { ctes: string; histJoin: string } {
  const on = cols.split(',').map((c) => c.trim());
  const ctes = `
     c AS (SELECT ${cols}, path, coalesce(key_id, 0) AS key_id, ${ticketSums(weight)}
             FROM t GROUP BY ${cols}, path, GROUPING SETS ((key_id), ())),
     hv AS (SELECT ${cols}, path, coalesce(key_id, 0) AS key_id, metric, bin, ${weight ? `sum(${weight})` : 'count(*)'}::int AS n
              FROM (SELECT m.*, cc_bin(m.x) AS bin FROM (SELECT ${on.map((c) => `t.${c}`).join(', ')}, t.path, t.key_id${weight ? `, t.${weight}` : ''}, ${distributionColumns()} FROM t) m WHERE m.x IS NOT NULL) v
             GROUP BY ${cols}, path, metric, bin, GROUPING SETS ((key_id), ())${weight ? ` HAVING sum(${weight}) <> 0` : ''}),
     ${histogramsOf(cols)}`;
  return { ctes, histJoin: histJoin(on) };
}

/**
 * `h`: from bins `hv` (cols, path, key_id, metric, bin, n), one row per cell with every
 * distribution's bins and counts in order. One row per cell, not per distribution: joined three
 * times per distribution, the planner merged on the period alone and walked 600,000 rows for
 * 8,370 cells of a 31-day build (250 of its 1,017 ms).
 */
const histogramsOf = (cols: string): string => `
     h AS (SELECT ${cols}, path, key_id, ${DISTRIBUTIONS.map(
       (x) => `array_agg(bin ORDER BY bin) FILTER (WHERE metric = ${x.metric}) AS h${x.metric}_bins, array_agg(n ORDER BY bin) FILTER (WHERE metric = ${x.metric}) AS h${x.metric}_counts`,
     ).join(', ')}
             FROM hv GROUP BY ${cols}, path, key_id)`;

/** The histograms `h` beside their cell `c` (matched on `on`, path and key). */
const histJoin = (on: readonly string[]): string => `LEFT JOIN h ON ${on.map((c) => `h.${c} = c.${c}`).join(' AND ')} AND h.path = c.path AND h.key_id = c.key_id`;

/** The histogram arrays of `h`, in HIST_COLUMNS order. */
export const HIST_VALUES = HIST_COLUMNS.map((col) => `h.${col}`).join(', ');

/** The cells' additive columns as inserted: a sparse measure's 0 stored as NULL. */
const insertedSums = (alias: string): string => ADDITIVE.map((a) => (a.sparse ? `nullif(${alias}.${a.column}, 0)` : `${alias}.${a.column}`)).join(', ');

/**
 * Cells of `zone`'s local days or months from the tickets table: per path, for every key together
 * (key 0: the sums, the histograms and, for days, the exact percentiles) and per key (the sums and
 * the histograms). A key-filtered read finds its days' bins here: counted from the sorted values
 * instead, a read cost one pass over every value of its days (1.8 s for the 30-day breakdowns at
 * 27,000 tickets a day). The projector builds months with rebuildMonths (from the days); months
 * from the tickets (`span` 'm') are the tests' reference for it.
 */
export async function rebuildPeriods(m: EntityManager, zone: string, span: 'd' | 'm', periods: readonly string[]): Promise<void> {
  if (periods.length === 0) return;
  await m.query(`DELETE FROM rollup_cells WHERE workspace_id = $4 AND zone = $1 AND span = $3::"char" AND period = ANY($2::date[])`, [zone, periods, span, wsId()]);
  const { ctes, histJoin } = cellAggregates('period');
  await m.query(
    `WITH ${periodTickets('$4::int', '$1', '$2', span)},${ctes},
     p AS (${span === 'd' ? `SELECT period, path, ${storedPercentiles()} AS pct FROM t GROUP BY period, path` : `SELECT NULL::date AS period, NULL::text AS path, NULL::float8[] AS pct WHERE FALSE`})
     INSERT INTO rollup_cells (workspace_id, zone, span, period, path, key_id, ${ADDITIVE_COLUMNS.join(', ')}, ${HIST_COLUMNS.join(', ')}, pct)
     SELECT $4::int, $1::text, $3::"char", c.period, c.path, c.key_id, ${insertedSums('c')},
       ${HIST_VALUES}, CASE WHEN c.key_id = 0 THEN p.pct END
     FROM c ${histJoin}
     LEFT JOIN p ON p.period = c.period AND p.path = c.path`,
    [zone, periods, span, wsId()],
  );
}

/**
 * Cells of `zone`'s local `months`, summed from the zone's day cells: a month's local days are
 * its days in the same zone, every sum adds up and histogram bins are absolute. About a tenth of
 * the rows of a build from the tickets at 1M tickets a year (a day cell stands for ~8 tickets of
 * a key), and the same cells (float sums to the last bits: added in another order, as the
 * differences of live batches are). Only right while every day of the month is built: a month with a
 * day waiting (rollup_pending) is never read as a month, and building that day marks the month
 * stale again (projector.service.ts).
 */
export async function rebuildMonths(m: EntityManager, zone: string, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  await m.query(`DELETE FROM rollup_cells WHERE workspace_id = $3 AND zone = $1 AND span = 'm' AND period = ANY($2::date[])`, [zone, months, wsId()]);
  const unnestBins = DISTRIBUTIONS.map((x) => `SELECT ${x.metric}::int2 AS metric, b, n FROM unnest(d.h${x.metric}_bins, d.h${x.metric}_counts) AS u(b, n)`).join(' UNION ALL ');
  await m.query(
    `WITH d AS (SELECT mo.month, dc.* FROM unnest($2::date[]) AS mo(month) CROSS JOIN LATERAL (
                 SELECT dc.* FROM rollup_cells dc WHERE dc.workspace_id = $3 AND dc.zone = $1 AND dc.span = 'd'
                    AND dc.period >= mo.month AND dc.period < (mo.month + interval '1 month')::date) dc),
     c AS (SELECT month AS period, path, key_id, ${cellSums('d')} FROM d GROUP BY month, path, key_id),
     hv AS (SELECT month AS period, path, key_id, metric, b AS bin, sum(n)::int AS n
              FROM d CROSS JOIN LATERAL (${unnestBins}) v GROUP BY month, path, key_id, metric, b HAVING sum(n) <> 0),
     ${histogramsOf('period')}
     INSERT INTO rollup_cells (workspace_id, zone, span, period, path, key_id, ${ADDITIVE_COLUMNS.join(', ')}, ${HIST_COLUMNS.join(', ')}, pct)
     SELECT $3::int, $1::text, 'm', c.period, c.path, c.key_id, ${insertedSums('c')}, ${HIST_VALUES}, NULL
     FROM c ${histJoin(['period'])}
     WHERE c.tickets <> 0`,
    [zone, months, wsId()],
  );
}

/**
 * The values of UTC `days`: per distribution, path and 16 histogram bins, sorted, with each
 * value's key and minute of the UTC day (any zone's local day is minutes of one or two UTC days)
 * and where each bin starts (a bin's values are a slice).
 */
export async function rebuildValues(m: EntityManager, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await m.query(`DELETE FROM rollup_values WHERE workspace_id = $2 AND day = ANY($1::date[])`, [days, wsId()]);
  await m.query(
    `WITH ${periodTickets('$2::int', `'UTC'`, '$1', 'd')},
     v AS (SELECT m.day, m.metric, m.path, cc_bin(m.x) AS bin, m.x, m.key_id, m.minute
             FROM (SELECT t.period AS day, t.path, t.key_id, floor(extract(epoch FROM t.created_at - t.lo) / 60)::int2 AS minute, ${distributionColumns()} FROM t) m
            WHERE m.x IS NOT NULL)
     INSERT INTO rollup_values (workspace_id, day, metric, path, cbin, vals, keys, mins, starts)
     SELECT $2::int, day, metric, path, (bin >> 4)::int2,
            array_agg(x ORDER BY x, key_id, minute), array_agg(key_id ORDER BY x, key_id, minute),
            array_agg(minute ORDER BY x, key_id, minute), cc_bin_starts(array_agg((bin & 15)::int2 ORDER BY x, key_id, minute))
       FROM v GROUP BY day, metric, path, bin >> 4`,
    [days, wsId()],
  );
}
