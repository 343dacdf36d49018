// Claims against the contract fixture: entered, versioned, checked figure by figure with the
// expected numbers of expected.json, and a vendor export built here from the fixture's tickets
// (a known number in each class) reconciled exactly, with bad rows reported and nothing counted twice.
import { fixtureLines } from './test-app';
import { createFixtureApp } from './fixture-app';
import { createTestApp } from './test-app';
import { TestApp, expected } from './test-app';

const case1 = expected().cases[0].summary as { aiResolved: number; verifiedAiResolved: number; byPath: { ai: { handleSeconds: { median: number } } } };
const claim = (figures: unknown[], o: Record<string, unknown> = {}) => ({ title: 'Fin monthly report', source: { kind: 'vendor_report', ref: 'https://example.com/fin.pdf' }, from: '2026-01-05', to: '2026-01-26', tz: 'UTC', figures, ...o });

describe('claims on the contract fixture', () => {
  let t: TestApp;
  let viewer: string;
  beforeAll(async () => {
    t = await createFixtureApp();
    await t.projected();
    viewer = (await t.request('POST', '/api/v1/tokens', { body: { name: 'board', role: 'viewer' } })).body.token;
  });
  afterAll(async () => t.close());

  it('checks each figure against expected.json: 222 durable of 265 AI resolutions', async () => {
    // Case 1 (expected.json): 265 AI resolutions, 222 verified, none pending; AI median handle time 122 s.
    const r = await t.request('POST', '/api/v1/claims', {
      body: claim([
        { kind: 'aiResolutions', value: case1.aiResolved, unit: 'resolutions' },
        { kind: 'aiResolutions', value: case1.verifiedAiResolved, unit: 'resolutions' },
        { kind: 'handleTime', value: 2, unit: 'minutes', who: 'ai', stat: 'median' },
      ]),
    });
    expect(r.status).toBe(201);
    const [all, durable, handle] = r.body.check.figures;
    // 265 claimed against 222 durable: overstated by 43 / 222 = 19%.
    expect(all).toMatchObject({ verdict: 'overstated', claimed: 265, recomputed: 265, verified: 222, difference: 43 });
    expect(all.sentence).toContain('Overstated by 19%');
    expect(durable).toMatchObject({ verdict: 'holds', verified: 222 });
    // 2 minutes (±30 s as stated) against 122 s.
    expect(handle).toMatchObject({ verdict: 'holds', claimed: 120, verified: 122 });
    expect(r.body.check).toMatchObject({ verdict: 'overstated', sentence: '3 figures: 1 overstated, 2 holds.' });
    expect(r.body.vendor).toBeNull();
    // The tickets behind a figure: as many as the check's verified count.
    const list = await t.request('GET', `/api/v1/tickets?from=2026-01-05&to=2026-01-26&tz=UTC&${new URLSearchParams(all.tickets)}&limit=1`);
    expect(list.body.total).toBe(222);
  });

  it("says how much of its period the data has: the fixture's tickets are created 5-25 January 2026", async () => {
    // events.ndjson: the first valid ticket.created is on 5 January (one of 1 January, bad1-2, has no
    // channel and is refused), the last 2026-01-25T23:36:38Z.
    const within = await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutions', value: 100, unit: 'resolutions' }]) });
    expect(within.body.check.coverage).toEqual({ days: 21, daysInDataSpan: 21, dataFrom: '2026-01-05', dataTo: '2026-01-26' });
    // December to January: 62 days, of which 5-25 January (21) are within the data.
    const wider = await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutions', value: 100, unit: 'resolutions' }], { from: '2025-12-01', to: '2026-02-01' }) });
    expect(wider.body.check.coverage).toEqual({ days: 62, daysInDataSpan: 21, dataFrom: '2026-01-05', dataTo: '2026-01-26' });
  });

  it('a category no ticket has (a typo) is not comparable, naming the categories there are', async () => {
    // The fixture's categories (events.ndjson): account, disputes, fraud, payments, refunds, and 43
    // ticket.created events without one, which CONTRACT.md calls "uncategorized".
    const r = await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutions', value: 100, unit: 'resolutions' }], { category: 'Refundz' }) });
    expect(r.status).toBe(201);
    expect(r.body.check.figures[0]).toMatchObject({
      verdict: 'not_comparable',
      sentence: 'Not comparable: no ticket has category "Refundz" (the data\'s categories: account, disputes, fraud, payments, refunds, uncategorized).',
    });
    // Spelled right, it is checked.
    const ok = await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutions', value: 100, unit: 'resolutions' }], { category: 'refunds' }) });
    expect(ok.body.check.figures[0].verdict).not.toBe('not_comparable');
  });

  it('versions: an edit is a new version with who and when; a delete keeps them; viewers read, only admins write', async () => {
    const created = (await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'fte', value: 700, unit: 'agents' }], { title: 'Board deck' }) })).body;
    expect(created.version).toBe(1);
    expect((await t.request('POST', '/api/v1/claims', { token: viewer, body: claim([{ kind: 'fte', value: 1, unit: 'agents' }]) })).status).toBe(403);
    expect((await t.request('GET', `/api/v1/claims/${created.id}`, { token: viewer })).status).toBe(200);
    const edited = await t.request('PUT', `/api/v1/claims/${created.id}`, { body: claim([{ kind: 'fte', value: 7, unit: 'agents' }], { title: 'Board deck v2' }) });
    expect(edited.body).toMatchObject({ version: 2, title: 'Board deck v2', updatedBy: 'ADMIN_TOKEN' });
    const versions = (await t.request('GET', `/api/v1/claims/${created.id}/versions`, { token: viewer })).body;
    expect(versions.map((v: { version: number; claim: { title: string } }) => [v.version, v.claim.title])).toEqual([[2, 'Board deck v2'], [1, 'Board deck']]);
    expect((await t.request('DELETE', `/api/v1/claims/${created.id}`)).status).toBe(200);
    expect((await t.request('GET', `/api/v1/claims/${created.id}`)).status).toBe(404);
    expect((await t.request('GET', `/api/v1/claims/${created.id}/versions`)).body[0]).toMatchObject({ version: 3, deleted: true });
    expect((await t.request('GET', '/api/v1/claims/not-a-uuid')).status).toBe(404);
  });

  it.each([
    [{ from: '2026-02-01', to: '2026-01-01' }, 'to: must be after from'],
    [{ tz: 'Mars/Olympus' }, 'tz'],
    [{ figures: [{ kind: 'savings', value: -1, unit: 'money_per_year' }] }, 'figures[0].value: must be ≥ 0 (got -1)'],
    [{ figures: [{ kind: 'savings', value: 1000 }] }, 'figures[0].unit: required for savings'],
    [{ title: '' }, 'title: 1 to 200 characters'],
    [{ colour: 'red' }, 'colour'],
  ])('refuses %p with a message naming the field', async (o, message) => {
    const r = await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'fte', value: 1, unit: 'agents' }], o) });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.message)).toContain(message);
  });

  describe('vendor export', () => {
    let id: string;
    // Tickets picked from the fixture by their state (the tickets table), a known number per class.
    const picked: Record<string, string[]> = {};
    const header = 'Conversation ID,Resolution date,Resolution type,Charge';
    let csv: string;
    beforeAll(async () => {
      id = (await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutions', value: 20, unit: 'resolutions' }]) })).body.id;
      const pick = async (n: number, where: string) => (await t.ds.query(`SELECT id FROM tickets WHERE ${where} ORDER BY id LIMIT ${n}`)).map((r: { id: string }) => r.id);
      picked.durable = await pick(5, `path = 'ai' AND resolved AND NOT reopened AND NOT repeat_contact`);
      picked.reopened = await pick(3, `path = 'ai' AND resolved AND reopened`);
      picked.came_back = await pick(2, `path = 'ai' AND resolved AND NOT reopened AND repeat_contact`);
      picked.escalated = await pick(4, `path = 'escalated'`);
      picked.not_ai_resolved = await pick(2, `path = 'human'`);
      picked.unknown_id = ['no-such-1', 'no-such-2', 'no-such-3'];
      // One AI resolution an hour old: still maturing.
      const now = Date.now();
      const at = (ms: number) => new Date(now - ms).toISOString();
      await t.request('POST', '/api/v1/events', {
        body: [
          { id: 'fresh-1', type: 'ticket.created', ticketId: 'fresh-ai', occurredAt: at(7_200_000), channel: 'chat' },
          { id: 'fresh-2', type: 'ticket.assigned', ticketId: 'fresh-ai', occurredAt: at(7_100_000), agentType: 'ai' },
          { id: 'fresh-3', type: 'ticket.resolved', ticketId: 'fresh-ai', occurredAt: at(3_600_000), agentType: 'ai', handleSeconds: 50 },
        ],
      });
      await t.projected();
      picked.maturing = ['fresh-ai'];
      const lines = Object.values(picked).flat().map((tid) => `${tid},2026-01-10,Assumed resolution,$0.99`);
      // Three bad rows among them: an empty id, an amount that is not one, an id twice.
      csv = [header, ...lines.slice(0, 4), ',2026-01-10,Assumed resolution,0.99', `${picked.durable[0]}x,2026-01-10,Assumed,lots`, `${picked.durable[0]},2026-01-11,Confirmed resolution,0.99`, ...lines.slice(4)].join('\n');
    });
    const upload = (body: string, query = '?preset=intercom-fin') => t.request('POST', `/api/v1/claims/${id}/vendor-export${query}`, { raw: body, contentType: 'text/csv' });

    it('reconciles exactly to the classes the rows were picked from; bad rows are reported by line, valid ones kept', async () => {
      const r = await upload(csv);
      expect(r.status).toBe(200);
      expect(r.body.accepted).toBe(20);
      expect(r.body.alreadyThere).toBe(0);
      expect(r.body.rejected).toEqual([
        { row: 5, line: 6, error: 'Conversation ID: empty' },
        { row: 6, line: 7, error: expect.stringContaining('Charge: "lots" is not an amount') },
        { row: 7, line: 8, error: `Conversation ID: "${picked.durable[0]}" appears again (first on line 2)` },
      ]);
      const classes = Object.fromEntries(r.body.reconciliation.classes.map((c: { class: string; count: number }) => [c.class, c.count]));
      expect(classes).toEqual({ durable: 5, maturing: 1, reopened: 3, came_back: 2, escalated: 4, not_ai_resolved: 2, unknown_id: 3 });
      // Did not hold up: 3 reopened + 2 came back + 4 escalated + 2 not AI-resolved = 11, at 0.99 = 10.89.
      expect(r.body.reconciliation.didNotHoldUp.count).toBe(11);
      expect(r.body.reconciliation.didNotHoldUp.amount).toBeCloseTo(10.89, 9);
      expect(r.body.reconciliation.billedAmount).toBeCloseTo(19.8, 9);
      expect(r.body.reconciliation.sentence).toBe('Billed $19.80 for 20 resolutions; 11 of them did not hold up ($10.89); 1 not judged yet; 3 with an id our data does not have.');
    });

    it('re-uploading the same export adds nothing', async () => {
      const r = await upload(csv);
      expect(r.body).toMatchObject({ accepted: 0, alreadyThere: 20 });
      expect(r.body.reconciliation.rows).toBe(20);
    });

    it('a re-upload with the right ticket prefix matches the rows our data did not know; a match is never undone', async () => {
      // The durable tickets' ids less their first part ("t1-16-32" -> "16-32"), as a vendor that knew them without it would list them.
      const prefix = picked.durable[0].slice(0, picked.durable[0].indexOf('-') + 1);
      const ids = picked.durable.filter((x) => x.startsWith(prefix));
      const other = (await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutions', value: ids.length, unit: 'resolutions' }]) })).body.id;
      const body = [header, ...ids.map((x) => `${x.slice(prefix.length)},2026-01-10,Assumed resolution,$0.99`)].join('\n');
      const send = (q: string) => t.request('POST', `/api/v1/claims/${other}/vendor-export?preset=intercom-fin${q}`, { raw: body, contentType: 'text/csv' });
      const count = (r: { body: { reconciliation: { classes: { class: string; count: number }[] } } }, c: string) => r.body.reconciliation.classes.find((x) => x.class === c)!.count;
      const first = await send('');
      expect(first.body).toMatchObject({ accepted: ids.length, rematched: 0 });
      expect(count(first, 'unknown_id')).toBe(ids.length);
      const again = await send(`&ticketPrefix=${encodeURIComponent(prefix)}`);
      expect(again.body).toMatchObject({ accepted: 0, alreadyThere: ids.length, rematched: ids.length });
      expect([count(again, 'durable'), count(again, 'unknown_id')]).toEqual([ids.length, 0]);
      expect(again.body.reconciliation.rows).toBe(ids.length); // matched again, not counted twice
      const wrong = await send('&ticketPrefix=zendesk:');
      expect(wrong.body).toMatchObject({ accepted: 0, rematched: 0 });
      expect(count(wrong, 'durable')).toBe(ids.length);
    });

    it('each class opens its rows with our tickets, as JSON pages and as CSV', async () => {
      const reopened = await t.request('GET', `/api/v1/claims/${id}/vendor-export?class=reopened`, { token: viewer });
      expect(reopened.body.total).toBe(3);
      expect(reopened.body.items.map((x: { ticketId: string }) => x.ticketId).sort()).toEqual([...picked.reopened].sort());
      const page1 = await t.request('GET', `/api/v1/claims/${id}/vendor-export?limit=15`);
      const page2 = await t.request('GET', `/api/v1/claims/${id}/vendor-export?limit=15&cursor=${encodeURIComponent(page1.body.nextCursor)}`);
      expect(page1.body.items.length + page2.body.items.length).toBe(20);
      expect(page2.body.nextCursor).toBeNull();
      const csvOut = await t.request('GET', `/api/v1/claims/${id}/vendor-export?class=unknown_id&format=csv`);
      expect(csvOut.text.trim().split('\n')).toHaveLength(4);
      expect(csvOut.text).toContain('no-such-2');
    });

    it('a header that is not the preset\'s, a bad mapping, an empty body: 400 naming what is wrong', async () => {
      const wrong = await upload('id,amount\nx,1');
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toBe('header: id column "Conversation ID", amount column "Charge" not in the header (it has: "id", "amount"); pass ?preset= or ?mapping=');
      const mapped = await upload('Conv,Price\nno-such-9,2.5', `?mapping=${encodeURIComponent('{"id":"Conv","amount":"Price"}')}`);
      expect(mapped.body).toMatchObject({ accepted: 1 });
      expect((await upload('', '')).status).toBe(400);
      expect((await upload('a,b\n1,2', '?preset=nope')).body.message).toContain('preset: unknown "nope"');
      // Imported tickets are "<source>:<id>": a prefix finds them by the vendor's own ids.
      const [{ id: imported }] = await t.ds.query(`SELECT id FROM tickets WHERE id LIKE 't1-%' AND path = 'ai' AND resolved AND NOT reopened AND NOT repeat_contact ORDER BY id LIMIT 1`);
      const [prefix, bare] = [imported.slice(0, imported.indexOf('-') + 1), imported.slice(imported.indexOf('-') + 1)];
      const prefixed = await upload(`id,amount\n${bare},1`, `?ticketPrefix=${encodeURIComponent(prefix)}`);
      expect(prefixed.status).toBe(200);
      const found = await t.request('GET', `/api/v1/claims/${id}/vendor-export?class=durable`);
      expect(found.body.items.map((x: { conversationId: string; ticketId: string }) => [x.conversationId, x.ticketId])).toContainEqual([bare, imported]);
      expect((await upload('id,amount\nx,1', '?ticketPrefix=bad%20prefix')).status).toBe(400);
    });
  });
});

