/** `kvalita complaints list|import|intake|escalate`: the register from the command line. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { ComplaintsService } from '../../modules/complaints/complaints.service.js';
import { parseColumnMap, readColumnMapFile } from '../../modules/ingest/ingest.csv.js';
import { CliError, EXIT, type GlobalOptions, withDatabase } from '../context.js';

/** The register as the command line sees it: every entry, as an administrator would. */
const CONSOLE = {
  id: 0,
  email: 'console',
  name: 'console',
  role: 'admin' as const,
  agentId: null,
  agentExternalId: null,
};

/** Registers the commands. */
export function registerComplaintsCommands(program: Command, globals: () => GlobalOptions): void {
  const complaints = program.command('complaints').description('the complaints and suggestions register');

  complaints
    .command('list')
    .description('list the register, newest first (or the overdue entries, most urgent first)')
    .option('--overdue', 'only open entries past a deadline')
    .option('--open', 'only open entries')
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'one JSON array')
    .action(async (flags: { overdue?: boolean; open?: boolean; limit: string; json?: boolean }) => {
      await withDatabase(globals(), async (database) => {
        const rows = await new ComplaintsService(database).list(CONSOLE, {
          overdue: flags.overdue ?? false,
          open: flags.open ?? false,
          limit: Math.max(1, Math.min(10_000, Number(flags.limit) || 100)),
        });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(rows)}\n`);
          return;
        }
        for (const row of rows) {
          const due = row.acknowledged_at === null ? row.acknowledge_due_at : row.resolve_due_at;
          process.stdout.write(
            `${row.reference.padEnd(15)} ${row.status.padEnd(13)} ${row.severity.padEnd(8)} ${(row.category ?? '-').padEnd(16)} due ${due ?? '-'}${row.overdue ? '  OVERDUE' : ''}  ${row.description.slice(0, 60).replace(/\s+/g, ' ')}\n`,
          );
        }
        if (rows.length === 0)
          process.stdout.write(flags.overdue ? 'nothing overdue\n' : 'the register is empty\n');
      });
    });

  complaints
    .command('import')
    .description(
      'load an existing register from CSV with its own column names; bad rows are reported by line and skipped; safe to repeat',
    )
    .argument('<file>', 'CSV with a header row')
    .option(
      '--map <pairs>',
      'column names: field=Column,field=Column (fields: id, received_at, description, kind, status, severity, category, owner_email, …)',
    )
    .option('--map-file <file>', 'column names from a file (JSON object or field=Column lines)')
    .option('--json', 'print {"read","imported","updated","rejected"} as JSON')
    .action(async (file: string, flags: { map?: string; mapFile?: string; json?: boolean }) => {
      const { importRegister } = await import('../../modules/complaints/register-import.service.js');
      let columns: Record<string, string> = {};
      try {
        if (flags.mapFile) columns = readColumnMapFile(flags.mapFile);
        if (flags.map) columns = { ...columns, ...parseColumnMap(flags.map) };
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
      try {
        fs.accessSync(file, fs.constants.R_OK);
      } catch {
        throw new CliError(`${file}: no such file or not readable`);
      }
      await withDatabase(globals(), async (database) => {
        let summary: Awaited<ReturnType<typeof importRegister>>;
        try {
          summary = await importRegister(database, file, columns);
        } catch (error) {
          throw new CliError(error instanceof Error ? error.message : String(error));
        }
        for (const { line, problems } of summary.errors) {
          for (const problem of problems)
            process.stderr.write(`${file}:${line}: ${problem.field}: ${problem.reason}\n`);
        }
        const { errors: _errors, ...counts } = summary;
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(counts)}\n`
            : `read ${counts.read}, imported ${counts.imported}, updated ${counts.updated}, rejected ${counts.rejected}\n`,
        );
        if (counts.rejected > 0) process.exitCode = EXIT.rejected;
      });
    });

  complaints
    .command('intake')
    .description(
      'record complaints from conversations marked as complaints and from AutoQA detections; safe to repeat',
    )
    .action(async () => {
      await withDatabase(globals(), async (database) => {
        const result = await new ComplaintsService(database).intakeFromConversations(1_000_000);
        process.stdout.write(
          `${result.records} recorded, ${result.linked} linked to open complaints, ${result.candidates} candidates from AutoQA\n`,
        );
      });
    });

  complaints
    .command('escalate')
    .description("escalate every missed deadline once, to the owner's manager and the webhook")
    .action(async () => {
      await withDatabase(globals(), async (database) => {
        const escalated = await new ComplaintsService(database).escalateOverdue();
        for (const entry of escalated) {
          process.stdout.write(
            `${entry.reference}: ${entry.deadline} deadline missed, notified ${entry.notified.length}\n`,
          );
        }
        process.stdout.write(`${escalated.length} escalated\n`);
      });
    });
}
