/** The API calls of the dashboard, calibration, coaching, tasks and administration pages, with the shapes they read. */
import { buildQueryString, request } from './client';
import type { ScorecardDefinition, UserRole } from './types';

/** Calls the API; the one client (session cookie, CSRF token, errors) serves these pages too. */
export const call = request;

const id = (value: number) => encodeURIComponent(String(value));

/** A user as the administration lists them. */
export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  agent_id: string | null;
}

/** Every user (admins only; others get 403). */
export function listUsers(signal?: AbortSignal): Promise<UserRow[]> {
  return call('GET', '/users', { signal });
}

/** Creates a user; the generated password comes back once when none was given. */
export function createUser(body: {
  email: string;
  role: UserRole;
  name?: string;
  password?: string;
  agent_id?: string;
}): Promise<{ user: UserRow; password: string | null }> {
  return call('POST', '/users', { body });
}

/** Creates a personal API token of the signed-in user; the secret is in this answer only. */
export function createToken(name: string): Promise<{ id: number; name: string; token: string }> {
  return call('POST', '/tokens', { body: { name } });
}

/** A scorecard with its current definition. */
export interface Scorecard {
  id: number;
  name: string;
  version: number;
  version_id: number;
  is_default: boolean;
  archived: boolean;
  updated_at: string;
  definition: ScorecardDefinition;
}

/** A scorecard with its list of versions. */
export interface ScorecardDetail extends Scorecard {
  versions: Array<{ version: number; version_id: number; created_at: string; created_by: number | null }>;
}

/** The scorecards, the default first. */
export function listScorecards(signal?: AbortSignal): Promise<Scorecard[]> {
  return call('GET', '/scorecards', { signal });
}

/** One scorecard with its versions. */
export function getScorecard(scorecardId: number, signal?: AbortSignal): Promise<ScorecardDetail> {
  return call('GET', `/scorecards/${id(scorecardId)}`, { signal });
}

/** Saves an edited definition as a new version; 409 when `base_version` is no longer current. */
export function saveScorecard(
  scorecardId: number,
  definition: ScorecardDefinition,
  baseVersion: number,
): Promise<Scorecard & { changed: boolean }> {
  return call('PUT', `/scorecards/${id(scorecardId)}`, { body: { definition, base_version: baseVersion } });
}

/** The organisation's AutoQA settings. */
export interface AutoQaSettings {
  disabledChecks: string[];
  extraPhrases: Record<string, Record<string, string[]>>;
  jargon: Record<string, string[]>;
  firstResponseTargetS: Record<string, number>;
  criticalChecks: string[];
  [field: string]: unknown;
}

/** The AutoQA settings over the defaults. */
export function getAutoQaSettings(signal?: AbortSignal): Promise<AutoQaSettings> {
  return call('GET', '/autoqa/settings', { signal });
}

/** Changes the given AutoQA settings. */
export function saveAutoQaSettings(changes: Partial<AutoQaSettings>): Promise<AutoQaSettings> {
  return call('PATCH', '/autoqa/settings', { body: changes });
}

/** The outcome of one item of an import. */
export interface IngestItem {
  index: number;
  line?: number;
  id: string | null;
  status: 'imported' | 'updated' | 'rejected';
  errors?: Array<{ field: string; reason: string }>;
}

/** What an import did. */
export interface IngestResult {
  read: number;
  imported: number;
  updated: number;
  rejected: number;
  items: IngestItem[];
}

/** Stores conversations from JSON Lines text; rejected lines come back with their reasons. */
export function ingestJsonLines(text: string): Promise<IngestResult> {
  return call('POST', '/conversations', {
    raw: { text, type: 'application/x-ndjson' },
    accept: [207, 400],
  });
}

/** A calibration session as the list shows it. */
export interface CalibrationSummary {
  id: number;
  title: string;
  status: 'open' | 'revealed';
  lead_user_id: number;
  due_at: string | null;
  created_at: string | null;
  revealed_at: string | null;
  [field: string]: unknown;
}

/** A calibration session with its conversations, reviewers and (visible) reviews. */
export interface CalibrationSession {
  id: number;
  title: string;
  status: 'open' | 'revealed';
  lead_user_id: number;
  baseline_user_id: number | null;
  scorecard_id: number;
  scorecard_version: number;
  definition: ScorecardDefinition;
  due_at: string | null;
  revealed_at: string | null;
  conversation_ids: number[];
  participants: Array<{ user_id: number; name: string; submitted: number }>;
  reviews: Array<{
    id: number;
    conversation_id: number;
    reviewer_user_id: number | null;
    status: 'draft' | 'submitted';
    revision: number;
    score: number | null;
  }>;
}

/** Agreement on a category or the total. */
export interface Agreement {
  level: string;
  alpha: number | null;
  units: number;
  pairableValues: number;
}

/** The figures of a revealed session. */
export interface CalibrationResults {
  session_id: number;
  status: string;
  baseline_user_id: number | null;
  reviewers: Array<{ user_id: number; name: string }>;
  total: Agreement;
  categories: Array<
    Agreement & {
      key: string;
      name: string;
      kappa: Array<{ reviewerA: number; reviewerB: number; kappa: number | null; n: number }>;
    }
  >;
  deviation: Array<{ reviewerId: number; total: number | null; categories: Record<string, number | null> }>;
  scores: Record<string, Record<string, number | null>>;
}

