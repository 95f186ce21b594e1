/** `kvalita sample [--rule ID] [--period 2026-W48] [--flagged] [--json]`: fill the QA queue. */
import type { Command } from 'commander';
import { AssignmentsService, type RunOutcome } from '../../modules/assignments/assignments.service.js';
import { ServiceError } from '../../modules/common/service-errors.js';
import { CliError, type GlobalOptions, withDatabase } from '../context.js';

function describeRun(outcome: RunOutcome, label: string): string {
  const reviewers = Object.entries(outcome.per_reviewer)
    .map(([user, count]) => `user ${user}: ${count}`)
    .join(', ');
  return `${label} ${outcome.period}: ${outcome.candidates} candidates, ${outcome.sampled} sampled, ${outcome.assigned} assigned${
    outcome.unassigned ? `, ${outcome.unassigned} left (only their own agent could review them)` : ''
  }${reviewers ? ` (${reviewers})` : ''}`;
}

/** Registers the command. */
export function registerSampleCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('sample')
    .description(
      'sample conversations for review by the sampling rules and assign them evenly; safe to run again',
    )
    .option('--rule <id>', 'run only this rule (default: every active rule)')
    .option('--period <week>', 'ISO week, e.g. 2026-W48 (default: the last complete week)')
    .option('--flagged', 'also assign the conversations AutoQA flagged')
    .option('--json', 'one JSON array of the runs')
    .action(async (flags: { rule?: string; period?: string; flagged?: boolean; json?: boolean }) => {
      const ruleId = flags.rule === undefined ? undefined : Number(flags.rule);
      if (ruleId !== undefined && !(Number.isInteger(ruleId) && ruleId > 0)) {
        throw new CliError(`--rule: expected a rule id, got "${flags.rule}"`);
      }
      await withDatabase(globals(), async (database) => {
        const service = new AssignmentsService(database);
        try {
          const runs: Array<RunOutcome & { label: string }> = [];
          const rules = await service.rules();
          const selected =
            ruleId === undefined ? rules.filter((r) => r.active) : rules.filter((r) => r.id === ruleId);
          if (ruleId !== undefined && selected.length === 0)
            throw new CliError(`--rule: no sampling rule ${ruleId}`);
          for (const rule of selected) {
            runs.push({
              ...(await service.runRule(rule.id, flags.period)),
              label: `rule ${rule.id} "${rule.name}"`,
            });
          }
          if (flags.flagged) runs.push({ ...(await service.assignFlagged()), label: 'flagged' });
          if (flags.json) {
            process.stdout.write(`${JSON.stringify(runs.map(({ label: _label, ...run }) => run))}\n`);
          } else if (runs.length === 0) {
            process.stdout.write('no active sampling rules; create one with POST /api/v1/sampling-rules\n');
          } else {
            for (const run of runs) process.stdout.write(`${describeRun(run, run.label)}\n`);
          }
        } catch (error) {
          if (error instanceof ServiceError) {
            throw new CliError(
              error.details?.map((d) => `--${d.field}: ${d.reason}`).join('\n') ?? error.message,
            );
          }
          throw error;
        }
      });
    });
}
