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

  // This listener is on 127.0.0.1: a workspace's own webhook may reach it only when the operator allows it.
  const notifier = (allowPrivateWebhooks = true) => {
    const n = new WebhookNotifier({ ...loadConfig({}), alertWebhookUrl: `${base}/instance`, allowPrivateWebhooks });
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

  it("a workspace's own webhook at a private address is not called unless the operator allows it; the instance's is", async () => {
    const n = notifier(false);
    await inWorkspace({ ...ws(2, 'client-b', `${base}/client-b-own`) }, async () => expect(await n.send({ text: 'x' })).toBe(false));
    await inWorkspace({ ...ws(3, 'client-c', `http://localhost:${base.split(':')[2]}/named`) }, async () => expect(await n.send({ text: 'x' })).toBe(false));
    await inWorkspace(ws(1, 'default', null), async () => expect(await n.send({ text: 'x' })).toBe(true));
    expect(hits).toEqual(['/instance']);
  });

  it("a workspace's own webhook does not follow a redirect (it could lead inside)", async () => {
    const redirector = http.createServer((_req, res) => res.writeHead(307, { location: `${base}/inside` }).end());
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    const at = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/hook`;
    try {
      await inWorkspace(ws(2, 'client-b', at), async () => expect(await notifier().send({ text: 'x' })).toBe(false));
      expect(hits).toEqual([]);
    } finally {
      await new Promise<void>((r) => redirector.close(() => r()));
    }
  });
});
