// The real server (built) on an embedded PostgreSQL with a small demo story, and Debian's chromium.
import { scopedPath } from '../src/api/workspace-scope';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const TOKEN = 'browser-test-admin-token-0123456789';
/** The workspace `npm start` loads the demo story into. */
export const DEMO = 'demo';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: CI installs Debian's chromium (apt-get install -y chromium) for the browser tests`);
  console.warn(`SKIPPED: browser tests, because ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Dashboard {
  base: string;
  /** Everything the server printed so far. */
  output(): string;
  api<T>(pathAndQuery: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startDashboard(): Promise<Dashboard> {
  const main = path.join(ROOT, 'server/dist/server/src/main.js');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('build the server and the web first (npm test does: the web test script runs vite build)');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-browser-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, DEMO_DAYS: '60', DEMO_PER_DAY: '400', LOG_LEVEL: 'warn', ALERTS_AFTER_INGEST_SECONDS: '0', ALERTS_EVERY_MINUTES: '0' };
  delete env.DATABASE_URL;
  const proc: ChildProcess = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`the server exited: ${out}`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 900) throw new Error(`the server did not come up: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    output: () => out,
    async api<T>(p: string) {
      // The demo story is in its own workspace (docs/WORKSPACES.md), which the dashboard opens on a
      // fresh install. A page's parameters may be passed on: its ws= is the path here, not a parameter.
      const [pathname, search = ''] = p.split('?');
      const q = new URLSearchParams(search);
      q.delete('ws');
      const res = await fetch(`${base}${scopedPath(pathname, DEMO)}${q.size > 0 ? `?${q}` : ''}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
      return (await res.json()) as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        proc.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page already signed in (token in sessionStorage), at `url`. */
/** A page signed in at `url`; with `apiCalls`, every API request it makes once signed in is recorded there. */
/**
 * One server (embedded PostgreSQL, demo story) and one browser for a file's tests: both started
 * before them, then `ready` (to keep them, and add data), both stopped after.
 */
export function dashboardAndBrowser(ready: (dash: Dashboard, browser: Browser) => void | Promise<void>): void {
  let dash: Dashboard | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [dash, browser] = await Promise.all([startDashboard(), launchChromium()]);
    await ready(dash, browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await dash?.stop();
  });
}

export async function signedInPage(browser: Browser, dash: Dashboard, url: string, apiCalls?: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${dash.base}${url}`);
  await page.evaluate((t) => sessionStorage.setItem('claimcheck.token', t), TOKEN);
  if (apiCalls) {
    page.on('request', (r) => {
      const u = new URL(r.url());
      // Recorded as the route (the workspace prefix off): the tests ask which reads a page makes.
      if (u.pathname.startsWith('/api/')) apiCalls.push(u.pathname.replace(/^\/api\/v1\/workspaces\/[^/]+\//, '/api/v1/') + u.search);
    });
  }
  await page.reload();
  return page;
}

/** axe-core's violations on the page as "rule (nodes)". */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the devtools protocol, so the page's CSP (no inline scripts) stays on.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Picks one value of a filter (channel, category): open its menu, tick the value, close it. */
export async function pickFilter(page: Page, label: string, value: string): Promise<void> {
  await page.locator(`summary[aria-label^="${label}: "]`).click();
  await page.getByRole('group', { name: `${label} values` }).getByLabel(value, { exact: true }).check();
  await page.keyboard.press('Escape');
}

/** The UTC date `offset` days from today (YYYY-MM-DD). */
export function day(offset: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/**
 * An instant as en-US writes it in a zone `offsetMinutes` from UTC ("Nov 29, 2026, 11:54 PM", with
 * seconds "…11:54:48 PM"), worked out by hand rather than by the formatter under test.
 */
export function enUsAt(iso: string, offsetMinutes: number, seconds = false): string {
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const h = local.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${h % 12 === 0 ? 12 : h % 12}:${two(local.getUTCMinutes())}${seconds ? `:${two(local.getUTCSeconds())}` : ''}`;
  return `${months[local.getUTCMonth()]} ${local.getUTCDate()}, ${local.getUTCFullYear()}, ${clock} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Text as the browser shows it, with the narrow no-break space before AM/PM made a plain one. */
export const plainSpaces = (s: string) => s.replace(/\u202f/g, ' ');
