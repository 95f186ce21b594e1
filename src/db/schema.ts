/**
 * Row types of every table, as Kysely sees them. Timestamps are epoch milliseconds, booleans are
 * 0/1 integers and JSON is text in both databases, so no column changes shape between dialects.
 */
import type { Generated } from 'kysely';

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface AgentsTable {
  id: Generated<number>;
  external_id: string;
  name: string | null;
  team_id: number | null;
  created_at: number;
}

export interface CustomersTable {
  id: Generated<number>;
  external_id: string;
  created_at: number;
  /** When the customer's personal data was erased; imports then store none again. */
  erased_at: Generated<number | null>;
}

/** Personal data of a customer, kept apart so that it can be redacted or erased per customer. */
export interface CustomerPiiTable {
  customer_id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  updated_at: number;
}

export interface ConversationsTable {
  id: Generated<number>;
  source: string;
  external_id: string;
  channel: string;
  language: string | null;
  subject: string | null;
  status: string | null;
  priority: string | null;
  created_at: number;
  resolved_at: number | null;
  agent_id: number | null;
  team_id: number | null;
  customer_id: number | null;
  wait_s: number | null;
  handle_s: number | null;
  transfers: number | null;
  abandoned: number | null;
  reopened: number | null;
  outcome: string | null;
  complaint: number;
  has_feedback: number;
  message_count: number;
  custom: string | null;
  content_hash: string;
  imported_at: number;
  updated_at: number;
}

export interface MessagesTable {
  conversation_id: number;
  seq: number;
  role: string;
  author: string | null;
  at: number | null;
  text: string;
  internal: number;
  start_s: number | null;
  end_s: number | null;
}

export interface FeedbackTable {
  conversation_id: number;
  seq: number;
  type: string;
  score: number;
  scale: number;
  comment: string | null;
  at: number | null;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
}

export interface ConversationTagsTable {
  conversation_id: number;
  tag_id: number;
}

export interface ConversationFieldsTable {
  conversation_id: number;
  key: string;
  value: string;
}

