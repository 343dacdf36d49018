// A ticket list's total, read from the rollups when its predicates ask for a number the summary
// has (docs/API.md's "number in the summary | drill-down" table): counting the list's tickets
// reads each of them (175 ms for 30 days at 241,000 tickets, 10-20 ms from the rollups). Other
// predicates return null and are counted from the tickets. Pure.
import type { PathMetricsRow } from '../metrics/summary-assembler';
import type { TicketPredicates } from './queries/ticket-list.query';

type Rows = readonly PathMetricsRow[];
const sum = (rows: Rows, f: (r: PathMetricsRow) => number) => rows.reduce((n, r) => n + f(r), 0);
/** Only AI-path tickets in the population (judged counts are split by why on that path only). */
const aiOnly = (rows: Rows) => rows.every((r) => r.path === 'ai' || r.tickets === 0);

/** Predicates (their defined ones, in a fixed order) -> the total from the population's rows. */
const FROM_ROWS: Record<string, (rows: Rows) => number | null> = {
  '': (rows) => sum(rows, (r) => r.tickets),
  'resolved=true': (rows) => sum(rows, (r) => r.resolved),
  'resolved=false': (rows) => sum(rows, (r) => r.tickets - r.resolved),
  'aiInvolved=true': (rows) => sum(rows, (r) => (r.path === 'ai' || r.path === 'escalated' ? r.tickets : 0)),
  'verified=true': (rows) => sum(rows, (r) => r.verified),
  'resolved=true&verified=true': (rows) => sum(rows, (r) => r.verified),
  'pending=true': (rows) => sum(rows, (r) => r.pending),
  'resolved=true&pending=true': (rows) => sum(rows, (r) => r.pending),
  'resolved=true&reopened=true': (rows) => sum(rows, (r) => r.reopenedResolved),
  'resolved=true&repeatContact=true': (rows) => sum(rows, (r) => r.repeatResolved),
  'resolved=true&hasCsat=true': (rows) => sum(rows, (r) => r.csatResponses),
  'resolved=true&csatMin=4': (rows) => sum(rows, (r) => r.csatTop2),
  // The savings waterfall's steps: pending is only ever true on the AI path.
  'resolved=true&pending=false&reopened=true': (rows) => sum(rows, (r) => (r.path === 'ai' ? r.reopenedJudged : r.reopenedResolved)),
  'resolved=true&pending=false&reopened=false&repeatContact=true': (rows) => (aiOnly(rows) ? sum(rows, (r) => r.cameBackJudged) : null),
};

// Every predicate, so that one added later cannot be left out of the key (and a total served
// without it): the type makes this list name them all.
const EVERY: Record<keyof TicketPredicates, true> = { resolved: true, verified: true, pending: true, reopened: true, repeatContact: true, aiInvolved: true, hasCsat: true, csatMin: true, csatMax: true };
const ORDER = Object.keys(EVERY) as (keyof TicketPredicates)[];

/** The defined predicates as one key, e.g. `resolved=true&reopened=true` ('' for none). */
export function predicateKey(p: TicketPredicates): string {
  return ORDER.filter((k) => p[k] !== undefined).map((k) => `${k}=${p[k]}`).join('&');
}

/** Whether the rollups can give this list's total (then read the rows and call listTotal). */
export const totalFromRollups = (p: TicketPredicates): boolean => predicateKey(p) in FROM_ROWS;

/** The list's total from its population's rows, or null: count the tickets instead. */
export function listTotal(p: TicketPredicates, rows: Rows): number | null {
  const f = FROM_ROWS[predicateKey(p)];
  return f ? f(rows) : null;
}
