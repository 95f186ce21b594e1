/**
 * `npm run screenshots`: pictures of the main pages for the README, taken in the system's
 * Chromium against a real server on a temporary database filled with demo data.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { createServices } from '../src/http/services.js';
import { scoreStored } from '../src/modules/autoqa/autoqa.service.js';
import { ComplaintsService } from '../src/modules/complaints/complaints.service.js';
import { TopicsService } from '../src/modules/complaints/topics.service.js';
import { generateDemoConversations } from '../src/modules/demo/demo.generator.js';
import { ingestItems } from '../src/modules/ingest/ingest.service.js';
import { UsersService } from '../src/modules/users/users.service.js';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/screenshots');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvalita-screens-'));
const PASSWORD = 'screenshots only';

const database = await openDatabase({ dataDir });
const demo = [...generateDemoConversations({ seed: 1, count: 2000 })];
await ingestItems(
  database,
  demo.map((raw) => ({ raw })),
  'demo',
);
await scoreStored(database, { threads: 1 });
// Complaints detected in the demo conversations, so the register has cards.
await new ComplaintsService(database).intakeFromConversations(150);
// Topics grouped from the complaints' words, so the Pareto chart has bars.
await new TopicsService(database).refresh();
await new UsersService(database.kysely).createUser({
  email: 'manager@example.com',
  role: 'admin',
  password: PASSWORD,
  name: 'Mara Manager',
});
for (const [email, role, name] of [
  ['rita@example.com', 'reviewer', 'Rita Reviewer'],
  ['luka@example.com', 'lead', 'Luka Lead'],
  ['petra@example.com', 'viewer', 'Petra Viewer'],
] as const) {
  await new UsersService(database.kysely).createUser({ email, role, name });
}
const app = await buildApp(createServices(loadConfig({ dataDir }, {}), database));
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const browser = await chromium.launch({
  executablePath: process.env.KVALITA_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}/conversations`);
await page.getByTestId('login-email').fill('manager@example.com');
await page.getByTestId('login-password').fill(PASSWORD);
await page.getByTestId('login-submit').click();
await page.getByTestId('conversation-row').first().waitFor();
fs.mkdirSync(out, { recursive: true });

async function shoot(name: string, url: string, ready: () => Promise<unknown>) {
  await page.goto(`${base}${url}`);
  await ready();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

await shoot('conversations', '/conversations', () => page.getByTestId('conversation-row').first().waitFor());
const first = await page
  .getByTestId('conversation-row')
  .first()
  .getByRole('link')
  .first()
  .getAttribute('href');
const conversationPath = first ?? '/conversations/1';
await shoot('conversation', conversationPath, () => page.getByTestId('message').first().waitFor());
await shoot('review', `${conversationPath}/review`, () => page.getByTestId('review-score').waitFor());
await shoot('dashboard', '/dashboard', async () => {
  await page.getByTestId('dashboard-period').selectOption('52w');
  await page.getByTestId('trend-chart').waitFor();
  await page.getByTestId('breakdown-row').first().waitFor();
});
await shoot('complaints', '/complaints', () => page.locator('.complaint-card').first().waitFor());
await shoot('complaint-topics', '/complaints/topics', async () => {
  await page.getByTestId('topics-period').selectOption({ index: 2 });
  await page.getByTestId('topic-row').first().waitFor();
  await page.getByTestId('pareto-chart').locator('canvas').first().waitFor();
});
await shoot('admin-users', '/admin/users', () => page.getByTestId('user-row').first().waitFor());

await browser.close();
await app.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
