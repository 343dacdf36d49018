// The segments, savings audit and settings pages, the ticket list's pages and the zone box in a
// real browser against the real server, and every page under the Content Security Policy (the
// overview, quality, drill-down and alerts: dashboard.browser-spec.ts). Each file runs its own
// server and browser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO, Dashboard, ROOT, TOKEN, axeViolations, day, chromiumAvailable, dashboardAndBrowser, enUsAt, plainSpaces, signedInPage } from './dashboard-server';

const run = chromiumAvailable() ? describe : describe.skip;

run('the dashboard in chromium: segments, savings, settings', () => {
  let dash: Dashboard;
  let browser: Browser;
  dashboardAndBrowser((d, b) => void ([dash, browser] = [d, b]));
  describe('segments page', () => {

    it('lists the API\'s segments, sorts on a header click (kept in the URL), draws sparklines, passes axe-core', async () => {
      const q = `from=${day(-30)}&to=${day(1)}&tz=UTC`;
      const api = await dash.api<{ segments: { key: string; tickets: number; deltas: { tickets: number } }[] }>(`/api/v1/metrics/breakdown?${q}&by=channel&limit=12&compare=previous`);
      const calls: string[] = [];
      const page = await signedInPage(browser, dash, `/segments?${q}&by=channel`, calls);
      const table = page.getByRole('table', { name: 'Segments by channel' });
      await table.waitFor();
      await page.locator('[role=img] .recharts-line').first().waitFor();
      // Table and sparklines come from one request, not one per segment.
      // (The filter bar's channel and category lists, limit=500 by one column, are its own.)
      const filterBar = (c: string) => /[?&]limit=500&percentiles=false&by=(channel|category)&wait=0$/.test(c);
      const metricsCalls = calls.filter((c) => c.startsWith('/api/v1/metrics/') && !filterBar(c));
      expect(metricsCalls).toHaveLength(1);
      expect(metricsCalls[0]).toContain('series=week');
      expect(await table.locator('[role=img]').count()).toBe(api.segments.length);
      expect(await table.locator('tbody th').allInnerTexts()).toEqual(api.segments.map((s) => s.key));
      // Each count with its change against the previous period (the page's default comparison).
      const signed = (d: number) => `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toLocaleString('en-US')}`;
      expect(await table.locator('tbody tr td:nth-of-type(1)').allInnerTexts()).toEqual(api.segments.map((s) => `${s.tickets.toLocaleString('en-US')} (${signed(s.deltas.tickets)})`));
      await page.getByRole('button', { name: 'Tickets' }).click();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('order') === 'asc');
      const asc = [...api.segments].sort((a, b) => a.tickets - b.tickets || (a.key < b.key ? -1 : 1)).map((s) => s.key);
      await page.waitForFunction((want) => [...document.querySelectorAll('tbody th')].map((e) => e.textContent).join(',') === want, asc.join(','));
      await page.locator('[role=img] .recharts-line').first().waitFor();
      // CSV export: the same rows as the table (header + one line per segment).
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download segments by channel as CSV' }).click()]);
      const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
      expect(csv[0].split(',').slice(0, 3)).toEqual(['by', 'key', 'tickets']);
      expect(csv.slice(1).map((l) => l.split(',')[1]).sort()).toEqual(api.segments.map((x) => x.key).sort());
      expect(await axeViolations(page)).toEqual([]);
      // The nav keeps the range and filters but not this page's sort (it means nothing to the ticket list).
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Tickets' }).click();
      await page.getByTestId('tickets-total').waitFor();
      const url = new URL(page.url());
      expect([url.pathname, url.searchParams.get('from'), url.searchParams.get('sort'), url.searchParams.get('by')]).toEqual(['/tickets', day(-30), null, null]);
      await page.goBack();
      await table.waitFor();
      expect(new URL(page.url()).searchParams.get('order')).toBe('asc');
      await page.close();
    });
  });

  describe('savings audit', () => {

    it('draws the waterfall, takes what-if costs from the URL, lets an admin save them, passes axe-core', async () => {
      const q = `from=${day(-30)}&to=${day(1)}&tz=UTC`;
      const whatIf = await dash.api<{ savings: { claimedSavings: number } }>(`/api/v1/metrics/summary?${q}&humanHourlyCost=64`);
      const page = await signedInPage(browser, dash, `/savings?${q}&humanHourlyCost=64`);
      await page.locator('figure[aria-label="From claimed to verified savings"] .recharts-bar-rectangle').first().waitFor();
      // Claimed, five checks, verified, then the handoff tax and net (no fixed costs entered: no step).
      expect(await page.locator('figure[aria-label="From claimed to verified savings"] .recharts-bar-rectangle').count()).toBe(9);
      // A bar's tooltip names its step and value (it said "range", the chart's data key); the caption says bars open tickets.
      await page.locator('figure[aria-label="From claimed to verified savings"] .recharts-bar-rectangle').nth(2).hover();
      const tip = page.locator('figure[aria-label="From claimed to verified savings"] .recharts-tooltip-wrapper');
      await tip.getByText(/^Reopened :/).waitFor();
      expect(await tip.innerText()).not.toContain('range');
      expect(await page.locator('figure[aria-label="From claimed to verified savings"] figcaption').innerText()).toContain('Each bar opens its tickets.');
      const claimed = whatIf.savings.claimedSavings.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 });
      await page.getByText(`against ${claimed} claimed`).waitFor();
      // The waterfall's CSV is its steps: claimed first at the what-if's claimed savings, a row per bar.
      const [steps] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download savings waterfall as CSV' }).click()]);
      const rows = fs.readFileSync((await steps.path())!, 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
      expect(rows[0]).toEqual(['step', 'amount_USD', 'level_after_USD', 'kind']);
      expect(rows).toHaveLength(1 + 9);
      expect(rows[1][0]).toBe('Claimed');
      expect(Number(rows[1][1])).toBeCloseTo(whatIf.savings.claimedSavings, 2);
      // The view says it is a what-if, with the saved value beside; inputs show values with units.
      expect(await page.getByRole('status').filter({ hasText: 'What-if, not saved' }).innerText()).toContain('Human cost per hour 64 USD per hour (saved: 32)');
      expect(await page.getByLabel(/^AI cost per conversation/).inputValue()).toBe('0.45');
      await page.getByText('(USD per hour)').waitFor();
      // A value that is not a number is explained and left out of the request.
      await page.getByLabel(/^AI cost per conversation/).fill('1,5');
      await page.getByText('"1,5" is not a number').waitFor();
      expect(new URL(page.url()).searchParams.get('aiCostPerConversation')).toBe('1,5');
      expect(await page.getByLabel(/^AI cost per conversation/).getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel(/^AI cost per conversation/).fill('0.45');
      // Emptied, the box stays empty while it is being typed in (it refilled with the saved value:
      // select-all, Backspace, "45" read "3245"); left empty, it shows the saved value again.
      const fixed = page.getByLabel(/^Fixed costs per month/);
      await fixed.fill('700');
      await fixed.selectText();
      await fixed.press('Backspace');
      expect(await fixed.inputValue()).toBe('');
      await fixed.pressSequentially('45');
      expect(await fixed.inputValue()).toBe('45');
      expect(new URL(page.url()).searchParams.get('fixedCostPerMonth')).toBe('45');
      await fixed.fill('');
      await page.getByLabel(/^AI cost per conversation/).focus();
      expect(await fixed.inputValue()).toBe('0');
      expect(new URL(page.url()).searchParams.get('fixedCostPerMonth')).toBeNull();
      // A double click saves one version (version 2, below), not two.
      await page.getByRole('button', { name: 'Save as the cost model' }).dblclick();
      await page.getByText('Human cost per hour 32 → 64 USD per hour').waitFor();
      // Saved, the values leave the address: a bookmark of it is the view, not a what-if for good.
      await page.waitForFunction(() => !new URLSearchParams(location.search).has('humanHourlyCost'));
      expect(await page.getByRole('status').filter({ hasText: 'What-if, not saved' }).count()).toBe(0);
      // A click on the "Reopened" bar lists those tickets; the count is the API's.
      // Saving refetches every figure and redraws the chart: the click is retried until the bar it
      // lands on is the redrawn one (a bar replaced under the pointer takes no click).
      await page.waitForLoadState('networkidle');
      for (let attempt = 0; !/\/tickets\?/.test(page.url()); attempt++) {
        if (attempt === 5) throw new Error(`the Reopened bar did not open its tickets (at ${page.url()})`);
        await page.locator('figure[aria-label="From claimed to verified savings"] .recharts-bar-rectangle').nth(2).click();
        await page.waitForURL(/\/tickets\?/, { timeout: 5000 }).catch(() => undefined);
      }
      const stepUrl = new URL(page.url());
      expect([stepUrl.searchParams.get('reopened'), stepUrl.searchParams.get('pending')]).toEqual(['true', 'false']);
      const reopenedList = await dash.api<{ total: number }>(`/api/v1/tickets?${stepUrl.searchParams.toString()}&limit=1`);
      if (reopenedList.total > 0) expect(await page.getByTestId('tickets-total').innerText()).toBe(reopenedList.total.toLocaleString('en-US'));
      else await page.getByText('No ticket matches.').waitFor();
      await page.goBack();
      await page.locator('figure[aria-label="From claimed to verified savings"] .recharts-bar-rectangle').first().waitFor();
      expect((await dash.api<{ humanHourlyCost: number; version: number }>('/api/v1/cost-model'))).toMatchObject({ humanHourlyCost: 64, version: 2 });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });

  describe('settings', () => {

    it('shows the data status the API gives; an admin creates a token that works, then revokes it', async () => {
      const status = await dash.api<{ events: number }>('/api/v1/status');
      const page = await signedInPage(browser, dash, `/settings`);
      await page.getByTestId('status-events').waitFor();
      expect(await page.getByTestId('status-events').innerText()).toBe(status.events.toLocaleString('en-US'));
      const tokens = page.getByRole('region', { name: 'Access tokens' });
      await tokens.getByLabel('Name').fill('zendesk sync');
      await tokens.getByLabel('Role').selectOption('ingest');
      await page.getByRole('button', { name: 'Create token' }).click();
      const token = await page.getByTestId('new-token').innerText();
      const me = await fetch(`${dash.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toEqual({ role: 'ingest', name: 'zendesk sync', workspace: DEMO });
      await page.getByRole('button', { name: 'Revoke zendesk sync' }).click();
      await page.getByRole('table', { name: 'Tokens' }).getByText('revoked').waitFor();
      expect((await fetch(`${dash.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it("times in the view's zone, named; a token without a name is refused by the form, not silently", async () => {
      const status = await dash.api<{ lastEventAt: string }>('/api/v1/status');
      const posts: string[] = [];
      const page = await signedInPage(browser, dash, `/settings?tz=Asia/Kolkata`);
      page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
      await page.getByTestId('status-latest').waitFor();
      expect(await page.getByText('Latest event (Asia/Kolkata)').count()).toBe(1);
      expect(plainSpaces(await page.getByTestId('status-latest').innerText())).toBe(enUsAt(status.lastEventAt, 330));
      const tokens = page.getByRole('region', { name: 'Access tokens' });
      await tokens.getByLabel('Name').fill('   ');
      await page.getByRole('button', { name: 'Create token' }).click();
      expect(await tokens.getByLabel('Name').evaluate((e) => (e as HTMLInputElement).validity.valid)).toBe(false);
      expect(posts).toEqual([]);
      await page.close();
    });
  });

  describe('ticket list', () => {
    it('its page is in the URL: Next, reload, Back and Previous land on the same tickets', async () => {
      const q = `from=${day(-30)}&to=${day(1)}&tz=UTC`;
      const total = (await dash.api<{ total: number }>(`/api/v1/tickets?${q}&limit=1`)).total;
      expect(total).toBeGreaterThan(100); // three pages of 50 at least
      const page = await signedInPage(browser, dash, `/tickets?${q}`);
      const firstId = () => page.locator('tbody button.link').first().innerText();
      const pageLabel = (n: number) => `Page ${n.toLocaleString('en-US')} of ${Math.ceil(total / 50).toLocaleString('en-US')}`;
      const onPage = async (n: number) => {
        await page.getByTestId('tickets-page').filter({ hasText: pageLabel(n) }).waitFor();
        await page.locator('table[aria-busy="false"]').waitFor(); // that page's rows, not the last one's
      };
      await onPage(1);
      expect(await page.title()).toBe('Tickets · Claimcheck');
      // From the keyboard, past the 50 rows in one step: the skip link, then Tab reaches Next (First page and Previous are off on page one).
      await page.getByRole('link', { name: 'Skip to the page controls' }).focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ticket-pager');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Next');
      const one = await firstId();
      await page.getByRole('button', { name: 'Next' }).click();
      await onPage(2);
      const two = await firstId();
      expect(two).not.toBe(one);
      expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();
      await page.reload();
      await onPage(2);
      expect(await firstId()).toBe(two);
      await page.getByRole('button', { name: 'Next' }).click();
      await onPage(3);
      const three = await firstId();
      expect([one, two]).not.toContain(three);
      await page.goBack();
      await onPage(2);
      expect(await firstId()).toBe(two);
      await page.getByRole('button', { name: 'Previous' }).click();
      await onPage(1);
      expect(await firstId()).toBe(one);
      expect(await page.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'First page' }).isDisabled()).toBe(true);
      // Two on, then straight back to the first page; the URL says page 3 on the way.
      await page.getByRole('button', { name: 'Next' }).click();
      await onPage(2);
      await page.getByRole('button', { name: 'Next' }).click();
      await onPage(3);
      expect(new URL(page.url()).searchParams.get('page')).toBe('3');
      await page.getByRole('button', { name: 'First page' }).click();
      await onPage(1);
      expect(await firstId()).toBe(one);
      await page.close();
    });

    it('a mistyped zone is named at the box and the view stays in its zone (no page of errors)', async () => {
      const page = await signedInPage(browser, dash, `/tickets?from=${day(-30)}&to=${day(1)}&tz=UTC`);
      await page.getByTestId('tickets-total').waitFor();
      const box = page.getByLabel('Time zone');
      await box.fill('Asia/Kolkatta');
      await box.press('Enter');
      const hint = page.locator('#err-tz');
      await hint.waitFor();
      expect(await hint.innerText()).toBe('"Asia/Kolkatta" is not a time zone: use an IANA name such as UTC or Europe/Stockholm (the view stays in UTC)');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).searchParams.get('tz')).toBe('UTC');
      expect(await page.getByTestId('tickets-total').isVisible()).toBe(true);
      await box.fill('Asia/Kolkata');
      await page.waitForURL(/tz=Asia(%2F|\/)Kolkata/);
      await hint.waitFor({ state: 'detached' });
      await page.close();
    });
  });

  describe('a phone (390 px)', () => {
    it.each(['/segments', '/tickets', '/savings', '/quality', '/settings', '/'])('%s does not scroll sideways', async (path) => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${dash.base}${path}?from=${day(-30)}&to=${day(1)}&tz=UTC`);
      await page.evaluate((t) => sessionStorage.setItem('claimcheck.token', t), TOKEN);
      await page.reload();
      await page.locator('main h1.page-title').waitFor();
      await page.locator('main .state').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined); // loading states gone (an empty state may stay)
      await page.waitForLoadState('networkidle');
      // The page is as wide as the screen; a wide table scrolls inside itself.
      await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, undefined, { timeout: 5000 });
      await page.close();
    });
  });

  describe('security headers in the browser', () => {
    it('every page renders under the Content Security Policy with no violation, and no source map is served', async () => {
      const violations: string[] = [];
      for (const route of ['/', '/savings', '/quality', '/segments', '/tickets', '/settings']) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
        page.on('console', (m) => {
          if (/Content Security Policy|CSP violation/.test(m.text())) violations.push(`${route}: ${m.text()}`);
        });
        await page.goto(`${dash.base}${route}`);
        await page.evaluate((t) => sessionStorage.setItem('claimcheck.token', t), TOKEN);
        await page.reload();
        await page.locator('main').waitFor();
        await page.waitForLoadState('networkidle');
        const res = await page.request.get(`${dash.base}${route}`);
        expect(res.headers()['content-security-policy']).toMatch(/script-src 'self';/);
        expect(res.headers()['x-frame-options']).toBe('DENY');
        await page.close();
      }
      // The API's interactive docs run under the same policy.
      const docs = await browser.newPage();
      docs.on('console', (m) => {
        if (/Content Security Policy/.test(m.text())) violations.push(`/api/docs: ${m.text()}`);
      });
      await docs.goto(`${dash.base}/api/docs`);
      await docs.locator('.swagger-ui .info .title').waitFor();
      await docs.close();
      expect(violations).toEqual([]);
      const assets = fs.readdirSync(path.join(ROOT, 'web/dist/assets'));
      expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
      const js = assets.find((f) => f.endsWith('.js'))!;
      expect(fs.readFileSync(path.join(ROOT, 'web/dist/assets', js), 'utf8')).not.toContain('sourceMappingURL');
      // Even a map left over from a dev build is not served (nor answered with the page).
      const planted = path.join(ROOT, 'web/dist/assets', `${js}.map`);
      fs.writeFileSync(planted, '{"version":3}');
      try {
        expect((await fetch(`${dash.base}/assets/${js}.map`)).status).toBe(404);
      } finally {
        fs.rmSync(planted, { force: true });
      }
      expect((await fetch(`${dash.base}/assets/${js}`)).status).toBe(200);
    });

    it('after every page above, the server printed no deprecation warning and no 5xx', () => {
      // e.g. pg's "client.query() when the client is already executing a query" (two queries at once on one connection)
      expect(dash.output()).not.toMatch(/DeprecationWarning/);
      expect(dash.output()).not.toMatch(/"status":5\d\d/);
    });
  });
});