describe('a claim whose period is not over', () => {
  let t: TestApp;
  // Days counted from the real clock's UTC date: the check's asOf is now.
  const day = (n: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + n)).toISOString().slice(0, 10);
  beforeAll(async () => {
    t = await createTestApp();
    // Two AI resolutions 20 days ago, neither reopened nor followed by a contact: both durable by now.
    const events = ['a', 'b'].flatMap((id) => [
      { id: `${id}1`, type: 'ticket.created', ticketId: id, occurredAt: `${day(-20)}T09:00:00Z`, channel: 'chat', category: 'billing', customerId: `c-${id}` },
      { id: `${id}2`, type: 'ticket.assigned', ticketId: id, occurredAt: `${day(-20)}T09:00:05Z`, agentType: 'ai' },
      { id: `${id}3`, type: 'ticket.resolved', ticketId: id, occurredAt: `${day(-20)}T09:02:00Z`, agentType: 'ai', handleSeconds: 115 },
    ]);
    // Not projected by hand: a claim's check waits for what was acknowledged before it (read-your-writes).
    expect((await t.request('POST', '/api/v1/events', { body: events })).status).toBe(200);
  });
  afterAll(async () => t.close());

  it('a total is not judged while days remain, whether reached yet or not', async () => {
    // 30 days from 25 days ago: 25 complete days are over (today is not).
    const r = await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutions', value: 5, unit: 'resolutions' }, { kind: 'aiResolutions', value: 2, unit: 'resolutions' }], { from: day(-25), to: day(5) }) });
    expect(r.status).toBe(201);
    expect(r.body.freshness.complete).toBe(true);
    const [five, two] = r.body.check.figures;
    expect(five).toMatchObject({ verdict: 'maturing', verified: 2 });
    expect(five.sentence).toContain(`Cannot be judged yet: the period runs to ${day(4)} and 25 of its 30 days are over.`);
    expect(two).toMatchObject({ verdict: 'maturing', verified: 2 });
    expect(two.sentence).toContain('So far the events reach it: The claim says 2; the events say 2');
    expect(r.body.check.verdict).toBe('maturing');
  });

  it('a period that has not begun: nothing to check yet', async () => {
    const r = await t.request('POST', '/api/v1/claims', { body: claim([{ kind: 'aiResolutionRate', value: 60, unit: 'percent' }], { from: day(10), to: day(40) }) });
    expect(r.status).toBe(201);
    expect(r.body.check.figures[0]).toMatchObject({ verdict: 'not_comparable', sentence: `Not comparable yet: the period begins ${day(10)} and no day of it is over.` });
    expect(r.body.check.verdict).toBe('not_comparable');
  });
});
