/**
 * `npm run bench:import`: import speed and memory against the database's ceiling, in one run.
 *
 * 1. Writes N demo conversations (default 1,000,000, about 8 messages each) to a JSONL file.
 * 2. Baseline, in a child process: the same file, JSON.parse per line, and the same rows inserted
 *    into the same schema by a bare prepared-statement loop, one transaction per 1,000.
 * 3. Kvalita, in a child process: `importFiles` (validation, normalisation, digest, upsert).
 * Prints both rates, the ratio and each child's peak RSS. Targets: ratio ≥ 0.5,
 * ≥ 10,000 conversations/s, peak RSS ≤ 400 MB.
 *
 * Options: --conversations N (or BENCH_CONVERSATIONS), --keep (keep the databases).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoFile } from '../src/cli/commands/demo.command.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const count = Number(flag('--conversations') ?? process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const workDir = path.join(root, '.bench');
fs.mkdirSync(workDir, { recursive: true });
const file = path.join(workDir, `demo-${count}.jsonl`);

if (!fs.existsSync(file)) {
  const started = performance.now();
  process.stdout.write(`generating ${count} conversations to ${path.relative(root, file)} …\n`);
  await writeDemoFile(`${file}.part`, count, 7);
  fs.renameSync(`${file}.part`, file);
  process.stdout.write(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const sizeMb = fs.statSync(file).size / 1e6;

interface Measurement {
  conversations: number;
  messages: number;
  seconds: number;
  peakRssMb: number;
}

function run(mode: 'baseline' | 'kvalita'): Measurement {
  const dataDir = path.join(workDir, `db-${mode}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'import.worker.ts'), mode, file, dataDir],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`${mode} run failed (exit ${child.status}): ${child.stdout}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
  if (!args.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
  return result;
}

const baseline = run('baseline');
const kvalita = run('kvalita');
const rate = (m: Measurement) => m.conversations / m.seconds;
const ratio = rate(kvalita) / rate(baseline);
const line = (name: string, m: Measurement) =>
  `${name.padEnd(10)} ${String(m.conversations).padStart(9)} conversations ${String(m.messages).padStart(10)} messages  ${m.seconds.toFixed(1).padStart(7)} s  ${Math.round(rate(m)).toLocaleString('en-US').padStart(8)} conv/s  peak RSS ${Math.round(m.peakRssMb)} MB`;

process.stdout.write(`\ninput: ${count} conversations, ${sizeMb.toFixed(0)} MB of JSONL\n`);
process.stdout.write(`${line('baseline', baseline)}\n${line('kvalita', kvalita)}\n`);
process.stdout.write(`ratio kvalita/baseline: ${ratio.toFixed(2)}\n`);
const checks = [
  [`ratio ≥ 0.50`, ratio >= 0.5],
  [`≥ 10,000 conversations/s`, rate(kvalita) >= 10_000],
  [`peak RSS ≤ 400 MB`, kvalita.peakRssMb <= 400],
] as const;
for (const [name, ok] of checks) process.stdout.write(`  ${ok ? 'met   ' : 'MISSED'} ${name}\n`);