/** Sessions the user leads or takes part in (managers: all). */
export function listCalibrations(signal?: AbortSignal): Promise<CalibrationSummary[]> {
  return call('GET', '/calibrations', { signal });
}

/** Sets up a session. */
export function createCalibration(body: {
  title: string;
  conversation_ids: number[];
  participant_ids: number[];
  baseline_user_id?: number | null;
  scorecard_id?: number;
}): Promise<CalibrationSession> {
  return call('POST', '/calibrations', { body });
}

/** One session. */
export function getCalibration(sessionId: number, signal?: AbortSignal): Promise<CalibrationSession> {
  return call('GET', `/calibrations/${id(sessionId)}`, { signal });
}

/** A reviewer's blind, submitted review of one conversation of the session. */
export function scoreCalibration(
  sessionId: number,
  body: {
    conversation_id: number;
    ratings: Array<{ key: string; rating: number | null; na?: boolean }>;
    submit: boolean;
  },
): Promise<unknown> {
  return call('POST', `/calibrations/${id(sessionId)}/reviews`, { body });
}

/** Reveals the scores to every participant and answers the results. */
export function revealCalibration(sessionId: number): Promise<CalibrationResults> {
  return call('POST', `/calibrations/${id(sessionId)}/reveal`);
}

/** The agreement figures (organisers before the reveal, everyone after). */
export function getCalibrationResults(sessionId: number, signal?: AbortSignal): Promise<CalibrationResults> {
  return call('GET', `/calibrations/${id(sessionId)}/results`, { signal });
}

/** One action item of a coaching session. */
export interface ActionItem {
  text: string;
  done: boolean;
}

/** A coaching session as the list shows it. */
export interface CoachingSummary {
  id: number;
  agent_id: number;
  agent_external_id: string;
  agent_name: string | null;
  lead_user_id: number;
  lead_name: string | null;
  held_at: string | null;
  focus: string[];
  status: 'planned' | 'held' | 'closed';
  follow_up_at: string | null;
}

/** Mean of a window and how many scores it holds. */
export interface WindowMean {
  mean: number | null;
  n: number;
}

/** Before and since the session, and the change. */
export interface BeforeAndSince {
  before: WindowMean;
  since: WindowMean;
  difference: number | null;
}

/** Scores of one origin pair (manual, automatic, all). */
export interface ScoreEffect {
  manual: BeforeAndSince;
  auto: BeforeAndSince;
  all: BeforeAndSince;
}

/** A session with notes, action items, linked reviews and the effect on the agent's scores. */
export interface CoachingDetail extends CoachingSummary {
  notes: string;
  action_items: ActionItem[];
  reviews: Array<{
    id: number;
    conversation_id: number;
    kind: string;
    score: number | null;
    passed: boolean | null;
    submitted_at: string | null;
  }>;
  effect: {
    baseline_days: number;
    before_from: string | null;
    since_to: string | null;
    overall: ScoreEffect;
    categories: Record<string, ScoreEffect>;
  };
}

/** Coaching sessions, latest first (agents: their own). */
export function listCoaching(signal?: AbortSignal): Promise<CoachingSummary[]> {
  return call('GET', '/coaching', { signal });
}

/** Records a session. */
export function createCoaching(body: {
  agent_id: number;
  held_at?: string;
  focus?: string[];
  notes?: string;
  action_items?: ActionItem[];
  follow_up_at?: string | null;
  review_ids?: number[];
}): Promise<CoachingDetail> {
  return call('POST', '/coaching', { body });
}

/** One session with its effect. */
export function getCoaching(sessionId: number, signal?: AbortSignal): Promise<CoachingDetail> {
  return call('GET', `/coaching/${id(sessionId)}`, { signal });
}

/** Changes a session. */
export function updateCoaching(
  sessionId: number,
  body: {
    notes?: string;
    action_items?: ActionItem[];
    follow_up_at?: string | null;
    status?: 'planned' | 'held' | 'closed';
  },
): Promise<CoachingDetail> {
  return call('PATCH', `/coaching/${id(sessionId)}`, { body });
}

/** A review as the list shows it, with the reviewed agent. */
export interface ReviewRow {
  id: number;
  conversation_id: number;
  conversation_external_id: string;
  kind: string;
  status: string;
  score: number | null;
  agent_id: number | null;
  agent_external_id: string | null;
  agent_name: string | null;
  submitted_at: string | null;
}

/** Submitted reviews (agents: theirs), newest first; `agent_id` narrows to one agent. */
export function listSubmittedReviews(
  query: { agent_id?: number; limit?: number },
  signal?: AbortSignal,
): Promise<{ items: ReviewRow[] }> {
  return call('GET', `/reviews${buildQueryString({ status: 'submitted', limit: 200, ...query })}`, {
    signal,
  });
}

/** A follow-up task. */
export interface Task {
  id: number;
  kind: string;
  title: string;
  status: 'open' | 'done' | 'cancelled';
  owner_user_id: number;
  conversation_id: number | null;
  review_id: number | null;
  due_at: string | null;
  done_at: string | null;
  overdue: boolean;
}

/** The signed-in user's tasks, soonest due first. */
export function listTasks(query: { status?: string }, signal?: AbortSignal): Promise<Task[]> {
  return call('GET', `/tasks${buildQueryString({ limit: 500, ...query })}`, { signal });
}

/** Marks a task done (or reopens it). */
export function setTaskStatus(taskId: number, status: 'open' | 'done'): Promise<Task> {
  return call('PATCH', `/tasks/${id(taskId)}`, { body: { status } });
}
