/**
 * `kvalita goals list|set|delete`, `kvalita alerts check|list` and `kvalita drivers`: targets,
 * trend alerts and what moves CSAT, from the command line.
 */
import type { Command } from 'commander';
import type { GoalInput } from '../../domain/goals.js';
import { AlertsService, alertText } from '../../modules/alerts/alerts.service.js';
import { ServiceError } from '../../modules/common/service-errors.js';
import { DriversService, parseDriverPeriod } from '../../modules/drivers/drivers.service.js';
import { GoalsService } from '../../modules/goals/goals.service.js';
import { CliError, EXIT, type GlobalOptions, withDatabase } from '../context.js';

// Service refusals become one line per field on standard error: invalid input exits 1, the rest 2.
function asCliError(error: unknown, flagOf: (field: string) => string = (field) => `--${field}`): unknown {
  if (!(error instanceof ServiceError)) return error;
  const lines = error.details?.map((d) => `${flagOf(d.field)}: ${d.reason}`) ?? [error.message];
  return new CliError(lines.join('\n'), error.kind === 'invalid' ? EXIT.rejected : EXIT.usage);
}

function positiveId(value: string, flag: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new CliError(`${flag}: expected a positive whole number, got "${value}"`);
  return id;
}

// The goal fields as the flags name them.
const GOAL_FLAGS: Record<string, string> = {
  metric: '--metric',
  scope: '--scope',
  scope_value: '--value',
  target: '--target',
  valid_from: '--from',
  valid_to: '--to',
};

