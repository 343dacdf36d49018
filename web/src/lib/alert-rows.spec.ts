import type { AlertRow, ChangeRow } from '../../../server/src/contract';
import { alertRows, alertsElsewhere, changeRows, hasTickets, unresolved } from './alert-rows';

const alert = (id: string, startedOn: string, detectedOn: string, extra: Partial<AlertRow> = {}) => ({
  id, state: 'open', metric: 'reopenRate', path: 'ai', segment: 'category:billing', startedOn, detectedOn,
  acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, snoozedUntil: null, snoozedBy: null,
  details: { summary: 'AI reopen rate in billing rose …', alsoSeenIn: ['all', 'channel:chat', 'escalated: category:billing', 'all paths: all'], drillDown: { from: startedOn, to: '2026-05-14', path: 'ai', category: 'billing' } },
  ...extra,
}) as unknown as AlertRow;

describe('alertRows', () => {
  it('newest first, plain days, the segments it explains, and the tickets query', () => {
    const rows = alertRows([alert('a', '2026-05-01', '2026-05-03'), alert('b', '2026-05-11', '2026-05-11')]);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(rows[1]).toMatchObject({ when: 'Began May 1, 2026 · alerted May 3, 2026', who: null, alsoSeenIn: 'Also visible in all tickets; channel chat; the escalated path in billing; all paths (explained by this one).' });
    expect(rows[1].ticketsHref).toBe('/tickets?from=2026-05-01&to=2026-05-14&path=ai&category=billing');
  });

  it.each([
    ['repeatContactRate', 'The tickets that came back'],
    ['csatTop2Box', 'The tickets rated 1-3'],
    ['reopenRate', 'The reopened tickets'],
    ['aiResolutionRate', 'The escalated tickets'],
    ['handleTime', 'The tickets, longest handle time first'],
  ])('the link to a %s alert names what it opens: %s', (metric, label) => {
    expect(alertRows([alert('a', '2026-05-01', '2026-05-03', { metric } as Partial<AlertRow>)])[0].ticketsLabel).toBe(label);
  });

  it('says who acted and when', () => {
    const [ack] = alertRows([alert('a', '2026-05-01', '2026-05-03', { state: 'acknowledged', acknowledgedAt: '2026-05-04T09:30:00Z', acknowledgedBy: 'ops-lead' })]);
    expect(ack.who?.replace(/\u202f/g, ' ')).toBe('Acknowledged by ops-lead at May 4, 2026, 9:30 AM (UTC)');
    const [snz] = alertRows([alert('a', '2026-05-01', '2026-05-03', { state: 'snoozed', snoozedUntil: '2026-05-05T10:00:00Z', snoozedBy: 'sam' })], 'Asia/Kolkata');
    // In the view's zone: 10:00 UTC is 15:30 in Kolkata (+05:30).
    expect(snz.who?.replace(/\u202f/g, ' ')).toBe('Snoozed by sam until May 5, 2026, 3:30 PM (Asia/Kolkata)');
  });
});

describe('changeRows', () => {
  const row = (extra: Partial<ChangeRow>): ChangeRow => ({
    key: 'k', metric: 'csatTop2Box', path: 'ai', segment: 'category:billing', name: 'AI CSAT top-2-box in billing', unit: 'rate', bad: 'down',
    verdict: 'worse', baseline: { value: 0.749, n: 478 }, now: { value: 0.321, n: 56, from: '2026-05-11', to: '2026-05-18' }, expected: 0.75,
    change: { value: -42.8, unit: 'points', ratio: null }, z: 7.1, pValue: 1e-12, chance: 'chance is very unlikely to explain it', note: null,
    daily: [{ day: '2026-05-10', value: 0.8, n: 10 }, { day: '2026-05-11', value: null, n: 0 }], alertId: 'x', drillDown: { from: '2026-05-11', to: '2026-05-18', path: 'ai' },
    ...extra,
  });

  it('a rate: percentages, points, n on both sides in answers', () => {
    const [v] = changeRows([row({})]);
    expect(v).toMatchObject({ values: '74.9% → 32.1%', counts: 'n 478 → 56 answers', change: '−42.8 pts', sparkline: [0.8, null], ticketsHref: '/tickets?from=2026-05-11&to=2026-05-18&path=ai' });
  });

  it('handle time: seconds and the ratio; a series not judged says so', () => {
    const [h] = changeRows([row({ metric: 'handleTime', unit: 'seconds', baseline: { value: 600, n: 900 }, now: { value: 725, n: 300, from: 'a', to: 'b' }, change: { value: 125, unit: 'seconds', ratio: 1.2083 } })]);
    expect(h).toMatchObject({ values: '10m 00s → 12m 05s', counts: 'n 900 → 300 tickets', change: '+2m 05s (×1.21)' });
    const [n] = changeRows([row({ verdict: 'not judged', baseline: { value: null, n: 0 }, now: { value: null, n: 0, from: 'a', to: 'b' }, change: null, chance: null, note: 'too few tickets to judge' })]);
    expect(n).toMatchObject({ values: '— → —', change: '—', chance: 'not judged', note: 'too few tickets to judge' });
  });
});

describe('hasTickets', () => {
  it.each([
    [0, 0, false], // imported history: nothing in either period, nothing to say
    [0, 12, true],
    [40, 0, true],
  ])('before n=%p, now n=%p -> %p', (before, now, shown) => {
    expect(hasTickets({ baseline: { n: before }, now: { n: now } } as never)).toBe(shown);
  });
});

describe('unresolved: what the overview and the board pack list', () => {
  it('open, acknowledged and snoozed alerts stay; resolved ones go', () => {
    const states = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
    const list = states.map((state, i) => alert(`a${i}`, '2026-05-01', '2026-05-03', { state }) as AlertRow);
    expect(unresolved(list).map((a) => a.state)).toEqual(['open', 'acknowledged', 'snoozed']);
  });
});

describe('alertsElsewhere', () => {
  it('counts the unresolved alerts a filtered list leaves out', () => {
    const all = [alert('a', '2026-05-01', '2026-05-03'), alert('b', '2026-05-01', '2026-05-03', { state: 'acknowledged' }), alert('c', '2026-05-01', '2026-05-03', { state: 'resolved' })] as AlertRow[];
    expect(alertsElsewhere([all[0]], all)).toBe(1); // b; c is resolved
    expect(alertsElsewhere(all, all)).toBe(0);
  });
});

describe('the verdict in words', () => {
  const row = (verdict: ChangeRow['verdict'], pValue: number | null) =>
    ({ key: 'k', metric: 'csatTop2Box', path: 'ai', segment: 'all', name: 'n', unit: 'rate', bad: 'down', verdict, baseline: { value: 0.7, n: 100 }, now: { value: 0.6, n: 100, from: '2026-05-11', to: '2026-05-18' }, expected: null, change: null, z: null, pValue, chance: null, note: null, daily: [], alertId: null, drillDown: {} }) as unknown as ChangeRow;
  it.each([
    ['steady', 0.0016, 'Not certain'], // "chance could explain it, but not easily"
    ['steady', 0.2, 'Within chance'],
    ['steady', null, 'Within chance'],
    ['worse', 1e-7, 'Worse'],
  ] as [ChangeRow['verdict'], number | null, string][])('%s at p=%s: %s', (verdict, p, label) => expect(changeRows([row(verdict, p)])[0].label).toBe(label));
});
