/** `kvalita kpi --metrics csat,nps,frt --by team,week --from … --to … [--json|--csv]`. */
import type { Command } from 'commander';
import {
  AnalyticsService,
  type Dimension,
  metricsCsv,
  parseMetricsQuery,
} from '../../modules/analytics/analytics.service.js';
import { ServiceError } from '../../modules/common/service-errors.js';
import { GoalsService, goalColumns, goalRowsForCsv } from '../../modules/goals/goals.service.js';
import { CliError, type GlobalOptions, withDatabase } from '../context.js';

interface KpiFlags {
  metrics: string;
  by?: string;
  from?: string;
  to?: string;
  channel?: string;
  team?: string;
  agent?: string;
  language?: string;
  tag?: string;
  source?: string;
  scorecard?: string;
  category?: string;
  custom?: string[];
  exact?: boolean;
  json?: boolean;
  csv?: boolean;
}

/** Registers the command. */
export function registerKpiCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('kpi')
    .description(
      'metrics by any grouping: --metrics csat,nps,frt --by team,week --from 2026-01-01 --to 2026-04-01',
    )
    .requiredOption('--metrics <ids>', 'comma-separated metric ids')
    .option(
      '--by <dimensions>',
      'team, agent, channel, language, source, day, week, month, quarter, hour, weekday',
    )
    .option('--from <date>', 'start of the period (default: 30 days before --to)')
    .option('--to <date>', 'end of the period, exclusive (default: now)')
    .option('--channel <channel>')
    .option('--team <name>')
    .option('--agent <id>', 'agent id in the source system')
    .option('--language <code>')
    .option('--tag <tag>')
    .option('--source <source>')
    .option('--scorecard <id>', 'review metrics on this scorecard only')
    .option('--category <key>', 'the scorecard category of category_score')
    .option(
      '--custom <key=value>',
      'only conversations with this custom field (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--exact', 'compute from the conversations instead of rollups (exact medians)')
    .option('--json', 'JSON rows')
    .option('--csv', 'CSV')
    .action(async (flags: KpiFlags) => {
      let parsed: ReturnType<typeof parseMetricsQuery>;
      try {
        parsed = parseMetricsQuery(flags);
      } catch (error) {
        if (error instanceof ServiceError) {
          throw new CliError(
            error.details?.map((d) => `--${d.field}: ${d.reason}`).join('\n') ?? error.message,
          );
        }
        throw error;
      }
      const custom: Record<string, string> = {};
      for (const pair of flags.custom ?? []) {
        const at = pair.indexOf('=');
        if (at < 1) throw new CliError(`--custom: expected key=value, got "${pair}"`);
        custom[pair.slice(0, at)] = pair.slice(at + 1);
      }
      const scorecard = flags.scorecard === undefined ? undefined : Number(flags.scorecard);
      if (scorecard !== undefined && !(Number.isInteger(scorecard) && scorecard > 0))
        throw new CliError(`--scorecard: not a scorecard id: "${flags.scorecard}"`);
      await withDatabase(globals(), async (database) => {
        const measured = await new AnalyticsService(database).query({
          ...parsed,
          channel: flags.channel,
          team: flags.team,
          agent: flags.agent,
          language: flags.language,
          tag: flags.tag,
          source: flags.source,
          scorecard,
          category: flags.category,
          custom: Object.keys(custom).length ? custom : undefined,
          exact: flags.exact,
        });
        // Each metric beside its goal for the row's team, agent, channel and period.
        const goals = new GoalsService(database);
        const rows = await goals.attachGoals(measured, {
          ...parsed,
          channel: flags.channel,
          team: flags.team,
          agent: flags.agent,
        });
        const columns = goalColumns(
          parsed.by as Dimension[],
          parsed.metrics,
          await goals.metricsWithGoals(parsed.metrics),
        );
        if (flags.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else if (flags.csv) process.stdout.write(metricsCsv(goalRowsForCsv(rows), columns));
        else {
          const shown = [
            ...(parsed.by as string[]),
            ...parsed.metrics.flatMap((m) =>
              rows.some((r) => r[`${m}_goal`] !== null) ? [m, `${m}_goal`, `${m}_goal_met`] : [m],
            ),
          ];
          const widths = shown.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '—').length)));
          process.stdout.write(`${shown.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}\n`);
          for (const row of rows) {
            process.stdout.write(
              `${shown.map((c, i) => String(row[c] ?? '—').padEnd(widths[i] ?? 0)).join('  ')}\n`,
            );
          }
        }
      });
    });
}
