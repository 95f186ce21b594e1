/** `kvalita kpi --metrics csat,nps,frt --by team,week --from … --to … [--json|--csv]`. */
import type { Command } from 'commander';
import {
  AnalyticsService,
  type Dimension,
  metricsCsv,
  parseMetricsQuery,
} from '../../modules/analytics/analytics.service.js';
import { ServiceError } from '../../modules/common/service-errors.js';
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
      await withDatabase(globals(), async (database) => {
        const rows = await new AnalyticsService(database).query({
          ...parsed,
          channel: flags.channel,
          team: flags.team,
          agent: flags.agent,
          language: flags.language,
          tag: flags.tag,
        });
        const columns = [...(parsed.by as Dimension[]), ...parsed.metrics.flatMap((m) => [m, `${m}_n`])];
        if (flags.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
        else if (flags.csv) process.stdout.write(metricsCsv(rows, columns));
        else {
          const shown = [...(parsed.by as string[]), ...parsed.metrics];
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
