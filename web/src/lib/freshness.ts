// What the dashboard says when an answer does not include everything acknowledged yet (the API's
// `freshness`, docs/API.md "Freshness"): the dashboard reads without waiting for other people's
// ingest, so during a bulk load its numbers can trail the queue; it says so and refreshes.
import { LOAD_BEHIND_SECONDS, type Freshness } from '../../../server/src/contract';

/** Every dashboard read: answer at once from what is projected (`wait=0`), never block on ingest. */
export const DASHBOARD_READ = { wait: '0' } as const;

/** How often a view that is behind asks again. */
export const BEHIND_REFETCH_MS = 3000;

// Behind by less than LOAD_BEHIND_SECONDS is live ingest: no note, no polling. Days a load has not
// built yet are left out of the answer (after its tickets are all projected too): note and poll.
const noticeablyBehind = (f: Freshness | undefined): f is Freshness =>
  !!f && !f.complete && (f.behindSeconds >= LOAD_BEHIND_SECONDS || (f.daysBuilding ?? 0) > 0);

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The note for an answer that is noticeably behind, or null. */
export function behindNote(f: Freshness | undefined): string | null {
  if (!noticeablyBehind(f)) return null;
  const days = f.daysBuilding ? plural(f.daysBuilding, 'day') : null;
  if (f.behindSeconds < LOAD_BEHIND_SECONDS) {
    // Every ticket projected; the load's last days are being built.
    return `Still building ${days} of a bulk load: these numbers leave out those days' tickets for now and will update.`;
  }
  // Past 10,000 queued the server estimates rather than count (counting would slow every read).
  const tickets = `${f.pendingEstimated ? 'about ' : ''}${plural(f.pendingTickets, 'ticket')}`;
  const age = f.behindSeconds >= 120 ? `${Math.round(f.behindSeconds / 60)} min` : `${f.behindSeconds} s`;
  const building = days ? ` and building ${days}` : '';
  return `Still processing ${tickets} received in the last ${age}${building}: these numbers do not include them yet and will update.`;
}

/** react-query's refetchInterval for an answer with `freshness`: poll while it is behind. */
export function refetchWhileBehind(query: { state: { data?: { freshness?: Freshness } } }): number | false {
  return noticeablyBehind(query.state.data?.freshness) ? BEHIND_REFETCH_MS : false;
}
