/**
 * `npm run bench:autoqa`: AutoQA speed against ripgrep in the same run.
 *
 * On N generated conversations (default 200,000; demo data in all five languages):
 * 1. the whole engine on one core, as `kvalita check` runs it: conversations/s and MB/s of text;
 * 2. the phrase-matching stage alone (fold, tokenise, match every lexicon phrase): MB/s;
 * 3. `kvalita score` on all cores over the same conversations stored in SQLite: conversations/s;
 * 4. baseline: ripgrep counting matches of the same phrase set (`rg -F -c -i -f patterns.txt`)
 *    over the same text: MB/s.
 * Prints the ratios of our MB/s to ripgrep's. Targets: engine ≥ 20,000 conversations/s on one
 * core; matching ≥ 50 % of ripgrep's MB/s.
 *
 * Options: --conversations N (or BENCH_CONVERSATIONS).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/database.js';
import { AutoQaEngine } from '../src/engine/analyze.js';
import { lexiconEntries } from '../src/engine/compiled-lexicon.js';
import { LEXICONS } from '../src/engine/lexicons/index.js';
import { sampleOf } from '../src/engine/lexicons/sample.js';
import { PhraseMatcher } from '../src/engine/match/phrase-matcher.js';
import { DEFAULT_SETTINGS } from '../src/engine/settings.js';
import { tokenize } from '../src/engine/text/tokenize.js';
import { toEngineConversation } from '../src/modules/autoqa/autoqa.mapper.js';
import { scoreStored } from '../src/modules/autoqa/autoqa.service.js';
import { generateDemoConversations } from '../src/modules/demo/demo.generator.js';
import { importFiles } from '../src/modules/ingest/ingest.service.js';
import { validateConversation } from '../src/modules/ingest/ingest.validator.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--conversations');
const count = Number(at >= 0 ? args[at + 1] : (process.env.BENCH_CONVERSATIONS ?? 200_000));
const work = path.join(root, '.bench', 'autoqa');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

process.stdout.write(`generating ${count} conversations …\n`);
const engineInput = [];
const texts: string[] = [];
const jsonl = fs.createWriteStream(path.join(work, 'conversations.jsonl'));
for (const item of generateDemoConversations({ seed: 11, count })) {
  jsonl.write(`${JSON.stringify(item)}\n`);
  const verdict = validateConversation(item);
  if (!verdict.ok) throw new Error(`demo item failed validation: ${JSON.stringify(verdict.errors)}`);
  const conversation = toEngineConversation(verdict.value);
  engineInput.push(conversation);
  for (const message of conversation.messages) texts.push(message.text);
}
await new Promise((resolve) => jsonl.end(resolve));
const corpus = texts.join('\n');
const megabytes = Buffer.byteLength(corpus) / 1e6;
fs.writeFileSync(path.join(work, 'texts.txt'), corpus);
process.stdout.write(
  `  ${megabytes.toFixed(1)} MB of message text, ${Math.round((megabytes * 1e6) / count)} bytes per conversation\n`,
);

// 1. Whole engine, one core.
const engine = new AutoQaEngine(LEXICONS, DEFAULT_SETTINGS);
for (const conversation of engineInput.slice(0, 2000)) engine.analyze(conversation);
let started = performance.now();
for (const conversation of engineInput) engine.analyze(conversation);
const engineSeconds = (performance.now() - started) / 1000;

// 2. Matching stage alone: every phrase of every lexicon in one matcher, over every text.
const entries = Object.values(LEXICONS).flatMap((lexicon) => lexiconEntries(lexicon));
const matcher = new PhraseMatcher(entries.map((e, i) => ({ phrase: e.phrase, tag: i })));
started = performance.now();
let matches = 0;
for (const text of texts) matches += matcher.match(tokenize(text)).length;
const matchSeconds = (performance.now() - started) / 1000;

// 3. Score on all cores.
const dataDir = path.join(work, 'db');
const database = await openDatabase({ dataDir });
await importFiles(database, [path.join(work, 'conversations.jsonl')]);
started = performance.now();
const scored = await scoreStored(database, { all: true });
const scoreSeconds = (performance.now() - started) / 1000;
await database.close();

// 4. ripgrep over the same text with the same phrases as fixed strings.
const patterns = [...new Set(entries.map((e) => sampleOf(e.phrase)))];
fs.writeFileSync(path.join(work, 'patterns.txt'), `${patterns.join('\n')}\n`);
let rgSeconds = Number.NaN;
const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
if (probe.status === 0) {
  const runs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const t = performance.now();
    const rg = spawnSync(
      'rg',
      ['-F', '-c', '-i', '-f', path.join(work, 'patterns.txt'), path.join(work, 'texts.txt')],
      { encoding: 'utf8' },
    );
    if (rg.status !== 0 && rg.status !== 1) throw new Error(`ripgrep failed: ${rg.stderr}`);
    runs.push((performance.now() - t) / 1000);
  }
  rgSeconds = Math.min(...runs);
}
fs.rmSync(work, { recursive: true, force: true });

const mbps = (seconds: number) => megabytes / seconds;
const rows = [
  ['engine, 1 core', count / engineSeconds, mbps(engineSeconds)],
  ['matching stage', count / matchSeconds, mbps(matchSeconds)],
  [`score, ${os.availableParallelism()} cores`, scored.analysed / scoreSeconds, mbps(scoreSeconds)],
  ['ripgrep -F -i', count / rgSeconds, mbps(rgSeconds)],
] as const;
process.stdout.write(`\n${patterns.length} phrases, ${matches} matches\n`);
for (const [name, rate, speed] of rows) {
  process.stdout.write(
    `${name.padEnd(18)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} conv/s ${speed.toFixed(1).padStart(8)} MB/s\n`,
  );
}
const engineRatio = mbps(engineSeconds) / mbps(rgSeconds);
const matchRatio = mbps(matchSeconds) / mbps(rgSeconds);
process.stdout.write(
  `ratio to ripgrep MB/s: engine ${engineRatio.toFixed(2)}, matching stage ${matchRatio.toFixed(2)}\n`,
);
process.stdout.write(
  `  ${count / engineSeconds >= 20_000 ? 'met   ' : 'MISSED'} engine ≥ 20,000 conversations/s on one core\n`,
);
process.stdout.write(
  `  ${matchRatio >= 0.5 ? 'met   ' : 'MISSED'} matching stage ≥ 50 % of ripgrep's MB/s\n`,
);
