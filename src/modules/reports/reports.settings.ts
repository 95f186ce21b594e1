/**
 * Settings of scheduled reports, in the installation's key-value settings:
 * - `reports.schedule`: JSON of {@link ReportSchedule} (frequencies, folder, formats, recipients,
 *   sender and SMTP server without its password);
 * - `reports.smtp_password`: the SMTP password, apart so no read of the schedule returns it;
 * - `reports.sent.daily`, `reports.sent.weekly`, `reports.sent.monthly`: JSON of {@link SentReport},
 *   the last period of each frequency written and mailed, so a restart does not send it again.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type FieldProblem, invalidInput } from '../common/service-errors.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { REPORT_FORMATS, type ReportFormat } from './reports.service.js';

/** Setting key of the schedule. */
export const REPORT_SCHEDULE_KEY = 'reports.schedule';
/** Setting key of the SMTP password. */
export const REPORT_SMTP_PASSWORD_KEY = 'reports.smtp_password';
/** Prefix of the setting keys recording the last report sent per frequency. */
export const REPORT_SENT_KEY_PREFIX = 'reports.sent.';

/** How often a scheduled report goes out. */
export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
/** A frequency. */
export type Frequency = (typeof FREQUENCIES)[number];

/** The SMTP server reports are mailed through (the password is stored apart). */
export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Empty: no authentication. */
  user: string;
}

/** What is sent when. */
export interface ReportSchedule {
  daily: boolean;
  weekly: boolean;
  monthly: boolean;
  /** Local hour (0–23, organisation time zone) from which a finished period's report goes out. */
  hour: number;
  /** Folder the report files are written to (absolute). */
  folder: string;
  formats: ReportFormat[];
  /** Addresses mailed; none: the files are only written. */
  recipients: string[];
  /** The sender address. */
  from: string;
  smtp: SmtpServer;
  /** When each frequency was switched on (epoch ms): periods that ended before are not sent. */
  enabled_at: Record<Frequency, number | null>;
}

/** The schedule as the API shows it: never the password, only whether one is set. */
export type PublicReportSchedule = Omit<ReportSchedule, 'smtp'> & {
  smtp: SmtpServer & { password_set: boolean };
};

/** A change to the schedule; `smtp.password` null clears it, absent keeps it. */
export interface ReportScheduleChange {
  daily?: boolean;
  weekly?: boolean;
  monthly?: boolean;
  hour?: number;
  folder?: string;
  formats?: string[];
  recipients?: string[];
  from?: string;
  smtp?: Partial<SmtpServer> & { password?: string | null };
}

/** The record of the last report sent for a frequency. */
export interface SentReport {
  period: string;
  sent_at: string;
  files: string[];
  recipients: string[];
}

/** Defaults of a new installation: nothing scheduled. */
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = {
  daily: false,
  weekly: false,
  monthly: false,
  hour: 6,
  folder: '',
  formats: ['pdf'],
  recipients: [],
  from: '',
  smtp: { host: '', port: 587, secure: false, user: '' },
  enabled_at: { daily: null, weekly: null, monthly: null },
};

// A plain address check: one @, no spaces, a dot in the domain; the SMTP server judges the rest.
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** Whether `text` looks like an e-mail address. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/** Reads and changes the schedule and the records of what was sent. */
export class ReportScheduleSettings {
  private readonly settings: SettingsRepository;

  constructor(db: Kysely<DB>) {
    this.settings = new SettingsRepository(db);
  }

  /** The schedule in force (stored values over the defaults). */
  async load(): Promise<ReportSchedule> {
    const stored = await this.settings.get(REPORT_SCHEDULE_KEY);
    const parsed = stored ? (JSON.parse(stored) as Partial<ReportSchedule>) : {};
    return {
      ...DEFAULT_REPORT_SCHEDULE,
      ...parsed,
      smtp: { ...DEFAULT_REPORT_SCHEDULE.smtp, ...parsed.smtp },
      enabled_at: { ...DEFAULT_REPORT_SCHEDULE.enabled_at, ...parsed.enabled_at },
    };
  }

  /** The SMTP password; empty when none is set. */
  async password(): Promise<string> {
    return (await this.settings.get(REPORT_SMTP_PASSWORD_KEY)) ?? '';
  }

