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
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
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

/** The whole database as Kysely sees it. */
export interface DB {
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
  settings: SettingsTable;
  conversation_analysis: ConversationAnalysisTable;
  check_results: CheckResultsTable;
  qa_queue: QaQueueTable;
}
