// The drill-down: tickets of a population that match the predicates behind a number, keyset-
// paginated on (sort key, id) so deep pages cost the same as the first.
import { EntityManager } from 'typeorm';
import type { Cursor } from '../cursor';
import { PopulationFilter, pendingSql, populationWhere, verifiedSql } from '../../metrics/queries/population';

export interface TicketPredicates {
  resolved?: boolean;
  verified?: boolean;
  pending?: boolean;
  repeatContact?: boolean;
  reopened?: boolean;
  aiInvolved?: boolean;
  hasCsat?: boolean;
  csatMin?: number;
  csatMax?: number;
}

export type TicketSort = 'createdAt' | 'handleSeconds';

/**
 * Per sort: the cursor's number of a row, what rows are ordered by, and the keyset condition after
 * a cursor (`$v`, `$id`; `cmp` is < or >). By creation the rows are ordered by the column itself
 * and the cursor's microseconds turned back into an instant (exactly: whole seconds plus
 * microseconds), so the created_at index gives them in order and a page stops after `limit` rows.
 * Ordered by the microseconds expression, every matching ticket was read and sorted first: 175 ms
 * for a 30-day page at 241,000 tickets, as much as counting them.
 */
// A ticket without recorded handle time (an import of elapsed times) sorts as -1: below every
// real handle time, and still a number for the keyset cursor.
const HANDLE_SQL = `(CASE WHEN handle_known THEN ai_seconds + human_seconds ELSE -1 END)`;

interface SortSql {
  value: string;
  key: string;
  after(cmp: '<' | '>', v: string, id: string): string;
}
const SORT_SQL: Record<TicketSort, SortSql> = {
  createdAt: {
    value: `(extract(epoch FROM created_at) * 1000000)::int8`,
    key: 'created_at',
    after: (cmp, v, id) => {
      const at = `(timestamptz 'epoch' + (${v}::int8 / 1000000) * interval '1 second' + (${v}::int8 % 1000000) * interval '1 microsecond')`;
      return `created_at ${cmp}= ${at} AND (created_at, id) ${cmp} (${at}, ${id}::text)`;
    },
  },
  handleSeconds: { value: HANDLE_SQL, key: HANDLE_SQL, after: (cmp, v, id) => `(${HANDLE_SQL}, id) ${cmp} (${v}::float8, ${id}::text)` },
};

export interface TicketListParams {
  filter: PopulationFilter;
  asOf: Date;
  predicates: TicketPredicates;
  sort: TicketSort;
  order: 'asc' | 'desc';
  limit: number;
  /** The last row's sort value and id. */
  after?: Cursor;
}

export interface TicketListRow {
  id: string;
  created_at: Date;
  channel: string;
  category: string;
  customer_id: string | null;
  language: string | null;
  path: string;
  resolved: boolean;
  resolved_at: Date | null;
  resolved_by: string | null;
  reopened: boolean;
  csat: number | null;
  ai_seconds: number;
  human_seconds: number;
  handle_known: boolean;
  first_response_seconds: number | null;
  repeat_contact: boolean;
  pending: boolean;
  verified: boolean;
  sort_value: string;
}

function where(p: Pick<TicketListParams, 'filter' | 'asOf' | 'predicates'>): { sql: string; params: unknown[]; asOfParam: string } {
  const { where: base, params } = populationWhere(p.filter);
  params.push(p.asOf);
  const asOfParam = `$${params.length}::timestamptz`;
  // asOf is always bound; this keeps it referenced when no maturity predicate is used.
  const clauses = [base, `${asOfParam} IS NOT NULL`];
  const flag = (value: boolean | undefined, sql: string) => {
    if (value !== undefined) clauses.push(value ? sql : `NOT ${sql}`);
  };
  const pr = p.predicates;
  flag(pr.resolved, 'resolved');
  flag(pr.verified, verifiedSql(asOfParam));
  flag(pr.pending, pendingSql(asOfParam));
  flag(pr.repeatContact, 'repeat_contact');
  flag(pr.reopened, 'reopened');
  flag(pr.aiInvolved, 'ai_involved');
  flag(pr.hasCsat, '(csat IS NOT NULL)');
  if (pr.csatMin !== undefined) clauses.push(`csat >= ${Math.trunc(pr.csatMin)}`);
  if (pr.csatMax !== undefined) clauses.push(`csat <= ${Math.trunc(pr.csatMax)}`);
  return { sql: clauses.join(' AND '), params, asOfParam };
}

export async function ticketCountQuery(m: EntityManager, p: Pick<TicketListParams, 'filter' | 'asOf' | 'predicates'>): Promise<number> {
  const w = where(p);
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM tickets WHERE ${w.sql}`, w.params);
  return n;
}

export async function ticketListQuery(m: EntityManager, p: TicketListParams): Promise<TicketListRow[]> {
  const w = where(p);
  const sort = SORT_SQL[p.sort];
  const cmp = p.order === 'asc' ? '>' : '<';
  const params = [...w.params];
  let keyset = '';
  if (p.after) {
    params.push(p.after.value, p.after.id);
    keyset = ` AND ${sort.after(cmp, `$${params.length - 1}`, `$${params.length}`)}`;
  }
  params.push(p.limit);
  return m.query(
    `SELECT id, created_at, channel, category, customer_id, language, path, resolved, resolved_at,
            resolved_by, reopened, csat, ai_seconds, human_seconds, handle_known, first_response_seconds, repeat_contact,
            ${pendingSql(w.asOfParam)} AS pending, ${verifiedSql(w.asOfParam)} AS verified, ${sort.value}::text AS sort_value
       FROM tickets
      WHERE ${w.sql}${keyset}
      ORDER BY ${sort.key} ${p.order}, id ${p.order}
      LIMIT $${params.length}`,
    params,
  );
}
