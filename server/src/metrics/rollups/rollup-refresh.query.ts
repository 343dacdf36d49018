// Rebuilds the rollups (migrations/1764000000000-rollups.ts) of some UTC days from the tickets
// table, then the months those days fall in from the day rows. Runs inside the refresher's
// REPEATABLE READ transaction, so what it reads, writes and clears is one snapshot.
import { EntityManager } from 'typeorm';

/** The tickets created on the given UTC days (an index range per day). */
const DAY_TICKETS = `
  SELECT d.day, t.* FROM unnest($1::date[]) AS d(day)
    JOIN tickets t ON t.created_at >= d.day::timestamp AT TIME ZONE 'UTC'
                  AND t.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'`;

/** The three distributions whose percentiles the summary reports (metric 1, 2, 3). */
export const METRIC_VALUES_SQL = (t: string) => `(VALUES
    (1::smallint, CASE WHEN ${t}.resolved THEN ${t}.ai_seconds + ${t}.human_seconds END),
    (2::smallint, CASE WHEN ${t}.resolved THEN extract(epoch FROM ${t}.resolved_at - ${t}.created_at)::float8 END),
    (3::smallint, ${t}.first_response_seconds)) AS v(metric, x)`;

/** The same percentiles as queries/path-metrics.query.ts, in the order of CellPercentiles. */
const CELL_PERCENTILES = `ARRAY[
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ai_seconds + human_seconds) FILTER (WHERE resolved),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ai_seconds + human_seconds) FILTER (WHERE resolved),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)::float8) FILTER (WHERE resolved),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)::float8) FILTER (WHERE resolved),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_seconds)]::float8[]`;

/** Which of channel (1), category (2), language (4) a CUBE row keeps. */
const GSET = `(7 - GROUPING(language, category, channel))::smallint`;

/** The grouping sets by how many of channel, category, language they keep. */
const BIN_SETS = ['', '(channel), (category), (language)', '(channel, category), (channel, language), (category, language)', '(channel, category, language)'];

/** How many bits a rollup bin of this gset is shifted right from cc_bin: one per kept dimension. */
export const binShift = (gset: number) => (gset & 1) + ((gset >> 1) & 1) + ((gset >> 2) & 1);