  /** The schedule without the password. */
  async view(): Promise<PublicReportSchedule> {
    const schedule = await this.load();
    return { ...schedule, smtp: { ...schedule.smtp, password_set: (await this.password()) !== '' } };
  }

  /**
   * Checks and stores a change; every bad field is named. A frequency switched on now starts
   * with the next period that ends, not with one that ended before.
   */
  async save(change: ReportScheduleChange, now = Date.now()): Promise<PublicReportSchedule> {
    const current = await this.load();
    const problems: FieldProblem[] = [];
    const next: ReportSchedule = {
      ...current,
      ...Object.fromEntries(
        Object.entries(change).filter(([key, value]) => key !== 'smtp' && value !== undefined),
      ),
      smtp: { ...current.smtp },
      enabled_at: { ...current.enabled_at },
    } as ReportSchedule;
    const { password, ...smtp } = change.smtp ?? {};
    next.smtp = {
      ...current.smtp,
      ...Object.fromEntries(Object.entries(smtp).filter(([, value]) => value !== undefined)),
    };
    if (!Number.isInteger(next.hour) || next.hour < 0 || next.hour > 23)
      problems.push({ field: 'hour', reason: 'must be a whole hour from 0 to 23' });
    if (!Array.isArray(next.formats) || next.formats.length === 0)
      problems.push({ field: 'formats', reason: `name at least one of ${REPORT_FORMATS.join(', ')}` });
    for (const format of next.formats ?? []) {
      if (!(REPORT_FORMATS as readonly string[]).includes(format))
        problems.push({
          field: 'formats',
          reason: `unknown format "${format}"; known: ${REPORT_FORMATS.join(', ')}`,
        });
    }
    next.formats = [...new Set(next.formats)];
    next.recipients = [...new Set((next.recipients ?? []).map((r) => r.trim()).filter(Boolean))];
    for (const recipient of next.recipients) {
      if (!isEmailAddress(recipient))
        problems.push({ field: 'recipients', reason: `not an e-mail address: "${recipient}"` });
    }
    next.from = next.from.trim();
    if (next.from && !isEmailAddress(next.from))
      problems.push({ field: 'from', reason: `not an e-mail address: "${next.from}"` });
    if (!Number.isInteger(next.smtp.port) || next.smtp.port < 1 || next.smtp.port > 65_535)
      problems.push({ field: 'smtp.port', reason: 'must be a port number from 1 to 65535' });
    next.smtp.host = next.smtp.host.trim();
    next.folder = next.folder.trim() ? path.resolve(next.folder.trim()) : '';
    const enabled = FREQUENCIES.filter((f) => next[f]);
    if (enabled.length > 0 && !next.folder)
      problems.push({ field: 'folder', reason: 'set the folder the scheduled reports are written to' });
    if (next.recipients.length > 0) {
      if (!next.smtp.host)
        problems.push({ field: 'smtp.host', reason: 'set the SMTP server to mail reports' });
      if (!next.from) problems.push({ field: 'from', reason: 'set the sender address to mail reports' });
    }
    if (problems.length > 0) throw invalidInput(problems);
    for (const frequency of FREQUENCIES) {
      if (next[frequency] && !current[frequency]) next.enabled_at[frequency] = now;
      if (!next[frequency]) next.enabled_at[frequency] = null;
    }
    await this.settings.put(REPORT_SCHEDULE_KEY, JSON.stringify(next));
    if (password !== undefined) await this.settings.put(REPORT_SMTP_PASSWORD_KEY, password ?? '');
    return this.view();
  }

  /** The last report sent for a frequency, if any. */
  async lastSent(frequency: Frequency): Promise<SentReport | undefined> {
    const stored = await this.settings.get(`${REPORT_SENT_KEY_PREFIX}${frequency}`);
    return stored ? (JSON.parse(stored) as SentReport) : undefined;
  }

  /** Records the report sent for a frequency. */
  async recordSent(frequency: Frequency, sent: SentReport): Promise<void> {
    await this.settings.put(`${REPORT_SENT_KEY_PREFIX}${frequency}`, JSON.stringify(sent));
  }
}
