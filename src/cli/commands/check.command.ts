/**
 * `kvalita check FILE.jsonl [--json]`: AutoQA on a file, without a database. Malformed lines are
 * reported by line number on standard error and skipped.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { ConversationAnalysis } from '../../engine/types.js';
import { formatOf, openInput, readJsonLines } from '../../modules/ingest/ingest.source.js';
import { formatErrors, validateConversation } from '../../modules/ingest/ingest.validator.js';
import { CliError, EXIT } from '../context.js';

/** The line `--json` prints for one conversation. */
export function checkOutput(analysis: ConversationAnalysis) {
  return {
    id: analysis.id,
    language: analysis.language,
    checks: analysis.checks,
    sentiment: {
      label: analysis.sentiment.label,
      score: analysis.sentiment.score,
      start: analysis.sentiment.start,
      end: analysis.sentiment.end,
    },
    complaint: analysis.complaint,
    flags: analysis.flags,
  };
}

function tableLine(analysis: ConversationAnalysis): string {
  const results = Object.entries(analysis.checks);
  const failed = results.filter(([, r]) => r.result === 'fail').map(([id]) => id);
  const passed = results.filter(([, r]) => r.result === 'pass').length;
  const complaint = analysis.complaint.detected ? 'complaint' : '-';
  return [
    analysis.id.padEnd(18),
    analysis.language.padEnd(4),
    `${passed}/${passed + failed.length}`.padStart(6),
    `${analysis.sentiment.start}→${analysis.sentiment.end}`.padEnd(20),
    complaint.padEnd(10),
    failed.join(', ') || '-',
  ].join(' ');
}

/** Registers the command. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('run AutoQA on a JSONL file of conversations, without a database')
    .argument('<file>', '.jsonl or .jsonl.gz in the exchange format')
    .option('--json', 'one JSON object per conversation')
    .action(async (file: string, flags: { json?: boolean }) => {
      const format = formatOf(file);
      if (format !== 'jsonl' && format !== 'jsonl.gz')
        throw new CliError(`${file}: expected .jsonl or .jsonl.gz`);
      try {
        fs.accessSync(file, fs.constants.R_OK);
      } catch {
        throw new CliError(`${file}: no such file or not readable`);
      }
      // The engine and its lexicons load only for the commands that analyse.
      const { AutoQaEngine } = await import('../../engine/analyze.js');
      const { LEXICONS } = await import('../../engine/lexicons/index.js');
      const { DEFAULT_SETTINGS } = await import('../../engine/settings.js');
      const { toEngineConversation } = await import('../../modules/autoqa/autoqa.mapper.js');
      const engine = new AutoQaEngine(LEXICONS, DEFAULT_SETTINGS);
      let rejected = 0;
      if (!flags.json)
        process.stdout.write(
          `${'id'.padEnd(18)} lang  passed ${'sentiment'.padEnd(20)} complaint  failed checks\n`,
        );
      for await (const item of readJsonLines(openInput(file, { bytesRead: 0, totalBytes: 0 }))) {
        const verdict =
          item.parseError === undefined ? validateConversation(item.raw, item.fingerprint) : null;
        if (!verdict?.ok) {
          rejected += 1;
          const reason = verdict ? formatErrors(verdict.errors) : item.parseError;
          process.stderr.write(`${file}:${item.line}: ${reason}\n`);
          continue;
        }
        const analysis = engine.analyze(toEngineConversation(verdict.value));
        process.stdout.write(
          flags.json ? `${JSON.stringify(checkOutput(analysis))}\n` : `${tableLine(analysis)}\n`,
        );
      }
      process.exitCode = rejected > 0 ? EXIT.rejected : EXIT.ok;
    });
}
