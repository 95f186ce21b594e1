/**
 * `kvalita report --period 2026-03 --out report.pdf [--team …] [--channel …]`: the KPI report of
 * a period as HTML, PDF, XLSX or CSV (by the file's extension); `kvalita report send --period …
 * --to a@b.c`: mails it now through the configured SMTP server.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ServiceError } from '../../modules/common/service-errors.js';
import { mailReport } from '../../modules/reports/reports.mail.js';
import { renderReport } from '../../modules/reports/reports.render.js';
import {
  formatOfFile,
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  type ReportFormat,
  ReportsService,
  reportFileName,
} from '../../modules/reports/reports.service.js';
import { CliError, EXIT, type GlobalOptions, withDatabase } from '../context.js';

interface ReportFlags {
  period?: string;
  out?: string;
  team?: string;
  channel?: string;
  minCount?: string;
}

interface SendFlags {
  to: string[];
  format: string[];
}

// Service refusals as the user typed them: `--period: …`.
function asCliError(error: unknown): unknown {
  if (error instanceof ServiceError) {
    const flag = (field: string) => `--${field.replace(/_/g, '-').replace(/^minimum-count$/, 'min-count')}`;
    return new CliError(
      error.details?.map((d) => `${flag(d.field)}: ${d.reason}`).join('\n') ?? error.message,
      error.kind === 'invalid' ? EXIT.usage : EXIT.failure,
    );
  }
  return error;
}

function minimumCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new CliError(`--min-count: not a whole number ≥ 1: "${text}"`);
  return value;
}

/** Registers the command. */
export function registerReportCommand(program: Command, globals: () => GlobalOptions): void {
  const report = program
    .command('report')
    .description(
      'KPI report of a period: --period 2026-03 (or 2026-W10, 2026-Q1, 2026-03-15) --out report.pdf (.html, .xlsx, .csv)',
    )
    .option('--period <period>', 'a day, ISO week, month or quarter in the organisation time zone')
    .option('--out <file>', 'the file to write; its extension picks the format')
    .option('--team <name>', 'only this team')
    .option('--channel <channel>', 'only this channel')
    .option('--min-count <n>', 'reviews or answers a team or agent needs to be ranked (default 5)')
    .action(async (flags: ReportFlags) => {
      if (!flags.period) throw new CliError('--period: required, e.g. --period 2026-03');
      if (!flags.out) throw new CliError('--out: required, e.g. --out report.pdf');
      const out = flags.out;
      let format: ReportFormat;
      try {
        format = formatOfFile(out);
      } catch (error) {
        throw asCliError(error);
      }
      const minimum = minimumCount(flags.minCount);
      await withDatabase(globals(), async (database) => {
        try {
          const data = await new ReportsService(database).build({
            period: flags.period as string,
            team: flags.team,
            channel: flags.channel,
            minimumCount: minimum,
          });
          await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
          await fs.writeFile(out, await renderReport(data, format));
          process.stdout.write(`Wrote the ${data.period.label} report to ${out}\n`);
          for (const sentence of data.summary) process.stdout.write(`  ${sentence}\n`);
        } catch (error) {
          throw asCliError(error);
        }
      });
    });

  report
    .command('send')
    .description('mail the report of --period now: kvalita report --period 2026-03 send --to a@b.c')
    .option(
      '--to <address>',
      'recipient (repeatable, or comma-separated)',
      (value: string, previous: string[] = []) => [...previous, ...value.split(',')],
    )
    .option(
      '--format <format>',
      `attached format (repeatable): ${REPORT_FORMATS.join(', ')} (default pdf)`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (flags: SendFlags, command: Command) => {
      // --period, --team and --channel belong to `report`, whichever side of `send` they are written.
      const parent = command.parent?.opts<ReportFlags>() ?? {};
      if (!parent.period) throw new CliError('--period: required, e.g. --period 2026-W10');
      const recipients = (flags.to ?? []).map((r) => r.trim()).filter(Boolean);
      if (recipients.length === 0) throw new CliError('--to: name at least one recipient');
      const formats = flags.format?.length ? [...new Set(flags.format)] : ['pdf'];
      for (const format of formats) {
        if (!(REPORT_FORMATS as readonly string[]).includes(format))
          throw new CliError(`--format: unknown format "${format}"; known: ${REPORT_FORMATS.join(', ')}`);
      }
      const minimum = minimumCount(parent.minCount);
      await withDatabase(globals(), async (database) => {
        try {
          const data = await new ReportsService(database).build({
            period: parent.period as string,
            team: parent.team,
            channel: parent.channel,
            minimumCount: minimum,
          });
          const files = [];
          for (const format of formats as ReportFormat[]) {
            files.push({
              fileName: reportFileName(data, format),
              content: await renderReport(data, format),
              contentType: REPORT_CONTENT_TYPES[format],
            });
          }
          const result = await mailReport(database.kysely, data, files, recipients);
          process.stdout.write(
            `Mailed the ${data.period.label} report (${files.map((f) => f.fileName).join(', ')}) to ${result.accepted.join(', ')}\n`,
          );
          if (result.rejected.length > 0) {
            throw new CliError(`the SMTP server refused: ${result.rejected.join(', ')}`, EXIT.failure);
          }
        } catch (error) {
          throw asCliError(error);
        }
      });
    });
}
