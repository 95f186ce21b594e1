/**
 * The call timeline and an agent's review trends in a real browser: the timeline marks the
 * talk-over and the long silence and leads to the message; the trends show the API's figures.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { SCALE_RANGE } from '../../src/domain/scorecard.js';
import { buildApp, WEB_ROOT } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { ReviewsService } from '../../src/modules/reviews/reviews.service.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const CHROMIUM = process.env.KVALITA_CHROMIUM ?? '/usr/bin/chromium';
const skip = !fs.existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM}`
  : !fs.existsSync(path.join(WEB_ROOT, 'index.html'))
    ? 'the web app is not built'
    : undefined;
const PASSWORD = 'browser tests only';
const DAY_MS = 86_400_000;
const percent = new Intl.NumberFormat('en', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

interface TrendScore {
  score: number | null;
  n: number;
}
interface Trends {
  periods: Array<{ period: string; all: TrendScore; categories: Record<string, TrendScore> }>;
}

// The agent's call: the agent starts 1 s before the customer finishes, then 25 s of silence.
const CALL: Array<{ role: 'customer' | 'agent'; text: string; start_s: number; end_s: number }> = [
  { role: 'customer', text: 'Hello, I was charged twice for my order.', start_s: 0, end_s: 6 },
  { role: 'agent', text: 'I see, let me check that for you.', start_s: 5, end_s: 12 },
  { role: 'customer', text: 'Thank you.', start_s: 13, end_s: 15 },
  { role: 'agent', text: 'Thanks for waiting, the refund is on its way.', start_s: 40, end_s: 48 },
  { role: 'customer', text: 'Great, goodbye.', start_s: 48.5, end_s: 50 },
];

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user-name').waitFor();
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('call timeline and review trends in Chromium', { skip }, () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let agentToken: string;
  let callId: number;

  before(async () => {
    const sqlite = DATABASE_KINDS.find((kind) => kind.name === 'sqlite');
    if (!sqlite) throw new Error('no SQLite kind');
    test = await sqlite.create();
    app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const users = new UsersService(test.database.kysely);
    await users.createUser({ email: 'lead@example.com', role: 'manager', password: PASSWORD });
    const { user: agent } = await users.createUser({
      email: 'agent@example.com',
      role: 'agent',
      password: PASSWORD,
      agentExternalId: 'a-1',
      name: 'Ana Agent',
    });
    agentToken = (await users.createApiToken(agent.id, 'tests')).token;

    // Trends cover the last half year by the conversations' dates, so these are recent.
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();
    const call = conversation(1, {
      id: 'call-1',
      channel: 'phone',
      created_at: at(1),
      resolved_at: at(1),
      messages: CALL.map((message) => ({ ...message, at: at(1) })),
    });
    const reviewed = [2, 9, 16, 23].map((daysAgo) =>
      conversation(daysAgo * 3 + 1, {
        id: `chat-${daysAgo}`,
        created_at: at(daysAgo),
        resolved_at: at(daysAgo),
      }),
    );
    await ingestItems(
      test.database,
      [call, ...reviewed].map((raw) => ({ raw })),
      'test',
    );
    const rows = await test.database.kysely
      .selectFrom('conversations')
      .select(['id', 'external_id'])
      .orderBy('id')
      .execute();
    callId = rows.find((row) => row.external_id === 'call-1')?.id as number;

    const manager = (await users.authenticate('lead@example.com', PASSWORD)) as Principal;
    const reviews = new ReviewsService(test.database);
    for (const [index, row] of rows.filter((row) => row.external_id.startsWith('chat-')).entries()) {
      const draft = await reviews.draft(manager, row.id);
      const categories = draft.definition.categories.filter((category) =>
        draft.applicable.includes(category.key),
      );
      // One non-critical category rated lower each time, a different one every week.
      const weak = categories.filter((category) => !category.critical)[index % 2];
      await reviews.create(manager, {
        conversation_id: row.id,
        ratings: categories.map((category) => {
          const { min, max } = SCALE_RANGE[category.scale];
          return {
            key: category.key,
            rating: category === weak ? min + Math.floor(((max - min) * index) / 4) : max,
          };
        }),
        submit: true,
      });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  it('draws the call with the talk-over and the long silence marked, and a bar leads to its message', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, base, 'lead@example.com');
      await page.goto(`${base}/conversations/${callId}`);
      await page.getByTestId('call-timeline').waitFor();
      const bars = page.getByTestId('timeline-bar');
      assert.equal(await bars.count(), CALL.length);
      const talkOver = page.locator('[data-testid="timeline-bar"][data-talk-over]');
      assert.equal(await talkOver.count(), 1);
      assert.equal(await talkOver.getAttribute('data-talk-over'), 'customer');
      assert.equal(await talkOver.getAttribute('aria-label'), 'Agent, 0:05–0:12, talks over the customer');
      assert.match(
        (await page.getByTestId('timeline-talk-over').textContent()) ?? '',
        /Agent talks over the customer/,
      );
      const seconds = new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'short' });
      assert.equal(
        await page.getByTestId('timeline-long-silence').textContent(),
        `0:15–0:40: ${seconds.format(25)} of silence`,
      );

      // From the keyboard: the agent's answer after the silence.
      const seq = '3';
      const later = page.locator(`[data-testid="timeline-bar"][data-seq="${seq}"]`);
      await later.focus();
      await page.keyboard.press('Enter');
      await waitFor(
        'the message to take focus',
        async () => (await page.locator(':focus').getAttribute('id')) === `message-${seq}`,
      );
      assert.match(
        (await page.locator(':focus').textContent()) ?? '',
        new RegExp(CALL[Number(seq)]?.text ?? '-'),
      );

      await page.getByTestId('timeline-bar').first().click();
      await waitFor(
        'the first message to take focus',
        async () => (await page.locator(':focus').getAttribute('id')) === 'message-0',
      );
    } finally {
      await page.close();
    }
  });

  it("shows an agent's score per week and per category as the API gives them, and per month on request", async () => {
    const trends = async (by: string): Promise<Trends> => {
      const response = await fetch(`${base}/api/v1/reviews/trends?by=${by}`, {
        headers: { authorization: `Bearer ${agentToken}` },
      });
      assert.equal(response.status, 200);
      return (await response.json()) as Trends;
    };
    const weeks = (await trends('week')).periods.filter((period) => period.all.n > 0);
    assert.equal(weeks.length, 4, 'four reviewed weeks');
    const page = await browser.newPage();
    try {
      await signIn(page, base, 'agent@example.com');
      await page.goto(`${base}/my-reviews`);
      await page.getByTestId('trends-chart').locator('canvas').first().waitFor();
      const table = page.getByTestId('trends-table');
      await table.waitFor();

      const overall = await page.getByTestId('trends-overall').locator('td').allTextContents();
      assert.equal(overall.length, weeks.length);
      weeks.forEach((week, index) => {
        assert.ok(
          overall[index]?.startsWith(percent.format((week.all.score as number) / 100)),
          overall[index],
        );
      });
      const keys = [...new Set(weeks.flatMap((week) => Object.keys(week.categories)))];
      assert.equal(await page.getByTestId('trends-category').count(), keys.length);
      for (const key of keys) {
        const cells = await page
          .locator(`[data-testid="trends-category"][data-category="${key}"] td`)
          .allTextContents();
        assert.deepEqual(
          cells,
          weeks.map((week) => {
            const score = week.categories[key]?.score;
            return typeof score === 'number' ? percent.format(score / 100) : '—';
          }),
        );
      }
      const latest = weeks.at(-1)?.categories ?? {};
      const [weakest] = Object.entries(latest)
        .filter(([, figure]) => figure.score !== null)
        .sort(([, a], [, b]) => (a.score as number) - (b.score as number));
      assert.ok(weakest);
      const tagged = page.locator('[data-testid="trends-category"]', {
        has: page.getByTestId('trends-weakest'),
      });
      assert.equal(await tagged.getAttribute('data-category'), weakest[0]);
      assert.match((await tagged.textContent()) ?? '', /weakest/);

      const months = (await trends('month')).periods.filter((period) => period.all.n > 0);
      await page.getByTestId('trends-by-month').click();
      await waitFor(
        'the monthly columns',
        async () => (await page.getByTestId('trends-overall').locator('td').count()) === months.length,
      );
      const monthly = await page.getByTestId('trends-overall').locator('td').allTextContents();
      months.forEach((month, index) => {
        assert.ok(
          monthly[index]?.startsWith(percent.format((month.all.score as number) / 100)),
          monthly[index],
        );
      });
    } finally {
      await page.close();
    }
  });
});
