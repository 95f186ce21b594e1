/**
 * Scheduled reports: every minute the server checks whether a daily, weekly or monthly report
 * is due (its period is complete, the configured local hour has come, and it was not sent yet),
 * writes it to the folder as `kvalita-<period>.<format>` and mails it. What was sent is recorded
 * in the settings after the mail went out, so a restart sends nothing twice; a failure is
 * retried a quarter of an hour later.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import { lastCompletePeriod, type PeriodKind } from './report-period.js';
import { type MailResult, mailReport, type ReportFile } from './reports.mail.js';
import { renderReport } from './reports.render.js';
import { REPORT_CONTENT_TYPES, ReportsService, reportFileName } from './reports.service.js';
import { FREQUENCIES, type Frequency, ReportScheduleSettings } from './reports.settings.js';

/** The period each frequency reports on. */
export const PERIOD_OF: Record<Frequency, PeriodKind> = { daily: 'day', weekly: 'week', monthly: 'month' };
/** How long a failed report waits before it is tried again. */
export const RETRY_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;

/** One report the scheduler produced. */
export interface ScheduledRun {
  frequency: Frequency;
  period: string;
  files: string[];
  mail: MailResult | null;
}

/** Checks the schedule and sends what is due; one instance per server. */
export class ReportScheduler {
  private readonly settings: ReportScheduleSettings;
  private readonly reports: ReportsService;
  private readonly retryAfter = new Map<Frequency, number>();

  constructor(
    private readonly database: Database,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.settings = new ReportScheduleSettings(database.kysely);
    this.reports = new ReportsService(database);
  }

  /** Sends every report due now; returns those sent. A failing one is logged and retried later. */
  async tick(): Promise<ScheduledRun[]> {
    const now = this.now();
    const schedule = await this.settings.load();
    const timeZone = await organisationTimeZone(this.database.kysely);
    const runs: ScheduledRun[] = [];
    for (const frequency of FREQUENCIES) {
      const since = schedule.enabled_at[frequency];
      if (!schedule[frequency] || since === null) continue;
      if ((this.retryAfter.get(frequency) ?? 0) > now) continue;
      const period = lastCompletePeriod(PERIOD_OF[frequency], now, timeZone);
      // Only periods that ended after the frequency was switched on, from the set hour on.
      if (period.to <= since || now < period.to + schedule.hour * HOUR_MS) continue;
      const last = await this.settings.lastSent(frequency);
      if (last && last.period >= period.label) continue;
      try {
        const report = await this.reports.build({ period: period.label, now });
        await fs.mkdir(schedule.folder, { recursive: true });
        const files: ReportFile[] = [];
        for (const format of schedule.formats) {
          const file = {
            fileName: reportFileName(report, format),
            content: await renderReport(report, format),
            contentType: REPORT_CONTENT_TYPES[format],
          };
          // Written aside and renamed, so a reader of the folder never sees half a file.
          const target = path.join(schedule.folder, file.fileName);
          await fs.writeFile(`${target}.part`, file.content);
          await fs.rename(`${target}.part`, target);
          files.push(file);
        }
        const mail =
          schedule.recipients.length > 0
            ? await mailReport(this.database.kysely, report, files, schedule.recipients)
            : null;
        await this.settings.recordSent(frequency, {
          period: period.label,
          sent_at: new Date(now).toISOString(),
          files: files.map((f) => f.fileName),
          recipients: mail?.accepted ?? [],
        });
        this.retryAfter.delete(frequency);
        this.log(
          `Reports: ${frequency} report ${period.label} written to ${schedule.folder}${mail ? ` and mailed to ${mail.accepted.length} recipients` : ''}`,
        );
        runs.push({ frequency, period: period.label, files: files.map((f) => f.fileName), mail });
      } catch (error) {
        this.retryAfter.set(frequency, now + RETRY_MS);
        this.log(
          `Reports: ${frequency} report ${period.label} failed, retrying in 15 minutes: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return runs;
  }
}

/** Options of the schedule loop. */
export interface ReportScheduleOptions {
  /** The clock, for tests. */
  now?: () => number;
  /** How often the schedule is checked. */
  intervalMs?: number;
}

/**
 * Checks the report schedule now and then every minute, one check at a time; returns a
 * function that stops it after the check under way.
 */
export function startReportSchedule(
  database: Database,
  log: (message: string) => void,
  options: ReportScheduleOptions = {},
): () => Promise<void> {
  const scheduler = new ReportScheduler(database, log, options.now);
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = scheduler
      .tick()
      .then(() => undefined)
      .catch((error: unknown) =>
        log(`Reports: schedule check failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
