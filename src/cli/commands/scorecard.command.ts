/**
 * `kvalita scorecard list|export|import`: scorecards as code. Export writes the current version
 * as YAML; import creates the scorecard or adds a version when its content changed.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { ServiceError } from '../../modules/common/service-errors.js';
import { ScorecardsService } from '../../modules/scorecards/scorecards.service.js';
import { CliError, EXIT, type GlobalOptions, withDatabase } from '../context.js';

function parseId(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new CliError(`--id: expected a positive whole number, got "${value}"`);
  return id;
}

// Service refusals become one line on standard error: invalid input exits 1, the rest 2.
function asCliError(error: unknown): unknown {
  if (!(error instanceof ServiceError)) return error;
  const lines = error.details?.map((d) => `${d.field}: ${d.reason}`) ?? [error.message];
  return new CliError(lines.join('\n'), error.kind === 'invalid' ? EXIT.rejected : EXIT.usage);
}

/** Registers the commands. */
export function registerScorecardCommands(program: Command, globals: () => GlobalOptions): void {
  const scorecard = program.command('scorecard').description('scorecards as code (YAML)');

  scorecard
    .command('list')
    .description('list the scorecards')
    .option('--json', 'one JSON array')
    .action(async (flags: { json?: boolean }) => {
      await withDatabase(globals(), async (database) => {
        const list = await new ScorecardsService(database).list(true);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(list)}\n`);
          return;
        }
        for (const item of list) {
          const marks = [item.is_default ? 'default' : '', item.archived ? 'archived' : '']
            .filter(Boolean)
            .join(', ');
          process.stdout.write(
            `${String(item.id).padStart(4)}  ${item.name}  v${item.version}  ${item.definition.categories.length} categories${marks ? `  (${marks})` : ''}\n`,
          );
        }
      });
    });

  scorecard
    .command('export')
    .description("write a scorecard's current version as YAML (default: the default scorecard)")
    .option('--id <id>', 'scorecard id (see `kvalita scorecard list`)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: { id?: string; out?: string }) => {
      const id = parseId(flags.id);
      await withDatabase(globals(), async (database) => {
        try {
          const yaml = await new ScorecardsService(database).exportYaml(id);
          if (flags.out) fs.writeFileSync(flags.out, yaml);
          else process.stdout.write(yaml);
        } catch (error) {
          throw asCliError(error);
        }
      });
    });

  scorecard
    .command('import')
    .description('load a scorecard from YAML: created, or a new version when its content changed')
    .argument('<file>', 'YAML file in the shape `kvalita scorecard export` writes')
    .action(async (file: string) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        throw new CliError(`${file}: no such file or not readable`);
      }
      await withDatabase(globals(), async (database) => {
        try {
          const outcome = await new ScorecardsService(database).importYaml(text, file, null);
          const { scorecard: sc } = outcome;
          const said = {
            created: `created scorecard ${sc.id} "${sc.name}" (version 1)`,
            new_version: `scorecard ${sc.id} "${sc.name}" is now at version ${sc.version}`,
            unchanged: `scorecard ${sc.id} "${sc.name}" unchanged (version ${sc.version})`,
          }[outcome.action];
          process.stdout.write(`${said}\n`);
        } catch (error) {
          throw asCliError(error);
        }
      });
    });
}
