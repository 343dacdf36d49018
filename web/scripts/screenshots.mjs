// npm run screenshots: starts the built server on a fresh embedded database with the demo story,
// evaluates the alerts, and saves a PNG of each page to docs/screenshots/ (Debian's chromium).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const token = 'screenshots-admin-token-0123456789';
const port = await new Promise((r) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-shots-'));
fs.chmodSync(dataDir, 0o755);
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: token, LOG_LEVEL: 'warn', ALERTS_AFTER_INGEST_SECONDS: '0' };
delete env.DATABASE_URL;
console.error('Starting the server with the demo story…');
const server = spawn(process.execPath, [path.join(root, 'server/dist/server/src/main.js')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) {
    if (i > 1200) throw new Error('the server did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }
  await fetch(`${base}/api/v1/alerts/evaluate`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const today = new Date();
  const day = (n) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + n)).toISOString().slice(0, 10);
  const q = `from=${day(-60)}&to=${day(1)}&tz=UTC`;
  await page.goto(`${base}/?${q}`);
  await page.evaluate((t) => sessionStorage.setItem('claimcheck.token', t), token);
  // The demo story (and its claims) is in the demo workspace.
  const claims = await fetch(`${base}/api/v1/workspaces/demo/claims`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  const vendorClaim = claims.find((c) => c.vendorRows > 0)?.id ?? '';
  const out = path.join(root, 'docs/screenshots');
  fs.mkdirSync(out, { recursive: true });
  for (const [name, url, ready] of [
    ['overview', `/?${q}`, '.card-number'],
    ['savings', `/savings?${q}`, '.recharts-bar-rectangle'],
    ['quality', `/quality?${q}`, '.recharts-surface'],
    ['segments', `/segments?${q}&by=category`, '[role=img] .recharts-line'],
    ['tickets', `/tickets?${q}&path=ai&verified=true`, '[data-testid=tickets-total]'],
    ['settings', `/settings`, '[data-testid=status-events]'],
    ['report', `/report?from=${day(-30)}&to=${day(0)}&tz=UTC`, 'main[data-report=ready]'],
    ['claims', `/claims?claim=${vendorClaim}&class=reopened`, '[data-testid=vendor-total]'],
  ]) {
    await page.goto(`${base}${url}`);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: name !== 'tickets' });
    console.error(`docs/screenshots/${name}.png`);
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
