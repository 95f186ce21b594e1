/**
 * The dashboard, administration, calibration, coaching and task pages in a real browser (the
 * system's Chromium driven by Playwright) against a real server on a temporary database.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { buildApp, WEB_ROOT } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { scoreStored } from '../../src/modules/autoqa/autoqa.service.js';
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
const TILE_METRICS = [
  'csat',
  'nps',
  'frt_median',
  'aht',
  'resolution_rate',
  'complaint_rate',
  'iqs',
  'pass_rate',
];

// The dashboard's "last 52 weeks": local midnight 363 days before today to tomorrow's.
function lastWeeks(days: number) {
  const today = new Date();
  return {
    from: new Date(today.getFullYear(), today.getMonth(), today.getDate() - days + 1).toISOString(),
    to: new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).toISOString(),
  };
}

/** Polls `read` until `wanted` holds (the page's CSP rules out Playwright's evaluated predicates). */
async function waitUntil<T>(read: () => Promise<T>, wanted: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (wanted(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Picks in a select the numeric option with the highest (or lowest) value. */
async function pickExtreme(select: Locator, highest: boolean): Promise<void> {
  const values = (await select
    .locator('option')
    .evaluateAll((options) =>
      options.map((option) => (option as unknown as { value: string }).value),
    )) as string[];
  const numeric = values.filter((value) => /^\d+$/.test(value)).map(Number);
  const chosen = highest ? Math.max(...numeric) : Math.min(...numeric);
  await select.selectOption(String(chosen));
}

describe('dashboard, administration, calibration and coaching pages in Chromium', { skip }, () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const tokens: Record<string, string> = {};
  const userIds: Record<string, number> = {};

  before(async () => {
    const sqlite = DATABASE_KINDS.find((kind) => kind.name === 'sqlite');
    if (!sqlite) throw new Error('no SQLite kind');
    test = await sqlite.create();
    app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const users = new UsersService(test.database.kysely);
    for (const [key, role] of [
      ['admin', 'admin'],
      ['manager', 'manager'],
      ['rita', 'reviewer'],
      ['remy', 'reviewer'],
    ] as const) {
      const created = await users.createUser({
        email: `${key}@example.com`,
        role,
        password: PASSWORD,
        name: key[0]?.toUpperCase() + key.slice(1),
      });
      userIds[key] = created.user.id;
      tokens[key] = (await users.createApiToken(created.user.id, 'tests')).token;
    }
    const items = Array.from({ length: 45 }, (_, n) =>
      conversation(n, {
        feedback: [
          { type: 'csat', score: 1 + (n % 5), scale: 5 },
          { type: 'nps', score: n % 11, scale: 10 },
        ],
      }),
    );
    await ingestItems(
      test.database,
      items.map((raw) => ({ raw })),
      'test',
    );
    // Automatic reviews give the quality figures and the reviews coaching discusses.
    await scoreStored(test.database, { threads: 1 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  /** A signed-in page of its own (cookies apart) for one of the test users, opened at `at`. */
  const signIn = async (user: string, at: string): Promise<Page> => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${base}${at}`);
    await page.getByTestId('login-email').fill(`${user}@example.com`);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    return page;
  };

  const api = async (user: string, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${base}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  let manager: Page;

  it('shows every KPI tile with the value and count GET /metrics gives for the same period', async () => {
    manager = await signIn('manager', '/dashboard');
    await manager.getByTestId('dashboard-page').waitFor();
    await manager.getByTestId('dashboard-period').selectOption('52w');
    const query = new URLSearchParams({ metrics: TILE_METRICS.join(','), ...lastWeeks(364) });
    const answer = await api('manager', 'GET', `/metrics?${query}`);
    assert.equal(answer.status, 200);
    const total = answer.body[0] as Record<string, number | null>;
    assert.equal(total.csat_n, 45);
    assert.ok(typeof total.iqs === 'number', 'automatic reviews give a quality score');
    for (const metric of TILE_METRICS) {
      const value = total[metric];
      await waitUntil(
        () => manager.getByTestId(`tile-value-${metric}`).getAttribute('data-value'),
        (shown) => shown === (typeof value === 'number' ? String(value) : ''),
        `tile ${metric} against ${String(value)}`,
      );
      assert.equal(
        await manager.getByTestId(`tile-count-${metric}`).getAttribute('data-count'),
        String(total[`${metric}_n`]),
      );
      const text = (await manager.getByTestId(`tile-value-${metric}`).textContent()) ?? '';
      assert.match(text, typeof value === 'number' ? /\d/ : /—/, `${metric} shows "${text}"`);
    }
    await manager.getByTestId('trend-chart').first().waitFor();
    assert.equal(await manager.getByTestId('heatmap-cell').count(), 7 * 24);
  });

  it("drills down from a team's conversation count to the list of exactly that team's conversations", async () => {
    const query = new URLSearchParams({ metrics: 'resolution_rate', by: 'team', ...lastWeeks(364) });
    const rows = (await api('manager', 'GET', `/metrics?${query}`)).body as Array<Record<string, unknown>>;
    const zagreb = rows.find((row) => row.team === 'Zagreb L1');
    assert.ok(zagreb, 'the team is in the breakdown');
    const link = manager.locator(
      '[data-testid="breakdown-row"][data-group="Zagreb L1"] [data-testid="breakdown-volume"]',
    );
    assert.equal(await link.textContent(), String(zagreb.resolution_rate_n));
    await link.click();
    await manager.waitForURL(/\/conversations\?.*team=Zagreb/);
    await waitUntil(
      () => manager.getByTestId('conversation-row').count(),
      (count) => count === zagreb.resolution_rate_n,
      "the team's conversations",
    );
  });

  it('saves an edited scorecard as a new version and says so when an edit started from an older one', async () => {
    const [scorecard] = (await api('manager', 'GET', '/scorecards')).body as Array<{
      id: number;
      version: number;
    }>;
    assert.ok(scorecard);
    await manager.goto(`${base}/admin/scorecards`);
    await manager.getByTestId('scorecard-editor').waitFor();
    await manager.getByTestId('scorecard-pass-mark').fill('72');
    await manager.getByTestId('category-weight').first().fill('4');
    await manager.getByTestId('scorecard-save').click();
    await manager.getByTestId('scorecard-saved').waitFor();
    const saved = (await api('manager', 'GET', `/scorecards/${scorecard.id}`)).body;
    assert.equal(saved.version, scorecard.version + 1);
    assert.equal(saved.definition.passMark, 72);
    assert.equal(saved.definition.categories[0].weight, 4);
    await waitUntil(
      () => manager.getByTestId('scorecard-versions').locator('li').count(),
      (count) => count === saved.versions.length,
      'the new version in the list',
    );

    // Someone else saves meanwhile; the edit open in the browser is now based on an older version.
    const other = await api('admin', 'PUT', `/scorecards/${scorecard.id}`, {
      definition: { ...saved.definition, passMark: 70 },
      base_version: saved.version,
    });
    assert.equal(other.status, 200);
    await manager.getByTestId('scorecard-pass-mark').fill('90');
    await manager.getByTestId('scorecard-save').click();
    await manager.getByTestId('scorecard-conflict').waitFor();
    const after = (await api('manager', 'GET', `/scorecards/${scorecard.id}`)).body;
    assert.equal(after.version, saved.version + 1);
    assert.equal(after.definition.passMark, 70, 'the stale edit changed nothing');
  });

  let admin: Page;

  it('lets an admin create a user, and shows a new API token once and never again', async () => {
    admin = await signIn('admin', '/admin/users');
    await admin.getByTestId('user-form').waitFor();
    await admin.getByTestId('user-email').fill('nora@example.com');
    await admin.getByTestId('user-name').fill('Nora New');
    await admin.getByTestId('user-role').selectOption('lead');
    await admin.getByTestId('user-create').click();
    const password = (await admin.getByTestId('user-password').textContent()) ?? '';
    assert.ok(password.length >= 10, 'a generated password is shown');
    await admin.getByTestId('user-row').filter({ hasText: 'nora@example.com' }).waitFor();
    const listed = (await api('admin', 'GET', '/users')).body as Array<{ email: string; role: string }>;
    assert.equal(listed.find((u) => u.email === 'nora@example.com')?.role, 'lead');
    const signedIn = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nora@example.com', password }),
    });
    assert.equal(signedIn.status, 200, 'the shown password signs in');

    await admin.getByTestId('admin-tab-tokens').click();
    await admin.getByTestId('token-name').fill('reporting');
    await admin.getByTestId('token-create').click();
    const secret = (await admin.getByTestId('token-secret').textContent()) ?? '';
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(me.status, 200, 'the shown token authenticates');
    assert.equal(((await me.json()) as { user: { email: string } }).user.email, 'admin@example.com');
    await admin.getByTestId('token-dismiss').click();
    assert.equal(await admin.getByTestId('token-secret').count(), 0);
    await admin.reload();
    await admin.getByTestId('token-form').waitFor();
    assert.equal(await admin.getByTestId('token-secret').count(), 0, 'the secret is not shown again');
    assert.equal((await admin.content()).includes(secret), false);
  });

  it('reports each rejected line of an imported JSON Lines file with its number and reason', async () => {
    await admin.goto(`${base}/admin/import`);
    const lines = [
      JSON.stringify(conversation(500)),
      JSON.stringify({ ...conversation(501), channel: 'pigeon' }),
      '{ not json',
      JSON.stringify(conversation(502)),
    ];
    await admin.getByTestId('import-file').setInputFiles({
      name: 'conversations.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${lines.join('\n')}\n`),
    });
    await admin.getByTestId('import-submit').click();
    await admin.getByTestId('import-result').waitFor();
    assert.equal(await admin.getByTestId('import-read').textContent(), '4');
    assert.equal(await admin.getByTestId('import-imported').textContent(), '2');
    assert.equal(await admin.getByTestId('import-rejected').locator('tbody tr').count(), 2);
    assert.deepEqual(await admin.getByTestId('import-rejected-line').allTextContents(), ['2', '3']);
    assert.match((await admin.getByTestId('import-rejected-row').first().textContent()) ?? '', /channel/);
  });

  it("sets up a calibration session, takes two reviewers' blind scores and reveals α", async () => {
    await admin.goto(`${base}/calibration`);
    await admin.getByTestId('calibration-new').click();
    await admin.getByTestId('calibration-title').fill('March chats');
    await admin.getByTestId('calibration-conversation').nth(0).check();
    await admin.getByTestId('calibration-conversation').nth(1).check();
    await admin.locator(`[data-testid="calibration-reviewer"][value="${userIds.rita}"]`).check();
    await admin.locator(`[data-testid="calibration-reviewer"][value="${userIds.remy}"]`).check();
    await admin.getByTestId('calibration-baseline').selectOption(String(userIds.rita));
    await admin.getByTestId('calibration-create').click();
    await admin.waitForURL(/\/calibration\/\d+$/);
    const sessionId = Number(admin.url().split('/').pop());
    await admin.getByTestId('calibration-progress').waitFor();

    for (const reviewer of ['rita', 'remy']) {
      const page = await signIn(reviewer, `/calibration/${sessionId}`);
      const items = page.getByTestId('calibration-item');
      await items.first().waitFor();
      assert.equal(await items.count(), 2);
      for (let index = 0; index < 2; index += 1) {
        const item = items.nth(index);
        await item.getByTestId('score-open').click();
        const selects = item.getByTestId('score-category');
        const count = await selects.count();
        assert.ok(count >= 10, `${count} categories to score`);
        // Both reviewers: the first conversation at the top of every scale, the second at the bottom.
        for (let i = 0; i < count; i += 1) await pickExtreme(selects.nth(i), index === 0);
        await item.getByTestId('score-submit').click();
        await item.getByTestId('scored-mark').waitFor();
      }
      // Before the reveal a reviewer sees no results.
      assert.equal(await page.getByTestId('calibration-results').count(), 0);
      const results = await api(reviewer, 'GET', `/calibrations/${sessionId}/results`);
      assert.equal(results.status, 409);
    }

    await admin.reload();
    await admin.getByTestId('calibration-reveal').click();
    await waitUntil(
      () => admin.getByTestId('calibration-status').textContent(),
      (text) => text !== null && !/open/i.test(text) && text.length > 0,
      'the session is revealed',
    );
    const results = (await api('admin', 'GET', `/calibrations/${sessionId}/results`)).body;
    assert.equal(results.status, 'revealed');
    assert.ok(typeof results.total.alpha === 'number');
    await waitUntil(
      () => admin.getByTestId('total-alpha').textContent(),
      (text) => text === results.total.alpha.toFixed(3),
      'α on the page',
    );
    assert.equal(await admin.getByTestId('alpha-row').count(), results.categories.length);
    assert.equal(await admin.getByTestId('scores-table').locator('tbody tr').count(), 2);
  });

  it('records a coaching session with action items and ticks one off', async () => {
    await manager.goto(`${base}/coaching`);
    await manager.getByTestId('coaching-new').click();
    const agent = manager.getByTestId('coaching-agent');
    await waitUntil(
      () => agent.locator('option').count(),
      (n) => n > 1,
      'agents with reviews',
    );
    const agentId = await agent.locator('option').nth(1).getAttribute('value');
    await agent.selectOption(agentId ?? '');
    await manager.getByTestId('coaching-focus').first().check();
    await manager.getByTestId('coaching-review').first().check();
    await manager.getByTestId('coaching-items').fill("Use the customer's name\nGive a delivery date");
    await manager.getByTestId('coaching-create').click();
    await manager.waitForURL(/\/coaching\/\d+$/);
    const sessionId = Number(manager.url().split('/').pop());
    const items = manager.getByTestId('action-item');
    await waitUntil(
      () => items.count(),
      (n) => n === 2,
      'two action items',
    );
    // The box turns ticked once the server has stored the change.
    await items.first().getByTestId('action-item-toggle').click();
    await waitUntil(
      () => items.first().getAttribute('data-done'),
      (done) => done === 'true',
      'ticked item',
    );
    const stored = (await api('manager', 'GET', `/coaching/${sessionId}`)).body;
    assert.deepEqual(
      stored.action_items.map((item: { done: boolean }) => item.done),
      [true, false],
    );
    assert.equal(stored.agent_id, Number(agentId));
    assert.equal(stored.reviews.length, 1);
    assert.equal(stored.focus.length, 1);
    await manager.getByTestId('effect-table').waitFor();
  });

  it('marks an overdue task in red and closes it from my tasks', async () => {
    const created = await api('manager', 'POST', '/tasks', {
      kind: 'call_back',
      title: 'Call Customer 7 back about the refund',
      owner_user_id: userIds.manager,
      due_at: new Date(Date.now() - 86_400_000).toISOString(),
    });
    assert.equal(created.status, 201);
    await manager.goto(`${base}/tasks`);
    const row = manager.getByTestId('task-row').filter({ hasText: 'Call Customer 7 back' });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-overdue'), 'true');
    const colour = await row
      .locator('.task__due')
      .evaluate((cell) => (globalThis as any).getComputedStyle(cell).color as string);
    const danger = await row.evaluate((element) =>
      (globalThis as any).getComputedStyle(element).getPropertyValue('--danger').trim(),
    );
    assert.ok(danger.length > 0, 'the theme defines a danger colour');
    assert.notEqual(
      colour,
      await row
        .locator('td')
        .first()
        .evaluate((c) => (globalThis as any).getComputedStyle(c).color),
    );
    await row.getByTestId('task-done').click();
    await waitUntil(
      () => row.count(),
      (n) => n === 0,
      'the done task leaves the open list',
    );
    const tasks = (await api('manager', 'GET', '/tasks?status=done')).body as Array<{ id: number }>;
    assert.ok(tasks.some((task) => task.id === created.body.id));
  });
});
