import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config/app-config';
import { Workspace, inWorkspace } from '../workspaces/workspace-context';
import { WebhookNotifier } from './webhook.notifier';

const ws = (id: number, slug: string, alertWebhookUrl: string | null): Workspace => ({ id, slug, name: slug, timeZone: 'UTC', ownTimeZone: false, alertFloors: null, alertWebhookUrl, createdAt: '2026-11-01T00:00:00.000Z' });

describe("which webhook a workspace's alerts go to", () => {
  let server: http.Server;
  let base = '';
  const hits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => (hits.length = 0));

  const notifier = () => {
    const n = new WebhookNotifier({ ...loadConfig({}), alertWebhookUrl: `${base}/instance` });
    n.options = { attempts: 1, baseDelayMs: 1, timeoutMs: 2000 };
    return n;
  };

  it.each([
    ['the default workspace without its own: the instance webhook', ws(1, 'default', null), true, ['/instance']],
    ['the default workspace with its own: its own', ws(1, 'default', 'OWN'), true, ['/default-own']],
    ['another workspace without its own: none (never the instance webhook)', ws(2, 'client-b', null), false, []],
    ['another workspace with its own: its own', ws(2, 'client-b', 'OWN'), true, ['/client-b-own']],
  ])('%s', async (_why, w, enabled, expected) => {
    const target = { ...w, alertWebhookUrl: w.alertWebhookUrl === 'OWN' ? `${base}/${w.slug}-own` : null };
    const n = notifier();
    await inWorkspace(target, async () => {
      expect(n.enabled).toBe(enabled);
      expect(await n.send({ text: 'x' })).toBe(enabled);
    });
    expect(hits).toEqual(expected);
  });
});
