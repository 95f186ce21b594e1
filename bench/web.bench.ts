/**
 * `npm run bench:web`: the first page of the production build in the system's Chromium against
 * a real server on a temporary database with demo data.
 *
 * Measures, over 10 cold loads each (a new browser context, so nothing is cached):
 *  - the sign-in page: from navigation to the form on screen;
 *  - the conversation list of a signed-in manager: from navigation to the first row on screen;
 *  - the JavaScript the first page downloads, gzip-compressed as a server would send it.
 * Baseline in the same run: the same server answering `index.html` alone to a plain HTTP request.
 * Targets: the first page on screen in under 1 s; its JavaScript ≤ 250 KB gzipped.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp, WEB_ROOT } from '../src/http/app.js';
import { createServices } from '../src/http/services.js';
import { generateDemoConversations } from '../src/modules/demo/demo.generator.js';
import { ingestItems } from '../src/modules/ingest/ingest.service.js';
import { UsersService } from '../src/modules/users/users.service.js';

const RUNS = 10;
const PASSWORD = 'benchmark only';
const say = (line: string) => process.stdout.write(`${line}\n`);
if (!fs.existsSync(path.join(WEB_ROOT, 'index.html')))
  throw new Error('build the web app first: npm run build:web');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvalita-web-bench-'));
const database = await openDatabase({ dataDir });
await ingestItems(
  database,
  [...generateDemoConversations({ seed: 1, count: 2000 })].map((raw) => ({ raw })),
  'demo',
);
await new UsersService(database.kysely).createUser({
  email: 'manager@example.com',
  role: 'manager',
  password: PASSWORD,
});
const app = await buildApp(createServices(loadConfig({ dataDir }, {}), database));
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: process.env.KVALITA_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

// JavaScript a page loads, by URL, gzip-compressed.
function collectScripts(page: Page): Map<string, number> {
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    void response.body().then((body) => scripts.set(response.url(), gzipSync(body, { level: 9 }).length));
  });
  return scripts;
}

async function coldLoad(url: string, ready: (page: Page) => Promise<unknown>, signIn: boolean) {
  const context = await browser.newContext();
  try {
    if (signIn) {
      const login = await context.request.post(`${base}/api/v1/auth/login`, {
        data: { email: 'manager@example.com', password: PASSWORD },
      });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    }
    const page = await context.newPage();
    const scripts = collectScripts(page);
    const started = performance.now();
    await page.goto(`${base}${url}`);
    await ready(page);
    const elapsed = performance.now() - started;
    await page.waitForLoadState('networkidle');
    return { elapsed, scripts };
  } finally {
    await context.close();
  }
}

const baseline: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  await (await fetch(`${base}/`)).text();
  baseline.push(performance.now() - started);
}
say(`baseline: index.html over HTTP, median ${median(baseline).toFixed(1)} ms`);

const pages: Array<[string, string, (page: Page) => Promise<unknown>, boolean]> = [
  ['sign-in page', '/login', (page) => page.getByTestId('login-submit').waitFor(), false],
  [
    'conversation list',
    '/conversations',
    (page) => page.getByTestId('conversation-row').first().waitFor(),
    true,
  ],
];
let worst = 0;
let heaviest = 0;
for (const [name, url, ready, signIn] of pages) {
  const times: number[] = [];
  let scripts = new Map<string, number>();
  for (let i = 0; i < RUNS; i++) {
    const load = await coldLoad(url, ready, signIn);
    times.push(load.elapsed);
    scripts = load.scripts;
  }
  const bytes = [...scripts.values()].reduce((sum, n) => sum + n, 0);
  worst = Math.max(worst, median(times));
  heaviest = Math.max(heaviest, bytes);
  say(
    `${name}: on screen in ${median(times).toFixed(0)} ms (median of ${RUNS} cold loads, ${(median(times) / median(baseline)).toFixed(0)}× the baseline); JavaScript ${(bytes / 1024).toFixed(1)} KB gzipped in ${scripts.size} files`,
  );
}
say(
  `targets: on screen < 1000 ms: ${worst < 1000 ? 'met' : 'NOT met'}; JavaScript ≤ 250 KB: ${heaviest <= 250 * 1024 ? 'met' : 'NOT met'}`,
);
await browser.close();
await app.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
