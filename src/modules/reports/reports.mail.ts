/** Mails report files through the configured SMTP server (nodemailer), the summary in the body. */
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../../db/schema.js';
import { invalidInput } from '../common/service-errors.js';
import type { ReportData } from './report-data.js';
import { formatChange, formatValue } from './report-metrics.js';
import { isEmailAddress, ReportScheduleSettings } from './reports.settings.js';

/** A file to attach. */
export interface ReportFile {
  fileName: string;
  content: Buffer;
  contentType: string;
}

/** What the SMTP server said. */
export interface MailResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/** The plain-text body: the summary, then each KPI with its change. */
export function mailText(report: ReportData): string {
  const lines = [
    `${report.title}: ${report.period.label}`,
    '',
    ...report.summary,
    '',
    ...report.kpis.map(
      (k) =>
        `${k.label}: ${formatValue(k.metric, k.value)} (${report.previous.label}: ${formatValue(k.metric, k.previous)}, change ${formatChange(k.metric, k.value, k.previous)})`,
    ),
    '',
    'The full report is attached.',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Mails `files` of `report` to `recipients` through the stored SMTP settings; refuses, naming
 * the field, when the server, the sender or an address is missing or wrong.
 */
export async function mailReport(
  db: Kysely<DB>,
  report: ReportData,
  files: readonly ReportFile[],
  recipients: readonly string[],
): Promise<MailResult> {
  const settings = new ReportScheduleSettings(db);
  const schedule = await settings.load();
  const problems = [
    ...recipients
      .filter((r) => !isEmailAddress(r))
      .map((r) => ({ field: 'to', reason: `not an e-mail address: "${r}"` })),
    ...(recipients.length === 0 ? [{ field: 'to', reason: 'name at least one recipient' }] : []),
    ...(schedule.smtp.host
      ? []
      : [{ field: 'smtp.host', reason: 'no SMTP server is set (PUT /api/v1/reports/schedule)' }]),
    ...(schedule.from
      ? []
      : [{ field: 'from', reason: 'no sender address is set (PUT /api/v1/reports/schedule)' }]),
  ];
  if (problems.length > 0) throw invalidInput(problems);
  const password = await settings.password();
  const transport = nodemailer.createTransport({
    host: schedule.smtp.host,
    port: schedule.smtp.port,
    secure: schedule.smtp.secure,
    auth: schedule.smtp.user ? { user: schedule.smtp.user, pass: password } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  try {
    const scope = [report.filters.team, report.filters.channel].filter(Boolean).join(', ');
    const info = await transport.sendMail({
      from: schedule.from,
      to: [...recipients],
      subject: `${report.title} ${report.period.label}${scope ? ` (${scope})` : ''}`,
      text: mailText(report),
      attachments: files.map((file) => ({
        filename: file.fileName,
        content: file.content,
        contentType: file.contentType,
      })),
    });
    return {
      messageId: info.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
    };
  } finally {
    transport.close();
  }
}
