/**
 * The administration of users, teams, agents and API tokens in a real browser (the system's
 * Chromium driven by Playwright) against a real server on a temporary database.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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

describe('administration of users, teams and API tokens in Chromium', { skip }, () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  const tokens: Record<string, string> = {};

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
    ] as const) {
      const created = await users.createUser({ email: `${key}@example.com`, role, password: PASSWORD });
      tokens[key] = (await users.createApiToken(created.user.id, 'tests')).token;
    }
    // Agents a-0 (Zagreb L1), a-1 and a-2 (London L1).
    await ingestItems(
      test.database,
      Array.from({ length: 6 }, (_, n) => ({ raw: conversation(n) })),
      'test',
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    context = await browser.newContext();
    admin = await context.newPage();
    admin.on('dialog', (dialog) => void dialog.accept());
    await admin.goto(`${base}/admin/users`);
    await admin.getByTestId('login-email').fill('admin@example.com');
    await admin.getByTestId('login-password').fill(PASSWORD);
    await admin.getByTestId('login-submit').click();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  const api = async (user: string, method: string, route: string, token = tokens[user]) => {
    const response = await fetch(`${base}/api/v1${route}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as any) : null };
  };
  const userOf = async (email: string) =>
    (
      (await api('admin', 'GET', '/users')).body as Array<{ email: string; role: string; disabled: boolean }>
    ).find((u) => u.email === email);

  it("changes a user's role, then disables them after a confirmation, which locks them out", async () => {
    const row = admin.locator('[data-testid="user-row"][data-email="rita@example.com"]');
    await row.waitFor();
    await row.getByTestId('user-row-role').selectOption('lead');
    await row.getByTestId('user-row-save').click();
    await waitUntil(
      async () => (await userOf('rita@example.com'))?.role,
      (role) => role === 'lead',
      'the role is stored',
    );
    assert.equal(await row.getByTestId('user-row-role').inputValue(), 'lead');

    await row.getByTestId('user-row-toggle').click();
    await admin
      .locator('[data-testid="user-row"][data-email="rita@example.com"][data-disabled="true"]')
      .waitFor();
    assert.equal((await userOf('rita@example.com'))?.disabled, true);
    assert.equal((await api('rita', 'GET', '/auth/me')).status, 401, 'her token is refused');
    assert.match((await row.getByTestId('user-row-toggle').textContent()) ?? '', /Enable/);
  });

  it('refuses to disable the only administrator and says why', async () => {
    const row = admin.locator('[data-testid="user-row"][data-email="admin@example.com"]');
    await row.getByTestId('user-row-toggle').click();
    const error = admin.getByTestId('user-row-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /administrator/);
    assert.equal((await userOf('admin@example.com'))?.disabled, false);
  });

  it('resets a password and shows the new one once, which then signs in', async () => {
    const row = admin.locator('[data-testid="user-row"][data-email="manager@example.com"]');
    await row.getByTestId('user-row-reset').click();
    const password = (await admin.getByTestId('user-reset-password').textContent()) ?? '';
    assert.ok(password.length >= 10);
    const signIn = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@example.com', password }),
    });
    assert.equal(signIn.status, 200);
  });

  it('creates a team, renames it and moves an agent into it', async () => {
    await admin.getByTestId('admin-tab-teams').click();
    await admin.getByTestId('team-form').waitFor();
    const london = admin.locator('[data-testid="team-row"][data-team="London L1"]');
    assert.equal(await london.getByTestId('team-agents').textContent(), '2');
    assert.equal(
      await london.getByTestId('team-delete').isDisabled(),
      true,
      'a team in use cannot be deleted',
    );
    assert.match((await london.getByTestId('team-in-use').textContent()) ?? '', /2 agents/);

    await admin.getByTestId('team-name').fill('Split L2');
    await admin.getByTestId('team-create').click();
    const split = admin.locator('[data-testid="team-row"][data-team="Split L2"]');
    await split.waitFor();
    await admin.getByTestId('team-name').fill('split l2');
    await admin.getByTestId('team-create').click();
    await admin.getByTestId('team-error').waitFor();

    await split.getByTestId('team-rename').click();
    await split.getByTestId('team-rename-input').fill('Split L3');
    await split.getByTestId('team-rename-save').click();
    const renamed = admin.locator('[data-testid="team-row"][data-team="Split L3"]');
    await renamed.waitFor();
    assert.equal(await renamed.getByTestId('team-delete').isDisabled(), false);

    const agent = admin.locator('[data-testid="agent-row"][data-agent="a-1"]');
    await agent.getByTestId('agent-team').selectOption({ label: 'Split L3' });
    await waitUntil(
      () => renamed.getByTestId('team-agents').textContent(),
      (count) => count === '1',
      'the team counts the moved agent',
    );
    const moved = (await api('manager', 'GET', '/agents?team=Split%20L3')).body as {
      agents: Array<{ external_id: string }>;
    };
    assert.deepEqual(
      moved.agents.map((a) => a.external_id),
      ['a-1'],
    );
    assert.equal(await london.getByTestId('team-agents').textContent(), '1');

    await admin.getByTestId('agents-search').fill('agent 2');
    await waitUntil(
      () => admin.getByTestId('agent-row').count(),
      (count) => count === 1,
      'the search narrows the agents',
    );
  });

  it('creates a token, revokes it after a confirmation and shows it revoked', async () => {
    await admin.getByTestId('admin-tab-tokens').click();
    await admin.getByTestId('token-name').fill('nightly export');
    await admin.getByTestId('token-create').click();
    const secret = (await admin.getByTestId('token-secret').textContent()) ?? '';
    assert.equal((await api('admin', 'GET', '/auth/me', secret)).status, 200);
    await admin.getByTestId('token-dismiss').click();

    const row = admin.locator('[data-testid="token-row"][data-name="nightly export"]');
    await row.waitFor();
    const prefix = secret.split('_')[1] as string;
    assert.match((await row.textContent()) ?? '', new RegExp(`kv_${prefix}_…`));
    await row.getByTestId('token-revoke').click();
    await admin
      .locator('[data-testid="token-row"][data-name="nightly export"][data-revoked="true"]')
      .waitFor();
    assert.match((await row.getByTestId('token-status').textContent()) ?? '', /Revoked/);
    assert.equal(await row.getByTestId('token-revoke').count(), 0);
    assert.equal((await api('admin', 'GET', '/auth/me', secret)).status, 401);

    assert.equal(await admin.locator('[data-testid="token-row"]').count(), 2, 'only my own tokens');
    await admin.getByTestId('tokens-all').check();
    await waitUntil(
      () => admin.locator('[data-testid="token-row"]').count(),
      (count) => count === 4,
      "every user's tokens",
    );
    assert.match((await admin.getByTestId('tokens-table').textContent()) ?? '', /rita@example\.com/);
  });
  it('sets a goal for a team, changes its target and deletes it', async () => {
    await admin.getByTestId('admin-tab-goals').click();
    await admin.getByTestId('goal-metric').selectOption('frt_median');
    await admin.getByTestId('goal-scope').selectOption('team');
    await admin.getByTestId('goal-scope-value').fill('Zagreb L1');
    await admin.getByTestId('goal-new-target').fill('120');
    await admin.getByTestId('goal-create').click();
    const row = admin.locator('[data-testid="goal-row"][data-metric="frt_median"]');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Zagreb L1/);
    let goals = (await api('admin', 'GET', '/goals')).body as Array<{
      id: number;
      scope: string;
      target: number;
    }>;
    assert.deepEqual(
      goals.map((g) => [g.scope, g.target]),
      [['team', 120]],
    );
    await row.getByTestId('goal-target').fill('90');
    await row.getByTestId('goal-save').click();
    await waitUntil(
      async () => ((await api('admin', 'GET', '/goals')).body as Array<{ target: number }>)[0]?.target,
      (target) => target === 90,
      'the changed target',
    );
    await admin
      .locator('[data-testid="goal-row"][data-metric="frt_median"]')
      .getByTestId('goal-delete')
      .click();
    await row.waitFor({ state: 'detached' });
    goals = (await api('admin', 'GET', '/goals')).body;
    assert.deepEqual(goals, []);
    // A target the metric can never take is refused with the field named.
    await admin.getByTestId('goal-scope').selectOption('organisation');
    await admin.getByTestId('goal-metric').selectOption('csat');
    await admin.getByTestId('goal-new-target').fill('150');
    await admin.getByTestId('goal-create').click();
    await admin.getByTestId('error-notice').waitFor();
    assert.match((await admin.getByTestId('error-notice').textContent()) ?? '', /target/);
  });
});
