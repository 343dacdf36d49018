// The tickets half of a projector batch (projector.service.ts does the rollups' days): replay the
// queued tickets from all their events (CONTRACT §2), write them, refresh the repeat-contact flags
// they can change and, for live ingest, change the rollup cells by difference
// (metrics/rollups/rollup-delta.query.ts). Answers the instants whose local days the batch
// touched, one per quarter hour: every zone's offset is a multiple of 15 minutes, so instants in
// one quarter hour share their local day and the zones are asked once per quarter.
import { EntityManager } from 'typeorm';
import { eachInBackgroundSlices } from '../common/slices';
import { EventsRepository, StoredReplayEvent } from '../events/events.repository';
import { addToCells, rowChanges, ticketRows } from '../metrics/rollups/rollup-delta.query';
import { TicketState, replayTicket } from '../tickets/ticket-replay';
import { TicketsRepository } from '../tickets/tickets.repository';

const QUARTER_HOUR_MS = 15 * 60_000;

/** Runs one step of the projector's work and counts its time (claimcheck_projector_seconds_total). */
export type Timed = <T>(step: 'events' | 'tickets' | 'repeat' | 'cells' | 'days' | 'values' | 'months' | 'analyze', work: () => Promise<T>) => Promise<T>;

/** Each ticket's state from its events; in slices (common/slices.ts): a load's batch replays 50,000. */
export async function replayAll(events: readonly StoredReplayEvent[]): Promise<Map<string, TicketState>> {
  const byTicket = new Map<string, StoredReplayEvent[]>();
  await eachInBackgroundSlices(events, (e) => {
    const list = byTicket.get(e.ticketId);
    if (list) list.push(e);
    else byTicket.set(e.ticketId, [e]);
  });
  const states = new Map<string, TicketState>();
  await eachInBackgroundSlices(byTicket, ([id, list]) => states.set(id, replayTicket(list)));
  return states;
}

/** @param live change the rollup cells by difference (a load leaves its days to be built instead) */
export async function projectTickets(
  m: EntityManager,
  ticketIds: readonly string[],
  live: boolean,
  deps: { tickets: TicketsRepository; events: EventsRepository; timed: Timed },
): Promise<Date[]> {
  const { tickets, events, timed } = deps;
  const before = await tickets.existing(m, ticketIds);
  const rowsBefore = live ? await timed('cells', () => ticketRows(m, ticketIds)) : null;
  // Statistics that lag a load make the events' read below a pass over all of them (events.repository.ts).
  await timed('analyze', () => events.analyzeIfBehind(m));
  const states = await timed('events', async () => replayAll(await events.forTickets(m, ticketIds)));
  // A ticket whose events were all taken back (a new version of an import): no ticket any more.
  const gone = ticketIds.filter((id) => !states.has(id));
  await timed('tickets', async () => {
    if (gone.length > 0) await tickets.remove(m, gone);
    await tickets.upsert(m, states, await tickets.ensureKeys(m, states));
  });
  // Statistics that describe fewer rows than the batch wrote mislead the plans of what follows.
  await timed('analyze', () => tickets.analyzeIfBehind(m, states.size));
  // A customer's later ticket can arrive first: refresh the flags of every ticket of the
  // customers these tickets had or have.
  const customers = new Set<string>();
  for (const b of before) if (b.customerId !== null) customers.add(b.customerId);
  for (const s of states.values()) if (s.customerId !== null) customers.add(s.customerId);
  const flips = await timed('repeat', () => tickets.refreshRepeatContacts(m, [...customers]));
  if (rowsBefore) {
    await timed('cells', async () => {
      // The other tickets whose flag flipped were as they are now, but for the flag.
      const batch = new Set(ticketIds);
      const rowsAfter = await ticketRows(m, [...ticketIds, ...flips.filter((f) => !batch.has(f.id)).map((f) => f.id)]);
      for (const [id, r] of rowsAfter) if (!batch.has(id)) rowsBefore.set(id, { ...r, repeat_contact: !r.repeat_contact });
      await addToCells(m, rowChanges(rowsBefore, rowsAfter));
    });
  }
  const slots = new Set<number>();
  for (const f of flips) if (f.createdAt) slots.add(Math.floor(f.createdAt.getTime() / QUARTER_HOUR_MS));
  for (const b of before) if (b.createdAt) slots.add(Math.floor(b.createdAt.getTime() / QUARTER_HOUR_MS));
  for (const s of states.values()) if (s.createdUs !== null) slots.add(Math.floor(s.createdUs / 1000 / QUARTER_HOUR_MS));
  return [...slots].map((q) => new Date(q * QUARTER_HOUR_MS));
}
