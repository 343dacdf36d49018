// Counts and sums of the summary per group x path x category: rollup cells for the plan's units
// plus the same aggregates over the tickets of its raw ranges. Pending and verified depend on
// asOf: a matured unit's pending is 0 and its verified count is its durable one; for maturing
// days both are counted on their AI-resolved tickets.
import { EntityManager } from 'typeorm';
import { TicketPath } from '../../contract/api-types';
import { PopulationFilter, pendingSql, verifiedSql } from '../queries/population';
import { RollupPlan } from './rollup-plan';
import { GroupBy, gsetFor, sources } from './rollup-sources';

export interface CellSums {
  grp: string;
  path: TicketPath;
  category: string | null;
  tickets: number;
  resolved: number;
  handleSum: number | null;
  humanSum: number | null;
  csatResponses: number;
  csatSum: number | null;
  csatTop2: number;
  reopenedResolved: number;
  repeatResolved: number;
  pending: number;
  verified: number;
}

export async function cellSumsQuery(m: EntityManager, plan: RollupPlan, f: PopulationFilter, by: GroupBy, asOf: Date): Promise<CellSums[]> {
  const s = sources(plan, f, by);
  const asOfParam = `$7::timestamptz`;
  const gset = `$8::smallint`;
  const dc = s.dims('c', 11);
  const dt = s.dims('t', 11 + dc.params.length);
  const dm = s.dims('t', 11 + dc.params.length + dt.params.length);
  const dayStart = `(u.start::timestamp AT TIME ZONE 'UTC')`;
  const maturingDay = `EXISTS (SELECT 1 FROM mr WHERE mr.lo <= ${dayStart} AND mr.hi > ${dayStart})`;
  const rows: Record<string, unknown>[] = await m.query(
    `${s.with},
       mr AS (SELECT * FROM unnest($9::timestamptz[], $10::timestamptz[], $11::text[]) AS mr(lo, hi, grp))
     SELECT grp, path, category,
       sum(tickets)::int AS tickets, sum(resolved)::int AS resolved, sum(handle_sum)::float8 AS handle_sum,
       sum(human_sum)::float8 AS human_sum, sum(csat_responses)::int AS csat_responses, sum(csat_sum)::int AS csat_sum,
       sum(csat_top2)::int AS csat_top2, sum(reopened_resolved)::int AS reopened_resolved,
       sum(repeat_resolved)::int AS repeat_resolved, sum(pending)::int AS pending, sum(verified)::int AS verified
     FROM (
       SELECT ${s.grp('c', 'u')} AS grp, c.path, c.category, c.tickets, c.resolved, c.handle_sum, c.human_sum,
              c.csat_responses, c.csat_sum, c.csat_top2, c.reopened_resolved, c.repeat_resolved, 0 AS pending,
              CASE WHEN u.span = 'd' AND ${maturingDay} THEN 0 ELSE c.durable END AS verified
         FROM u CROSS JOIN LATERAL (
                -- OFFSET 0: an index lookup per unit, never a scan of the whole table.
                SELECT * FROM rollup_cells c WHERE c.span = u.span AND c.start = u.start AND c.gset = ${gset} AND ${dc.sql} OFFSET 0) c
       UNION ALL
       SELECT ${s.grp('t', 'r')}, t.path, t.category,
              count(*)::int, count(*) FILTER (WHERE t.resolved)::int,
              sum(t.ai_seconds + t.human_seconds) FILTER (WHERE t.resolved)::float8,
              sum(t.human_seconds) FILTER (WHERE t.resolved)::float8,
              count(t.csat) FILTER (WHERE t.resolved)::int, sum(t.csat) FILTER (WHERE t.resolved)::int,
              count(*) FILTER (WHERE t.resolved AND t.csat >= 4)::int,
              count(*) FILTER (WHERE t.resolved AND t.reopened)::int,
              count(*) FILTER (WHERE t.resolved AND t.repeat_contact)::int,
              count(*) FILTER (WHERE ${pendingSql(asOfParam)})::int,
              count(*) FILTER (WHERE ${verifiedSql(asOfParam)})::int
         FROM ${s.rawTickets}
        WHERE ${dt.sql}
        GROUP BY 1, 2, 3
       UNION ALL
       SELECT ${s.grp('t', 'mr')}, t.path, t.category, 0, 0, NULL, NULL, 0, NULL, 0, 0, 0,
              count(*) FILTER (WHERE ${pendingSql(asOfParam)})::int,
              count(*) FILTER (WHERE ${verifiedSql(asOfParam)})::int
         FROM mr CROSS JOIN LATERAL (
                -- OFFSET 0: an index range per maturing day, never a scan of the table.
                SELECT * FROM tickets t WHERE t.created_at >= mr.lo AND t.created_at < mr.hi
                   AND t.path = 'ai' AND t.resolved AND ${dm.sql} OFFSET 0) t
        GROUP BY 1, 2, 3
     ) x
     GROUP BY grp, path, category`,
    [
      ...s.params,
      asOf,
      gsetFor(f, by, ['category']),
      plan.maturing.map((x) => x.from),
      plan.maturing.map((x) => x.to),
      plan.maturing.map((x) => x.grp),
      ...dc.params,
      ...dt.params,
      ...dm.params,
    ],
  );
  return rows.map((r) => ({
    grp: r.grp as string,
    path: r.path as TicketPath,
    category: r.category as string | null,
    tickets: r.tickets as number,
    resolved: r.resolved as number,
    handleSum: r.handle_sum as number | null,
    humanSum: r.human_sum as number | null,
    csatResponses: r.csat_responses as number,
    csatSum: r.csat_sum as number | null,
    csatTop2: r.csat_top2 as number,
    reopenedResolved: r.reopened_resolved as number,
    repeatResolved: r.repeat_resolved as number,
    pending: r.pending as number,
    verified: r.verified as number,
  }));
}
