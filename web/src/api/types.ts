/**
 * Shapes of the Kvalita HTTP API as the web app uses them. They mirror the server's TypeBox
 * schemas (src/modules/<module>/<module>.schema.ts); the web build does not import server code, so a change
 * there must be repeated here.
 */

/** Channels a contact can arrive through. */
export const CHANNELS = [
  'phone',
  'email',
  'chat',
  'social',
  'messenger',
  'sms',
  'in_person',
  'forum',
  'other',
] as const;
/** Lifecycle states of a conversation. */
export const STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
/** Who wrote a message. */
export const MESSAGE_ROLES = ['customer', 'agent', 'bot', 'system'] as const;
/** Survey kinds. */
export const FEEDBACK_TYPES = ['csat', 'nps', 'ces'] as const;
/** User roles, from most to least powerful. */
export const USER_ROLES = ['admin', 'manager', 'reviewer', 'lead', 'agent', 'viewer'] as const;
/** Sort orders of the conversation list. */
export const SORTS = ['-created_at', 'created_at'] as const;

export type Channel = (typeof CHANNELS)[number];
export type ConversationStatus = (typeof STATUSES)[number];
export type MessageRole = (typeof MESSAGE_ROLES)[number];
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];
export type UserRole = (typeof USER_ROLES)[number];
export type ConversationSort = (typeof SORTS)[number];

/** The signed-in user. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  /** The agent id in the source system, when this user is an agent. */
  agent_id: string | null;
}

/** Answer of `POST /auth/login` and `GET /auth/me`. */
export interface SessionResponse {
  user: User;
  csrf_token: string;
}

/** One refused field of a request. */
export interface ErrorDetail {
  field: string;
  reason: string;
}

/** Body of every error answer. */
export interface ErrorBody {
  error: string;
  message: string;
  details?: ErrorDetail[];
}

/** An agent as the conversation API shows it. */
export interface AgentRef {
  id: string;
  name: string | null;
}

/** A conversation as the API lists it. Timestamps are ISO 8601 strings. */
export interface ConversationSummary {
  id: number;
  source: string;
  external_id: string;
  channel: Channel;
  language: string | null;
  subject: string | null;
  status: ConversationStatus | null;
  priority: string | null;
  created_at: string;
  resolved_at: string | null;
  agent: AgentRef | null;
  team: string | null;
  customer_id: string | null;
  tags: string[];
  message_count: number;
  has_feedback: boolean;
  complaint: boolean;
  wait_s: number | null;
  handle_s: number | null;
  transfers: number | null;
  abandoned: boolean | null;
  reopened: number | null;
  outcome: string | null;
}

/** The customer of a conversation. */
export interface Customer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** One message of a conversation; `start_s`/`end_s` are offsets into a call recording. */
export interface Message {
  seq: number;
  role: MessageRole;
  author: string | null;
  at: string | null;
  text: string;
  internal: boolean;
  start_s: number | null;
  end_s: number | null;
}

/** One survey answer about a conversation. */
export interface Feedback {
  type: FeedbackType;
  score: number;
  scale: number;
  comment: string | null;
  at: string | null;
}

/** A conversation with its messages and feedback. */
export interface ConversationDetail extends ConversationSummary {
  customer: Customer | null;
  custom: Record<string, unknown>;
  messages: Message[];
  feedback: Feedback[];
  /** The complaint register entries the conversation belongs to. */
  complaints: Array<{ id: number; reference: string; status: string }>;
}

/** One page of `GET /conversations`. */
export interface ConversationPage {
  items: ConversationSummary[];
  next_cursor: string | null;
}

/** Query of `GET /conversations`; empty values are left out of the request. */
export interface ConversationListQuery {
  from?: string;
  to?: string;
  channel?: Channel;
  agent?: string;
  team?: string;
  language?: string;
  tag?: string;
  status?: ConversationStatus;
  has_feedback?: boolean;
  complaint?: boolean;
  q?: string;
  /** Local hours of day in the organisation time zone, e.g. `9-12,14`. */
  hour?: string;
  /** ISO weekdays in the organisation time zone (1 = Monday), e.g. `6,7`. */
  weekday?: string;
  sort?: ConversationSort;
  limit?: number;
  cursor?: string;
}

/** Where a check found what it looked for: a span of one message (message −1: the whole conversation). */
export interface Evidence {
  message: number;
  start: number;
  end: number;
  text: string;
}

/** One AutoQA check result. */
export interface CheckResult {
  result: 'pass' | 'fail' | 'na';
  evidence: Evidence[];
  confidence: number;
}

