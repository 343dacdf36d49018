// A category or channel with a comma in it ("Billing, payments": real helpdesks have them) is one
// value: filtered by its escaped form (contract/filter-list.ts), it counts its own tickets in every
// read, its segment and its claim, and the ticket list behind it holds exactly those.
import { qs } from './fixture-app';
import { TestApp, createTestApp } from './test-app';

describe('filter values with commas', () => {
  let t: TestApp;
  // By hand: 3 tickets in "Billing, payments" (2 resolved by the AI), 4 in "Billing" (3 by the AI)
  // and 1 in "payments" (by the AI): read as two values, "Billing, payments" would be 5 tickets, 4 by the AI.
  const tickets: [string, string, boolean][] = [
    ['bp-1', 'Billing, payments', true],
    ['bp-2', 'Billing, payments', true],
    ['bp-3', 'Billing, payments', false],
    ['b-1', 'Billing', true],
    ['b-2', 'Billing', false],
    ['b-3', 'Billing', true],
    ['b-4', 'Billing', true],
    ['p-1', 'payments', true],
    // A category named "other", as the breakdown's row of the rest is named.
    ['o-1', 'other', true],
  ];
  beforeAll(async () => {
    t = await createTestApp();
    const events = tickets.flatMap(([id, category, ai], i) => [
      { id: `${id}-c`, type: 'ticket.created', ticketId: id, occurredAt: `2026-01-${String(5 + i).padStart(2, "0")}T10:00:00Z`, channel: 'chat, web', category, customerId: `c-${id}` },
      { id: `${id}-a`, type: 'ticket.assigned', ticketId: id, occurredAt: `2026-01-${String(5 + i).padStart(2, "0")}T10:00:01Z`, agentType: ai ? 'ai' : 'human' },
      { id: `${id}-r`, type: 'ticket.resolved', ticketId: id, occurredAt: `2026-01-${String(5 + i).padStart(2, "0")}T10:05:00Z`, agentType: ai ? 'ai' : 'human', handleSeconds: 300 },
    ]);
    // One ticket on a channel the range no longer has: December's fax.
    events.push({ id: 'fax-c', type: 'ticket.created', ticketId: 'fax-1', occurredAt: '2025-12-10T10:00:00Z', channel: 'fax', category: 'Billing', customerId: 'c-fax' } as (typeof events)[number]);
    const r = await t.request('POST', '/api/v1/events', { body: events });
    expect(r.body.rejected).toEqual([]);
  });
  afterAll(async () => t.close());
  const get = (path: string, params: Record<string, string>) => t.request('GET', `/api/v1/${path}?${qs({ from: '2026-01-01', to: '2026-02-01', ...params })}`);

  it('the escaped value is one category, in the summary and the ticket list', async () => {
    const s = await get('metrics/summary', { category: 'Billing\\, payments' });
    expect(s.status).toBe(200);
    expect([s.body.tickets, s.body.aiResolved]).toEqual([3, 2]);
    const list = await get('tickets', { category: 'Billing\\, payments', limit: '10' });
    expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual(['bp-1', 'bp-2', 'bp-3']);
    // Unescaped, it is two values, as it always was: "Billing" and "payments".
    expect((await get('metrics/summary', { category: 'Billing, payments' })).body.tickets).toBe(5);
    expect((await get('tickets', { category: 'Billing,payments', limit: '10' })).body.items.map((x: { id: string }) => x.id).sort()).toEqual(['b-1', 'b-2', 'b-3', 'b-4', 'p-1']);
    // Both lists of values at once.
    expect((await get('metrics/summary', { category: 'Billing\\, payments,payments' })).body.tickets).toBe(4);
    // A channel with a comma, too.
    expect((await get('metrics/summary', { channel: 'chat\\, web' })).body.tickets).toBe(9);
  });

  it('a segment with tickets in the comparison period only is listed with none now, not left out', async () => {
    const b = await get('metrics/breakdown', { by: 'channel', compare: 'previous', percentiles: 'false' });
    const fax = b.body.segments.find((x: { key: string }) => x.key === 'fax');
    expect(fax).toMatchObject({ tickets: 0, comparison: { tickets: 1 }, deltas: { tickets: -1 } });
  });

  it('its segment is one row, and a claim scoped to it checks its own tickets', async () => {
    const b = await get('metrics/breakdown', { by: 'category', percentiles: 'false' });
    expect(b.body.segments.map((s: { key: string; tickets: number }) => [s.key, s.tickets])).toEqual([
      ['Billing', 4],
      ['Billing, payments', 3],
      ['other', 1],
      ['payments', 1],
    ]);
    // The category named "other" is a segment like any: its value and its weekly series (the
    // breakdown's own "other" row has neither, and is null here: every category is listed).
    const weekly = await get('metrics/breakdown', { by: 'category', percentiles: 'false', series: 'week' });
    const other = weekly.body.segments.find((s: { key: string }) => s.key === 'other');
    expect(other.values).toEqual({ category: 'other' });
    expect(other.series.length).toBeGreaterThan(0);
    expect(weekly.body.other).toBeNull();
    const claim = await t.request('POST', '/api/v1/claims', {
      body: { title: 'Deck', source: { kind: 'internal_deck' }, from: '2026-01-01', to: '2026-02-01', tz: 'UTC', category: 'Billing, payments', figures: [{ kind: 'aiResolutions', value: 2, unit: 'resolutions' }] },
    });
    expect(claim.status).toBe(201);
    // 2 AI resolutions in that category (read as two values it would be 4).
    expect(claim.body.check.figures[0]).toMatchObject({ recomputed: 2, verdict: 'holds' });
  });

  // A category with spaces at its ends (" spaced ", as a helpdesk export may carry) is its own
  // segment, apart from "spaced". By hand, in February: " spaced " 2 tickets (1 by the AI),
  // "spaced" 2 (both by the AI). A typed list ("a, b") is trimmed around its commas; escaped ends are kept.
  describe('a value with spaces at its ends', () => {
    const feb = (path: string, params: Record<string, string>) => t.request('GET', `/api/v1/${path}?${qs({ from: '2026-02-01', to: '2026-03-01', ...params })}`);
    beforeAll(async () => {
      const rows: [string, string, boolean][] = [
        ['sp-1', ' spaced ', true],
        ['sp-2', ' spaced ', false],
        ['sp-3', 'spaced', true],
        ['sp-4', 'spaced', true],
      ];
      const events = rows.flatMap(([id, category, ai], i) => [
        { id: `${id}-c`, type: 'ticket.created', ticketId: id, occurredAt: `2026-02-0${2 + i}T10:00:00Z`, channel: 'email', category, customerId: `c-${id}` },
        { id: `${id}-r`, type: 'ticket.resolved', ticketId: id, occurredAt: `2026-02-0${2 + i}T10:05:00Z`, agentType: ai ? 'ai' : 'human', handleSeconds: 300 },
      ]);
      expect((await t.request('POST', '/api/v1/events', { body: events })).body.rejected).toEqual([]);
    });

    it('is its own segment, and its escaped form filters exactly its tickets', async () => {
      const b = await feb('metrics/breakdown', { by: 'category', percentiles: 'false' });
      expect(b.body.segments.map((x: { key: string; tickets: number }) => [x.key, x.tickets]).sort()).toEqual([[' spaced ', 2], ['spaced', 2]]);
      // As the dashboard writes it (joinFilterValues): "\ spaced\ ".
      const s = await feb('metrics/summary', { category: '\\ spaced\\ ' });
      expect([s.status, s.body.tickets, s.body.aiResolved]).toEqual([200, 2, 1]);
      const list = await feb('tickets', { category: '\\ spaced\\ ', limit: '10' });
      expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual(['sp-1', 'sp-2']);
      // One value is matched exactly, as CONTRACT.md's filter (" spaced " sent as it is)...
      expect((await feb('metrics/summary', { category: ' spaced ' })).body.aiResolved).toBe(1);
      // ...while spaces around a comma are a typed list's padding: "nope, spaced" is "spaced".
      expect((await feb('metrics/summary', { category: 'nope, spaced' })).body.aiResolved).toBe(2);
    });

    it('a claim scoped to it checks its own tickets', async () => {
      const claim = await t.request('POST', '/api/v1/claims', {
        body: { title: 'Spaced', source: { kind: 'internal_deck' }, from: '2026-02-01', to: '2026-03-01', tz: 'UTC', category: ' spaced ', figures: [{ kind: 'aiResolutions', value: 1, unit: 'resolutions' }] },
      });
      expect(claim.status).toBe(201);
      // 1 AI resolution in " spaced " ("spaced" has 2).
      expect(claim.body.check.figures[0]).toMatchObject({ recomputed: 1, verdict: 'holds' });
    });
  });
});
