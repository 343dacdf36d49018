// npm run report -- --from 2026-10-01 --to 2026-11-01 [--tz Europe/Stockholm] [--out report.pdf]
// Prints the board pack (/report) of a running Claimcheck to PDF through Debian's chromium.
// The token: --token, else CLAIMCHECK_TOKEN, else the embedded install's generated admin token
// (DATA_DIR/admin-token). The PDF's title carries the period and the headline figures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FLAGS = { from: 'YYYY-MM-DD, first day', to: 'YYYY-MM-DD, exclusive', tz: 'IANA time zone (default UTC)', channel: 'channel filter', category: 'category filter', compare: 'previous | year | none', lowrated: 'include (default) | exclude: verified AI resolutions rated 1-2 left out of the savings', workspace: 'workspace slug (default: the one the dashboard opens)', url: 'server address (default http://localhost:$PORT or 3000)', token: 'viewer or admin token', out: 'PDF file (default report.pdf)' };

function fail(message) {
  console.error(`report: ${message}`);
  process.exit(1);
}

function parse(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in FLAGS)) fail(`unknown argument "${argv[i]}"; expected ${Object.entries(FLAGS).map(([k, v]) => `--${k} (${v})`).join(', ')}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) fail(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}

const a = parse(process.argv.slice(2));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
if (!a.from || !a.to) fail('--from and --to are required, e.g. npm run report -- --from 2026-10-01 --to 2026-11-01 (to is exclusive)');
for (const k of ['from', 'to']) if (!DATE.test(a[k]) || Number.isNaN(Date.parse(`${a[k]}T00:00:00Z`))) fail(`--${k} must be a date YYYY-MM-DD, got "${a[k]}"`);
if (a.from >= a.to) fail(`--from must be before --to (to is exclusive), got ${a.from} and ${a.to}`);
if (a.compare && !['previous', 'year', 'none'].includes(a.compare)) fail(`--compare must be previous, year or none, got "${a.compare}"`);
if (a.lowrated && !['include', 'exclude'].includes(a.lowrated)) fail(`--lowrated must be include or exclude, got "${a.lowrated}"`);
const base = (a.url ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
const out = path.resolve(a.out ?? 'report.pdf');

function tokenOf() {
  if (a.token) return a.token;
  if (process.env.CLAIMCHECK_TOKEN) return process.env.CLAIMCHECK_TOKEN;
  const file = path.join(path.resolve(process.env.DATA_DIR || path.join(root, '.data')), 'admin-token');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  return fail(`no token: pass --token, set CLAIMCHECK_TOKEN, or run against the embedded install whose ${file} holds the generated admin token`);
}
const token = tokenOf();

console.error(`report: checking ${base}…`);
const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
if (!me) fail(`no Claimcheck server answers at ${base}: start it with npm start, or pass --url`);
if (me.status === 401) fail('the token was not accepted (401)');
if (!me.ok) fail(`the server answered ${me.status} to /api/v1/me`);

const { chromium } = await import('playwright-core');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(executablePath)) fail(`${executablePath} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
console.error('report: rendering the board pack in chromium…');
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  await page.addInitScript((t) => sessionStorage.setItem('claimcheck.token', t), token);
  const q = new URLSearchParams({ from: a.from, to: a.to, tz: a.tz ?? 'UTC' });
  for (const k of ['channel', 'category', 'compare']) if (a[k]) q.set(k, a[k]);
  if (a.lowrated === 'exclude') q.set('excludeLowRated', 'true');
  if (a.workspace) q.set('ws', a.workspace);
  await page.goto(`${base}/report?${q}`);
  const main = page.locator('main[data-report="ready"], main[data-report="error"]');
  await main.waitFor({ timeout: 180_000 });
  if ((await main.getAttribute('data-report')) === 'error') fail(`the board pack could not load: ${(await page.locator('[role=alert]').first().innerText()).trim()}`);
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(300); // charts re-measure at the print width
  await page.pdf({ path: out, format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  const title = await page.title();
  const bytes = fs.statSync(out).size;
  const pages = (fs.readFileSync(out, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.error(`report: ${path.relative(process.cwd(), out) || out} written (${pages} page${pages === 1 ? '' : 's'}, ${Math.round(bytes / 1024)} KB): ${title}`);
} finally {
  await browser.close();
}
