/** The dashboard in a real browser: tiles equal the API's figures, a number drills down to its conversations. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { buildApp, WEB_ROOT } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const CHROMIUM = process.env.KVALITA_CHROMIUM ?? '/usr/bin/chromium';
const skip = !fs.existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM}`
  : !fs.existsSync(path.join(WEB_ROOT, 'index.html'))
    ? 'the web app is not built'
    : undefined;
const PASSWORD = 'browser tests only';

// The dashboard's "last 52 weeks": local midnight 364 days before today to tomorrow's.
function lastWeeks(days: number) {
  const today = new Date();
  return {
    from: new Date(today.getFullYear(), today.getMonth(), today.getDate() - days + 1).toISOString(),
    to: new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).toISOString(),
  };
}

async function waitForText(page: Page, testId: string, wanted: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = (await page.getByTestId(testId).textContent()) ?? '';
    if (wanted(text)) return text;
    if (Date.now() > deadline) throw new Error(`${testId} shows "${text}"`);
    await page.waitForTimeout(50);
  }
}

describe('dashboard in Chromium', { skip }, () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  let token: string;

  before(async () => {
    const sqlite = DATABASE_KINDS.find((kind) => kind.name === 'sqlite');
    if (!sqlite) throw new Error('no SQLite kind');
    test = await sqlite.create();
    app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const users = new UsersService(test.database.kysely);
    const manager = await users.createUser({
      email: 'lead@example.com',
      role: 'manager',
      password: PASSWORD,
    });
    token = (await users.createApiToken(manager.user.id, 'tests')).token;
    const items = Array.from({ length: 45 }, (_, n) =>
      conversation(n, { feedback: [{ type: 'csat', score: 1 + (n % 5), scale: 5 }] }),
    );
    await ingestItems(
      test.database,
      items.map((raw) => ({ raw })),
      'test',
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  const metrics = async (params: Record<string, string>) => {
    const response = await fetch(`${base}/api/v1/metrics?${new URLSearchParams(params)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200);
    return (await response.json()) as Array<Record<string, unknown>>;
  };

  it('shows the KPI tiles with the figures the API gives for the same period', async () => {
    await page.goto(`${base}/dashboard`);
    await page.getByTestId('login-email').fill('lead@example.com');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard-period').selectOption('52w');
    const [total] = await metrics({ metrics: 'csat,resolution_rate', ...lastWeeks(364) });
    assert.ok(total);
    assert.equal(total.csat_n, 45);
    const csat = (total.csat as number).toFixed(1);
    await waitForText(page, 'tile-value-csat', (text) => text.startsWith(csat));
    await waitForText(page, 'tile-value-resolution_rate', (text) =>
      text.startsWith((total.resolution_rate as number).toFixed(1)),
    );
    await page.getByTestId('trend-chart').waitFor();
    await page.getByTestId('heatmap').waitFor();
  });

  it("drills down from a team's figure to exactly that team's conversations", async () => {
    const rows = await metrics({ metrics: 'csat', by: 'team', ...lastWeeks(364) });
    const zagreb = rows.find((row) => row.team === 'Zagreb L1');
    assert.ok(zagreb, 'the team is in the breakdown');
    const row = page.getByTestId('breakdown-row').filter({ hasText: 'Zagreb L1' });
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/conversations\?.*team=Zagreb/);
    const deadline = Date.now() + 10_000;
    while ((await page.getByTestId('conversation-row').count()) !== zagreb.csat_n) {
      if (Date.now() > deadline)
        throw new Error(`expected ${String(zagreb.csat_n)} conversations of the team`);
      await page.waitForTimeout(50);
    }
  });

  it('drills down from a heatmap cell to the conversations of that weekday and hour', async () => {
    const cells = await metrics({ metrics: 'resolution_rate', by: 'weekday,hour', ...lastWeeks(364) });
    const busiest = [...cells].sort((a, b) => Number(b.resolution_rate_n) - Number(a.resolution_rate_n))[0];
    assert.ok(busiest);
    await page.goto(`${base}/dashboard`);
    await page.getByTestId('dashboard-period').selectOption('52w');
    await page.getByTestId(`heatmap-link-${String(busiest.weekday)}-${String(busiest.hour)}`).click();
    await page.waitForURL(new RegExp(`hour=${String(busiest.hour)}`));
    assert.match(page.url(), new RegExp(`weekday=${String(busiest.weekday)}`));
    const deadline = Date.now() + 10_000;
    while ((await page.getByTestId('conversation-row').count()) !== busiest.resolution_rate_n) {
      if (Date.now() > deadline)
        throw new Error(`expected ${String(busiest.resolution_rate_n)} conversations`);
      await page.waitForTimeout(50);
    }
  });

  it('saves the list filters as a view and applies it again later', async () => {
    await page.goto(`${base}/conversations?team=Zagreb+L1&weekday=6%2C7`);
    await page.getByTestId('saved-view-new').click();
    await page.getByTestId('saved-view-name').fill('Zagreb weekends');
    await page.getByTestId('saved-view-save').click();
    await page
      .getByTestId('saved-view-select')
      .locator('option', { hasText: 'Zagreb weekends' })
      .waitFor({ state: 'attached' });
    await page.getByTestId('filter-clear').click();
    await page.waitForURL((url) => !url.search.includes('team='));
    const view = page.getByTestId('saved-view-select');
    const value = await view.locator('option', { hasText: 'Zagreb weekends' }).getAttribute('value');
    await view.selectOption(value ?? '');
    await page.waitForURL(
      (url) => url.search.includes('team=Zagreb') && url.search.includes('weekday=6%2C7'),
    );
    assert.equal(await page.getByTestId('filter-weekday').inputValue(), '6,7');
  });

  it('switches to the dark theme and keeps it after a reload', async () => {
    await page.goto(`${base}/dashboard`);
    const theme = () => page.locator('html').getAttribute('data-theme');
    // Runs in the page, where getComputedStyle exists; the test's own types have no DOM.
    type Window = { getComputedStyle(element: unknown): { backgroundColor: string } };
    const background = () =>
      page
        .locator('body')
        .evaluate((body) => (globalThis as unknown as Window).getComputedStyle(body).backgroundColor);
    const before = await background();
    await page.getByTestId('theme-toggle').click();
    const chosen = await theme();
    assert.ok(chosen === 'dark' || chosen === 'light');
    assert.notEqual(await background(), before, 'the colours change');
    await page.reload();
    await page.getByTestId('theme-toggle').waitFor();
    assert.equal(await theme(), chosen);
  });
});