export async function rebuildDays(m: EntityManager, days: readonly string[]): Promise<void> {
  for (const t of ['rollup_cells', 'rollup_bins']) await m.query(`DELETE FROM ${t} WHERE span = 'd' AND start = ANY($1::date[])`, [days]);
  await m.query(`DELETE FROM rollup_values WHERE day = ANY($1::date[])`, [days]);
  await m.query(`DELETE FROM rollup_periods WHERE span = 'd' AND start = ANY($1::date[])`, [days]);
  // A built day with no tickets gets its period row too: "built and empty" is a fact reads can use.
  await m.query(
    `INSERT INTO rollup_periods (span, start, ai_resolved_max_at)
     SELECT 'd', d.day, (SELECT max(t.resolved_at) FROM tickets t
                          WHERE t.created_at >= d.day::timestamp AT TIME ZONE 'UTC'
                            AND t.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
                            AND t.path = 'ai' AND t.resolved)
       FROM unnest($1::date[]) AS d(day)`,
    [days],
  );
  await m.query(
    `INSERT INTO rollup_cells (span, start, gset, path, channel, category, language, tickets, resolved,
       handle_sum, human_sum, csat_responses, csat_sum, csat_top2, reopened_resolved, repeat_resolved, durable, pct)
     SELECT 'd', day, ${GSET}, path, channel, category, language,
       count(*)::int,
       count(*) FILTER (WHERE resolved)::int,
       sum(ai_seconds + human_seconds) FILTER (WHERE resolved)::float8,
       sum(human_seconds) FILTER (WHERE resolved)::float8,
       count(csat) FILTER (WHERE resolved)::int,
       sum(csat) FILTER (WHERE resolved)::int,
       count(*) FILTER (WHERE resolved AND csat >= 4)::int,
       count(*) FILTER (WHERE resolved AND reopened)::int,
       count(*) FILTER (WHERE resolved AND repeat_contact)::int,
       count(*) FILTER (WHERE path = 'ai' AND resolved AND NOT reopened AND NOT repeat_contact)::int,
       ${CELL_PERCENTILES}
     FROM (${DAY_TICKETS}) s
     GROUP BY day, path, CUBE (channel, category, language)`,
    [days],
  );
  // Bins get coarser as a cell gets finer (1 bit per kept dimension), so that a histogram stays
  // smaller than the values it counts; exactness does not depend on the width.
  for (const [k, sets] of BIN_SETS.entries()) {
    await m.query(
      `INSERT INTO rollup_bins (span, start, gset, path, channel, category, language, metric, bin, n)
       SELECT 'd', day, ${k === 0 ? '0::smallint, path, NULL, NULL, NULL' : `${GSET}, path, channel, category, language`}, metric, (bin >> ${k})::smallint, count(*)::int
       FROM (SELECT s.day, s.path, s.channel, s.category, s.language, v.metric, cc_bin(v.x) AS bin
               FROM (${DAY_TICKETS}) s CROSS JOIN LATERAL ${METRIC_VALUES_SQL('s')}
              WHERE v.x IS NOT NULL AND s.path <> 'none') b
       GROUP BY day, path, metric, (bin >> ${k})${k === 0 ? '' : `, GROUPING SETS (${sets})`}`,
      [days],
    );
  }
  await m.query(
    `INSERT INTO rollup_values (day, metric, path, bin, channel, category, language, value)
     SELECT s.day, v.metric, s.path, cc_bin(v.x), s.channel, s.category, s.language, v.x
       FROM (${DAY_TICKETS}) s CROSS JOIN LATERAL ${METRIC_VALUES_SQL('s')}
      WHERE v.x IS NOT NULL`,
    [days],
  );
}

/** Months (first days) rebuilt as sums of their day rows. */
export async function rebuildMonths(m: EntityManager, months: readonly string[]): Promise<void> {
  for (const t of ['rollup_cells', 'rollup_bins', 'rollup_periods']) await m.query(`DELETE FROM ${t} WHERE span = 'm' AND start = ANY($1::date[])`, [months]);
  // Day rows of those months, by index range.
  const inMonth = (t: string) =>
    `${t} JOIN unnest($1::date[]) AS mo(m) ON span = 'd' AND start >= mo.m AND start < (mo.m + interval '1 month')::date`;
  await m.query(
    `INSERT INTO rollup_periods (span, start, ai_resolved_max_at)
     SELECT 'm', mo.m, max(ai_resolved_max_at) FROM ${inMonth('rollup_periods')} GROUP BY mo.m`,
    [months],
  );
  await m.query(
    `INSERT INTO rollup_cells (span, start, gset, path, channel, category, language, tickets, resolved,
       handle_sum, human_sum, csat_responses, csat_sum, csat_top2, reopened_resolved, repeat_resolved, durable)
     SELECT 'm', mo.m, gset, path, channel, category, language,
       sum(tickets)::int, sum(resolved)::int, sum(handle_sum)::float8, sum(human_sum)::float8,
       sum(csat_responses)::int, sum(csat_sum)::int, sum(csat_top2)::int, sum(reopened_resolved)::int,
       sum(repeat_resolved)::int, sum(durable)::int
     FROM ${inMonth('rollup_cells')}
     GROUP BY mo.m, gset, path, channel, category, language`,
    [months],
  );
  await m.query(
    `INSERT INTO rollup_bins (span, start, gset, path, channel, category, language, metric, bin, n)
     SELECT 'm', mo.m, gset, path, channel, category, language, metric, bin, sum(n)::int
     FROM ${inMonth('rollup_bins')}
     GROUP BY mo.m, gset, path, channel, category, language, metric, bin`,
    [months],
  );
}
