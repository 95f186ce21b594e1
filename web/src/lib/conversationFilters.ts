/**
 * Filters of the conversation list. They live in the page's URL query (so a filtered list can
 * be bookmarked and shared) and are translated into the API's query when a page is requested.
 */
import {
  CHANNELS,
  type Channel,
  type ConversationListQuery,
  type ConversationSort,
  type ConversationStatus,
  SORTS,
  STATUSES,
} from '../api/types';

/** A yes/no filter that may also be unset. */
export type TriState = '' | 'true' | 'false';

/** The filters as the form edits them; '' means "not filtered". Dates are local `YYYY-MM-DD`. */
export interface ConversationFilters {
  from: string;
  to: string;
  channel: Channel | '';
  status: ConversationStatus | '';
  language: string;
  agent: string;
  team: string;
  tag: string;
  has_feedback: TriState;
  complaint: TriState;
  q: string;
  /** Local hours of day, `9` or `9-12,14`, in the organisation time zone. */
  hour: string;
  /** ISO weekdays, `1` (Monday) to `7`, as a list such as `6,7`. */
  weekday: string;
  sort: ConversationSort;
}

/** The default sort, left out of URLs. */
export const DEFAULT_SORT: ConversationSort = '-created_at';

/** Filters that select everything. */
export const EMPTY_FILTERS: ConversationFilters = {
  from: '',
  to: '',
  channel: '',
  status: '',
  language: '',
  agent: '',
  team: '',
  tag: '',
  has_feedback: '',
  complaint: '',
  q: '',
  hour: '',
  weekday: '',
  sort: DEFAULT_SORT,
};

/** Longest text search the API accepts. */
export const MAX_SEARCH_LENGTH = 200;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER_LIST = /^\d{1,2}(-\d{1,2})?(,\d{1,2}(-\d{1,2})?)*$/;

// A list such as `9-12,14` whose numbers lie within [min, max]; anything else is dropped.
function numberList(value: string | null, min: number, max: number): string {
  const text = value?.replace(/\s+/g, '') ?? '';
  if (!NUMBER_LIST.test(text)) return '';
  const inRange = text
    .split(/[,-]/)
    .map(Number)
    .every((n) => n >= min && n <= max);
  return inRange ? text : '';
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

function triState(value: string | null): TriState {
  return value === 'true' || value === 'false' ? value : '';
}

function localDate(value: string | null, dayOffset = 0): Date | null {
  const match = value ? DATE_PATTERN.exec(value) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + dayOffset);
  return Number.isNaN(date.getTime()) ? null : date;
}

function dateParam(value: string | null): string {
  return value && localDate(value) ? value : '';
}

/** Reads the filters from a URL query string; unknown or malformed values are ignored. */
export function filtersFromSearch(search: string): ConversationFilters {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() ?? '';
  return {
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    channel: oneOf(CHANNELS, params.get('channel')),
    status: oneOf(STATUSES, params.get('status')),
    language: text('language'),
    agent: text('agent'),
    team: text('team'),
    tag: text('tag'),
    has_feedback: triState(params.get('has_feedback')),
    complaint: triState(params.get('complaint')),
    q: text('q').slice(0, MAX_SEARCH_LENGTH),
    hour: numberList(params.get('hour'), 0, 23),
    weekday: numberList(params.get('weekday'), 1, 7),
    sort: oneOf(SORTS, params.get('sort')) || DEFAULT_SORT,
  };
}

/** The page cursor in a URL query string, if any. */
export function cursorFromSearch(search: string): string | undefined {
  return new URLSearchParams(search).get('cursor') || undefined;
}

/** Writes filters (and the page cursor) as a URL query string, leaving out what is unset. */
export function filtersToSearch(filters: ConversationFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === '' || (name === 'sort' && value === DEFAULT_SORT)) continue;
    params.set(name, value);
  }
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter narrows the list (the sort order does not). */
export function hasActiveFilters(filters: ConversationFilters): boolean {
  return (Object.keys(EMPTY_FILTERS) as Array<keyof ConversationFilters>).some(
    (name) => name !== 'sort' && filters[name] !== EMPTY_FILTERS[name],
  );
}

/**
 * The API query for one page. Dates are whole local days: `from` is the start of its day and,
 * because the API's `to` is exclusive, `to` becomes the start of the following day.
 */
export function toListQuery(
  filters: ConversationFilters,
  cursor: string | undefined,
  limit: number,
): ConversationListQuery {
  const query: ConversationListQuery = { sort: filters.sort, limit };
  const from = localDate(filters.from);
  const to = localDate(filters.to, 1);
  if (from) query.from = from.toISOString();
  if (to) query.to = to.toISOString();
  if (filters.channel) query.channel = filters.channel;
  if (filters.status) query.status = filters.status;
  if (filters.language) query.language = filters.language;
  if (filters.agent) query.agent = filters.agent;
  if (filters.team) query.team = filters.team;
  if (filters.tag) query.tag = filters.tag;
  if (filters.has_feedback) query.has_feedback = filters.has_feedback === 'true';
  if (filters.complaint) query.complaint = filters.complaint === 'true';
  if (filters.q) query.q = filters.q;
  if (filters.hour) query.hour = filters.hour;
  if (filters.weekday) query.weekday = filters.weekday;
  if (cursor) query.cursor = cursor;
  return query;
}
