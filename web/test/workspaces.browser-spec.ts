// Workspaces in the dashboard (docs/WORKSPACES.md): a fresh install opens on the demo story, the
// switcher moves between workspaces (kept in the URL), an empty workspace says how to fill it, and
// a workspace's own token sees only its workspace, every read going to its URL.
import type { Browser } from 'playwright-core';
import { DEMO, Dashboard, TOKEN, axeViolations, chromiumAvailable, day, dashboardAndBrowser, signedInPage } from './dashboard-server';

const run = chromiumAvailable() ? describe : describe.skip;

run('workspaces in chromium', () => {
  let dash: Dashboard;
  let browser: Browser;
  const from = day(-30);
  const to = day(1);
  const send = async (method: string, p: string, body: unknown, token = TOKEN) => {
    const res = await fetch(`${dash.base}${p}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  dashboardAndBrowser(async (d, b) => {
    [dash, browser] = [d, b];
    expect((await send('POST', '/api/v1/workspaces', { slug: 'brand-x', name: 'Brand X' })).status).toBe(201);
    // Three tickets of Brand X, today; ids that the demo story uses too (they are other tickets here).
    const t0 = `${day(-1)}T10:00:00Z`;
    const events = [1, 2, 3].map((i) => ({ id: `e${i}`, type: 'ticket.created', ticketId: `T-${i}`, occurredAt: t0, channel: 'email', category: 'billing', customerId: 'C-1' }));
    expect((await send('POST', '/api/v1/workspaces/brand-x/events', events)).body.accepted).toBe(3);
  });

  it('a fresh install opens on the demo story; the switcher lists every workspace, marking the empty one', async () => {
    const calls: string[] = [];
    const page = await signedInPage(browser, dash, `/?from=${from}&to=${to}&tz=UTC`, calls);
    const demo = await dash.api<{ tickets: number }>(`/api/v1/metrics/summary?from=${from}&to=${to}&tz=UTC`);
    await page.waitForFunction((want) => document.querySelector('section[aria-label="Tickets"] .card-number')?.textContent === want, demo.tickets.toLocaleString('en-US'));
    const switcher = page.getByRole('combobox', { name: 'Workspace' });
    expect(await switcher.inputValue()).toBe(DEMO);
    expect((await switcher.locator('option').allInnerTexts()).map((t) => t.trim())).toEqual(['Default (empty)', 'Demo story', 'Brand X']);
    // The address names it, and keeps it page to page: a copied link opens the same workspace
    // even after the default one gets data.
    expect(new URL(page.url()).searchParams.get('ws')).toBe(DEMO);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Savings audit' }).click();
    await page.waitForURL((u) => u.pathname === '/savings');
    expect(new URL(page.url()).searchParams.get('ws')).toBe(DEMO);
    await page.close();
  });

  it("a page whose code cannot be fetched (the server restarting) says so, and the menu and other pages keep working", async () => {
    // It went blank, menu and all, and stayed blank after the server was back, Back included.
    const page = await signedInPage(browser, dash, `/?from=${from}&to=${to}&tz=UTC`);
    await page.locator('section[aria-label="Tickets"] .card-number').waitFor();
    await page.route(/\/assets\/SavingsPage-[^/]*\.js$/, (r) => r.abort());
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Savings audit' }).click();
    await page.getByRole('alert').filter({ hasText: 'This page could not be loaded.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Overview' }).click();
    await page.locator('section[aria-label="Tickets"] .card-number').waitFor();
    await page.unroute(/\/assets\/SavingsPage-[^/]*\.js$/);
    await page.close();
  });

  it('a slow answer for a new range: the old figures are said to be the previous selection\'s; an outage heals by itself', async () => {
    const page = await signedInPage(browser, dash, `/?from=${from}&to=${to}&tz=UTC`);
    const tickets = page.locator('section[aria-label="Tickets"] .card-number');
    await tickets.waitFor();
    const before = await tickets.innerText();
    // Hold the next summary answer back: the cards still show the old range while 7 days are asked for.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/metrics\/summary\?/, async (r) => {
      await held;
      await r.continue();
    });
    await page.getByLabel('Period').selectOption({ label: 'Last 7 days' });
    await page.getByRole('status').filter({ hasText: "Updating: these figures are the previous selection's" }).first().waitFor();
    expect(await tickets.innerText()).toBe(before);
    release();
    await page.waitForFunction((old) => document.querySelector('section[aria-label="Tickets"] .card-number')?.textContent !== old, before);
    expect(await page.getByText("Updating: these figures are the previous selection's").count()).toBe(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();

    // The server unreachable for the summary: the error says it tries again, and the view comes back alone.
    const down = await signedInPage(browser, dash, `/?from=${from}&to=${to}&tz=UTC&ws=${DEMO}&channel=email`);
    await down.route(/\/metrics\/summary\?/, (r) => r.abort());
    await down.reload();
    await down.getByRole('alert').filter({ hasText: 'Trying again every 10 s.' }).first().waitFor({ timeout: 20_000 });
    await down.unroute(/\/metrics\/summary\?/);
    await down.locator('section[aria-label="Tickets"] .card-number').waitFor({ timeout: 25_000 });
    await down.close();
  });

  it('switching: the URL names the workspace, links keep it, the numbers are its own; an empty one says how to send data', async () => {
    const raw: string[] = [];
    const page = await signedInPage(browser, dash, `/?from=${from}&to=${to}&tz=UTC`);
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/v1/')) raw.push(u.pathname);
    });
    await page.getByRole('combobox', { name: 'Workspace' }).selectOption('brand-x');
    await page.waitForFunction(() => document.querySelector('section[aria-label="Tickets"] .card-number')?.textContent === '3');
    expect(new URL(page.url()).searchParams.get('ws')).toBe('brand-x');
    expect(raw.filter((p) => p.includes('/metrics/')).every((p) => p.startsWith('/api/v1/workspaces/brand-x/metrics/'))).toBe(true);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('row').nth(3).waitFor();
    expect(new URL(page.url()).searchParams.get('ws')).toBe('brand-x');
    expect(await page.getByRole('row').count()).toBe(4); // header + T-1..T-3

    await page.getByRole('combobox', { name: 'Workspace' }).selectOption('default');
    // The page keeps its own title; the state says the workspace has no tickets yet.
    await page.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
    await page.getByRole('status').getByText('Default: no tickets yet.').waitFor();
    expect(await page.locator('.workspace-empty pre').first().innerText()).toContain('/api/v1/events');
    expect(await axeViolations(page)).toEqual([]);
    // Before any data: its cost model and its claims can be set up (the empty state hid them).
    await page.getByRole('button', { name: 'Savings audit, cost assumptions' }).click();
    await page.getByRole('region', { name: 'Cost assumptions' }).waitFor();
    await page.getByText('No tickets in this range.').waitFor();
    expect(new URL(page.url()).searchParams.get('ws')).toBe('default');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Claims' }).click();
    await page.getByRole('button', { name: 'New claim' }).waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Quality' }).click();
    await page.getByRole('heading', { name: 'Quality', exact: true }).waitFor();
    await page.getByRole('status').getByText('Default: no tickets yet.').waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
    await page.getByRole('status').getByText('Default: no tickets yet.').waitFor();
    // Still on the tickets page: the demo story's tickets now.
    await page.getByRole('button', { name: 'Demo story' }).click();
    await page.getByRole('row').nth(10).waitFor();
    expect(new URL(page.url()).searchParams.get('ws')).toBe(DEMO);
    await page.close();
  });

  it("a workspace's own token: no choice of workspace, its numbers at its URL, and another workspace in the URL is not found", async () => {
    const viewer = (await send('POST', '/api/v1/workspaces/brand-x/tokens', { name: 'brand viewer', role: 'viewer' })).body.token as string;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${dash.base}/?from=${from}&to=${to}&tz=UTC`);
    await page.evaluate((t) => sessionStorage.setItem('claimcheck.token', t), viewer);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('section[aria-label="Tickets"] .card-number')?.textContent === '3');
    expect(await page.getByRole('combobox', { name: 'Workspace' }).count()).toBe(0);
    expect(await page.getByTitle('Workspace').innerText()).toBe('Brand X');
    await page.goto(`${dash.base}/?from=${from}&to=${to}&tz=UTC&ws=${DEMO}`);
    await page.getByRole('alert').filter({ hasText: `Workspace “${DEMO}” not found` }).waitFor();
    await page.close();
  });

  it("settings: the workspace's admin changes its zone; the instance admin creates a workspace and lands in it", async () => {
    const page = await signedInPage(browser, dash, '/settings?ws=brand-x');
    const section = page.getByRole('region', { name: 'Workspace' });
    await section.getByText('Brand X').first().waitFor();
    // A name that is no zone is said at the field and not sent.
    await section.getByLabel('Reporting time zone').fill('Asia/Katmandoo');
    await section.locator('#err-ws-zone').filter({ hasText: '"Asia/Katmandoo" is not a time zone' }).waitFor();
    expect(await section.getByRole('button', { name: 'Save workspace' }).isDisabled()).toBe(true);
    await section.getByLabel('Reporting time zone').fill('Asia/Kathmandu');
    await section.locator('#err-ws-zone').waitFor({ state: 'detached' });
    await section.getByRole('button', { name: 'Save workspace' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await (await fetch(`${dash.base}/api/v1/workspaces/brand-x`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).timeZone).toBe('Asia/Kathmandu');
    // Its pages now open in its reporting zone (the browser's is UTC here), and its links carry it.
    const overview = await signedInPage(browser, dash, '/?ws=brand-x');
    await overview.locator('section[aria-label="Tickets"] .card-value').waitFor();
    expect(await overview.getByLabel('Time zone').inputValue()).toBe('Asia/Kathmandu');
    expect(new URL((await overview.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Tickets' }).getAttribute('href'))!, dash.base).searchParams.get('tz')).toBe('Asia/Kathmandu');
    await overview.close();
    await section.getByLabel('New workspace slug').fill('brand-y');
    await section.getByLabel('New workspace name').fill('Brand Y');
    await section.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ws') === 'brand-y');
    expect(await page.getByRole('combobox', { name: 'Workspace' }).inputValue()).toBe('brand-y');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
