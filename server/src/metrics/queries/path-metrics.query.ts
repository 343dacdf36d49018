// Per-path figures of the summary (byPath, counts, maturity) in one pass over the population,
// optionally per group (a time bucket, a segment). The plain-SQL definition: requests are served
// through rollups/population-rows.ts, which test/rollups.db-spec.ts checks against this.
import { EntityManager } from 'typeorm';
import { TicketPath } from '../../contract/api-types';
import { Grouping, PopulationFilter, groupingSql, pendingSql, populationWhere, verifiedSql } from './population';

export interface PathMetricsRow {
  /** The group's key ('' without grouping). */
  grp: string;
  path: TicketPath;
  tickets: number;
  resolved: number;
  handleMean: number | null;
  /** [median, p90] */
  handlePct: [number, number] | null;
  resolutionPct: [number, number] | null;
  firstResponseMedian: number | null;
  csatResponses: number;
  csatAverage: number | null;
  csatTop2: number;
  reopenedResolved: number;
  repeatResolved: number;
  pending: number;
  verified: number;
  /** Mean humanSeconds over resolved tickets: H when path = human. */
  humanSecondsMean: number | null;
}

export async function pathMetricsQuery(m: EntityManager, f: PopulationFilter, asOf: Date, group?: Grouping): Promise<PathMetricsRow[]> {
  const { where, params } = populationWhere(f);
  const asOfParam = `$${params.length + 1}::timestamptz`;
  const g = groupingSql(group, params.length + 1);
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT ${g.where} AS grp, path,
       count(*)::int                                                             AS tickets,
       count(*) FILTER (WHERE resolved)::int                                     AS resolved,
       avg(ai_seconds + human_seconds) FILTER (WHERE resolved)::float8           AS handle_mean,
       percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ai_seconds + human_seconds)
         FILTER (WHERE resolved)                                                 AS handle_pct,
       percentile_cont(ARRAY[0.5, 0.9]::float8[])
         WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)::float8)
         FILTER (WHERE resolved)                                                 AS resolution_pct,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_seconds)       AS first_response_median,
       count(csat) FILTER (WHERE resolved)::int                                  AS csat_responses,
       avg(csat) FILTER (WHERE resolved)::float8                                 AS csat_average,
       count(*) FILTER (WHERE resolved AND csat >= 4)::int                       AS csat_top2,
       count(*) FILTER (WHERE resolved AND reopened)::int                        AS reopened_resolved,
       count(*) FILTER (WHERE resolved AND repeat_contact)::int                  AS repeat_resolved,
       count(*) FILTER (WHERE ${pendingSql(asOfParam)})::int                     AS pending,
       count(*) FILTER (WHERE ${verifiedSql(asOfParam)})::int                    AS verified,
       avg(human_seconds) FILTER (WHERE resolved)::float8                        AS human_seconds_mean
     FROM tickets
     WHERE ${where}
     GROUP BY 1, path`,
    [...params, asOf, ...g.params],
  );
  return rows.map((r) => ({
    grp: r.grp as string,
    path: r.path as TicketPath,
    tickets: r.tickets as number,
    resolved: r.resolved as number,
    handleMean: r.handle_mean as number | null,
    handlePct: r.handle_pct as [number, number] | null,
    resolutionPct: r.resolution_pct as [number, number] | null,
    firstResponseMedian: r.first_response_median as number | null,
    csatResponses: r.csat_responses as number,
    csatAverage: r.csat_average as number | null,
    csatTop2: r.csat_top2 as number,
    reopenedResolved: r.reopened_resolved as number,
    repeatResolved: r.repeat_resolved as number,
    pending: r.pending as number,
    verified: r.verified as number,
    humanSecondsMean: r.human_seconds_mean as number | null,
  }));
}