/** Full-text document of a conversation (PostgreSQL: a tsvector; SQLite: an FTS5 table keyed by rowid). */
export interface ConversationSearchTable {
  conversation_id: number;
  body: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  agent_id: number | null;
  disabled: number;
  created_at: number;
  /** The user's manager, who gets escalations of the user's overdue complaints. */
  manager_user_id: Generated<number | null>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** A named set of list filters (a URL query) of one user and page, shared with everyone or not. */
export interface SavedViewsTable {
  id: Generated<number>;
  user_id: number;
  page: string;
  name: string;
  query: string;
  shared: number;
  created_at: number;
  updated_at: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** The latest AutoQA analysis of a conversation; `result` holds the whole analysis as JSON. */
export interface ConversationAnalysisTable {
  conversation_id: number;
  content_hash: string;
  settings_hash: string;
  language: string;
  language_confidence: number;
  sentiment: string;
  sentiment_score: number;
  sentiment_start: string;
  sentiment_end: string;
  complaint: number;
  complaint_confidence: number;
  result: string;
  analysed_at: number;
}

/** One check's result per conversation, for filtering and metrics. */
export interface CheckResultsTable {
  conversation_id: number;
  check_id: string;
  result: string;
}

/** Conversations waiting for a person's review, with why. */
export interface QaQueueTable {
  conversation_id: number;
  reasons: string;
  status: string;
  created_at: number;
  updated_at: number;
}

/** A scorecard; its content lives in versions, `current_version` is the one new reviews use. */
export interface ScorecardsTable {
  id: Generated<number>;
  name: string;
  current_version: number;
  is_default: Generated<number>;
  archived: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** One frozen version of a scorecard; `definition` is the ScorecardDefinition as JSON. */
export interface ScorecardVersionsTable {
  id: Generated<number>;
  scorecard_id: number;
  version: number;
  definition: string;
  created_by: number | null;
  created_at: number;
}

/** A review of one conversation on one scorecard version: manual, automatic, self or calibration. */
export interface ReviewsTable {
  id: Generated<number>;
  conversation_id: number;
  scorecard_version_id: number;
  kind: string;
  reviewer_user_id: number | null;
  agent_id: number | null;
  calibration_session_id: number | null;
  status: string;
  score: number | null;
  passed: number | null;
  auto_failed: Generated<number>;
  comment: string | null;
  /** Incremented on every change; an edit naming an older revision is refused. */
  revision: number;
  acknowledged_at: number | null;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
}

/** The rating of one category in one review, with its weight and 0–100 score at the time. */
export interface ReviewRatingsTable {
  review_id: number;
  category_key: string;
  rating: number | null;
  na: number;
  comment: string | null;
  root_cause: string | null;
  category_score: number | null;
  weight: number;
}

/** Who changed a review, when and how; `detail` is JSON. */
export interface ReviewAuditTable {
  id: Generated<number>;
  review_id: number;
  at: number;
  user_id: number | null;
  action: string;
  detail: string;
}

/** An agent's dispute of a review and the manager's decision. */
export interface DisputesTable {
  id: Generated<number>;
  review_id: number;
  opened_by: number;
  reason: string;
  /** JSON array of the disputed category keys (empty: the whole review). */
  categories: string;
  status: string;
  opened_at: number;
  decided_by: number | null;
  decided_at: number | null;
  decision_comment: string | null;
}

/** A follow-up task from a review: call the customer back, coach the agent … */
export interface ReviewTasksTable {
  id: Generated<number>;
  review_id: number | null;
  conversation_id: number | null;
  kind: string;
  title: string;
  owner_user_id: number;
  due_at: number | null;
  status: string;
  created_by: number;
  created_at: number;
  done_at: number | null;
}

/** N conversations per agent per week, matching filters (JSON), spread over reviewers (JSON ids). */
export interface SamplingRulesTable {
  id: Generated<number>;
  name: string;
  scorecard_id: number;
  per_agent: number;
  filters: string;
  reviewer_ids: string;
  due_days: number;
  active: number;
  created_at: number;
  updated_at: number;
}

/** A conversation waiting for a reviewer, from a sampling rule or a flag. */
export interface ReviewAssignmentsTable {
  id: Generated<number>;
  conversation_id: number;
  reviewer_user_id: number;
  scorecard_id: number;
  rule_id: number | null;
  period: string;
  reason: string;
  due_at: number;
  status: string;
  review_id: number | null;
  created_at: number;
}

/** A coaching session of a lead with an agent; focus and action items are JSON. */
export interface CoachingSessionsTable {
  id: Generated<number>;
  agent_id: number;
  lead_user_id: number;
  held_at: number;
  focus: string;
  notes: string;
  action_items: string;
  follow_up_at: number | null;
  status: string;
  created_at: number;
  updated_at: number;
}

/** Reviews a coaching session discusses. */
export interface CoachingReviewsTable {
  session_id: number;
  review_id: number;
}

/** A calibration session: reviewers score the same conversations blind, then the lead reveals. */
export interface CalibrationSessionsTable {
  id: Generated<number>;
  title: string;
  scorecard_version_id: number;
  lead_user_id: number;
  baseline_user_id: number | null;
  status: string;
  due_at: number | null;
  created_at: number;
  revealed_at: number | null;
}

/** Conversations of a calibration session. */
export interface CalibrationConversationsTable {
  session_id: number;
  conversation_id: number;
}

/** Reviewers invited to a calibration session. */
export interface CalibrationParticipantsTable {
  session_id: number;
  user_id: number;
}

/** Last reference number given per year. */
export interface ComplaintSequencesTable {
  year: number;
  last: number;
}

/** A complaint, suggestion or compliment in the register. */
export interface ComplaintsTable {
  id: Generated<number>;
  /** Human-readable and unique, e.g. C-2026-000123. */
  reference: string;
  kind: string;
  status: string;
  /** Where it came from: api, web, import, conversation, autoqa, register. */
  source: string;
  /** Its id in an imported register, for idempotent imports. */
  external_id: string | null;
  received_at: number;
  channel: string | null;
  customer_id: number | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  description: string;
  product: string | null;
  category: string | null;
  severity: string;
  remedy_sought: string | null;
  owner_user_id: number | null;
  department: string | null;
  /** The agent the complaint is about, if any: they may not close it. */
  subject_agent_id: number | null;
  /** The earlier entry of the same customer and topic this one was linked to. */
  duplicate_of: number | null;
  acknowledge_due_at: number | null;
  resolve_due_at: number | null;
  acknowledged_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  acknowledge_escalated_at: number | null;
  resolve_escalated_at: number | null;
  root_cause: string | null;
  resolution_type: string | null;
  resolution_amount: number | null;
  resolution_currency: string | null;
  customer_satisfied: string;
  rejection_reason: string | null;
  evaluation: string | null;
  /** The recurring-problem topic (its key) and its label, set by topic clustering. */
  topic: Generated<string | null>;
  topic_label: Generated<string | null>;
  reopen_count: number;
  revision: number;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}

/** Conversations an entry belongs to. */
export interface ComplaintConversationsTable {
  complaint_id: number;
  conversation_id: number;
}

/** The history of an entry: every transition and change, who and when; `detail` is JSON. */
export interface ComplaintEventsTable {
  id: Generated<number>;
  complaint_id: number;
  at: number;
  user_id: number | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  detail: string;
}

/** Investigation notes. */
export interface ComplaintNotesTable {
  id: Generated<number>;
  complaint_id: number;
  at: number;
  user_id: number | null;
  text: string;
}

/** What the customer was told or said, when and how. */
export interface ComplaintCommunicationsTable {
  id: Generated<number>;
  complaint_id: number;
  at: number;
  user_id: number | null;
  direction: string;
  channel: string;
  summary: string;
}

/** A conversation AutoQA found to be a complaint, waiting to be accepted or dismissed. */
export interface ComplaintCandidatesTable {
  conversation_id: number;
  confidence: number;
  topics: string;
  status: string;
  complaint_id: number | null;
  created_at: number;
  decided_by: number | null;
  decided_at: number | null;
}

/** A corrective action against a systemic cause; `topics` is a JSON array of topic keys. */
export interface CorrectiveActionsTable {
  id: Generated<number>;
  title: string;
  description: string;
  owner_user_id: number | null;
  due_at: number | null;
  status: string;
  topics: string;
  /** When the change took effect: the before/after comparison splits here. */
  effective_at: number | null;
  completed_at: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  /** What was done and what came of it (empty until written). */
  outcome: Generated<string>;
}

/** Complaints a corrective action answers. */
export interface CorrectiveActionComplaintsTable {
  action_id: number;
  complaint_id: number;
}

/** An in-app notification, e.g. an escalation to a manager. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  at: number;
  kind: string;
  subject: string;
  detail: string;
  read_at: number | null;
}

/** Sums of one rollup cell: a grain (day, week, month) and period × team × agent × channel × language × source. */
export interface MetricRollupsTable {
  grain: string;
  period: string;
  /** 0 when the conversations have no team. */
  team_id: number;
  /** 0 when the conversations have no agent. */
  agent_id: number;
  channel: string;
  /** Empty when unknown. */
  language: string;
  source: string;
  conversations: number;
  /** The encoded sums (`encodeSums`). */
  data: Uint8Array;
}

/** One part (a column) of the packed cells of a grain, period and level (`packBlock`). */
export interface MetricBlocksTable {
  grain: string;
  period: string;
  /** `full` (every dimension) or `agent` (channel, language and source added together). */
  level: string;
  /** `dims`, `labels`, a sum field, or `sketch_<duration>`. */
  part: string;
  data: Uint8Array;
}

/** Week and month cells and blocks waiting to be recomputed. */
export interface RollupStaleTable {
  grain: string;
  period: string;
  team_id: number;
  agent_id: number;
  channel: string;
  language: string;
  source: string;
}

/** The rollup cell each conversation was last counted in. */
export interface RollupMembersTable {
  conversation_id: number;
  day: string;
  team_id: number;
  agent_id: number;
  channel: string;
  language: string;
  source: string;
  customer_id: number | null;
  created_at: number;
}

/** Conversations whose rollup cells are waiting to be refreshed. */
export interface RollupDirtyTable {
  conversation_id: number;
}

/** A target for a metric in a scope, in force over a span of days (organisation time zone). */
export interface GoalsTable {
  id: Generated<number>;
  metric: string;
  /** organisation, team, agent or channel. */
  scope: string;
  /** Team name, agent external id or channel; empty for the organisation. */
  scope_value: string;
  target: number;
  /** First day in force, YYYY-MM-DD. */
  valid_from: string;
  /** Last day in force, YYYY-MM-DD; null while open-ended. */
  valid_to: string | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}

/** A trend alert, raised once per (metric, scope, bucket, kind), and its webhook delivery. */
export interface AlertsTable {
  id: Generated<number>;
  metric: string;
  /** organisation or team. */
  scope: string;
  /** Team name; empty for the organisation. */
  scope_value: string;
  /** day, week or month. */
  grain: string;
  bucket: string;
  /** band (outside the band of the previous buckets) or goal (missed it). */
  kind: string;
  /** above or below. */
  direction: string;
  value: number;
  n: number;
  band_mean: number | null;
  band_low: number | null;
  band_high: number | null;
  goal: number | null;
  created_at: number;
  attempts: number;
  /** When delivery may be tried again; also a lease while one delivery is under way. */
  next_attempt_at: number | null;
  delivered_at: number | null;
  last_error: string | null;
}

/** The whole database as Kysely sees it. */
export interface DB {
  goals: GoalsTable;
  alerts: AlertsTable;
  metric_rollups: MetricRollupsTable;
  metric_blocks: MetricBlocksTable;
  rollup_stale: RollupStaleTable;
  rollup_members: RollupMembersTable;
  rollup_dirty: RollupDirtyTable;
  teams: TeamsTable;
  agents: AgentsTable;
  customers: CustomersTable;
  customer_pii: CustomerPiiTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  feedback: FeedbackTable;
  tags: TagsTable;
  conversation_tags: ConversationTagsTable;
  conversation_fields: ConversationFieldsTable;
  conversation_search: ConversationSearchTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  saved_views: SavedViewsTable;
  settings: SettingsTable;
  conversation_analysis: ConversationAnalysisTable;
  check_results: CheckResultsTable;
  qa_queue: QaQueueTable;
  scorecards: ScorecardsTable;
  scorecard_versions: ScorecardVersionsTable;
  reviews: ReviewsTable;
  review_ratings: ReviewRatingsTable;
  review_audit: ReviewAuditTable;
  disputes: DisputesTable;
  review_tasks: ReviewTasksTable;
  sampling_rules: SamplingRulesTable;
  review_assignments: ReviewAssignmentsTable;
  coaching_sessions: CoachingSessionsTable;
  coaching_reviews: CoachingReviewsTable;
  calibration_sessions: CalibrationSessionsTable;
  calibration_conversations: CalibrationConversationsTable;
  calibration_participants: CalibrationParticipantsTable;
  complaint_sequences: ComplaintSequencesTable;
  complaints: ComplaintsTable;
  complaint_conversations: ComplaintConversationsTable;
  complaint_events: ComplaintEventsTable;
  complaint_notes: ComplaintNotesTable;
  complaint_communications: ComplaintCommunicationsTable;
  complaint_candidates: ComplaintCandidatesTable;
  notifications: NotificationsTable;
  corrective_actions: CorrectiveActionsTable;
  corrective_action_complaints: CorrectiveActionComplaintsTable;
}
