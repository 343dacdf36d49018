// Alerts end to end: the demo story's regression is found in the right category and path within
// 3 days of its start, the stable categories raise nothing, people can acknowledge and resolve,
// and new alerts go out as signed webhooks with retries.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { WebhookNotifier } from '../src/alerts/webhook.notifier';
import { loadDemo } from '../src/demo/demo-loader';
import { DEMO_REGRESSION } from '../src/demo/demo-story';
import { EventsService } from '../src/events/events.service';
import { addDays } from '../src/stats/time-range';
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
    await loadDemo(t.app.get(EventsService), { days: 100, perDay: 220, seed: 42, end: new Date(`${END}T00:00:00Z`) }, 'demo for alerts');
  }, 120_000);
  afterAll(async () => {
    await t.close();
    receiver.close();
  });

  it('as it happens: evaluated 3 days into the regression, the billing AI path is already alerted', async () => {
    const ev = await t.request('POST', `/api/v1/alerts/evaluate?asOf=${addDays(REGRESSION_START, 3)}T06:00:00Z`);
    expect(ev.status).toBe(200);
    expect(ev.body.series).toBeGreaterThan(100);
    const alerts = (await t.request('GET', '/api/v1/alerts')).body as any[];
    const billing = alerts.filter((a) => a.segment === `category:${DEMO_REGRESSION.category}` && a.path === DEMO_REGRESSION.path && a.startedOn >= addDays(REGRESSION_START, -3));
    expect(billing.map((a) => a.metric)).not.toEqual([]);
    expect(billing.every((a) => a.detectedOn < addDays(REGRESSION_START, 3))).toBe(true);
  });

  it('at the end of the story: the billing regression on the AI path, found within 3 days; stable categories raise nothing', async () => {
    const ev = await t.request('POST', `/api/v1/alerts/evaluate?asOf=${END}T00:00:00Z`);
    expect(ev.status).toBe(200);
    const alerts = (await t.request('GET', '/api/v1/alerts')).body as any[];
    const billing = alerts.filter((a) => a.segment === `category:${DEMO_REGRESSION.category}` && a.path === DEMO_REGRESSION.path && a.startedOn >= REGRESSION_START);
    expect(billing.length).toBeGreaterThan(0);
    const first = billing.reduce((a, b) => (a.detectedOn <= b.detectedOn ? a : b));
    expect(first.detectedOn <= addDays(REGRESSION_START, 3)).toBe(true);
    expect(['csatTop2Box', 'reopenRate', 'repeatContactRate']).toContain(first.metric);
    expect(first.details).toMatchObject({ bad: expect.any(String), drillDown: { path: 'ai', category: 'billing' }, effectSize: expect.any(Number) });
    expect(first.details.current.n).toBeGreaterThan(0);
    expect(first.details.baseline.low).toBeLessThanOrEqual(first.details.baseline.value);

    const otherCategories = alerts.filter((a) => a.segment.startsWith('category:') && a.segment !== `category:${DEMO_REGRESSION.category}`);
    expect(otherCategories.map((a) => `${a.metric} ${a.path} ${a.segment} ${a.startedOn}`)).toEqual([]);
    const humanBilling = alerts.filter((a) => a.segment === 'category:billing' && a.path === 'human');
    expect(humanBilling).toEqual([]);

    // The drill-down lists the tickets behind the alert.
    const list = await t.request('GET', `/api/v1/tickets?${new URLSearchParams({ ...first.details.drillDown, limit: '5' })}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
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
    expect(payload.text).toMatch(/^:rotating_light: Claimcheck: /);
    expect(payload.alert).toMatchObject({ id: expect.any(String), metric: expect.any(String) });
    const notified = ((await t.request('GET', '/api/v1/alerts')).body as any[]).filter((a) => a.notifiedAt);
    expect(notified.length).toBeGreaterThan(0);
  });

  it('acknowledge, then resolve; state filter; errors', async () => {
    const [a] = (await t.request('GET', '/api/v1/alerts?state=open')).body;
    const ack = await t.request('POST', `/api/v1/alerts/${a.id}/acknowledge`);
    expect(ack.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'ADMIN_TOKEN' });
    const res = await t.request('POST', `/api/v1/alerts/${a.id}/resolve`);
    expect(res.body).toMatchObject({ state: 'resolved', resolvedBy: 'ADMIN_TOKEN', acknowledgedBy: 'ADMIN_TOKEN' });
    expect(((await t.request('GET', '/api/v1/alerts?state=resolved')).body as any[]).map((x) => x.id)).toContain(a.id);
    expect((await t.request('POST', `/api/v1/alerts/${a.id}/acknowledge`)).status).toBe(400);
    expect((await t.request('GET', '/api/v1/alerts?state=closed')).status).toBe(400);
    expect((await t.request('POST', '/api/v1/alerts/00000000-0000-4000-8000-000000000000/resolve')).status).toBe(404);
  });
});
