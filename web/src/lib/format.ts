/** How values are shown: dates and numbers in the interface language, and labels for the API's codes. */
import i18next from 'i18next';
import type { Channel, ConversationStatus, FeedbackType, MessageRole, UserRole } from '../api/types';

/** The Intl formatters of one language. */
interface Formatters {
  language: string;
  dateTime: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  numbers: Map<string, Intl.NumberFormat>;
  seconds: Intl.NumberFormat;
  minutes: Intl.NumberFormat;
  hours: Intl.NumberFormat;
}

let formatters: Formatters | undefined;

// Built once per language: constructing Intl formatters is slow and a list page formats many dates.
function current(): Formatters {
  const language = i18next.resolvedLanguage ?? i18next.language ?? 'en';
  if (formatters?.language === language) return formatters;
  const unit = (name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' });
  formatters = {
    language,
    dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }),
    numbers: new Map(),
    seconds: unit('second'),
    minutes: unit('minute'),
    hours: unit('hour'),
  };
  return formatters;
}

/** An ISO timestamp as date and time in the interface language; '' for null, the input when unparsable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : current().dateTime.format(date);
}

/** The time of day of an ISO timestamp in the interface language. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : current().time.format(date);
}

/** A number with `minDigits` to `maxDigits` decimals, grouped and punctuated as the language writes it. */
export function formatNumber(value: number, maxDigits = 0, minDigits = 0): string {
  const { numbers, language } = current();
  const key = `${minDigits}:${maxDigits}`;
  let format = numbers.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    numbers.set(key, format);
  }
  return format.format(value);
}

/** A 0–100 score with one decimal and the language's percent sign ("87.5 %", "87,5%"); '—' for null. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return i18next.t('common:format.percent', { value: formatNumber(value, 1, 1) });
}

/** True when two ISO timestamps fall on the same local calendar day. */
export function isSameLocalDay(a: string, b: string): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** Seconds into a recording as m:ss (minutes are not wrapped into hours: 75:03). */
export function formatOffset(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** A duration in seconds as a short text in the interface language, such as "2 min 5 s". */
export function formatDuration(seconds: number): string {
  const units = current();
  const whole = Math.round(seconds);
  if (whole < 60) return units.seconds.format(whole);
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) {
    const rest = whole % 60;
    return rest
      ? `${units.minutes.format(minutes)} ${units.seconds.format(rest)}`
      : units.minutes.format(minutes);
  }
  const hours = units.hours.format(Math.floor(minutes / 60));
  return minutes % 60 ? `${hours} ${units.minutes.format(minutes % 60)}` : hours;
}

// A code the server sends that this version of the app has no label for is shown as it is.
function label(group: string, code: string): string {
  return i18next.t(`common:${group}.${code}`, { defaultValue: code });
}

/** Display name of a channel; unknown codes (a newer server) are shown as they are. */
export const channelLabel = (channel: Channel): string => label('channel', channel);
/** Display name of a conversation status. */
export const statusLabel = (status: ConversationStatus): string => label('status', status);
/** Display name of a message author's role. */
export const messageRoleLabel = (role: MessageRole): string => label('messageRole', role);
/** Display name of a survey kind. */
export const feedbackTypeLabel = (type: FeedbackType): string => label('feedbackType', type);
/** Display name of a user role. */
export const userRoleLabel = (role: UserRole): string => label('role', role);

/** A custom field's value as plain text: strings as they are, anything else as JSON. */
export function customValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}
