/**
 * The API calls of the complaints area beyond the board and the detail page: the register with
 * its filters, the register settings (taxonomies), recurring topics, corrective actions with
 * their before/after effect, and AutoQA's complaint candidates.
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
  /** Only when the server sends it; the register does not yet. */
  topic?: string | null;
}

/** Filters of `GET /complaints` (the server's own; dates are not among them). */
export interface RegisterQuery {
  status?: string | undefined;
  kind?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  overdue?: boolean | undefined;
  open?: boolean | undefined;
  /** Not a server filter today; sent so that a server that knows it narrows the answer. */
  topic?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The register filtered as asked. */
export function listRegister(query: RegisterQuery, signal?: AbortSignal): Promise<RegisterEntry[]> {
  return request('GET', `/complaints${buildQueryString(query)}`, { signal });
}

/** Register entries (any kind, newest first) to pick complaints from by their reference. */
export function listRecent(signal?: AbortSignal): Promise<Complaint[]> {
  return listComplaints({ limit: 1000 }, signal);
}

/** A user who may own complaints and actions. */
export interface Person {
  id: number;
  name: string;
}

/** Users to name owners by; only admins may read the user list, so others get an empty one. */
export async function listPeople(role: UserRole, signal?: AbortSignal): Promise<Person[]> {
  if (role !== 'admin') return [];
  const users = await request<Array<{ id: number; name: string; email: string }>>('GET', '/users', {
    signal,
  });
  return users.map((user) => ({ id: user.id, name: user.name || user.email }));
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
  owner_user_id: number | null;
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
}

/** Every corrective action. */
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
