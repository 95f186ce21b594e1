/** The web app in a real browser (the system's Chromium driven by Playwright) against a real server. */
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
import { scoreStored } from '../../src/modules/autoqa/autoqa.service.js';
import { ComplaintsService } from '../../src/modules/complaints/complaints.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { ReviewsService } from '../../src/modules/reviews/reviews.service.js';
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
const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<a href="javascript:window.__pwned = 3">click me</a>',
].join(' ');

/** Waits until the list shows exactly `count` rows (the page's CSP forbids evaluated strings). */
async function waitForRows(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await page.getByTestId('conversation-row').count()) !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} conversation rows`);
    await page.waitForTimeout(50);
  }
}

describe('web app in Chromium', { skip }, () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];

  before(async () => {
    const sqlite = DATABASE_KINDS.find((kind) => kind.name === 'sqlite');
    if (!sqlite) throw new Error('no SQLite kind');
    test = await sqlite.create();
    app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await new UsersService(test.database.kysely).createUser({
      email: 'qa@example.com',
      role: 'manager',
      password: PASSWORD,
      name: 'Quinn QA',
    });
    const items = Array.from({ length: 60 }, (_, n) => conversation(n));
    items.push(
      conversation(999, {
        subject: HOSTILE,
        created_at: '2026-04-01T12:00:00Z',
        resolved_at: '2026-04-01T13:00:00Z',
        messages: [
          { role: 'customer', text: HOSTILE, at: '2026-04-01T12:00:00Z' },
          { role: 'agent', text: 'Internal: refund approved', internal: true, at: '2026-04-01T12:05:00Z' },
        ],
      }),
    );
    await ingestItems(
      test.database,
      items.map((raw) => ({ raw })),
      'test',
    );
    await scoreStored(test.database, { threads: 1 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  it('sends a signed-out visitor to the sign-in page and rejects a wrong password', async () => {
    await page.goto(`${base}/conversations`);
    await page.getByTestId('login-form').waitFor();
    await page.getByTestId('login-email').fill('qa@example.com');
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
  });

  it('signs in and lists conversations newest first, 50 to a page', async () => {
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-table').waitFor();
    assert.equal(await page.getByTestId('current-user-name').textContent(), 'Quinn QA');
    assert.equal(await page.getByTestId('conversation-row').count(), 50);
    await page.getByTestId('page-next').click();
    await waitForRows(page, 11);
  });

  it('shows the AutoQA checks and marks their evidence in the messages', async () => {
    await page.goto(`${base}/conversations?q=${encodeURIComponent('parcel 7')}`);
    await waitForRows(page, 1);
    await page.getByTestId('conversation-link').first().click();
    await page.getByTestId('autoqa').getByTestId('check').first().waitFor();
    assert.equal((await page.getByTestId('check').count()) >= 16, true);
    const greeting = page.locator('[data-testid="check"][data-check="greeting"]');
    assert.match((await greeting.textContent()) ?? '', /Greeting/);
    const marks = await page.getByTestId('evidence').allTextContents();
    assert.ok(
      marks.some((text) => /sorry/i.test(text)),
      `evidence marks: ${marks.join(' | ')}`,
    );
    const body = await page.getByTestId('message-body').nth(1).textContent();
    assert.equal(body, 'I am sorry to hear that. A new one ships today.');
  });

  it('shows hostile customer text literally and runs none of it', async () => {
    await page.goto(`${base}/conversations?q=pwned`);
    await waitForRows(page, 1);
    await page.getByTestId('conversation-link').first().click();
    await page.getByTestId('message-thread').waitFor();
    const bodies = await page.getByTestId('message-body').allTextContents();
    assert.equal(bodies[0], HOSTILE);
    assert.equal(await page.getByTestId('conversation-subject').textContent(), HOSTILE);
    assert.equal(
      await page.locator('[data-testid="message-thread"] img, [data-testid="message-thread"] script').count(),
      0,
    );
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await page.getByTestId('internal-note-marker').count(), 1);
    assert.equal(await page.evaluate(() => (globalThis as any).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(cspViolations, []);
  });

  it('reviews a conversation from the keyboard with the score live, then finds the queue empty', async () => {
    const target = await test.database.kysely
      .selectFrom('conversations')
      .select('id')
      .where('external_id', '=', 't-5')
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/conversations/${target.id}/review`);
    await page.getByTestId('review-page').waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    await page.keyboard.press('?');
    const count = await page.getByTestId('review-category').count();
    assert.ok(count >= 20, `${count} categories apply to a chat`);
    // "1" on every category, top to bottom: pass on pass/fail items, the lowest point on scales.
    await page.locator('[data-testid="review-category"][data-current="true"]').waitFor();
    for (let i = 0; i < count; i += 1) await page.keyboard.press('1');
    const shown = (await page.getByTestId('review-score').textContent()) ?? '';
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('review-queue').waitFor();
    const stored = await test.database.kysely
      .selectFrom('reviews')
      .select(['score', 'status'])
      .where('conversation_id', '=', target.id)
      .where('kind', '=', 'manual')
      .executeTakeFirstOrThrow();
    assert.equal(stored.status, 'submitted');
    assert.ok(
      shown.startsWith(`${(stored.score as number).toFixed(1)} %`),
      `shown "${shown}", stored ${stored.score}`,
    );
    assert.deepEqual(cspViolations, []);
  });

  it('takes a complaint from received to closed on the board, with the history kept', async () => {
    const created = await new ComplaintsService(test.database).create(null, {
      description: 'The courier left my parcel in the rain <b>twice</b>',
      severity: 'high',
      received_at: '2026-01-05T09:00:00Z',
    });
    await page.goto(`${base}/complaints`);
    await page.getByTestId('complaints-page').waitFor();
    const card = page.locator(`[data-testid="complaint-card"][data-status="received"]`, {
      hasText: created.reference,
    });
    await card.waitFor();
    assert.equal(await card.getAttribute('data-overdue'), 'true', 'long past its deadlines');
    assert.match((await card.textContent()) ?? '', /<b>twice<\/b>/, 'customer text shown literally');
    await card.getByRole('link', { name: created.reference }).click();
    await page.getByTestId('complaint').waitFor();
    const status = page.getByTestId('complaint-status');
    for (const [button, expected] of [
      ['transition-acknowledged', 'acknowledged'],
      ['transition-investigating', 'investigating'],
    ] as const) {
      await page.getByTestId(button).click();
      await page.locator(`[data-testid="complaint"][data-status="${expected}"]`).waitFor();
    }
    await page.getByTestId('transition-resolved').click();
    await page.getByTestId('resolution-type').selectOption('refund_or_return');
    await page.getByTestId('root-cause').fill('courier');
    await page.getByTestId('confirm-resolved').click();
    await page.locator('[data-testid="complaint"][data-status="resolved"]').waitFor();
    await page.getByTestId('transition-closed').click();
    await page.locator('[data-testid="complaint"][data-status="closed"]').waitFor();
    assert.equal(await status.textContent(), 'closed');
    const history = await page.getByTestId('complaint-history').locator('li').allTextContents();
    assert.equal(history.length, 5, history.join(' | '));
    assert.deepEqual(cspViolations, []);
  });

  it('lets an agent dispute a review and a manager rule on it', async () => {
    const users = new UsersService(test.database.kysely);
    const { user: agent } = await users.createUser({
      email: 'agent@example.com',
      role: 'agent',
      password: PASSWORD,
      agentExternalId: 'a-1',
      name: 'Ana Agent',
    });
    const manager = await users.authenticate('qa@example.com', PASSWORD);
    const target = await test.database.kysely
      .selectFrom('conversations')
      .select('id')
      .where('agent_id', '=', agent.agentId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const reviews = new ReviewsService(test.database);
    const draft = await reviews.draft(manager as NonNullable<typeof manager>, target.id);
    const review = await reviews.create(manager as NonNullable<typeof manager>, {
      conversation_id: target.id,
      ratings: draft.applicable.map((key) => ({ key, rating: 1 })),
      comment: 'Greeting missing',
      submit: true,
    });
    const agentPage = await browser.newPage();
    try {
      await agentPage.goto(`${base}/login`);
      await agentPage.getByTestId('login-email').fill('agent@example.com');
      await agentPage.getByTestId('login-password').fill(PASSWORD);
      await agentPage.getByTestId('login-submit').click();
      await agentPage.getByTestId('current-user-name').waitFor();
      await agentPage.goto(`${base}/my-reviews`);
      await agentPage.getByTestId('review-row').first().waitFor();
      // The manager's review and AutoQA's automatic reviews of this agent's conversations only.
      const manual = agentPage.getByTestId('review-row').filter({ hasText: 'manual' });
      assert.equal(await manual.count(), 1);
      const automatic = await test.database.kysely
        .selectFrom('reviews')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agent_id', '=', agent.agentId)
        .where('kind', '=', 'auto')
        .executeTakeFirstOrThrow();
      assert.equal(await agentPage.getByTestId('review-row').count(), 1 + Number(automatic.n));
      await manual.getByRole('link').click();
      await agentPage.getByTestId('review-detail').waitFor();
      await agentPage.getByTestId('acknowledge').click();
      await agentPage.getByTestId('dispute-reason').fill('I did greet the customer in my first message');
      await agentPage.getByTestId('dispute').click();
      await agentPage.getByTestId('dispute-status').waitFor();
      assert.match((await agentPage.getByTestId('dispute-status').textContent()) ?? '', /open/);
    } finally {
      await agentPage.close();
    }
    await page.goto(`${base}/disputes`);
    await page.getByTestId('dispute-row').waitFor();
    assert.match((await page.getByTestId('dispute-row').textContent()) ?? '', /I did greet the customer/);
    await page.getByTestId('decision-comment').fill('The greeting came after the question');
    await page.getByTestId('reject-dispute').click();
    await page.getByTestId('no-disputes').waitFor();
    const stored = await test.database.kysely
      .selectFrom('disputes')
      .select(['status', 'decision_comment'])
      .where('review_id', '=', review.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.status, 'rejected');
    assert.equal(stored.decision_comment, 'The greeting came after the question');
    assert.deepEqual(cspViolations, []);
  });
  it('lets a manager accept a dispute with a changed rating and shows the new score first', async () => {
    const users = new UsersService(test.database.kysely);
    const manager = (await users.authenticate('qa@example.com', PASSWORD)) as NonNullable<
      Awaited<ReturnType<UsersService['authenticate']>>
    >;
    const agent = (await users.authenticate('agent@example.com', PASSWORD)) as typeof manager;
    const target = await test.database.kysely
      .selectFrom('conversations')
      .select('id')
      .where('agent_id', '=', agent.agentId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const reviews = new ReviewsService(test.database);
    const draft = await reviews.draft(manager, target.id);
    const [first] = draft.applicable;
    assert.ok(first);
    const review = await reviews.create(manager, {
      conversation_id: target.id,
      ratings: draft.applicable.map((key) => ({ key, rating: 1 })),
      submit: true,
    });
    await reviews.dispute(agent, review.id, { reason: 'The first point was met', categories: [first] });
    await page.goto(`${base}/reviews/${review.id}`);
    await page.getByTestId('dispute-ruling').waitFor();
    const select = page.getByTestId(`ruling-rating-${first}`);
    const options = await select
      .locator('option')
      .evaluateAll((nodes) =>
        nodes.map((node) => (node as unknown as { value: string }).value).filter((v) => /^\d+$/.test(v)),
      );
    const top = options.at(-1) ?? '';
    await select.selectOption(top);
    assert.match((await page.getByTestId('ruling-score').textContent()) ?? '', /→/);
    await page.getByTestId('ruling-comment').fill('Agreed: the greeting was there');
    await page.getByTestId('ruling-submit').click();
    await page.getByTestId('dispute-ruling').waitFor({ state: 'detached' });
    const stored = await test.database.kysely
      .selectFrom('disputes')
      .select(['status', 'decision_comment'])
      .where('review_id', '=', review.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.status, 'accepted');
    const rescored = await reviews.get(manager, review.id);
    assert.equal(rescored.ratings.find((r: { key: string }) => r.key === first)?.rating, Number(top));
    assert.ok((rescored.score ?? 0) > (review.score ?? 0), 'the accepted rating raises the score');
    assert.deepEqual(cspViolations, []);
  });
});
