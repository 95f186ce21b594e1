/**
 * `npm run bench:list`: how fast the conversation list answers a filter change on a million
 * conversations, through the real HTTP API (what the web app waits for).
 *
 * Uses the database `npm run bench:kpi` leaves in `.bench/db-kpi` when it holds at least
 * --conversations rows; otherwise imports the shared data set (bench/dataset.ts) into
 * `.bench/db-list` first. Then starts the server on it and asks for the first page (50 rows)
 * under each filter a user changes, 20 runs each after a warm-up: p50 and p95 per filter.
 * Baseline in the same run: the unfiltered first page, the cheapest answer the list can give.
 * Target: every filter's p50 under 300 ms.
 *
 * Options: --conversations N (or BENCH_CONVERSATIONS, default 1,000,000), --runs N.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { createServices } from '../src/http/services.js';
import { importFiles } from '../src/modules/ingest/ingest.service.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { kpiDataset } from './dataset.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const workDir = path.join(path.resolve(here, '..'), '.bench');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const count = Number(flag('--conversations') ?? process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const runs = Number(flag('--runs') ?? 20);
const TARGET_MS = 300;
const say = (line: string) => process.stdout.write(`${line}\n`);
fs.mkdirSync(workDir, { recursive: true });

async function conversationsIn(database: Database): Promise<number> {
  const row = await database.kysely
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// The database: the analytics benchmark's when it is big enough, else a fresh import.
let database: Database | undefined;
if (fs.existsSync(path.join(workDir, 'db-kpi/kvalita.sqlite'))) {
  database = await openDatabase({ dataDir: path.join(workDir, 'db-kpi') });
  if ((await conversationsIn(database)) < count) {
    await database.close();
    database = undefined;
  }
}
if (!database) {
  const dataDir = path.join(workDir, 'db-list');
  const existing = fs.existsSync(path.join(dataDir, 'kvalita.sqlite'));
  database = await openDatabase({ dataDir });
  if (!existing || (await conversationsIn(database)) < count) {
    const file = await kpiDataset(workDir, count, say);
    const started = performance.now();
    const summary = await importFiles(database, [file]);
    say(
      `imported ${summary.imported} conversations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
const stored = await conversationsIn(database);

const services = createServices(loadConfig({ dataDir: workDir }, {}), database);
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
const users = new UsersService(database.kysely);
const email = 'bench-list@example.com';
const admin =
  (await users.listUsers()).find((user) => user.email === email) ??
  (await users.createUser({ email, role: 'admin' })).user;
const token = (await users.createApiToken(admin.id, 'list benchmark')).token;

async function page(query: string): Promise<{ items: unknown[]; next_cursor: string | null }> {
  const response = await fetch(`${base}/conversations?limit=50&${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`${query}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { items: unknown[]; next_cursor: string | null };
}

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function measure(query: string) {
  const first = await page(query);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await page(query);
    times.push(performance.now() - started);
  }
  return {
    rows: first.items.length,
    cursor: first.next_cursor,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

// Values that exist in the data: the busiest month, one team, one agent.
const span = await database.kysely
  .selectFrom('conversations')
  .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
  .executeTakeFirstOrThrow();
const middle = new Date((Number(span.first) + Number(span.last)) / 2);
const month = {
  from: new Date(Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth(), 1)).toISOString(),
  to: new Date(Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth() + 1, 1)).toISOString(),
};
const inMonth = `from=${encodeURIComponent(month.from)}&to=${encodeURIComponent(month.to)}`;
const SCENARIOS: Array<[string, string]> = [
  ['channel', 'channel=email'],
  ['status', 'status=open'],
  ['team', 'team=Team%207'],
  ['agent', 'agent=b-123'],
  ['language', 'language=hu'],
  ['tag (2.9 % of conversations)', 'tag=escalated'],
  ['tag (1.3 %)', 'tag=outage'],
  ['tag (27 %)', 'tag=order'],
  ['has feedback', 'has_feedback=true'],
  ['complaint', 'complaint=true'],
  ['one month', inMonth],
  ['oldest first', 'sort=created_at'],
  ['weekday × hour (heatmap cell)', 'weekday=1&hour=9'],
  ['text search, a common word', 'q=refund'],
  ['text search, a rarer word', 'q=courier'],
  ['text search, two words', 'q=damaged%20parcel'],
  ['text search, no match', 'q=zzyzxq'],
  ['team + channel + complaint', 'team=Team%207&channel=chat&complaint=true'],
  ['language + feedback + month', `language=bg&has_feedback=true&${inMonth}`],
  ['agent + month + weekend', `agent=b-123&${inMonth}&weekday=6,7`],
  ['tag + channel', 'tag=escalated&channel=phone'],
];

say(`conversation list on ${stored} conversations, ${runs} runs per filter, first page of 50, over HTTP`);
const baseline = await measure('');
say(`baseline (no filter): p50 ${baseline.p50.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms`);
say('filter                           rows   p50 ms   p95 ms   p50 ÷ baseline   next page p50');
let slowest = 0;
for (const [name, query] of SCENARIOS) {
  const result = await measure(query);
  const next = result.cursor ? await measure(`${query}&cursor=${result.cursor}`) : null;
  slowest = Math.max(slowest, result.p50, next?.p50 ?? 0);
  say(
    `${name.padEnd(32)} ${String(result.rows).padStart(4)} ${result.p50.toFixed(1).padStart(8)} ${result.p95.toFixed(1).padStart(8)} ${(result.p50 / baseline.p50).toFixed(1).padStart(14)}× ${next ? `${next.p50.toFixed(1)} ms`.padStart(14) : '             —'}`,
  );
}
say(
  `slowest p50: ${slowest.toFixed(1)} ms — target < ${TARGET_MS} ms: ${slowest < TARGET_MS ? 'met' : 'NOT met'}`,
);
await app.close();
await database.close();
