/**
 * The write side of the contact store: a conversation after validation, and the writer that
 * stores batches of them. Each dialect has its own writer because the import path is the
 * hottest write path of the product (see docs/ARCHITECTURE.md).
 */
import type { Channel, ConversationStatus, FeedbackType, MessageRole } from './conversations.schema.js';

/** A message ready to store. */
export interface NormalizedMessage {
  role: MessageRole;
  author: string | null;
  at: number | null;
  text: string;
  internal: boolean;
  startS: number | null;
  endS: number | null;
}

/** A survey answer ready to store. */
export interface NormalizedFeedback {
  type: FeedbackType;
  score: number;
  scale: number;
  comment: string | null;
  at: number | null;
}

/** A conversation after validation: ids as strings, times as epoch milliseconds. */
export interface NormalizedConversation {
  source: string;
  externalId: string;
  channel: Channel;
  language: string | null;
  subject: string | null;
  status: ConversationStatus | null;
  priority: string | null;
  createdAt: number;
  resolvedAt: number | null;
  agent: { externalId: string; name: string | null; team: string | null } | null;
  customer: { externalId: string; name: string | null; email: string | null; phone: string | null } | null;
  tags: string[];
  waitS: number | null;
  handleS: number | null;
  transfers: number | null;
  abandoned: boolean | null;
  reopened: number | null;
  outcome: string | null;
  complaint: boolean;
  custom: Record<string, unknown> | null;
  messages: NormalizedMessage[];
  feedback: NormalizedFeedback[];
  /** Digest of the content; an unchanged re-import is recognised by it and costs no write. */
  contentHash: string;
}

/** Columns of `conversations` a write sets, in the order the writers bind them (all but the id and `imported_at`). */
export const CONVERSATION_COLUMNS = [
  'source',
  'external_id',
  'channel',
  'language',
  'subject',
  'status',
  'priority',
  'created_at',
  'resolved_at',
  'agent_id',
  'team_id',
  'customer_id',
  'wait_s',
  'handle_s',
  'transfers',
  'abandoned',
  'reopened',
  'outcome',
  'complaint',
  'has_feedback',
  'message_count',
  'custom',
  'content_hash',
  'updated_at',
] as const;

/** What storing one conversation did. */
export type WriteOutcome = 'imported' | 'updated' | 'unchanged';

/** The outcome of one conversation of a batch, in batch order. */
export interface WriteResult {
  id: number;
  outcome: WriteOutcome;
}

/** Stores batches of conversations; a batch is written whole or not at all. */
export interface ConversationWriter {
  /** Upserts the batch by (source, external id) in one transaction. */
  writeBatch(batch: readonly NormalizedConversation[]): Promise<WriteResult[]>;
}

/** The text a conversation is found by in full-text search. */
export function searchDocument(conversation: NormalizedConversation): string {
  const parts: string[] = [];
  if (conversation.subject) parts.push(conversation.subject);
  for (const message of conversation.messages) parts.push(message.text);
  return parts.join('\n');
}

/** Custom fields as filterable strings; nested values are kept only in the JSON column. */
export function filterableFields(custom: Record<string, unknown> | null): Array<[string, string]> {
  if (!custom) return [];
  const fields: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(custom)) {
    if (typeof value === 'string') fields.push([key, value]);
    else if (typeof value === 'number' || typeof value === 'boolean') fields.push([key, String(value)]);
  }
  return fields;
}