interface GoalFlags {
  id?: string;
  metric?: string;
  scope?: string;
  value?: string;
  target?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

interface DriverFlags {
  from?: string;
  to?: string;
  channel?: string;
  team?: string;
  agent?: string;
  language?: string;
  tag?: string;
  source?: string;
  json?: boolean;
}

/** Registers `goals`, `alerts` and `drivers`. */
export function registerGoalCommands(program: Command, globals: () => GlobalOptions): void {
  const goals = program
    .command('goals')
    .description('targets per metric for the organisation, a team, an agent or a channel');

  goals
    .command('list')
    .description('list the goals')
    .option('--metric <id>', 'only this metric')
    .option('--on <date>', 'only goals in force on this day (YYYY-MM-DD)')
    .option('--json', 'one JSON array')
    .action(async (flags: { metric?: string; on?: string; json?: boolean }) => {
      await withDatabase(globals(), async (database) => {
        const list = await new GoalsService(database).list({ metric: flags.metric, on: flags.on });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(list)}\n`);
          return;
        }
        for (const goal of list) {
          const scope = goal.scope_value === null ? goal.scope : `${goal.scope} ${goal.scope_value}`;
          process.stdout.write(
            `${String(goal.id).padStart(5)}  ${goal.metric.padEnd(16)} ${String(goal.target).padStart(8)}  ${scope.padEnd(30)} ${goal.valid_from} … ${goal.valid_to ?? 'open'}\n`,
          );
        }
        if (list.length === 0) process.stdout.write('no goals\n');
      });
    });

  goals
    .command('set')
    .description('set a goal (or change goal --id); the metric decides whether higher or lower is better')
    .option('--id <id>', 'change this goal instead of setting a new one')
    .option('--metric <id>', 'metric id, e.g. csat or frt_median')
    .option('--target <number>', 'the value to reach')
    .option('--scope <scope>', 'organisation, team, agent or channel (new goals: organisation)')
    .option('--value <value>', 'team name, agent id in the source system, or channel')
    .option('--from <date>', 'first day in force, YYYY-MM-DD (new goals: today)')
    .option('--to <date>', 'last day in force, YYYY-MM-DD, or "open"')
    .option('--json', 'print the goal as JSON')
    .action(async (flags: GoalFlags) => {
      let target: number | undefined;
      if (flags.target !== undefined) {
        target = Number(flags.target);
        if (flags.target.trim() === '' || !Number.isFinite(target))
          throw new CliError(`--target: not a number: "${flags.target}"`);
      }
      const input: GoalInput = {
        metric: flags.metric,
        scope: flags.scope ?? (flags.id === undefined ? 'organisation' : undefined),
        scope_value: flags.value,
        target,
        valid_from: flags.from,
        valid_to: flags.to === 'open' ? null : flags.to,
      };
      const id = flags.id === undefined ? undefined : positiveId(flags.id, '--id');
      await withDatabase(globals(), async (database) => {
        const service = new GoalsService(database);
        let goal: Awaited<ReturnType<GoalsService['get']>>;
        try {
          goal = id === undefined ? await service.create(input, null) : await service.update(id, input);
        } catch (error) {
          throw asCliError(error, (field) => GOAL_FLAGS[field] ?? field);
        }
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(goal)}\n`
            : `goal ${goal.id}: ${goal.metric} ${goal.target} for ${goal.scope}${goal.scope_value === null ? '' : ` ${goal.scope_value}`} from ${goal.valid_from} to ${goal.valid_to ?? 'open'}\n`,
        );
      });
    });

  goals
    .command('delete')
    .description('delete a goal')
    .argument('<id>', 'the goal')
    .action(async (value: string) => {
      const id = positiveId(value, 'id');
      await withDatabase(globals(), async (database) => {
        try {
          await new GoalsService(database).delete(id);
        } catch (error) {
          throw asCliError(error);
        }
        process.stdout.write(`goal ${id} deleted\n`);
      });
    });

  const alerts = program.command('alerts').description('trend alerts of the watched metrics');

  alerts
    .command('check')
    .description(
      'check the latest complete bucket of each watched metric (organisation and teams): outside the band of the previous 8, or missing its goal; each alert is raised and sent to the webhook once',
    )
    .option('--bucket <bucket>', 'day, week or month', 'week')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { bucket: string; json?: boolean }) => {
      await withDatabase(globals(), async (database) => {
        let result: Awaited<ReturnType<AlertsService['check']>>;
        try {
          result = await new AlertsService(database).check(flags.bucket);
        } catch (error) {
          throw asCliError(error);
        }
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
          return;
        }
        for (const alert of result.raised) process.stdout.write(`${alertText(alert)}\n`);
        process.stdout.write(
          `${result.bucket}: ${result.raised.length} alerts raised; webhook: ${result.delivered} delivered, ${result.failed} to retry\n`,
        );
      });
    });

  alerts
    .command('list')
    .description('list the alerts, newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'one JSON array')
    .action(async (flags: { limit: string; json?: boolean }) => {
      await withDatabase(globals(), async (database) => {
        const list = await new AlertsService(database).list({
          limit: Math.max(1, Math.min(1000, Number(flags.limit) || 50)),
        });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(list)}\n`);
          return;
        }
        for (const alert of list) {
          const delivery = alert.delivered_at ? 'delivered' : alert.attempts > 0 ? 'retrying' : 'not sent';
          process.stdout.write(
            `${alert.created_at.slice(0, 16)}  ${delivery.padEnd(9)}  ${alertText(alert)}\n`,
          );
        }
        if (list.length === 0) process.stdout.write('no alerts\n');
      });
    });

  program
    .command('drivers')
    .description(
      "Spearman's ρ between each scorecard category or AutoQA check and the CSAT of the same conversations, strongest first",
    )
    .option('--from <date>', 'start of the period (default: 90 days before --to)')
    .option('--to <date>', 'end of the period, exclusive (default: now)')
    .option('--channel <channel>')
    .option('--team <name>')
    .option('--agent <id>', 'agent id in the source system')
    .option('--language <code>')
    .option('--tag <tag>')
    .option('--source <source>', 'source system of the conversations')
    .option('--json', 'print the result as JSON')
    .action(async (flags: DriverFlags) => {
      let period: { from: number; to: number };
      try {
        period = parseDriverPeriod(flags);
      } catch (error) {
        throw asCliError(error);
      }
      await withDatabase(globals(), async (database) => {
        const report = await new DriversService(database).drivers({
          ...period,
          channel: flags.channel,
          team: flags.team,
          agent: flags.agent,
          language: flags.language,
          tag: flags.tag,
          source: flags.source,
        });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(report)}\n`);
          return;
        }
        process.stdout.write(
          `${report.conversations_with_csat} conversations with a CSAT answer, ${report.from.slice(0, 10)} … ${report.to.slice(0, 10)}\n`,
        );
        process.stdout.write(
          `${'source'.padEnd(14)} ${'category or check'.padEnd(24)} ${'rho'.padStart(7)} ${'n'.padStart(7)}\n`,
        );
        for (const driver of report.drivers) {
          process.stdout.write(
            `${driver.source.padEnd(14)} ${driver.key.padEnd(24)} ${(driver.rho === null ? '—' : driver.rho.toFixed(3)).padStart(7)} ${String(driver.n).padStart(7)}\n`,
          );
        }
      });
    });
}
