// Live batches change the rollups by difference (migrations/1766700000000-rollup-deltas.ts): the
// projector takes its tickets' rows as they were stored before the batch and as they are after it
// (ticketRows), drops those that did not change, and adds the rest to every rollup zone's day and
// month cells in one statement, the old rows with weight -1 and the new with +1. The cost follows
// what changed, not the days it lands on: at 63,000 + 48,000 tickets on the two days the bench:load
// writers fill, rebuilding them took 2.2 s a batch, the difference of 900 changed tickets 115-160 ms
// (live batches of more than PROJECTION_DIFFERENCE_TICKETS still rebuild their days). A day's
// exact percentiles cannot be kept by difference: its key-0 cells get pct NULL and reads rank its
// values (population-reader.ts) until the projector rebuilds the day when it has time
// (projection/workspace-work.ts). Every expression comes from measures.ts, through the build's SQL.
import { EntityManager } from 'typeorm';
import { ADDITIVE, DISTRIBUTIONS } from '../measures';
import { ADDITIVE_COLUMNS } from '../measures.sql';
import { wsId } from '../../workspaces/workspace-context';
import { HIST_COLUMNS, HIST_VALUES, cellAggregates } from './rollup-build.query';

/** A tickets row as PostgreSQL's to_jsonb gives it (every column, by name). */
export type TicketRow = Record<string, unknown>;

/** These tickets' rows as stored now, by id (tickets that do not exist are absent). */
export async function ticketRows(m: EntityManager, ids: readonly string[]): Promise<Map<string, TicketRow>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; r: TicketRow }[] = await m.query(`SELECT tk.id, to_jsonb(tk) AS r FROM tickets tk WHERE tk.workspace_id = $1 AND tk.id = ANY($2::text[])`, [wsId(), ids]);
  return new Map(rows.map((x) => [x.id, x.r]));
}

/** Same row, column by column (a jsonb object keeps its keys in one order, so the texts compare). */
const same = (a: TicketRow | undefined, b: TicketRow | undefined) => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * The difference between tickets' rows before and after a batch, as weighted rows: -1 for each
 * old row, +1 for each new one, nothing for a ticket whose row did not change.
 */
export function rowChanges(before: ReadonlyMap<string, TicketRow>, after: ReadonlyMap<string, TicketRow>): { w: 1 | -1; r: TicketRow }[] {
  const out: { w: 1 | -1; r: TicketRow }[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(id);
    const b = after.get(id);
    if (same(a, b)) continue;
    if (a) out.push({ w: -1, r: a });
    if (b) out.push({ w: 1, r: b });
  }
  return out;
}

/**
 * Adds weighted tickets rows to their day and month cells in every rollup zone (not to the months
 * of days waiting to be built); cells left with no ticket are deleted.
 */
export async function addToCells(m: EntityManager, changes: readonly { w: 1 | -1; r: TicketRow }[]): Promise<void> {
  if (changes.length === 0) return;
  const { ctes, histJoin } = cellAggregates('zone, span, period', 'weight');
  const sums = ADDITIVE.map((a) => (a.sparse ? `nullif(c.${a.column}, 0)` : `c.${a.column}`));
  const sumsUpdate = ADDITIVE.map((a) =>
    a.sparse ? `${a.column} = nullif(coalesce(rollup_cells.${a.column}, 0) + coalesce(EXCLUDED.${a.column}, 0), 0)` : `${a.column} = rollup_cells.${a.column} + EXCLUDED.${a.column}`,
  );
  const histUpdate = DISTRIBUTIONS.map(
    ({ metric: x }) => `(h${x}_bins, h${x}_counts) = (SELECT bins, counts FROM cc_hist_add(rollup_cells.h${x}_bins, rollup_cells.h${x}_counts, EXCLUDED.h${x}_bins, EXCLUDED.h${x}_counts))`,
  );
  // A cell where everything came to 0 (a ticket moved between keys of one day: its key-0 cell) is left alone.
  const changed = [...ADDITIVE.map((a) => `c.${a.column} <> 0`), ...DISTRIBUTIONS.map((x) => `h.h${x.metric}_bins IS NOT NULL`)].join(' OR ');
  const emptied: { zone: string; span: string; period: string; path: string; key_id: number }[] = await m.query(
    `WITH rows AS MATERIALIZED (
       SELECT x.weight, tk.* FROM jsonb_to_recordset($2::jsonb) AS x(weight int, r jsonb)
        CROSS JOIN LATERAL jsonb_populate_record(NULL::tickets, x.r) AS tk
        WHERE tk.created_at IS NOT NULL),
     t AS (
       SELECT z.zone, s.span,
              CASE WHEN s.span = 'd' THEN (tk.created_at AT TIME ZONE z.zone)::date
                   ELSE date_trunc('month', tk.created_at AT TIME ZONE z.zone)::date END AS period, tk.*
         FROM rows tk
         JOIN rollup_zones z ON z.workspace_id = $1
        CROSS JOIN (VALUES ('d'::"char"), ('m'::"char")) AS s(span)
        -- A month holds only its days that are built: a ticket of a day waiting to be built changes
        -- that day's cell, not the month's, which is summed again once the day is built (it is
        -- read as days meanwhile). So a month is still the sum of its built days when a read
        -- leaves a load's unbuilt days out and takes it whole (read-plan.ts coverDays).
        WHERE s.span = 'd' OR NOT EXISTS (
          SELECT 1 FROM rollup_pending p WHERE p.workspace_id = $1 AND p.zone = z.zone AND p.day = (tk.created_at AT TIME ZONE z.zone)::date)),${ctes},
     changed AS (
       INSERT INTO rollup_cells (workspace_id, zone, span, period, path, key_id, ${ADDITIVE_COLUMNS.join(', ')}, ${HIST_COLUMNS.join(', ')}, pct)
       SELECT $1::int, c.zone, c.span, c.period, c.path, c.key_id, ${sums.join(', ')},
              ${HIST_VALUES}, NULL
         FROM c ${histJoin}
        WHERE ${changed}
       ON CONFLICT (workspace_id, zone, span, period, path, key_id) DO UPDATE SET
         ${[...sumsUpdate, ...histUpdate].join(',\n         ')},
         pct = NULL
       RETURNING zone, span::text, period::text, path, key_id, tickets)
     SELECT zone, span, period, path, key_id FROM changed WHERE tickets = 0`,
    [wsId(), JSON.stringify(changes.map((c) => ({ weight: c.w, r: c.r })))],
  );
  if (emptied.length === 0) return;
  await m.query(
    `DELETE FROM rollup_cells WHERE workspace_id = $1 AND (zone, span, period, path, key_id) IN (
       SELECT * FROM unnest($2::text[], $3::"char"[], $4::date[], $5::text[], $6::int[]))`,
    [wsId(), emptied.map((e) => e.zone), emptied.map((e) => e.span), emptied.map((e) => e.period), emptied.map((e) => e.path), emptied.map((e) => e.key_id)],
  );
}
