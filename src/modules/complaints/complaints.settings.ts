/** Settings of the register: deadlines per severity, business hours, duplicates, AutoQA intake, escalation webhook. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type BusinessHours, DEFAULT_BUSINESS_HOURS } from '../../domain/business-hours.js';
import type { Severity } from '../../domain/complaint-lifecycle.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { organisationTimeZone } from '../settings/time-zone.js';

/** Setting key holding the register's settings as JSON. */
export const COMPLAINT_SETTINGS_KEY = 'complaints.settings';

/** The register's settings. */
export interface ComplaintSettings {
  /** Hours to acknowledge and to resolve, per severity. */
  deadlines: Record<Severity, { acknowledgeHours: number; resolveHours: number }>;
  /** Whether deadline hours are business hours or plain calendar hours. */
  hoursMode: 'business' | 'calendar';
  /** Working days (1 = Monday … 7 = Sunday), the working day as HH:MM, and holidays. */
  businessDays: number[];
  businessStart: string;
  businessEnd: string;
  holidays: string[];
  /** A new complaint of a customer on a topic within this many days of an open one is linked to it. */
  duplicateWindowDays: number;
  /** What a complaint AutoQA detects becomes: a candidate to accept or dismiss, a record, or nothing. */
  autoqaIntake: 'candidates' | 'records' | 'off';
  /** Escalations are also POSTed here as JSON (empty: none). */
  escalationWebhookUrl: string;
  /** Category taxonomy offered to handlers. */
  categories: string[];
  /** Root-cause taxonomy. */
  rootCauses: string[];
  /** Phrases that make a complaint at least this severe, before the built-in triage. */
  triageRules: Array<{ phrases: string[]; severity: Severity }>;
}

/** Defaults of a new installation. */
export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  deadlines: {
    low: { acknowledgeHours: 24, resolveHours: 120 },
    medium: { acknowledgeHours: 8, resolveHours: 72 },
    high: { acknowledgeHours: 4, resolveHours: 40 },
    critical: { acknowledgeHours: 1, resolveHours: 8 },
  },
  hoursMode: 'business',
  businessDays: [...DEFAULT_BUSINESS_HOURS.days],
  businessStart: '09:00',
  businessEnd: '17:00',
  holidays: [],
  duplicateWindowDays: 14,
  autoqaIntake: 'candidates',
  escalationWebhookUrl: '',
  categories: [
    'delivery',
    'billing',
    'product quality',
    'staff behaviour',
    'technical issue',
    'refund',
    'other',
  ],
  rootCauses: [
    'process',
    'product defect',
    'training',
    'system error',
    'third party',
    'customer misunderstanding',
    'other',
  ],
  triageRules: [],
};

/** The settings in force (stored values over the defaults). */
export async function loadComplaintSettings(db: Kysely<DB>): Promise<ComplaintSettings> {
  const stored = await new SettingsRepository(db).get(COMPLAINT_SETTINGS_KEY);
  const parsed = stored ? (JSON.parse(stored) as Partial<ComplaintSettings>) : {};
  return {
    ...DEFAULT_COMPLAINT_SETTINGS,
    ...parsed,
    deadlines: { ...DEFAULT_COMPLAINT_SETTINGS.deadlines, ...parsed.deadlines },
  };
}

/** Stores changed settings (merged over the ones in force) and returns the result. */
export async function saveComplaintSettings(
  db: Kysely<DB>,
  changes: Partial<ComplaintSettings>,
): Promise<ComplaintSettings> {
  const merged = { ...(await loadComplaintSettings(db)), ...changes };
  await new SettingsRepository(db).put(COMPLAINT_SETTINGS_KEY, JSON.stringify(merged));
  return merged;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The business-hours calendar of the settings in the organisation's time zone. */
export async function businessCalendar(db: Kysely<DB>, settings: ComplaintSettings): Promise<BusinessHours> {
  return {
    timeZone: await organisationTimeZone(db),
    days: settings.businessDays,
    startMinute: minutes(settings.businessStart),
    endMinute: minutes(settings.businessEnd),
    holidays: settings.holidays,
  };
}
