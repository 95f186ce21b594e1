/** How values are shown: dates in the browser's locale and labels for the API's codes. */
import type { Channel, ConversationStatus, FeedbackType, MessageRole, UserRole } from '../api/types';

// Built once: constructing Intl formatters is slow and a list page formats many dates.
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** An ISO timestamp as date and time in the browser's locale; '' for null, the input when unparsable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** The time of day of an ISO timestamp in the browser's locale. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
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

/** A duration in seconds as a short text such as "2 min 5 s". */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return whole % 60 ? `${minutes} min ${whole % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

const CHANNEL_LABELS: Record<Channel, string> = {
  phone: 'Phone',
  email: 'E-mail',
  chat: 'Chat',
  social: 'Social',
  messenger: 'Messenger',
  sms: 'SMS',
  in_person: 'In person',
  forum: 'Forum',
  other: 'Other',
};

const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

const MESSAGE_ROLE_LABELS: Record<MessageRole, string> = {
  customer: 'Customer',
  agent: 'Agent',
  bot: 'Bot',
  system: 'System',
};

const FEEDBACK_TYPE_LABELS: Record<FeedbackType, string> = { csat: 'CSAT', nps: 'NPS', ces: 'CES' };

const USER_ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Admin',
  manager: 'Manager',
  reviewer: 'Reviewer',
  lead: 'Team lead',
  agent: 'Agent',
  viewer: 'Viewer',
};

/** Display name of a channel; unknown codes (a newer server) are shown as they are. */
export const channelLabel = (channel: Channel): string => CHANNEL_LABELS[channel] ?? channel;
/** Display name of a conversation status. */
export const statusLabel = (status: ConversationStatus): string => STATUS_LABELS[status] ?? status;
/** Display name of a message author's role. */
export const messageRoleLabel = (role: MessageRole): string => MESSAGE_ROLE_LABELS[role] ?? role;
/** Display name of a survey kind. */
export const feedbackTypeLabel = (type: FeedbackType): string => FEEDBACK_TYPE_LABELS[type] ?? type;
/** Display name of a user role. */
export const userRoleLabel = (role: UserRole): string => USER_ROLE_LABELS[role] ?? role;

/** A custom field's value as plain text: strings as they are, anything else as JSON. */
export function customValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}
