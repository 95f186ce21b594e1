/**
 * The web app's interface languages and themes in a real browser (the system's Chromium driven by
 * Playwright) against a real server: every interface text of the main pages changes with the
 * language, the choice survives a reload, and the theme toggle switches and keeps the theme.
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
import { AssignmentsService } from '../../src/modules/assignments/assignments.service.js';
import { scoreStored } from '../../src/modules/autoqa/autoqa.service.js';
import { ComplaintsService } from '../../src/modules/complaints/complaints.service.js';
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

// Names that are the same in every language: the product, its AutoQA engine, survey and message
// acronyms, and a key combination.
const SAME_IN_EVERY_LANGUAGE = new Set(['AutoQA', 'CSAT', 'NPS', 'CES', 'SMS', 'Ctrl + Enter', '?']);

/**
 * The interface text a person sees on the page: visible text outside the customer's data (marked
 * translate="no"), the options of drop-downs, placeholders, labels for assistive technology,
 * tooltips and the tab title. Strings without a letter (numbers, dates, arrows) are left out.
 */
async function interfaceTexts(page: Page): Promise<string[]> {
  // The test project has no DOM types: the page's objects are reached through globalThis. The
  // function runs in the page as its source, so it declares no named functions (tsx would wrap
  // them in a helper the page lacks).
  const texts = await page.evaluate(() => {
    const doc = (globalThis as any).document;
    const found: string[] = [];
    const SHOW_TEXT = 4;
    const DATA = '[translate="no"]';
    // The tab title is interface text unless it is the page's data (a subject, a reference).
    const title = String(doc.title).replace(/ · Kvalita$/, '');
    const data = new Set([...doc.querySelectorAll(DATA)].map((element: any) => element.textContent));
    if (!data.has(title)) found.push(title);
    const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(DATA)) continue;
      if (parent.closest('option')) continue;
      if (!parent.checkVisibility() && !parent.closest('.visually-hidden, .sr-only')) continue;
      found.push(node.textContent ?? '');
    }
    for (const option of doc.querySelectorAll('option')) {
      if (!option.closest(DATA) && !option.closest('[data-testid="language-picker"]'))
        found.push(option.text);
    }
    for (const element of doc.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (element.closest(DATA)) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name);
        if (value) found.push(value);
      }
    }
    return found;
  });
  return [
    ...new Set(
      texts
        .map((text) => text.replace(/\s+/g, ' ').trim())
        .filter((text) => /\p{L}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text)),
    ),
  ].sort();
}

