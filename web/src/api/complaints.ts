/**
 * The API calls of the complaints area beyond the board and the detail page: the register with
 * its filters, order, pages and total, the staff directory to pick owners from, the register
 * settings (taxonomies), recurring topics, corrective actions with their before/after effect,
 * and AutoQA's complaint candidates.
 */
import { buildQueryString, listComplaints, request } from './client';
import type { Complaint, UserRole } from './types';

const id = (value: number) => encodeURIComponent(String(value));

/** A register row with the fields the list shows beyond those of the board. */
export interface RegisterEntry extends Complaint {
  source: string;
  customer_id: number | null;
  contact_name: string | null;
  product: string | null;
  department: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
  owner_name: string | null;
  /** The topic key (`GET /complaints/topics`); null until grouped. */
  topic: string | null;
  topic_label: string | null;
}

/** Orders of the register: the most urgent first, newest first, oldest first. */
export type RegisterSort = 'due' | '-received' | 'received';

/** Filters, order and page of `GET /complaints`. */
export interface RegisterQuery {
  status?: string | undefined;
  kind?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  owner_id?: number | undefined;
  overdue?: boolean | undefined;
  open?: boolean | undefined;
  /** Received at or after this ISO instant. */
  from?: string | undefined;
  /** Received before this ISO instant. */
  to?: string | undefined;
  /** A topic key of `GET /complaints/topics`. */
  topic?: string | undefined;
  sort?: RegisterSort | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** One page of the register and how many entries match the filters in all. */
export interface RegisterPage {
  items: RegisterEntry[];
  total: number;
  limit: number;
  offset: number;
}

/** One page of the register filtered and ordered as asked, with the number of matches. */
export function listRegister(query: RegisterQuery, signal?: AbortSignal): Promise<RegisterPage> {
  return request('GET', `/complaints${buildQueryString({ ...query, with_total: true })}`, { signal });
}

/** Register entries (any kind, newest first) to pick complaints from by their reference. */
export function listRecent(signal?: AbortSignal): Promise<Complaint[]> {
  return listComplaints({ limit: 1000 }, signal);
}

/** A colleague who may own complaints and actions. */
export interface Person {
  id: number;
  name: string;
  role?: UserRole;
}

/** The staff directory (enabled users, no e-mail addresses); agents may not read it and get none. */
export async function listPeople(role: UserRole, signal?: AbortSignal): Promise<Person[]> {
  if (role === 'agent') return [];
  return request('GET', '/users/directory', { signal });
}

/** The register settings the pages read: the category taxonomy. */
export interface RegisterSettings {
  categories: string[];
}

/** The register's settings (deadlines, taxonomies). */
export function getRegisterSettings(signal?: AbortSignal): Promise<RegisterSettings> {
  return request('GET', '/complaints/settings', { signal });
}

/** A recurring topic with its count and share of the period's complaints. */
export interface TopicRow {
  topic: string;
  label: string;
  count: number;
  share: number | null;
  cumulative_share: number | null;
  weekly: Array<{ week: string; count: number }>;
  spike: boolean;
}

/** Topics of the complaints received in a period, most frequent first. */
export interface TopicsOverview {
  from: string;
  to: string;
  total: number;
  last_week: string;
  topics: TopicRow[];
}

/** Complaints per topic in [from, to) (the server's default: the last 90 days). */
export function getTopics(
  query: { from?: string; to?: string },
  signal?: AbortSignal,
): Promise<TopicsOverview> {
  return request('GET', `/complaints/topics${buildQueryString(query)}`, { signal });
}

/** Clusters the last year's complaints into topics again (admins and managers). */
export function refreshTopics(): Promise<{ complaints: number; topics: number }> {
  return request('POST', '/complaints/topics/refresh');
}

/** Statuses of a corrective action, in the order they are worked. */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

/** A corrective action's status. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A corrective action as listed. */
export interface CorrectiveAction {
  id: number;
  title: string;
  description: string;
  /** What was done and what came of it. */
  outcome: string;
  owner_user_id: number | null;
  owner_name: string | null;
  /** How many complaints the action answers. */
  complaint_count: number;
  due_at: string | null;
  status: ActionStatus;
  topics: string[];
  effective_at: string | null;
  completed_at: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

/** Complaints on the action's topics in one window. */
export interface EffectWindow {
  from: string;
  to: string;
  complaints: number;
  conversations: number;
  rate_per_1000: number | null;
}

/** Whether the action worked: complaint rates on its topics before and after it took effect. */
export interface ActionEffect {
  window_days: number;
  split_at: string;
  before: EffectWindow;
  after: EffectWindow;
  difference_per_1000: number | null;
  ci95_per_1000: [number, number] | null;
  p_value: number | null;
}

/** An action with its complaints and its effect. */
export interface CorrectiveActionDetail extends CorrectiveAction {
  complaints: Array<{
    id: number;
    reference: string;
    status: string;
    topic: string | null;
    received_at: string;
  }>;
  effect: ActionEffect;
}

/** What a new or changed action carries. */
export interface CorrectiveActionBody {
  title?: string;
  description?: string;
  owner_user_id?: number | null;
  due_at?: string | null;
  status?: ActionStatus;
  topics?: string[];
  complaint_ids?: number[];
  effective_at?: string | null;
  outcome?: string;
}

/** Every corrective action: open, in progress, done, cancelled, each by due date. */
export function listActions(signal?: AbortSignal): Promise<CorrectiveAction[]> {
  return request('GET', '/corrective-actions', { signal });
}

/** One action with its complaints and its effect over `windowDays` before and after. */
export function getAction(
  actionId: number,
  windowDays: number,
  signal?: AbortSignal,
): Promise<CorrectiveActionDetail> {
  return request(
    'GET',
    `/corrective-actions/${id(actionId)}${buildQueryString({ window_days: windowDays })}`,
    {
      signal,
    },
  );
}

/** Opens a corrective action (admins, managers, leads). */
export function createAction(body: CorrectiveActionBody): Promise<CorrectiveActionDetail> {
  return request('POST', '/corrective-actions', { body });
}

/** Changes an action; done records when. */
export function updateAction(actionId: number, body: CorrectiveActionBody): Promise<CorrectiveActionDetail> {
  return request('PATCH', `/corrective-actions/${id(actionId)}`, { body });
}

/** Decision states of a complaint candidate. */
export const CANDIDATE_STATUSES = ['pending', 'accepted', 'dismissed'] as const;

/** A conversation AutoQA detected as a complaint. */
export interface Candidate {
  conversation_id: number;
  external_id: string;
  channel: string;
  subject: string | null;
  confidence: number;
  topics: string[];
  status: (typeof CANDIDATE_STATUSES)[number];
  complaint_id: number | null;
  created_at: string;
}

/** Candidates in one decision state, newest first. */
export function listCandidates(status: string, signal?: AbortSignal): Promise<Candidate[]> {
  return request('GET', `/complaint-candidates${buildQueryString({ status, limit: 500 })}`, { signal });
}

/** Accepts a candidate (a record, or joins the customer's open complaint) or dismisses it. */
export function decideCandidate(
  conversationId: number,
  decision: 'accept' | 'dismiss',
): Promise<{ conversation_id: number; status: string; complaint_id: number | null }> {
  return request('POST', `/complaint-candidates/${id(conversationId)}/decision`, { body: { decision } });
}
