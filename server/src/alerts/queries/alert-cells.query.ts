// Daily sums per path, channel and category (the finest grain the alert series are built from), in
// one pass over the tickets created in [from, to). Days are local days of `zone`.
import { EntityManager } from 'typeorm';
import { wsId } from '../../workspaces/workspace-context';

export interface AlertCellRow {
  day: string;
  path: string;
  channel: string;
  category: string;
  tickets: number;
  resolved: number;
  csatN: number;
  csatTop2: number;
  reopened: number;
  /** Resolved tickets whose 7-day repeat window has closed by asOf (only those can be judged). */
  matured: number;
  repeat: number;
  handleN: number;
  /** Sums of ln(handle seconds) and of its square, over resolved tickets with a handle time. */
  handleLogSum: number;
  handleLogSq: number;
}

export interface AlertCellsScope {
  from: Date;
  to: Date;
  asOf: Date;
  zone: string;
  channels?: string[];
  categories?: string[];
}

export async function alertCellsQuery(m: EntityManager, s: AlertCellsScope): Promise<AlertCellRow[]> {
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT to_char((created_at AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day, path,
            coalesce(channel, '') AS channel, coalesce(category, '') AS category,
            count(*)::int AS tickets,
            count(*) FILTER (WHERE resolved)::int AS resolved,
            count(csat) FILTER (WHERE resolved)::int AS csat_n,
            count(*) FILTER (WHERE resolved AND csat >= 4)::int AS csat_top2,
            count(*) FILTER (WHERE resolved AND reopened)::int AS reopened,
            count(*) FILTER (WHERE resolved AND resolved_at + interval '604800 seconds' <= $3)::int AS matured,
            count(*) FILTER (WHERE resolved AND resolved_at + interval '604800 seconds' <= $3 AND repeat_contact)::int AS repeat,
            count(*) FILTER (WHERE resolved AND handle_known AND ai_seconds + human_seconds > 0)::int AS handle_n,
            coalesce(sum(ln(ai_seconds + human_seconds)) FILTER (WHERE resolved AND handle_known AND ai_seconds + human_seconds > 0), 0)::float8 AS handle_log_sum,
            coalesce(sum(ln(ai_seconds + human_seconds) ^ 2) FILTER (WHERE resolved AND handle_known AND ai_seconds + human_seconds > 0), 0)::float8 AS handle_log_sq
       FROM tickets
      WHERE workspace_id = $7 AND created_at >= $1 AND created_at < $2 AND path <> 'none'
        AND ($5::text[] IS NULL OR channel = ANY($5)) AND ($6::text[] IS NULL OR category = ANY($6))
      GROUP BY 1, 2, 3, 4`,
    [s.from, s.to, s.asOf, s.zone, s.channels ?? null, s.categories ?? null, wsId()],
  );
  return rows.map((r) => ({
    day: r.day as string,
    path: r.path as string,
    channel: r.channel as string,
    category: r.category as string,
    tickets: r.tickets as number,
    resolved: r.resolved as number,
    csatN: r.csat_n as number,
    csatTop2: r.csat_top2 as number,
    reopened: r.reopened as number,
    matured: r.matured as number,
    repeat: r.repeat as number,
    handleN: r.handle_n as number,
    handleLogSum: r.handle_log_sum as number,
    handleLogSq: r.handle_log_sq as number,
  }));
}