/** The AutoQA analysis of a conversation (`GET /conversations/:id/analysis`). */
export interface ConversationAnalysis {
  id: string;
  language: string;
  languageConfidence: number;
  messageLanguages: string[];
  checks: Record<string, CheckResult>;
  sentiment: {
    label: 'negative' | 'neutral' | 'positive';
    score: number;
    start: 'negative' | 'neutral' | 'positive';
    end: 'negative' | 'neutral' | 'positive';
    shift: number;
  };
  complaint: { detected: boolean; confidence: number; topics: string[] };
  flags: string[];
}

/** The shape of a scorecard, as the server defines it (shared with the score computation). */
export type { CategoryRating, ScorecardCategory, ScorecardDefinition } from '../../../src/domain/scorecard';

/** What a reviewer starts from: `GET /conversations/:id/review-draft`. */
export interface ReviewDraft {
  conversation_id: number;
  scorecard_id: number;
  scorecard_version: number;
  scorecard_version_id: number;
  definition: import('../../../src/domain/scorecard').ScorecardDefinition;
  /** Keys of the categories that apply to this conversation. */
  applicable: string[];
  autoqa_available: boolean;
  prefill: Array<{ key: string; rating: number | null; na: boolean }>;
}

/** One rating as the API takes it. */
export interface RatingBody {
  key: string;
  rating: number | null;
  na?: boolean;
  comment?: string | null;
  root_cause?: string | null;
}

/** A stored review (the fields the app reads). */
export interface Review {
  id: number;
  conversation_id: number;
  status: 'draft' | 'submitted';
  score: number | null;
  passed: boolean | null;
  auto_failed: boolean;
  revision: number;
}

/** One entry of a reviewer's queue: `GET /assignments`. */
export interface Assignment {
  id: number;
  conversation_id: number;
  external_id: string;
  channel: Channel;
  language: string | null;
  agent_name: string | null;
  conversation_created_at: string | null;
  reason: string;
  due_at: string;
  overdue: boolean;
  status: 'open' | 'done' | 'cancelled';
  scorecard_id: number;
  scorecard_name: string | null;
}

/** Statuses of a register entry, as the server's lifecycle defines them. */
export { COMPLAINT_STATUSES, type ComplaintStatus } from '../../../src/domain/complaint-lifecycle';

import type { ComplaintStatus } from '../../../src/domain/complaint-lifecycle';

/** An entry of the complaints register (the fields the app reads). */
export interface Complaint {
  id: number;
  reference: string;
  kind: 'complaint' | 'suggestion' | 'compliment';
  status: ComplaintStatus;
  received_at: string;
  channel: string | null;
  description: string;
  category: string | null;
  severity: 'low' | 'medium' | 'high' | 'critical';
  owner_user_id: number | null;
  acknowledge_due_at: string | null;
  resolve_due_at: string | null;
  overdue: boolean;
  root_cause: string | null;
  resolution_type: string | null;
  customer_satisfied: string;
  revision: number;
}

/** An entry with its history, notes and communication log. */
export interface ComplaintDetail extends Complaint {
  owner_name: string | null;
  history: Array<{ id: number; at: string; action: string; from: string | null; to: string | null }>;
  notes: Array<{ id: number; at: string; text: string }>;
  communications: Array<{ id: number; at: string; direction: string; channel: string; summary: string }>;
  conversations: Array<{ id: number; external_id: string; channel: string }>;
}

/** A review with what the agent and the manager see of it (`GET /reviews/:id`). */
export interface ReviewDetail extends Review {
  kind: string;
  comment: string | null;
  submitted_at: string | null;
  acknowledged_at: string | null;
  ratings: Array<{
    key: string;
    rating: number | null;
    na: boolean;
    comment: string | null;
    score: number | null;
  }>;
  definition: import('../../../src/domain/scorecard').ScorecardDefinition;
  disputes: Array<{
    id: number;
    status: string;
    reason: string;
    /** Keys of the disputed categories; empty for the whole review. */
    categories: string[];
    decision_comment: string | null;
  }>;
}

/** One line of the review list (`GET /reviews`). */
export interface ReviewSummary {
  id: number;
  conversation_id: number;
  conversation_external_id: string;
  kind: string;
  score: number | null;
  passed: boolean | null;
  scorecard_name: string;
  submitted_at: string | null;
  acknowledged_at: string | null;
}

/** A dispute in the managers' inbox (`GET /disputes`). */
export interface Dispute {
  id: number;
  review_id: number;
  reason: string;
  categories: string[];
  status: string;
  opened_at: string;
  agent_name: string | null;
  conversation_external_id: string;
  score: number | null;
}