/** Waits until no request is in flight, so a page's texts are those of its loaded state. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(100);
}

describe('web app languages and themes in Chromium', { skip }, () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** The main pages: a name, the address, and what shows that the page has loaded. */
  let pages: Array<{ name: string; url: string; ready: (page: Page) => Promise<void> }> = [];
  /** The interface texts of each page in English, recorded by the first test. */
  const english = new Map<string, string[]>();
  const cspViolations: string[] = [];

  before(async () => {
    const sqlite = DATABASE_KINDS.find((kind) => kind.name === 'sqlite');
    if (!sqlite) throw new Error('no SQLite kind');
    test = await sqlite.create();
    app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const users = new UsersService(test.database.kysely);
    const { user: manager } = await users.createUser({
      email: 'qa@example.com',
      role: 'manager',
      password: PASSWORD,
      name: 'Quinn QA',
    });
    await users.createUser({
      email: 'agent@example.com',
      role: 'agent',
      password: PASSWORD,
      agentExternalId: 'a-1',
      name: 'Ana Agent',
    });
    const items = Array.from({ length: 12 }, (_, n) => conversation(n));
    // One conversation with everything the conversation page can show.
    items.push(
      conversation(100, {
        channel: 'phone',
        status: 'closed',
        priority: 'high',
        complaint: true,
        abandoned: false,
        wait_s: 95,
        handle_s: 610,
        transfers: 1,
        reopened: 2,
        outcome: 'refund',
        custom: { order_value: 129.9 },
        feedback: [{ type: 'nps', score: 2, scale: 10, comment: 'Too slow' }],
        messages: [
          { role: 'customer', text: 'My parcel is late and I am unhappy.', at: '2026-03-10T09:00:00Z' },
          {
            role: 'agent',
            author: 'a-1',
            text: 'Good morning, I am sorry. It ships today.',
            at: '2026-03-10T09:01:00Z',
            start_s: 3,
            end_s: 9,
          },
          { role: 'agent', text: 'Refund approved', internal: true, at: '2026-03-10T09:02:00Z' },
        ],
      }),
    );
    await ingestItems(
      test.database,
      items.map((raw) => ({ raw })),
      'test',
    );
    await scoreStored(test.database, { threads: 1 });

    const managerPrincipal = (await users.authenticate('qa@example.com', PASSWORD)) as Principal;
    const ids = new Map(
      (await test.database.kysely.selectFrom('conversations').select(['id', 'external_id']).execute()).map(
        (row) => [row.external_id, row.id],
      ),
    );
    const rich = ids.get('t-100') as number;

    // A queue for the manager: a sampling rule run for the week of the conversations.
    const assignments = new AssignmentsService(test.database);
    const rule = await assignments.createRule({ name: 'Weekly', per_agent: 2, reviewer_ids: [manager.id] });
    for (const week of ['2026-W10', '2026-W11', '2026-W12']) await assignments.runRule(rule.id, week);

    // A review of the agent's work, acknowledged and disputed by the agent.
    const reviews = new ReviewsService(test.database);
    const reviewed = ids.get('t-1') as number;
    const draft = await reviews.draft(managerPrincipal, reviewed);
    const review = await reviews.create(managerPrincipal, {
      conversation_id: reviewed,
      ratings: draft.applicable.map((key) => ({ key, rating: 1 })),
      comment: 'Greeting missing',
      submit: true,
    });
    const agentPrincipal = (await users.authenticate('agent@example.com', PASSWORD)) as Principal;
    await reviews.dispute(agentPrincipal, review.id, { reason: 'I did greet the customer' });

    // A complaint worked on, with its history and a note of what the customer was told.
    const complaints = new ComplaintsService(test.database);
    const complaint = await complaints.create(null, {
      description: 'The courier left my parcel in the rain',
      severity: 'high',
      category: 'delivery',
      received_at: '2026-01-05T09:00:00Z',
    });
    await complaints.transition(managerPrincipal, complaint.id, { to: 'acknowledged', revision: 1 });
    await complaints.transition(managerPrincipal, complaint.id, { to: 'investigating', revision: 2 });
    await complaints.addCommunication(managerPrincipal, complaint.id, {
      direction: 'to_customer',
      channel: 'email',
      summary: 'Apologised and promised a call',
    });
    await complaints.create(null, { description: 'Rude answer on the phone', severity: 'low' });

    const shows = (testId: string) => async (p: Page) => {
      await p.getByTestId(testId).first().waitFor();
    };
    pages = [
      { name: 'conversation list', url: '/conversations', ready: shows('conversation-row') },
      {
        name: 'conversation',
        url: `/conversations/${rich}`,
        ready: async (p) => {
          await p.getByTestId('autoqa').getByTestId('check').first().waitFor();
          await p.getByTestId('feedback').waitFor();
        },
      },
      { name: 'review queue', url: '/review', ready: shows('assignment-row') },
      {
        name: 'review workspace',
        url: `/conversations/${rich}/review`,
        ready: async (p) => {
          await p.locator('[data-testid="review-category"][data-current="true"]').waitFor();
          await settle(p);
          // The keyboard-shortcut help is part of the workspace's interface.
          await p.keyboard.press('?');
          await p.getByTestId('shortcut-help').waitFor();
        },
      },
      { name: 'my reviews', url: '/my-reviews', ready: shows('review-row') },
      { name: 'review', url: `/reviews/${review.id}`, ready: shows('dispute-status') },
      { name: 'disputes', url: '/disputes', ready: shows('dispute-row') },
      { name: 'complaints board', url: '/complaints', ready: shows('complaint-card') },
      {
        name: 'complaint',
        url: `/complaints/${complaint.id}`,
        ready: async (p) => {
          await p.getByTestId('complaint-history').locator('li').first().waitFor();
          // The resolution form belongs to the page too; opening it changes nothing yet.
          await p.getByTestId('transition-resolved').click();
          await p.getByTestId('resolution-type').waitFor();
        },
      },
      { name: 'unknown address', url: '/no-such-page', ready: shows('not-found') },
    ];

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
    context = await browser.newContext({ locale: 'en-GB', colorScheme: 'light' });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await test?.drop();
  });

  /** Opens every main page and returns its interface texts, by page name. */
  async function visitAll(): Promise<Map<string, string[]>> {
    const seen = new Map<string, string[]>();
    for (const entry of pages) {
      await page.goto(`${base}${entry.url}`);
      await entry.ready(page);
      await settle(page);
      seen.set(entry.name, await interfaceTexts(page));
    }
    return seen;
  }

  /**
   * Every English interface text of every page that is still there in another language, but for
   * `loanwords`: words that language writes the same way (Hungarian says "e-mail" and "coaching").
   */
  function untranslated(translated: Map<string, string[]>, loanwords: readonly string[] = []): string[] {
    const left: string[] = [];
    for (const [name, texts] of english) {
      const now = new Set(translated.get(name));
      for (const text of texts)
        if (now.has(text) && !loanwords.includes(text)) left.push(`${name}: "${text}"`);
    }
    return left;
  }

  async function pickLanguage(language: string): Promise<void> {
    await page.getByTestId('language-picker').selectOption(language);
    await page.locator(`html[lang="${language}"]`).waitFor();
  }

  it('starts in the browser language when nothing was chosen, and signs in from a chosen one', async () => {
    const russianBrowser = await browser.newContext({ locale: 'ru-RU' });
    try {
      const first = await russianBrowser.newPage();
      await first.goto(`${base}/login`);
      await first.getByTestId('login-form').waitFor();
      assert.equal(await first.locator('html').getAttribute('lang'), 'ru');
      assert.equal(await first.getByTestId('login-submit').textContent(), 'Войти');
    } finally {
      await russianBrowser.close();
    }

    await page.goto(`${base}/login`);
    await page.getByTestId('login-form').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const login = await interfaceTexts(page);
    await pickLanguage('hu');
    const hungarianLogin = await interfaceTexts(page);
    assert.deepEqual(
      login.filter((text) => hungarianLogin.includes(text)),
      [],
      'English left on the sign-in page',
    );
    await page.getByTestId('login-email').fill('qa@example.com');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('conversation-table').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'hu');
    assert.equal(await page.getByTestId('nav-conversations').textContent(), 'Beszélgetések');
    await pickLanguage('en');
    assert.equal(await page.getByTestId('nav-conversations').textContent(), 'Conversations');
  });

  it('records the English interface of every main page', async () => {
    for (const [name, texts] of await visitAll()) english.set(name, texts);
    for (const [name, texts] of english) assert.ok(texts.length >= 8, `${name}: ${texts.join(' | ')}`);
    // The recording reaches the parts that are easy to miss.
    const all = [...english.values()].flat();
    for (const text of ['Keyboard shortcuts', 'Internal note', 'Greeting', 'Root cause', 'Sign out']) {
      assert.ok(all.includes(text), `"${text}" not recorded`);
    }
  });

  it('shows every page in Russian after switching in the user menu, and keeps it after a reload', async () => {
    await page.goto(`${base}/conversations`);
    await page.getByTestId('conversation-row').first().waitFor();
    await pickLanguage('ru');
    await page.reload();
    await page.getByTestId('conversation-row').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    assert.equal(await page.getByTestId('language-picker').inputValue(), 'ru');

    const russian = await visitAll();
    assert.deepEqual(untranslated(russian), []);
    // Whatever is interface text in Russian is written in Cyrillic.
    const latin = [...russian]
      .flatMap(([name, texts]) => texts.map((text) => `${name}: ${text}`))
      .filter((line) => !/\p{Script=Cyrillic}/u.test(line.slice(line.indexOf(': ') + 2)));
    assert.deepEqual(latin, []);
  });

  it('shows every page in Hungarian with no English interface text left', async () => {
    await pickLanguage('hu');
    assert.deepEqual(untranslated(await visitAll(), ['E-mail', 'Coaching']), []);
  });

  it('formats dates and numbers in the interface language', async () => {
    await page.goto(`${base}${pages[1]?.url}`);
    await page.getByTestId('conversation').waitFor();
    await pickLanguage('ru');
    const created = await page.locator('.facts time').first().textContent();
    // Russian dates name the month in Russian ("10 мар. 2026 г.").
    assert.match(created ?? '', /\p{Script=Cyrillic}/u, `date shown as "${created}"`);
    assert.match((await page.getByTestId('conversation').textContent()) ?? '', /10 мин/);
    await pickLanguage('en');
    assert.match((await page.locator('.facts time').first().textContent()) ?? '', /Mar/);
  });

  it('switches the theme from the user menu and keeps it after a reload', async () => {
    const html = page.locator('html');
    const toggle = page.getByTestId('theme-toggle');
    await page.goto(`${base}/conversations`);
    await toggle.waitFor();
    // Nothing chosen yet: the system's light scheme, no attribute.
    assert.equal(await html.getAttribute('data-theme'), null);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    const background = () =>
      page.evaluate(() => {
        const g = globalThis as any;
        return String(g.getComputedStyle(g.document.body).backgroundColor);
      });
    const light = await background();
    await toggle.click();
    assert.equal(await html.getAttribute('data-theme'), 'dark');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.notEqual(await background(), light);
    await page.reload();
    await toggle.waitFor();
    assert.equal(await html.getAttribute('data-theme'), 'dark');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await toggle.click();
    assert.equal(await html.getAttribute('data-theme'), 'light');
    await page.reload();
    await toggle.waitFor();
    assert.equal(await html.getAttribute('data-theme'), 'light');
    assert.equal(await background(), light);
    assert.deepEqual(cspViolations, []);
  });

  it('follows a dark system scheme until the user chooses', async () => {
    const dark = await browser.newContext({ locale: 'en-GB', colorScheme: 'dark' });
    try {
      const other = await dark.newPage();
      await other.goto(`${base}/login`);
      await other.getByTestId('login-form').waitFor();
      const color = await other.evaluate(() => {
        const g = globalThis as any;
        return String(g.getComputedStyle(g.document.body).backgroundColor);
      });
      assert.equal(color, 'rgb(16, 19, 24)');
    } finally {
      await dark.close();
    }
  });
});
