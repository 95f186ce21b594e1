/** `kvalita score`: AutoQA on the stored conversations that need it, on all cores. */
import type { Command } from 'commander';
import { CliError, type GlobalOptions, withDatabase } from '../context.js';
import { ProgressLine } from '../progress.js';

/** Registers the command. */
export function registerScoreCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('score')
    .description(
      'analyse stored conversations not yet analysed (or changed, or analysed under other settings)',
    )
    .option('--all', 'analyse every conversation again')
    .option('--since <date>', 'only conversations created since this date (ISO 8601)')
    .option('--threads <n>', 'worker threads (default: one per core)')
    .action(async (flags: { all?: boolean; since?: string; threads?: string }) => {
      const sinceMs = flags.since === undefined ? undefined : Date.parse(flags.since);
      if (sinceMs !== undefined && Number.isNaN(sinceMs))
        throw new CliError(`--since: not a date: "${flags.since}"`);
      const threads = flags.threads === undefined ? undefined : Number(flags.threads);
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 1))
        throw new CliError(`--threads: not a positive integer: "${flags.threads}"`);
      const { scoreStored } = await import('../../modules/autoqa/autoqa.service.js');
      const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
      const started = performance.now();
      await withDatabase(globals(), async (database) => {
        const result = await scoreStored(database, {
          all: flags.all === true,
          sinceMs,
          ...(threads === undefined ? {} : { threads }),
          onProgress: (done, total) => progress?.update(done, total, 'score', done),
        });
        progress?.clear();
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
          `analysed ${result.analysed}, flagged for review ${result.flagged} in ${seconds.toFixed(1)} s` +
            `${result.analysed > 0 ? ` (${Math.round(result.analysed / seconds)}/s)` : ''}\n`,
        );
      });
    });
}
