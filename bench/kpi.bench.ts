/**
 * `npm run bench:kpi`: a dashboard question on a year of a large contact centre, answered from
 * rollups, against DuckDB scanning the same figures in full, in one run.
 *
 * 1. Writes N demo conversations (default 1,000,000, a year) spread over 500 agents in 25 teams
 *    (each demo agent's conversations shared by 17 agents, so each keeps one language).
 * 2. Imports them into SQLite twice: once with the rollup triggers dropped (the cost of the
 *    import alone), once as the product does it, then refreshes the rollups; both times printed.
 *    Every conversation also gets an automatic review score, so quality metrics have data.
 * 3. Query: 10 metrics by agent by ISO week for the whole period, 20 runs after a warm-up:
 *    p50 and p95.
 * 4. Baseline: the per-conversation facts exported to DuckDB (`@duckdb/node-api`, in memory),
 *    the same figures computed by a full scan with SQL, 20 runs: p50 and p95.
 * 5. Checks both give the same numbers: exact metrics equal to 0.001, frt_median within the
 *    sketch's stated 1 % relative error.
 * Targets: rollup p50 ≤ 100 ms and faster than DuckDB's p50.
 *
 * Options: --conversations N (or BENCH_CONVERSATIONS), --runs N, --reuse (query the database a
 * previous run left in .bench/db-kpi instead of importing again).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../src/db/database.js';
import { SKETCH_RELATIVE_ERROR } from '../src/domain/quantile-sketch.js';
import { AnalyticsService, type MetricsQuery } from '../src/modules/analytics/analytics.service.js';
import {
  FACT_COLUMNS,
  FactsRepository,
  loadFactSettings,
} from '../src/modules/analytics/facts.repository.js';
import { RollupsService } from '../src/modules/analytics/rollups.service.js';
import { importFiles } from '../src/modules/ingest/ingest.service.js';
import { ScorecardsService } from '../src/modules/scorecards/scorecards.service.js';
import { kpiDataset } from './dataset.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const count = Number(flag('--conversations') ?? process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const runs = Number(flag('--runs') ?? 20);
const reuse = args.includes('--reuse') && fs.existsSync(path.join(root, '.bench/db-kpi/kvalita.sqlite'));
const METRICS = [
  'csat',
  'nps',
  'ces',
  'frt',
  'frt_median',
  'art',
  'aht',
  'resolution_rate',
  'complaint_rate',
  'iqs',
];
const workDir = path.join(root, '.bench');
fs.mkdirSync(workDir, { recursive: true });
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// 1. The data set: demo conversations re-assigned over 500 agents.
const file = await kpiDataset(workDir, count, say);

async function freshDatabase(name: string): Promise<Database> {
  const dataDir = path.join(workDir, name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return openDatabase({ dataDir });
}

// 2a. Import with rollup upkeep switched off: the triggers dropped.
if (!reuse) {
  const database = await freshDatabase('db-kpi-plain');
  for (const table of ['conversations', 'reviews'])
    for (const event of ['insert', 'update', 'delete'])
      await sql.raw(`DROP TRIGGER rollup_${table}_${event}`).execute(database.kysely);
  const started = performance.now();
  const summary = await importFiles(database, [file]);
  const elapsed = performance.now() - started;
  say(`import without rollups: ${summary.imported} conversations in ${seconds(elapsed)}`);
  await database.close();
  fs.rmSync(path.join(workDir, 'db-kpi-plain'), { recursive: true, force: true });
  globalThis.plainImportMs = elapsed;
}

// 2b. Import as the product does, automatic review scores, then the rollup refresh.
const database = reuse
  ? await openDatabase({ dataDir: path.join(workDir, 'db-kpi') })
  : await freshDatabase('db-kpi');
if (!reuse) {
  const started = performance.now();
  const summary = await importFiles(database, [file]);
  const importMs = performance.now() - started;
  const [card] = await new ScorecardsService(database).list();
  const version = await database.kysely
    .selectFrom('scorecard_versions')
    .select('id')
    .where('scorecard_id', '=', card?.id as number)
    .executeTakeFirstOrThrow();
  // A spread of scores, one automatic review per conversation.
  await sql`INSERT INTO reviews (conversation_id, scorecard_version_id, kind, status, score, passed, auto_failed,
              revision, created_at, updated_at, submitted_at)
            SELECT id, ${version.id}, 'auto', 'submitted', ((id * 7919) % 1001) / 10.0,
                   CASE WHEN (id * 7919) % 1001 >= 700 THEN 1 ELSE 0 END, 0, 1, created_at, created_at, created_at
            FROM conversations`.execute(database.kysely);
  const refreshStarted = performance.now();
  const refreshed = await new RollupsService(database).refresh();
  const refreshMs = performance.now() - refreshStarted;
  const plain = globalThis.plainImportMs as number;
  say(
    `import with rollups: ${summary.imported} conversations in ${seconds(importMs)} + refresh of ${refreshed} in ${seconds(refreshMs)} = ${seconds(importMs + refreshMs)} (${((importMs + refreshMs) / plain).toFixed(2)}× the import alone; triggers alone ${(importMs / plain).toFixed(2)}×)`,
  );
}

// 3. The question.
const span = await database.kysely
  .selectFrom('conversations')
  .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
  .executeTakeFirstOrThrow();
const fromDay = new Date(Number(span.first)).toISOString().slice(0, 10);
const toDay = new Date(Number(span.last) + 86_400_000).toISOString().slice(0, 10);
const query: MetricsQuery = {
  metrics: METRICS,
  by: ['agent', 'week'],
  from: Date.parse(`${fromDay}T00:00:00Z`),
  to: Date.parse(`${toDay}T00:00:00Z`),
};
const analytics = new AnalyticsService(database);
if (!(await analytics.answeredByRollups(query)))
  throw new Error('the benchmark query should be answered by rollups');
const cells = await database.kysely
  .selectFrom('metric_rollups')
  .select(['grain', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('grain')
  .execute();
say(`rollup cells: ${cells.map((c) => `${c.n} ${c.grain}`).join(', ')}`);

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

async function measure(run: () => Promise<unknown>) {
  await run();
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

let rolled: Array<Record<string, string | number | null>> = [];
const rollupTimes = await measure(async () => {
  rolled = await analytics.query(query);
});
say(
  `kvalita (rollups): ${rolled.length} agent-week rows, p50 ${rollupTimes.p50.toFixed(1)} ms, p95 ${rollupTimes.p95.toFixed(1)} ms`,
);

// 4. The baseline: per-conversation facts in DuckDB, scanned in full by SQL.
const csv = path.join(workDir, 'kpi-facts.csv');
{
  const started = performance.now();
  const out = fs.createWriteStream(csv, { encoding: 'utf8', highWaterMark: 1 << 20 });
  out.write(
    'agent,created_at,csat_n,csat_top,nps_n,nps_promoters,nps_detractors,ces_n,ces_sum,frt_s,art_s,aht_s,resolved,complaint,iqs\n',
  );
  const agents = new Map(
    (await database.kysely.selectFrom('agents').select(['id', 'external_id']).execute()).map((a) => [
      a.id,
      a.external_id,
    ]),
  );
  const facts = new FactsRepository(database.kysely);
  const settings = await loadFactSettings(database);
  const cell = (v: number | null) => (v === null ? '' : String(v));
  for (let after = 0; ; ) {
    const rows = await database.kysely
      .selectFrom('conversations as c')
      .select(FACT_COLUMNS)
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(20_000)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id as number;
    let text = '';
    for (const f of await facts.factsOf(rows, settings)) {
      const csat = f.feedback.filter((a) => a.type === 'csat');
      const nps = f.feedback.filter((a) => a.type === 'nps');
      const ces = f.feedback.filter((a) => a.type === 'ces');
      const frt =
        f.first_customer_at !== null && f.first_agent_at !== null && f.first_agent_at >= f.first_customer_at
          ? (f.first_agent_at - f.first_customer_at) / 1000
          : null;
      const aht =
        f.handle_s !== null
          ? f.handle_s
          : f.channel === 'phone' && f.first_at !== null && f.last_at !== null
            ? (f.last_at - f.first_at) / 1000
            : null;
      const scores = f.review_scores.filter((r) => r.score !== null);
      text += `${f.agent_id === null ? '' : agents.get(f.agent_id)},${new Date(f.created_at).toISOString()},${csat.length},${
        csat.filter((a) => a.score >= a.scale - 1).length
      },${nps.length},${nps.filter((a) => a.score >= 9).length},${nps.filter((a) => a.score <= 6).length},${ces.length},${ces.reduce(
        (s, a) => s + a.score,
        0,
      )},${cell(frt)},${cell(f.resolved_at === null ? null : (f.resolved_at - f.created_at) / 1000)},${cell(aht)},${
        f.status === 'resolved' || f.status === 'closed' ? 1 : 0
      },${f.complaint ? 1 : 0},${cell(scores.length ? (scores[0]?.score as number) : null)}\n`;
    }
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  say(`exported the facts for DuckDB in ${seconds(performance.now() - started)}`);
}
const duck = await (await DuckDBInstance.create(':memory:')).connect();
await duck.run(`CREATE TABLE facts AS SELECT * FROM read_csv('${csv}', header = true, auto_detect = true,
  types = {'created_at': 'TIMESTAMP', 'agent': 'VARCHAR', 'frt_s': 'DOUBLE', 'art_s': 'DOUBLE', 'aht_s': 'DOUBLE', 'iqs': 'DOUBLE', 'ces_sum': 'DOUBLE'})`);
const duckSql = `SELECT nullif(agent, '') AS agent, strftime(created_at, '%G-W%V') AS week,
    100.0 * sum(csat_top) / nullif(sum(csat_n), 0) AS csat, sum(csat_n) AS csat_n,
    100.0 * (sum(nps_promoters) - sum(nps_detractors)) / nullif(sum(nps_n), 0) AS nps, sum(nps_n) AS nps_n,
    sum(ces_sum) / nullif(sum(ces_n), 0) AS ces, sum(ces_n) AS ces_n,
    avg(frt_s) AS frt, count(frt_s) AS frt_n, median(frt_s) AS frt_median, count(frt_s) AS frt_median_n,
    avg(art_s) AS art, count(art_s) AS art_n, avg(aht_s) AS aht, count(aht_s) AS aht_n,
    100.0 * sum(resolved) / count(*) AS resolution_rate, count(*) AS resolution_rate_n,
    1000.0 * sum(complaint) / count(*) AS complaint_rate, count(*) AS complaint_rate_n,
    avg(iqs) AS iqs, count(iqs) AS iqs_n
  FROM facts
  WHERE created_at >= TIMESTAMP '${fromDay} 00:00:00' AND created_at < TIMESTAMP '${toDay} 00:00:00'
  GROUP BY ALL`;
let duckRows: Array<Record<string, unknown>> = [];
const duckTimes = await measure(async () => {
  duckRows = (await duck.runAndReadAll(duckSql)).getRowObjectsJS() as Array<Record<string, unknown>>;
});
say(
  `DuckDB (full scan): ${duckRows.length} rows, p50 ${duckTimes.p50.toFixed(1)} ms, p95 ${duckTimes.p95.toFixed(1)} ms`,
);

// 5. Same numbers?
const byKey = new Map(duckRows.map((row) => [`${row.agent}|${row.week}`, row]));
let compared = 0;
const problems: string[] = [];
let worstMedian = 0;
for (const row of rolled) {
  const other = byKey.get(`${row.agent}|${row.week}`);
  if (!other) {
    problems.push(`no DuckDB row for ${row.agent} ${row.week}`);
    continue;
  }
  for (const metric of METRICS) {
    const a = row[metric] as number | null;
    const raw = other[metric];
    const b = raw === null || raw === undefined ? null : Number(raw);
    if (Number(row[`${metric}_n`]) !== Number(other[`${metric}_n`]))
      problems.push(`${row.agent} ${row.week} ${metric}_n: ${row[`${metric}_n`]} vs ${other[`${metric}_n`]}`);
    if (a === null || b === null) {
      if (a !== b) problems.push(`${row.agent} ${row.week} ${metric}: ${a} vs ${b}`);
    } else if (metric === 'frt_median') {
      const error = Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
      worstMedian = Math.max(worstMedian, Math.abs(a - b) <= 0.001 ? 0 : error);
      if (error > SKETCH_RELATIVE_ERROR && Math.abs(a - b) > 0.001)
        problems.push(`${row.agent} ${row.week} ${metric}: ${a} vs ${b}`);
    } else if (Math.abs(a - b) > 0.0011) problems.push(`${row.agent} ${row.week} ${metric}: ${a} vs ${b}`);
    compared += 1;
  }
}
if (rolled.length !== duckRows.length) problems.push(`${rolled.length} rows vs DuckDB's ${duckRows.length}`);
say(
  `same numbers: ${compared} values compared, ${problems.length} differences; largest frt_median error ${(worstMedian * 100).toFixed(3)} % (stated ≤ ${SKETCH_RELATIVE_ERROR * 100} %)`,
);
for (const problem of problems.slice(0, 10)) say(`  ${problem}`);
const ok = rollupTimes.p50 <= 100 && rollupTimes.p50 < duckTimes.p50 && problems.length === 0;
say(
  `${ok ? 'PASS' : 'FAIL'}: rollup p50 ${rollupTimes.p50.toFixed(1)} ms (target ≤ 100 ms), ${(duckTimes.p50 / rollupTimes.p50).toFixed(2)}× DuckDB's full scan`,
);
await database.close();
process.exitCode = ok ? 0 : 1;

declare global {
  var plainImportMs: number | undefined;
}
