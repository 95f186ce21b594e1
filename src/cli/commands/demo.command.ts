/** `kvalita demo`: realistic demo contacts, into the database or to a JSONL file. */

import { once } from 'node:events';
import fs from 'node:fs';
import type { Command } from 'commander';
import { CliError, type GlobalOptions, withDatabase } from '../context.js';
import { ProgressLine } from '../progress.js';

const positiveInteger = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw new CliError(`${name}: not a non-negative integer: "${value}"`);
  return parsed;
};

/** Writes `count` demo conversations as JSON Lines to `file`; streams, so any count fits in memory. */
export async function writeDemoFile(
  file: string,
  count: number,
  seed: number,
  progress?: ProgressLine,
): Promise<void> {
  const out = fs.createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let written = 0;
  let chunk = '';
  const { generateDemoConversations } = await import('../../modules/demo/demo.generator.js');
  for (const conversation of generateDemoConversations({ seed, count })) {
    chunk += `${JSON.stringify(conversation)}\n`;
    written += 1;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
      progress?.update(written, count, file, written);
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  progress?.clear();
}

/** Registers the command. */
export function registerDemoCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('demo')
    .description('generate realistic demo contacts in five languages over every channel, a year long')
    .option('--conversations <n>', 'how many', positiveInteger('--conversations'), 5000)
    .option('--seed <s>', 'the same seed gives the same data', positiveInteger('--seed'), 1)
    .option('--out <file.jsonl>', 'write a JSONL file instead of storing them')
    .action(async (flags: { conversations: number; seed: number; out?: string }) => {
      const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : undefined;
      if (flags.out) {
        await writeDemoFile(flags.out, flags.conversations, flags.seed, progress);
        process.stdout.write(`wrote ${flags.conversations} conversations to ${flags.out}\n`);
        return;
      }
      const { loadDemo } = await import('../../modules/demo/demo.service.js');
      await withDatabase(globals(), async (database) => {
        const summary = await loadDemo(database, { count: flags.conversations, seed: flags.seed }, (s) =>
          progress?.update(s.read, flags.conversations, 'demo', s.read),
        );
        progress?.clear();
        process.stdout.write(
          `demo: ${summary.imported} imported, ${summary.updated} updated (seed ${flags.seed}) into ${database.location}\n`,
        );
      });
    });
}
