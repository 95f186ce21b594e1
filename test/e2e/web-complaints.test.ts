/**
 * The complaints area in a real browser (the system's Chromium driven by Playwright) against a
 * real server on a temporary database of each kind: the register list ordered, filtered and paged
 * by the server with overdue entries first, and its CSV export; the topics' Pareto chart and its
 * links to the list; corrective actions with owners from the staff directory; candidate decisions.
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
import { type AppServices, createServices } from '../../src/http/services.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const CHROMIUM = process.env.KVALITA_CHROMIUM ?? '/usr/bin/chromium';
const notRunnable = !fs.existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM}`
  : !fs.existsSync(path.join(WEB_ROOT, 'index.html'))
    ? 'the web app is not built'
    : undefined;
const PASSWORD = 'browser tests only';
const DAY_MS = 86_400_000;

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

/** The fields of one CSV line, quotes undone (enough for the export's own output). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** A local `YYYY-MM-DD`, as a date input takes it. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

for (const kind of DATABASE_KINDS) {
  describe(`complaints area in Chromium on ${kind.name}`, { skip: notRunnable ?? kind.skip }, () => {
    let test: TestDatabase;
    let services: AppServices;
    let app: FastifyInstance;
    let base: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let token = '';
    let managerId = 0;
    let leadId = 0;
    const references: Record<string, string> = {};

    const api = async (method: string, route: string, body?: unknown) => {
      const response = await fetch(`${base}/api/v1${route}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };

    const record = async (key: string, fields: Record<string, unknown>) => {
      const created = await api('POST', '/complaints', fields);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      references[key] = created.body.reference;
      return created.body as { id: number; reference: string };
    };

    before(async () => {
      test = await kind.create();
      services = createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database);
      app = await buildApp(services);
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const users = new UsersService(test.database.kysely);
      const manager = await users.createUser({
        email: 'manager@example.com',
        role: 'manager',
        password: PASSWORD,
        name: 'Mara Manager',
      });
      token = (await users.createApiToken(manager.user.id, 'tests')).token;
      managerId = manager.user.id;
      leadId = (await users.createUser({ email: 'lena@example.com', role: 'lead', name: 'Lena Lead' })).user
        .id;
      const gone = await users.createUser({ email: 'gone@example.com', role: 'lead', name: 'Gone Lead' });
      await users.updateUser(gone.user.id, { disabled: true });
      // Calendar hours, so whether an entry is late does not depend on the weekday the test runs.
      assert.equal((await api('PATCH', '/complaints/settings', { hoursMode: 'calendar' })).status, 200);

      const now = Date.now();
      const ago = (days: number) => new Date(now - days * DAY_MS).toISOString();
      await record('late', {
        description: 'The mobile application crashes at the login screen',
        received_at: ago(10),
        severity: 'high',
        category: 'technical issue',
        channel: 'email',
        contact_name: 'Doe, "Jane"',
        owner_user_id: manager.user.id,
      });
      // The others are recent and acknowledged, so none of them is late whatever severity triage gives.
      const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
      await record('crash2', {
        description: 'Application crashes every time I open the login screen',
        received_at: hoursAgo(3),
        severity: 'low',
        category: 'technical issue',
        contact_name: '=HYPERLINK("http://example.com")',
      });
      await record('crash3', {
        description: 'Login screen crash in the mobile application again',
        received_at: hoursAgo(2),
        severity: 'medium',
        category: 'technical issue',
      });
      await record('invoice1', {
        description: 'Invoice total is wrong, invoice charged twice',
        severity: 'medium',
        category: 'billing',
      });
      await record('invoice2', {
        description: 'The invoice charged my card twice, wrong invoice total',
        severity: 'low',
        category: 'billing',
      });
      const parcel = await record('parcel', {
        description: 'Parcel delivery is two weeks late',
        severity: 'low',
        category: 'delivery',
      });
      for (const key of ['crash2', 'crash3', 'invoice1', 'invoice2']) {
        const found = (await api('GET', '/complaints?limit=100')).body.find(
          (row: { reference: string }) => row.reference === references[key],
        );
        const moved = await api('POST', `/complaints/${found.id}/transitions`, { to: 'acknowledged' });
        assert.equal(moved.status, 200, JSON.stringify(moved.body));
      }
      const acknowledged = await api('POST', `/complaints/${parcel.id}/transitions`, { to: 'acknowledged' });
      assert.equal(acknowledged.status, 200);
      const overdue = (await api('GET', '/complaints?overdue=true')).body as Array<{ reference: string }>;
      assert.deepEqual(
        overdue.map((row) => row.reference),
        [references.late],
        'exactly one entry is late',
      );

      // Conversations for the complaint rate, two of them detected by AutoQA as complaints.
      const at = (days: number, minutes: number) =>
        new Date(now - days * DAY_MS + minutes * 60_000).toISOString();
      const imported = await ingestItems(
        test.database,
        [1, 2, 3, 4].map((n) => ({
          raw: conversation(n, {
            created_at: at(3 + n, 0),
            resolved_at: at(3 + n, 30),
            messages: [
              {
                role: 'customer',
                author: `c-${n}`,
                at: at(3 + n, 1),
                text: `My parcel ${n} arrived broken.`,
              },
              {
                role: 'agent',
                author: `a-${n % 3}`,
                at: at(3 + n, 2),
                text: 'Sorry, a new one ships today.',
              },
            ],
          }),
        })),
        'test',
      );
      assert.equal(imported.summary.imported, 4, JSON.stringify(imported.results));
      const detected = await test.database.kysely
        .selectFrom('conversations')
        .select('id')
        .where('external_id', 'in', ['t-1', 't-2'])
        .execute();
      for (const row of detected) {
        await test.database.kysely
          .insertInto('conversation_analysis')
          .values({
            conversation_id: row.id,
            content_hash: 'x',
            settings_hash: 'x',
            language: 'en',
            language_confidence: 1,
            sentiment: 'negative',
            sentiment_score: -0.8,
            sentiment_start: 'negative',
            sentiment_end: 'negative',
            complaint: 1,
            complaint_confidence: 0.9,
            result: JSON.stringify({
              complaint: { detected: true, confidence: 0.9, topics: ['parcel', 'broken'] },
            }),
            analysed_at: Date.now(),
          })
          .execute();
      }
      const intake = await services.complaints.intakeFromConversations();
      assert.equal(intake.candidates, 2);

      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      context = await browser.newContext({ acceptDownloads: true });
      page = await context.newPage();
      await page.goto(`${base}/complaints`);
      await page.getByTestId('login-email').fill('manager@example.com');
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('complaints-page').waitFor();
    });
    after(async () => {
      await context?.close();
      await browser?.close();
      await app?.close();
      await test?.drop();
    });

    it('leads from the board to the list, overdue entries first and marked in words', async () => {
      await page.getByTestId('complaint-tab-list').click();
      await page.waitForURL(/\/complaints\/list$/);
      const rows = page.getByTestId('register-row');
      await waitUntil(
        () => rows.count(),
        (n) => n === 6,
        'the register rows',
      );
      assert.equal(await page.getByTestId('complaint-tab-list').getAttribute('aria-current'), 'page');
      const first = rows.first();
      assert.equal(await first.getAttribute('data-reference'), references.late);
      assert.equal(await first.getAttribute('data-overdue'), 'true');
      assert.match((await first.getByTestId('register-overdue').textContent()) ?? '', /overdue/i);
      const overdueBackground = await first
        .locator('td')
        .first()
        .evaluate((cell) => (globalThis as any).getComputedStyle(cell).backgroundColor as string);
      const plainBackground = await rows
        .nth(1)
        .locator('td')
        .first()
        .evaluate((cell) => (globalThis as any).getComputedStyle(cell).backgroundColor as string);
      assert.notEqual(overdueBackground, plainBackground, 'the overdue row is coloured too');
      assert.deepEqual(
        await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-overdue'))),
        ['true', 'false', 'false', 'false', 'false', 'false'],
      );
      // The others by their nearest deadline.
      const dues = await page
        .locator('[data-testid="register-row"] .register-due time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
      assert.equal(dues.length, 6);
      assert.deepEqual(dues.slice(1), [...dues.slice(1)].sort());
      // Customer text is text, never markup.
      assert.equal(await page.locator('.register-table a[href*="HYPERLINK"]').count(), 0);
    });

    it('keeps the filters in the address, so a reload shows the same view', async () => {
      await page.getByTestId('register-filter-category').selectOption('billing');
      await page.waitForURL(/category=billing/);
      const rows = page.getByTestId('register-row');
      await waitUntil(
        () => rows.count(),
        (n) => n === 2,
        'billing rows',
      );
      await page.getByTestId('register-filter-overdue').check();
      await page.waitForURL(/overdue=1/);
      await page.getByTestId('register-empty').waitFor();
      await page.reload();
      await page.getByTestId('register-empty').waitFor();
      assert.equal(await page.getByTestId('register-filter-category').inputValue(), 'billing');
      assert.equal(await page.getByTestId('register-filter-overdue').isChecked(), true);
      await page.getByTestId('register-clear').click();
      await page.waitForURL(/\/complaints\/list$/);
      await waitUntil(
        () => rows.count(),
        (n) => n === 6,
        'every row again',
      );

      // Owners come from the staff directory: enabled users only.
      const owners = await page.getByTestId('register-filter-owner').locator('option').allTextContents();
      assert.ok(owners.includes('Mara Manager') && owners.includes('Lena Lead'), owners.join(', '));
      assert.ok(!owners.includes('Gone Lead'), 'no disabled user');
      await page.getByTestId('register-filter-owner').selectOption(String(managerId));
      await page.waitForURL(new RegExp(`owner=${managerId}`));
      await waitUntil(
        () => rows.count(),
        (n) => n === 1,
        "the manager's entry",
      );
      assert.equal(await rows.first().getAttribute('data-reference'), references.late);
      await page.getByTestId('register-filter-owner').selectOption('');

      // Newest first, as the server orders it.
      await page.getByTestId('register-sort').selectOption('-received');
      await page.waitForURL(/sort=-received/);
      const newest = (await api('GET', '/complaints?sort=-received')).body as Array<{ reference: string }>;
      await waitUntil(
        () => rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-reference'))),
        (shown) => JSON.stringify(shown) === JSON.stringify(newest.map((row) => row.reference)),
        'the newest first',
      );
      assert.equal(await rows.last().getAttribute('data-reference'), references.late);
      await page.getByTestId('register-sort').selectOption('due');
      await page.waitForURL(/\/complaints\/list$/);
      await waitUntil(
        () => rows.first().getAttribute('data-reference'),
        (reference) => reference === references.late,
        'the overdue entry first again',
      );
    });

    it('exports the listed rows to CSV, quoted, formulas defused', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('register-export').click(),
      ]);
      assert.match(download.suggestedFilename(), /^complaints-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
      const lines = text.trimEnd().split('\r\n');
      assert.equal(
        lines[0],
        'reference,kind,received_at,customer,channel,category,severity,status,due_at,overdue,owner',
      );
      assert.equal(lines.length, 7);
      const rows = lines.slice(1).map(csvFields);
      const shown = await page
        .getByTestId('register-row')
        .evaluateAll((elements) => elements.map((row) => row.getAttribute('data-reference')));
      assert.deepEqual(
        rows.map((row) => row[0]),
        shown,
        'the rows in the order shown',
      );
      const late = rows[0] as string[];
      assert.equal(late[3], 'Doe, "Jane"');
      assert.match(lines[1] ?? '', /,"Doe, ""Jane""",/);
      assert.equal(late[4], 'email');
      assert.equal(late[5], 'technical issue');
      assert.equal(late[9], 'true');
      assert.equal(late[10], 'Mara Manager');
      const crash2 = rows.find((row) => row[0] === references.crash2) as string[];
      assert.equal(crash2[3], `'=HYPERLINK("http://example.com")`);
    });

    it('groups topics on request and draws them as a Pareto chart beside a table', async () => {
      await page.getByTestId('complaint-tab-topics').click();
      await page.waitForURL(/\/complaints\/topics$/);
      await page.getByTestId('topics-refresh').click();
      await page.getByTestId('topics-refreshed').waitFor();
      const overview = (await api('GET', '/complaints/topics')).body as {
        total: number;
        topics: Array<{ topic: string; count: number; cumulative_share: number }>;
      };
      assert.equal(overview.total, 6);
      assert.ok(overview.topics.length >= 3, `${overview.topics.length} topics`);
      const rows = page.getByTestId('topic-row');
      await waitUntil(
        () => rows.count(),
        (n) => n === overview.topics.length,
        'a row per topic',
      );
      await page.locator('[data-testid="pareto-chart"] canvas').waitFor();
      const shown = await rows.evaluateAll((elements) =>
        elements.map((row) => ({
          topic: row.getAttribute('data-topic'),
          count: Number(row.getAttribute('data-count')),
          cumulative: Number(row.getAttribute('data-cumulative')),
        })),
      );
      const counts = shown.map((row) => row.count);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        'most frequent first',
      );
      assert.equal(counts[0], 3, 'the three crash complaints share a topic');
      let running = 0;
      for (const row of shown) {
        running += row.count;
        assert.ok(Math.abs(row.cumulative - (running / overview.total) * 100) < 1e-9, JSON.stringify(row));
      }
      assert.ok(Math.abs((shown.at(-1)?.cumulative ?? 0) - 100) < 1e-9);
      assert.deepEqual(
        shown.map((row) => row.topic),
        overview.topics.map((topic) => topic.topic),
      );
      assert.match((await rows.first().getByTestId('topic-cumulative').textContent()) ?? '', /50[.,]0\s?%/);

      // A topic leads to the list of the period narrowed to that topic: as many rows as it counts.
      const topic = shown[0]?.topic as string;
      await rows.first().getByTestId('topic-link').click();
      await page.waitForURL(/\/complaints\/list\?.*topic=/);
      await page.getByTestId('register-topic').waitFor();
      assert.match(page.url(), /kind=complaint/);
      const listed = page.getByTestId('register-row');
      await waitUntil(
        () => page.getByTestId('register-count').getAttribute('data-count'),
        (count) => count === '3',
        'the topic count',
      );
      assert.equal(await listed.count(), 3);
      const listedReferences = await listed.evaluateAll((elements) =>
        elements.map((row) => row.getAttribute('data-reference')),
      );
      const ofTopic = (await api('GET', `/complaints?topic=${encodeURIComponent(topic)}`)).body as Array<{
        reference: string;
        topic: string;
      }>;
      assert.deepEqual([...listedReferences].sort(), ofTopic.map((row) => row.reference).sort());
      assert.ok(ofTopic.every((row) => row.topic === topic));
      // Removing the topic lists the whole period again.
      await page.getByTestId('register-topic').getByRole('link').click();
      await waitUntil(
        () => listed.count(),
        (n) => n === 6,
        'every complaint of the period',
      );
    });

    it('opens a corrective action for a topic, marks it overdue, changes its status and shows its effect', async () => {
      await page.goto(`${base}/complaints/topics`);
      const crashTopic = (await page.getByTestId('topic-row').first().getAttribute('data-topic')) ?? '';
      await page.getByTestId('complaint-tab-actions').click();
      await page.waitForURL(/\/complaints\/actions$/);
      await page.getByTestId('action-new').click();
      await page.getByTestId('action-title').fill('Fix the login crash of the mobile app');
      await page.getByTestId('action-description').fill('Release 4.2 with the session fix');
      await page.locator(`[data-testid="action-topic"][value="${crashTopic}"]`).check();
      await page.getByTestId('action-complaints').fill(`${references.late}, ${references.crash2}`);
      await page.getByTestId('action-due').fill(localDay(new Date(Date.now() - 2 * DAY_MS)));
      const choices = await page.getByTestId('action-owner').locator('option').allTextContents();
      assert.ok(choices.includes('Lena Lead'), choices.join(', '));
      assert.ok(!choices.includes('Gone Lead'), 'no disabled user');
      await page.getByTestId('action-owner').selectOption(String(leadId));
      await page.getByTestId('action-create').click();
      await page.getByTestId('action-created').waitFor();
      const row = page.getByTestId('action-row').filter({ hasText: 'Fix the login crash' });
      await row.waitFor();
      assert.equal(await row.getAttribute('data-status'), 'open');
      assert.equal(await row.getAttribute('data-overdue'), 'true');
      assert.equal(await row.getByTestId('action-owner-name').textContent(), 'Lena Lead');
      assert.equal(await row.getByTestId('action-complaint-count').textContent(), '2');
      const listed = (await api('GET', '/corrective-actions')).body as Array<{
        id: number;
        topics: string[];
      }>;
      assert.equal(listed.length, 1);
      assert.deepEqual(listed[0]?.topics, [crashTopic]);
      const id = listed[0]?.id as number;

      await row.getByTestId('action-toggle').click();
      const detail = page.getByTestId('action-detail');
      await detail.getByTestId('action-effect').waitFor();
      const linked = await detail.getByTestId('action-complaints-list').locator('a').allTextContents();
      assert.deepEqual(linked.sort(), [references.late, references.crash2].sort());
      const effect = (await api('GET', `/corrective-actions/${id}`)).body.effect;
      assert.equal(await detail.getByTestId('effect-before').textContent(), String(effect.before.complaints));
      assert.equal(await detail.getByTestId('effect-after').textContent(), String(effect.after.complaints));
      assert.ok(await detail.getByTestId('effect-verdict').getAttribute('data-verdict'));

      await detail.getByTestId('action-status').selectOption('in_progress');
      await detail.getByTestId('action-save').click();
      await waitUntil(
        () => row.getAttribute('data-status'),
        (status) => status === 'in_progress',
        'the new status in the list',
      );
      assert.equal((await api('GET', `/corrective-actions/${id}`)).body.status, 'in_progress');

      await detail.getByTestId('action-status').selectOption('done');
      await detail.getByTestId('action-edit-outcome').fill('Release 4.2 shipped; no crash reports since');
      await detail.getByTestId('action-save').click();
      await waitUntil(
        () => row.getAttribute('data-status'),
        (status) => status === 'done',
        'done in the list',
      );
      assert.equal(await row.getAttribute('data-overdue'), 'false', 'a done action is not late');
      const done = (await api('GET', `/corrective-actions/${id}`)).body;
      assert.equal(done.status, 'done');
      assert.ok(done.completed_at, 'done records when');
      assert.equal(done.outcome, 'Release 4.2 shipped; no crash reports since');
      assert.equal(done.owner_user_id, leadId);
    });

    it('accepts one detected complaint into the register and dismisses another', async () => {
      await page.getByTestId('complaint-tab-candidates').click();
      await page.waitForURL(/\/complaints\/candidates$/);
      const rows = page.getByTestId('candidate-row');
      await waitUntil(
        () => rows.count(),
        (n) => n === 2,
        'two candidates',
      );
      const accepted = Number(await rows.first().getAttribute('data-conversation-id'));
      await rows.first().getByTestId('candidate-accept').click();
      await page.getByTestId('candidate-complaint-link').waitFor();
      await waitUntil(
        () => rows.count(),
        (n) => n === 1,
        'one left to decide',
      );
      const dismissed = Number(await rows.first().getAttribute('data-conversation-id'));
      await rows.first().getByTestId('candidate-dismiss').click();
      await page.getByTestId('candidates-empty').waitFor();

      const acceptedList = (await api('GET', '/complaint-candidates?status=accepted')).body as Array<{
        conversation_id: number;
        complaint_id: number | null;
      }>;
      assert.deepEqual(
        acceptedList.map((c) => c.conversation_id),
        [accepted],
      );
      const complaintId = acceptedList[0]?.complaint_id as number;
      assert.ok(complaintId);
      const complaint = await api('GET', `/complaints/${complaintId}`);
      assert.equal(complaint.status, 200);
      assert.deepEqual(
        complaint.body.conversations.map((c: { id: number }) => c.id),
        [accepted],
      );
      const dismissedList = (await api('GET', '/complaint-candidates?status=dismissed')).body as Array<{
        conversation_id: number;
      }>;
      assert.deepEqual(
        dismissedList.map((c) => c.conversation_id),
        [dismissed],
      );

      await page.getByTestId('candidates-status').selectOption('accepted');
      await page.waitForURL(/status=accepted/);
      await waitUntil(
        () => rows.count(),
        (n) => n === 1,
        'the accepted candidate',
      );
      await rows.first().getByTestId('candidate-open').click();
      await page.waitForURL(new RegExp(`/complaints/${complaintId}$`));
      await page.getByTestId('complaint').waitFor();
    });

    it('pages the register on the server, shows the total and exports every matching row', async () => {
      // Compliments received a month ago: no deadline, so they come after every open complaint.
      const monthAgo = Date.now() - 30 * DAY_MS;
      for (let n = 0; n < 52; n += 1) {
        const created = await api('POST', '/complaints', {
          kind: 'compliment',
          description: `Thank you, agent number ${n}`,
          received_at: new Date(monthAgo + n * 60_000).toISOString(),
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
      }
      const expected = (await api('GET', '/complaints?sort=due&limit=1000')).body as Array<{
        reference: string;
      }>;
      assert.equal(expected.length, 59, 'six complaints, the accepted candidate and 52 compliments');

      await page.goto(`${base}/complaints/list`);
      const rows = page.getByTestId('register-row');
      const count = page.getByTestId('register-count');
      await waitUntil(
        () => count.getAttribute('data-count'),
        (value) => value === '59',
        'the total',
      );
      assert.equal(await rows.count(), 50);
      assert.match((await count.textContent()) ?? '', /1\s*–\s*50\D+59/);
      assert.equal(await page.getByTestId('register-truncated').count(), 0, 'no notice of a cut-off list');
      const reference = (row: { reference: string }) => row.reference;
      const shown = () =>
        rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-reference')));
      assert.deepEqual(await shown(), expected.slice(0, 50).map(reference));

      await page.getByTestId('page-next').click();
      await page.waitForURL(/page=2/);
      await waitUntil(shown, (refs) => refs.length === 9, 'the second page');
      assert.deepEqual(await shown(), expected.slice(50).map(reference));
      assert.match((await count.textContent()) ?? '', /51\s*–\s*59\D+59/);

      // A page past the end (bookmarked before entries went) shows the last one.
      await page.goto(`${base}/complaints/list?page=7`);
      await page.waitForURL(/page=2$/);
      await waitUntil(shown, (refs) => refs.length === 9, 'the last page');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('register-export').click(),
      ]);
      const lines = fs
        .readFileSync(await download.path(), 'utf8')
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n');
      assert.deepEqual(
        lines.slice(1).map((line) => csvFields(line)[0]),
        expected.map(reference),
        'every matching row, in the order listed',
      );
    });
  });
}
