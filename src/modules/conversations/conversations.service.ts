/** Reading conversations: the list with its filters and paging, and one conversation whole. */
import type { Database } from '../../db/database.js';
import { localHourRanges } from '../../domain/calendar.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import type { Principal } from '../users/users.service.js';
import {
  type ConversationFilter,
  type ConversationRow,
  ConversationsRepository,
  type Cursor,
} from './conversations.repository.js';
import type {
  Channel,
  ConversationDetail,
  ConversationListQuery,
  ConversationStatus,
  ConversationSummary,
} from './conversations.schema.js';

/** Raised for a list query parameter that cannot be used: names the parameter and the reason. */
export class ConversationQueryError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** Conversations with a tag from which rows are checked one by one instead of collected first. */
const DENSE_TAG = 20_000;
/** Conversations matching a text search from which they are checked in order instead of sorted. */
const DENSE_TEXT = 10_000;

/** Most spans an hour or weekday filter may expand to (about 13 years of single hours). */
const MAX_TIME_RANGES = 5000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const flag = (value: number | null) => (value === null ? null : value === 1);

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((n) => Number.isSafeInteger(n))) {
      return { createdAt: parsed[0] as number, id: parsed[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new ConversationQueryError('cursor', 'not a cursor returned by this API');
}

/** The numbers of a list such as `9-12,14`, each within [min, max]. */
export function parseNumberList(text: string, min: number, max: number, field: string): Set<number> {
  const numbers = new Set<number>();
  for (const part of text.split(',')) {
    const [first = '', last = first] = part.split('-');
    const low = Number(first);
    const high = Number(last);
    if (!Number.isInteger(low) || !Number.isInteger(high) || low < min || high > max || low > high) {
      throw new ConversationQueryError(field, `"${part}" is not a number or range within ${min}–${max}`);
    }
    for (let n = low; n <= high; n++) numbers.add(n);
  }
  return numbers;
}

function summary(row: ConversationRow, tags: string[]): ConversationSummary {
  return {
    id: row.id,
    source: row.source,
    external_id: row.external_id,
    channel: row.channel as Channel,
    language: row.language,
    subject: row.subject,
    status: row.status as ConversationStatus | null,
    priority: row.priority,
    created_at: new Date(row.created_at).toISOString(),
    resolved_at: iso(row.resolved_at),
    agent: row.agent_external_id === null ? null : { id: row.agent_external_id, name: row.agent_name },
    team: row.team_name,
    customer_id: row.customer_external_id,
    tags,
    message_count: row.message_count,
    has_feedback: row.has_feedback === 1,
    complaint: row.complaint === 1,
    wait_s: row.wait_s,
    handle_s: row.handle_s,
    transfers: row.transfers,
    abandoned: flag(row.abandoned),
    reopened: row.reopened,
    outcome: row.outcome,
  };
}

/** Use cases of reading conversations. */
export class ConversationsService {
  private readonly repository: ConversationsRepository;

  constructor(private readonly database: Database) {
    this.repository = new ConversationsRepository(database.kysely, database.dialect);
  }

  // Local hours and weekdays become spans of the indexed creation time, so the filter stays a
  // range scan; an open period is closed at the first and last stored conversation.
  private async timeRanges(
    query: ConversationListQuery,
    filter: ConversationFilter,
  ): Promise<ConversationFilter> {
    if (query.hour === undefined && query.weekday === undefined) return filter;
    const hours = query.hour === undefined ? null : parseNumberList(query.hour, 0, 23, 'hour');
    const weekdays = query.weekday === undefined ? null : parseNumberList(query.weekday, 1, 7, 'weekday');
    const span =
      filter.fromMs === undefined || filter.toMs === undefined ? await this.repository.createdSpan() : null;
    const from = filter.fromMs ?? span?.first;
    const to = filter.toMs ?? (span ? span.last + 1 : undefined);
    if (from === undefined || to === undefined || from >= to) return { ...filter, timeRanges: [] };
    const ranges = localHourRanges(
      from,
      to,
      await organisationTimeZone(this.database.kysely),
      hours,
      weekdays,
    );
    if (ranges.length > MAX_TIME_RANGES) {
      throw new ConversationQueryError(
        query.hour === undefined ? 'weekday' : 'hour',
        'selects too many separate spans of time over this period; give a shorter period (from, to)',
      );
    }
    return { ...filter, timeRanges: ranges };
  }

  private filterFor(principal: Principal, query: Partial<ConversationListQuery> = {}): ConversationFilter {
    return {
      fromMs: query.from ? Date.parse(query.from) : undefined,
      toMs: query.to ? Date.parse(query.to) : undefined,
      channel: query.channel,
      agentExternalId: query.agent,
      team: query.team,
      language: query.language,
      tag: query.tag,
      status: query.status,
      source: query.source,
      hasFeedback: query.has_feedback,
      complaint: query.complaint,
      text: query.q,
      // Agents see their own conversations only; every other role sees all of them.
      onlyAgentId: principal.role === 'agent' ? principal.agentId : undefined,
    };
  }

  /** One page of the list and the cursor of the next page. */
  async list(
    principal: Principal,
    query: ConversationListQuery,
  ): Promise<{ items: ConversationSummary[]; next_cursor: string | null }> {
    const limit = query.limit ?? 50;
    const ranged = await this.timeRanges(query, this.filterFor(principal, query));
    const [denseTag, denseText] = await Promise.all([
      ranged.tag ? this.repository.tagIsDense(ranged.tag, DENSE_TAG) : false,
      ranged.text ? this.repository.textIsDense(ranged.text, DENSE_TEXT) : false,
    ]);
    const filter = { ...ranged, denseTag, denseText };
    const rows = await this.repository.list(filter, {
      descending: (query.sort ?? '-created_at') === '-created_at',
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const page = rows.slice(0, limit);
    const tags = await this.repository.tagsOf(page.map((row) => row.id));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => summary(row, tags.get(row.id) ?? [])),
      next_cursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    };
  }

  /** One conversation with messages and feedback, or null when it does not exist or is not visible. */
  async get(principal: Principal, id: number): Promise<ConversationDetail | null> {
    const row = await this.repository.find(id, this.filterFor(principal));
    if (!row) return null;
    const [tags, messages, feedback, complaints, pii] = await Promise.all([
      this.repository.tagsOf([id]),
      this.repository.messages(id),
      this.repository.feedback(id),
      this.repository.complaintsOf(id),
      row.customer_id === null ? undefined : this.repository.customerPii(row.customer_id),
    ]);
    return {
      ...summary(row, tags.get(id) ?? []),
      customer:
        row.customer_external_id === null
          ? null
          : {
              id: row.customer_external_id,
              name: pii?.name ?? null,
              email: pii?.email ?? null,
              phone: pii?.phone ?? null,
            },
      custom: row.custom ? (JSON.parse(row.custom) as Record<string, unknown>) : {},
      messages: messages.map((m) => ({
        seq: m.seq,
        role: m.role as ConversationDetail['messages'][number]['role'],
        author: m.author,
        at: iso(m.at),
        text: m.text,
        internal: m.internal === 1,
        start_s: m.start_s,
        end_s: m.end_s,
      })),
      complaints: complaints.map((k) => ({ id: Number(k.id), reference: k.reference, status: k.status })),
      feedback: feedback.map((f) => ({
        type: f.type as ConversationDetail['feedback'][number]['type'],
        score: f.score,
        scale: f.scale,
        comment: f.comment,
        at: iso(f.at),
      })),
    };
  }
}
