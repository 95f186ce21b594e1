/**
 * `npm run eval:autoqa`: accuracy of the AutoQA engine on the hand-labelled evaluation set in
 * test/fixtures/autoqa/*.jsonl. Prints, per language, precision, recall and F1 of every check
 * (macro-averaged over pass / fail / na), language accuracy, sentiment macro-F1 and complaint F1.
 * `--json` prints the figures as JSON; `--errors` lists every disagreement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoQaEngine, CHECK_IDS } from '../src/engine/analyze.js';
import { LEXICONS } from '../src/engine/lexicons/index.js';
import { DEFAULT_SETTINGS } from '../src/engine/settings.js';
import { toEngineConversation } from '../src/modules/autoqa/autoqa.mapper.js';
import { formatErrors, validateConversation } from '../src/modules/ingest/ingest.validator.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(root, 'test/fixtures/autoqa');
const showErrors = process.argv.includes('--errors');
// The checks decided by lexicons; the rest (SLA, follow-up, call timing) are measured, not labelled.
const LEXICAL: readonly string[] = CHECK_IDS.slice(0, CHECK_IDS.indexOf('first_response_sla'));

interface Expected {
  language: string;
  checks: Record<string, string>;
  sentiment: { start: string; end: string };
  complaint: boolean;
}

/** Macro-averaged precision, recall and F1 over the labels that occur in either list. */
export function macroScores(pairs: Array<[string, string]>): {
  precision: number;
  recall: number;
  f1: number;
  n: number;
} {
  const labels = [...new Set(pairs.flat())];
  let p = 0;
  let r = 0;
  let f = 0;
  for (const label of labels) {
    const tp = pairs.filter(([e, a]) => e === label && a === label).length;
    const fp = pairs.filter(([e, a]) => e !== label && a === label).length;
    const fn = pairs.filter(([e, a]) => e === label && a !== label).length;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    p += precision;
    r += recall;
    f += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const k = Math.max(labels.length, 1);
  return { precision: p / k, recall: r / k, f1: f / k, n: pairs.length };
}

const engine = new AutoQaEngine(LEXICONS, DEFAULT_SETTINGS);
interface Bucket {
  checks: Map<string, Array<[string, string]>>;
  language: Array<[string, string]>;
  sentiment: Array<[string, string]>;
  complaint: Array<[string, string]>;
}
const perLanguage = new Map<string, Bucket>();
for (const file of fs
  .readdirSync(folder)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const lines = fs.readFileSync(path.join(folder, file), 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const { expected, ...raw } = JSON.parse(line) as { expected: Expected } & Record<string, unknown>;
    const verdict = validateConversation(raw);
    if (!verdict.ok) {
      console.error(`${file}:${index + 1}: ${formatErrors(verdict.errors)}`);
      return;
    }
    const analysis = engine.analyze(toEngineConversation(verdict.value));
    const bucket: Bucket = perLanguage.get(expected.language) ?? {
      checks: new Map(),
      language: [],
      sentiment: [],
      complaint: [],
    };
    perLanguage.set(expected.language, bucket);
    bucket.language.push([expected.language, analysis.language]);
    for (const id of LEXICAL) {
      const want = expected.checks[id];
      const got = analysis.checks[id]?.result ?? 'na';
      if (!want) continue;
      const list = bucket.checks.get(id) ?? [];
      list.push([want, got]);
      bucket.checks.set(id, list);
      if (showErrors && want !== got)
        console.log(`${file}:${index + 1} ${raw.id} ${id}: expected ${want}, got ${got}`);
    }
    bucket.sentiment.push(
      [expected.sentiment.start, analysis.sentiment.start],
      [expected.sentiment.end, analysis.sentiment.end],
    );
    if (showErrors && expected.sentiment.start !== analysis.sentiment.start)
      console.log(
        `${file}:${index + 1} ${raw.id} sentiment.start: expected ${expected.sentiment.start}, got ${analysis.sentiment.start}`,
      );
    if (showErrors && expected.sentiment.end !== analysis.sentiment.end)
      console.log(
        `${file}:${index + 1} ${raw.id} sentiment.end: expected ${expected.sentiment.end}, got ${analysis.sentiment.end}`,
      );
    bucket.complaint.push([String(expected.complaint), String(analysis.complaint.detected)]);
    if (showErrors && expected.complaint !== analysis.complaint.detected)
      console.log(
        `${file}:${index + 1} ${raw.id} complaint: expected ${expected.complaint}, got ${analysis.complaint.detected}`,
      );
    if (showErrors && expected.language !== analysis.language)
      console.log(
        `${file}:${index + 1} ${raw.id} language: expected ${expected.language}, got ${analysis.language}`,
      );
  });
}

const languages = [...perLanguage.keys()].sort();
const f1 = (pairs: Array<[string, string]>) => macroScores(pairs).f1;
const binaryF1 = (pairs: Array<[string, string]>) => {
  const tp = pairs.filter(([e, a]) => e === 'true' && a === 'true').length;
  const fp = pairs.filter(([e, a]) => e === 'false' && a === 'true').length;
  const fn = pairs.filter(([e, a]) => e === 'true' && a === 'false').length;
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
};
const report = {
  checks: Object.fromEntries(
    LEXICAL.map((id) => [
      id,
      Object.fromEntries(languages.map((l) => [l, macroScores(perLanguage.get(l)?.checks.get(id) ?? [])])),
    ]),
  ),
  language_accuracy: Object.fromEntries(
    languages.map((l) => {
      const pairs = perLanguage.get(l)?.language ?? [];
      return [l, pairs.filter(([e, a]) => e === a).length / Math.max(pairs.length, 1)];
    }),
  ),
  sentiment_macro_f1: Object.fromEntries(languages.map((l) => [l, f1(perLanguage.get(l)?.sentiment ?? [])])),
  complaint_f1: Object.fromEntries(languages.map((l) => [l, binaryF1(perLanguage.get(l)?.complaint ?? [])])),
  conversations: Object.fromEntries(languages.map((l) => [l, perLanguage.get(l)?.language.length ?? 0])),
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const cell = (value: number) => value.toFixed(2).padStart(6);
  console.log(
    `F1 per check (macro over pass/fail/na); precision/recall with --json\n${'check'.padEnd(20)}${languages.map((l) => l.padStart(6)).join('')}`,
  );
  for (const id of LEXICAL)
    console.log(`${id.padEnd(20)}${languages.map((l) => cell(report.checks[id]?.[l]?.f1 ?? 0)).join('')}`);
  console.log(
    `${'language accuracy'.padEnd(20)}${languages.map((l) => cell(report.language_accuracy[l] ?? 0)).join('')}`,
  );
  console.log(
    `${'sentiment macro-F1'.padEnd(20)}${languages.map((l) => cell(report.sentiment_macro_f1[l] ?? 0)).join('')}`,
  );
  console.log(
    `${'complaint F1'.padEnd(20)}${languages.map((l) => cell(report.complaint_f1[l] ?? 0)).join('')}`,
  );
  console.log(
    `${'conversations'.padEnd(20)}${languages.map((l) => String(report.conversations[l]).padStart(6)).join('')}`,
  );
}
