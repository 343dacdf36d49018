// Alerts end to end on the demo story as `npm start` loads it: its stable part raises nothing; its
// billing regression is alerted on each metric it moves (within 3 days where the metric can be
// judged that early, saying when otherwise) and nothing else; "what changed" leads with it; the
// list follows range and filters; acknowledge, snooze, resolve; signed webhooks with retries.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { AlertsRepository } from '../src/alerts/alerts.repository';
import { WebhookNotifier } from '../src/alerts/webhook.notifier';
import { DEFAULT_DEMO, loadDemo } from '../src/demo/demo-loader';
import { DEMO_REGRESSION } from '../src/demo/demo-story';
import { EventsService } from '../src/events/events.service';
import { addDays } from '../src/stats/time-range';
import { DataSource } from 'typeorm';
import { TestApp, createTestApp } from './test-app';

const END = '2026-06-01';
const REGRESSION_START = addDays(END, -DEMO_REGRESSION.daysBeforeEnd);

describe('alerts on the demo story', () => {
  let t: TestApp;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let failuresLeft = 2;
  let receiver: http.Server;
  beforeAll(async () => {
    // A local webhook receiver that fails twice before accepting (to exercise the retries).
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failuresLeft-- > 0 ? 503 : 200;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    t = await createTestApp({ alertWebhookUrl: url, alertWebhookSecret: 'webhook-secret' });
    t.app.get(WebhookNotifier).options = { attempts: 4, baseDelayMs: 10, timeoutMs: 2000 };
    // The demo story as `npm start` loads it, ending on a fixed day.
    await t.inWorkspace(() => loadDemo(t.app.get(EventsService), { ...DEFAULT_DEMO, end: new Date(`${END}T00:00:00Z`) }, 'demo for alerts'));
    // Projected before the evaluations: an evaluation waits for the projector only READ_WAIT_SECONDS
    // (10 s), and 66,000 tickets on a busy 2-core CI machine can take longer (it then judges part
    // of the story and, correctly, finds nothing).
    await t.projected();
  }, 120_000);
  afterAll(async () => {
    await t.close();
    receiver.close();
  });

  it('the stable part of the story raises nothing', async () => {
    const ev = await t.request('POST', `/api/v1/alerts/evaluate?asOf=${REGRESSION_START}T00:00:00Z`);
    expect(ev.status).toBe(200);
    expect(ev.body.series).toBeGreaterThan(100);
    const alerts = (await t.request('GET', '/api/v1/alerts')).body as any[];
    expect(alerts.map((a) => a.details.summary)).toEqual([]);
  });

  it('3 days into the regression: AI CSAT and reopens in billing are alerted, each saying when repeat contacts can be judged; nothing else', async () => {
    const ev = await t.request('POST', `/api/v1/alerts/evaluate?asOf=${addDays(REGRESSION_START, 3)}T06:00:00Z`);
    expect(ev.status).toBe(200);
    const alerts = (await t.request('GET', '/api/v1/alerts?state=open')).body as any[];
    expect(alerts.filter((a) => a.segment !== 'category:billing').map((a) => a.details.summary)).toEqual([]);
    const ai = alerts.filter((a) => a.path === 'ai');
    expect(ai.map((a) => a.metric).sort()).toEqual(expect.arrayContaining(['csatTop2Box', 'reopenRate']));
    for (const a of ai) {
      expect(a.startedOn >= REGRESSION_START && a.detectedOn <= addDays(REGRESSION_START, 2)).toBe(true);
      expect(a.details.pending).toEqual([{ metric: 'repeatContactRate', judgedFrom: addDays(a.startedOn, 8) }]);
      expect(a.details.summary).toMatch(/can be judged from/);
    }
  });

  it('at the end of the story: every metric the billing regression moves is alerted, in plain words; nothing outside billing', async () => {
    const ev = await t.request('POST', `/api/v1/alerts/evaluate?asOf=${END}T00:00:00Z`);
    expect(ev.status).toBe(200);
    const alerts = (await t.request('GET', '/api/v1/alerts')).body as any[];
    expect(alerts.filter((a) => a.segment !== 'category:billing').map((a) => a.details.summary)).toEqual([]);
    const ai = alerts.filter((a) => a.path === DEMO_REGRESSION.path);
    expect(ai.map((a) => a.metric)).toEqual(expect.arrayContaining(['csatTop2Box', 'reopenRate', 'repeatContactRate']));
    const csat = ai.find((a) => a.metric === 'csatTop2Box');
    // The story: AI top-2-box 74% before, 35% after (CSAT answers of the AI path in billing).
    expect(csat.details.baseline.value).toBeGreaterThan(0.68);
    expect(csat.details.current.value).toBeLessThan(0.45);
    expect(csat.details.summary).toMatch(/^AI CSAT top-2-box in billing fell from \d+\.\d% \([\d,]+ answers\) to \d+\.\d% \([\d,]+ answers\) (on|from) [A-Z][a-z]{2} \d+(, 2026)?( to [A-Z][a-z]{2} \d+, 2026)?; chance is (very )?unlikely to explain it\.$/);
    expect(csat.details.drillDown).toMatchObject({ path: 'ai', category: 'billing', tz: 'UTC', csatMax: '3' });
    const repeat = ai.find((a) => a.metric === 'repeatContactRate');
    expect(repeat.details.current.value).toBeGreaterThan(0.15); // 7% before, 30% in the story
    expect(repeat.details.pending).toEqual([]);

    // The drill-down lists the tickets behind the alert.
    const list = await t.request('GET', `/api/v1/tickets?${new URLSearchParams({ ...csat.details.drillDown, limit: '5' })}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
  });

  it('what changed: the billing regression leads the ranking, in the metric own units, with its tickets', async () => {
    const res = await t.request('GET', `/api/v1/alerts/changes?from=${addDays(END, -30)}&to=${END}&days=7`);
    expect(res.status).toBe(200);
    const rows = res.body.rows as any[];
    expect(rows[0].segment).toBe('category:billing');
    const csat = rows.find((r) => r.key === 'csatTop2Box|ai|category:billing');
    expect(rows.indexOf(csat)).toBeLessThan(8);
    expect(csat).toMatchObject({ verdict: 'worse', unit: 'rate', change: { unit: 'points' } });
    expect(csat.change.value).toBeLessThan(-20);
    expect(csat.daily.length).toBeGreaterThan(30);
    expect(csat.alertId).toEqual(expect.any(String));
    // The story ended months before now: every repeat contact is known, the last 7 days are judged.
    const repeat = rows.find((r) => r.key === 'repeatContactRate|ai|category:billing');
    expect(repeat.now).toMatchObject({ from: addDays(END, -7), to: END });
    expect(repeat.note ?? '').not.toMatch(/7-day window/);
    // Within a category filter only that category's tickets are judged, split by channel.
    const billing = await t.request('GET', `/api/v1/alerts/changes?to=${END}&category=billing&limit=500`);
    expect((billing.body.rows as any[]).every((r) => r.segment === 'all' || r.segment.startsWith('channel:'))).toBe(true);
    expect((await t.request('GET', `/api/v1/alerts/changes?days=40`)).status).toBe(400);
  });

  it('what changed over the last 7 days: a series an alert explains is judged against the days before that alert began, as the alert\'s own is', async () => {
    // The range's own 28 days before would hold 14 days of the regression (it began 21 days before the end).
    const res = await t.request('GET', `/api/v1/alerts/changes?from=${addDays(END, -7)}&to=${END}&days=7&limit=500`);
    const rows = res.body.rows as any[];
    const open = (await t.request('GET', '/api/v1/alerts?state=open')).body as any[];
    const csat = open.find((a) => a.metric === 'csatTop2Box' && a.path === 'ai' && a.segment === 'category:billing');
    // "all paths: category:billing" in its alsoSeenIn: the all-paths CSAT series of billing.
    expect(csat.details.alsoSeenIn).toContain('all paths: category:billing');
    const folded = rows.find((r) => r.key === 'csatTop2Box|all|category:billing');
    expect(folded).toMatchObject({ verdict: 'worse', alertId: csat.id });
    expect(folded.note).toContain(`against the 28 days before its alert began (${csat.startedOn})`);
    // Its own series, as before.
    expect(rows.find((r) => r.key === 'csatTop2Box|ai|category:billing')).toMatchObject({ verdict: 'worse', alertId: csat.id });
  });

  it('the alerts list follows a range and filters', async () => {
    const all = (await t.request('GET', '/api/v1/alerts')).body as any[];
    expect(all.length).toBeGreaterThan(0);
    expect((await t.request('GET', `/api/v1/alerts?from=2016-01-01&to=2016-02-01`)).body).toEqual([]);
    expect((await t.request('GET', `/api/v1/alerts?category=billing`)).body).toHaveLength(all.length);
    expect((await t.request('GET', `/api/v1/alerts?category=shipping`)).body).toEqual([]);
    expect((await t.request('GET', `/api/v1/alerts?channel=chat`)).body).toEqual([]);
    expect((await t.request('GET', `/api/v1/alerts?from=2026-05-01&to=2026-04-01`)).status).toBe(400);
  });

  it('evaluating again stores nothing twice', async () => {
    const before = (await t.request('GET', '/api/v1/alerts')).body.length;
    const ev = await t.request('POST', `/api/v1/alerts/evaluate?asOf=${END}T00:00:00Z`);
    expect(ev.body.newAlerts).toBe(0);
    expect((await t.request('GET', '/api/v1/alerts')).body).toHaveLength(before);
  });

  it('sent new recent alerts as signed Slack-compatible webhooks, after retrying failures', async () => {
    expect(received.length).toBeGreaterThanOrEqual(3); // two 503s, then delivered
    const delivered = received[2];
    const ts = delivered.headers['x-claimcheck-timestamp'] as string;
    const expected = `v1=${crypto.createHmac('sha256', 'webhook-secret').update(`${ts}.${delivered.body}`).digest('hex')}`;
    expect(delivered.headers['x-claimcheck-signature']).toBe(expected);
    const payload = JSON.parse(delivered.body);
    expect(payload.text).toMatch(/^:rotating_light: Claimcheck: .+ (fell|rose) from .+ http:\/\/localhost:\d+\/quality\?/);
    expect(payload.alert.links.tickets).toMatch(/\/tickets\?from=/);
    expect(payload.alert).toMatchObject({ id: expect.any(String), metric: expect.any(String) });
    const notified = ((await t.request('GET', '/api/v1/alerts')).body as any[]).filter((a) => a.notifiedAt);
    expect(notified.length).toBeGreaterThan(0);
  });

  it('acknowledge, snooze, then resolve; state filter; errors', async () => {
    const [a, b] = (await t.request('GET', '/api/v1/alerts?state=open')).body;
    const snoozed = await t.request('POST', `/api/v1/alerts/${b.id}/snooze?hours=2`);
    expect(snoozed.body).toMatchObject({ state: 'snoozed', snoozedBy: 'ADMIN_TOKEN' });
    const until = Date.parse(snoozed.body.snoozedUntil) - Date.now();
    expect(until).toBeGreaterThan(7_100_000);
    expect(until).toBeLessThanOrEqual(7_200_000);
    expect(((await t.request('GET', '/api/v1/alerts?state=open')).body as any[]).map((x) => x.id)).not.toContain(b.id);
    // A snooze that has ended reads as open again.
    await t.app.get(DataSource).query(`UPDATE alerts SET snoozed_until = now() - interval '1 second' WHERE id = $1`, [b.id]);
    expect(((await t.request('GET', '/api/v1/alerts?state=open')).body as any[]).map((x) => x.id)).toContain(b.id);
    expect((await t.request('POST', `/api/v1/alerts/${b.id}/snooze?hours=0`)).status).toBe(400);
    const ack = await t.request('POST', `/api/v1/alerts/${a.id}/acknowledge`);
    expect(ack.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'ADMIN_TOKEN' });
    const res = await t.request('POST', `/api/v1/alerts/${a.id}/resolve`);
    expect(res.body).toMatchObject({ state: 'resolved', resolvedBy: 'ADMIN_TOKEN', acknowledgedBy: 'ADMIN_TOKEN' });
    expect(((await t.request('GET', '/api/v1/alerts?state=resolved')).body as any[]).map((x) => x.id)).toContain(a.id);
    expect((await t.request('POST', `/api/v1/alerts/${a.id}/acknowledge`)).status).toBe(400);
    expect((await t.request('GET', '/api/v1/alerts?state=closed')).status).toBe(400);
    expect((await t.request('POST', '/api/v1/alerts/00000000-0000-4000-8000-000000000000/resolve')).status).toBe(404);
  });

  it('the same excursion found again a day earlier or later updates its alert, even a resolved one', async () => {
    const repo = t.app.get(AlertsRepository);
    const [a] = (await t.request('GET', '/api/v1/alerts?state=resolved')).body as any[];
    const shifted = { ...a.details, startedOn: addDays(a.startedOn, -1), summary: 'found again' };
    expect(await t.inWorkspace(() => repo.upsert(shifted))).toEqual({ id: a.id, inserted: false });
    const again = (await t.request('GET', '/api/v1/alerts')).body as any[];
    expect(again.filter((x) => x.metric === a.metric && x.segment === a.segment && x.path === a.path)).toHaveLength(1);
    expect(again.find((x) => x.id === a.id)).toMatchObject({ state: 'resolved', details: { summary: 'found again' } });
  });
});
