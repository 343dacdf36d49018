// Daily counts per path and segment (all tickets, each channel, each category) for the alert
// detectors, in one pass over the evaluation window (GROUPING SETS).
import { EntityManager } from 'typeorm';

export interface DailyRow {
  day: string;
  path: string;
  /** 'all', 'channel:chat', 'category:billing' */
  segment: string;
  tickets: number;
  resolved: number;
  csatN: number;
  csatTop2: number;
  reopened: number;
  /** Resolved tickets whose 7-day repeat window has closed by asOf (only those can be judged). */
  matured: number;
  repeat: number;
  handleN: number;
  handleLogSum: number;
}

export async function dailySeriesQuery(m: EntityManager, from: Date, to: Date, asOf: Date): Promise<DailyRow[]> {
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, path,
            CASE WHEN GROUPING(channel) = 0 THEN 'channel:' || channel
                 WHEN GROUPING(category) = 0 THEN 'category:' || category ELSE 'all' END AS segment,
            count(*)::int AS tickets,
            count(*) FILTER (WHERE resolved)::int AS resolved,
            count(csat) FILTER (WHERE resolved)::int AS csat_n,
            count(*) FILTER (WHERE resolved AND csat >= 4)::int AS csat_top2,
            count(*) FILTER (WHERE resolved AND reopened)::int AS reopened,
            count(*) FILTER (WHERE resolved AND resolved_at + interval '604800 seconds' <= $3)::int AS matured,
            count(*) FILTER (WHERE resolved AND resolved_at + interval '604800 seconds' <= $3 AND repeat_contact)::int AS repeat,
            count(*) FILTER (WHERE resolved AND ai_seconds + human_seconds > 0)::int AS handle_n,
            coalesce(sum(ln(ai_seconds + human_seconds)) FILTER (WHERE resolved AND ai_seconds + human_seconds > 0), 0)::float8 AS handle_log_sum
       FROM tickets
      WHERE created_at >= $1 AND created_at < $2 AND path <> 'none'
      GROUP BY GROUPING SETS ((1, path), (1, path, channel), (1, path, category))`,
    [from, to, asOf],
  );
  return rows.map((r) => ({
    day: r.day as string,
    path: r.path as string,
    segment: r.segment as string,
    tickets: r.tickets as number,
    resolved: r.resolved as number,
    csatN: r.csat_n as number,
    csatTop2: r.csat_top2 as number,
    reopened: r.reopened as number,
    matured: r.matured as number,
    repeat: r.repeat as number,
    handleN: r.handle_n as number,
    handleLogSum: r.handle_log_sum as number,
  }));
}
