/** `kvalita complaints list|intake|escalate`: the register from the command line. */
import type { Command } from 'commander';
import { ComplaintsService } from '../../modules/complaints/complaints.service.js';
import { type GlobalOptions, withDatabase } from '../context.js';

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
