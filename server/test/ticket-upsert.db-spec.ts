// The projector writes a batch's tickets UPSERT_ROWS to a statement: serialising a load's 50,000 at
// once held the server's one thread for 170-220 ms (common/slices.ts). Written in several
// statements, every ticket is stored exactly as one statement stores it.
import { EventsRepository } from '../src/events/events.repository';
import { replayAll } from '../src/projection/project-tickets';
import { TicketsRepository, UPSERT_ROWS } from '../src/tickets/tickets.repository';
import { wsId } from '../src/workspaces/workspace-context';
import { TestApp, createTestApp, fixtureLines } from './test-app';

const COLUMNS = `id, created_at, channel, category, customer_id, language, path, ai_involved, human_involved, resolved,
  resolved_at, resolved_by, reopened, csat, ai_seconds, human_seconds, first_response_seconds, event_count, last_event_at,
  key_id, handle_known`;

describe("a batch's tickets written in several statements", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.request('POST', '/api/v1/events', { raw: fixtureLines().join('\n'), contentType: 'application/x-ndjson' });
    expect(res.status).toBe(207); // the fixture holds invalid lines on purpose
    await t.projected();
  }, 120_000);
  afterAll(async () => t.close());

  it('the fixture, projected in one statement (under UPSERT_ROWS tickets), then again 100 to a statement: every row the same', async () => {
    const stored = await t.ds.query(`SELECT ${COLUMNS} FROM tickets ORDER BY id`);
    expect(stored.length).toBeGreaterThan(800);
    expect(UPSERT_ROWS).toBeGreaterThan(stored.length);
    const repo = t.app.get(TicketsRepository);
    const events = t.app.get(EventsRepository);
    const qr = t.ds.createQueryRunner();
    await qr.startTransaction();
    try {
      await t.inWorkspace(async () => {
        const m = qr.manager;
        const ids: string[] = stored.map((r: { id: string }) => r.id);
        await m.query('DELETE FROM tickets WHERE workspace_id = $1', [wsId()]);
        const states = await replayAll(await events.forTickets(m, ids));
        const keys = await repo.ensureKeys(m, states);
        const query = jest.spyOn(m, 'query');
        await repo.upsert(m, states, keys, 100);
        expect(query.mock.calls.filter(([sql]) => /INSERT INTO tickets/.test(sql)).length).toBe(Math.ceil(stored.length / 100));
        query.mockRestore();
        expect(await m.query(`SELECT ${COLUMNS} FROM tickets ORDER BY id`)).toEqual(stored);
        // Written in order of creation, so a day's tickets lie on few table pages: in the order of
        // the batch (ticket ids) each day's tickets were spread over most of the table's pages.
        const [{ pages, dayPages, days }] = await m.query(
          `SELECT (SELECT count(DISTINCT (ctid::text::point)[0])::int FROM tickets) AS pages,
                  sum(n)::int AS "dayPages", count(*)::int AS days
             FROM (SELECT count(DISTINCT (ctid::text::point)[0]) AS n FROM tickets WHERE created_at IS NOT NULL GROUP BY created_at::date) d`,
        );
        // Each day on its own run of pages: at most every page once plus one shared per day boundary
        // (the fixture: 37 of 19 + 21 with the order, 60 without).
        expect(dayPages).toBeLessThanOrEqual(pages + days);
        // Again over the stored rows, every seventh ticket's CSAT changed: those rows are rewritten
        // (a new row version, a new ctid) with the new score; the others are left as they are.
        type Version = { id: string; ctid: string; csat: number | null };
        const ctids = async () => new Map<string, Version>(((await m.query('SELECT id, ctid::text AS ctid, csat FROM tickets')) as Version[]).map((r) => [r.id, r]));
        const before = await ctids();
        const changed = new Set(ids.filter((_, i) => i % 7 === 0));
        for (const id of changed) states.set(id, { ...states.get(id)!, csat: states.get(id)!.csat === 1 ? 2 : 1 });
        await repo.upsert(m, states, keys, 100);
        const after = await ctids();
        const moved = ids.filter((id) => after.get(id)!.ctid !== before.get(id)!.ctid);
        expect(moved).toEqual(ids.filter((id) => changed.has(id)));
        for (const id of changed) expect(after.get(id)!.csat).toBe(states.get(id)!.csat);
      });
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });
});
