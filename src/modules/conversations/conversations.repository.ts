/** Queries that read conversations. */
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DialectOperations } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { InstantRange } from '../../domain/calendar.js';
import type { NormalizedConversation } from './conversations.writer.js';

/** Filters of the conversation list, already resolved to stored values. */
export interface ConversationFilter {
  fromMs?: number | undefined;
  toMs?: number | undefined;
  channel?: string | undefined;
  agentExternalId?: string | undefined;
  team?: string | undefined;
  language?: string | undefined;
  tag?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  hasFeedback?: boolean | undefined;
  complaint?: boolean | undefined;
  text?: string | undefined;
  /** Whether the tag is on so many conversations that checking rows one by one is faster (see `tagIsDense`). */
  denseTag?: boolean | undefined;
  /** Whether the text matches so many conversations that checking rows in order is faster (see `textIsDense`). */
  denseText?: boolean | undefined;
  /** Only conversations created within one of these spans (local hours and weekdays). */
  timeRanges?: readonly InstantRange[] | undefined;
  /** Only conversations handled by this agent (internal id); set for users with the agent role. */
  onlyAgentId?: number | null | undefined;
}

/** Keyset position of the last row of a page. */
export interface Cursor {
  createdAt: number;
  id: number;
}

/** A conversation row as the list reads it. */
export type ConversationRow = Awaited<ReturnType<ConversationsRepository['list']>>[number];

/** Reads conversations. */
export class ConversationsRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: DialectOperations,
  ) {}

  private base() {
    return this.db
      .selectFrom('conversations as c')
      .leftJoin('agents as a', 'a.id', 'c.agent_id')
      .leftJoin('teams as t', 't.id', 'c.team_id')
      .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
      .select([
        'c.id',
        'c.source',
        'c.external_id',
        'c.channel',
        'c.language',
        'c.subject',
        'c.status',
        'c.priority',
        'c.created_at',
        'c.resolved_at',
        'c.agent_id',
        'a.external_id as agent_external_id',
        'a.name as agent_name',
        't.name as team_name',
        'c.customer_id',
        'cu.external_id as customer_external_id',
        'c.message_count',
        'c.has_feedback',
        'c.complaint',
        'c.wait_s',
        'c.handle_s',
        'c.transfers',
        'c.abandoned',
        'c.reopened',
        'c.outcome',
        'c.custom',
      ]);
  }

  private applyFilter<O>(
    query: SelectQueryBuilder<DB & { c: DB['conversations'] }, 'c', O>,
    filter: ConversationFilter,
  ): SelectQueryBuilder<DB & { c: DB['conversations'] }, 'c', O> {
    let q = query;
    if (filter.onlyAgentId !== undefined) {
      // An agent without a linked agent record sees nothing rather than everything.
      q = q.where('c.agent_id', '=', filter.onlyAgentId ?? -1);
    }
    if (filter.fromMs !== undefined) q = q.where('c.created_at', '>=', filter.fromMs);
    if (filter.toMs !== undefined) q = q.where('c.created_at', '<', filter.toMs);
    if (filter.channel) q = q.where('c.channel', '=', filter.channel);
    if (filter.status) q = q.where('c.status', '=', filter.status);
    if (filter.source) q = q.where('c.source', '=', filter.source);
    if (filter.language) {
      const language = filter.language.toLowerCase();
      q = q.where((eb) =>
        eb.or([eb('c.language', '=', language), eb('c.language', 'like', `${language}-%`)]),
      );
    }
    if (filter.agentExternalId) {
      const agentId = filter.agentExternalId;
      q = q.where('c.agent_id', '=', (eb) =>
        eb.selectFrom('agents').select('agents.id').where('agents.external_id', '=', agentId),
      );
    }
    if (filter.team) {
      const team = filter.team;
      q = q.where('c.team_id', '=', (eb) =>
        eb.selectFrom('teams').select('teams.id').where('teams.name', '=', team),
      );
    }
    if (filter.tag) {
      const tag = filter.tag;
      if (filter.denseTag) {
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('conversation_tags')
              .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
              .select('conversation_tags.tag_id')
              .whereRef('conversation_tags.conversation_id', '=', 'c.id')
              .where('tags.name', '=', tag),
          ),
        );
      } else {
        q = q.where('c.id', 'in', (eb) =>
          eb
            .selectFrom('conversation_tags')
            .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
            .select('conversation_tags.conversation_id')
            .where('tags.name', '=', tag),
        );
      }
    }
    if (filter.hasFeedback !== undefined) q = q.where('c.has_feedback', '=', filter.hasFeedback ? 1 : 0);
    if (filter.complaint !== undefined) q = q.where('c.complaint', '=', filter.complaint ? 1 : 0);
    if (filter.text) q = q.where(this.dialect.conversationMatches('c.id', filter.text, filter.denseText));
    if (filter.timeRanges) {
      const ranges = filter.timeRanges;
      q = q.where((eb) =>
        ranges.length === 0
          ? sql<boolean>`1 = 0`
          : eb.or(
              ranges.map((r) => eb.and([eb('c.created_at', '>=', r.from), eb('c.created_at', '<', r.to)])),
            ),
      );
    }
    return q;
  }

  /** One page of conversations in `created_at` order (newest first when `descending`). */
  list(
    filter: ConversationFilter,
    options: { descending: boolean; limit: number; after?: Cursor | undefined },
  ) {
    let q = this.applyFilter(this.base(), filter);
    const after = options.after;
    if (after) {
      const op = options.descending ? '<' : '>';
      q = q.where((eb) =>
        eb.or([
          eb('c.created_at', op, after.createdAt),
          eb.and([eb('c.created_at', '=', after.createdAt), eb('c.id', op, after.id)]),
        ]),
      );
    }
    const direction = options.descending ? 'desc' : 'asc';
    return q.orderBy('c.created_at', direction).orderBy('c.id', direction).limit(options.limit).execute();
  }

  /**
   * Whether `tag` is on at least `cap` conversations. A page of the newest is then found fastest
   * by walking conversations newest first and checking each; fewer are fastest collected first.
   * Counting stops at `cap`, so this stays cheap.
   */
  async tagIsDense(tag: string, cap: number): Promise<boolean> {
    const row = await this.db
      .selectFrom((eb) =>
        eb
          .selectFrom('conversation_tags')
          .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
          .select('conversation_tags.conversation_id')
          .where('tags.name', '=', tag)
          .limit(cap)
          .as('tagged'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n) >= cap;
  }

  /** Whether the words of `text` match at least `cap` conversations; counting stops at `cap`. */
  async textIsDense(text: string, cap: number): Promise<boolean> {
    return (await this.dialect.countMatchesUpTo(text, cap)) >= cap;
  }

  /** The first and last creation instants of all conversations, or null when there are none. */
  async createdSpan(): Promise<{ first: number; last: number } | null> {
    const row = await this.db
      .selectFrom('conversations')
      .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
      .executeTakeFirst();
    return row?.first == null || row.last == null
      ? null
      : { first: Number(row.first), last: Number(row.last) };
  }

  /** One conversation, or undefined. */
  find(id: number, filter: ConversationFilter) {
    return this.applyFilter(this.base(), filter).where('c.id', '=', id).executeTakeFirst();
  }

  /** Tags of the given conversations. */
  async tagsOf(ids: readonly number[]): Promise<Map<number, string[]>> {
    const tags = new Map<number, string[]>();
    if (ids.length === 0) return tags;
    const rows = await this.db
      .selectFrom('conversation_tags')
      .innerJoin('tags', 'tags.id', 'conversation_tags.tag_id')
      .select(['conversation_tags.conversation_id', 'tags.name'])
      .where('conversation_tags.conversation_id', 'in', ids)
      .orderBy('tags.name')
      .execute();
    for (const row of rows) {
      const list = tags.get(row.conversation_id) ?? [];
      list.push(row.name);
      tags.set(row.conversation_id, list);
    }
    return tags;
  }

  /** Messages of one conversation in order. */
  messages(conversationId: number) {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
  }

  /** The register entries a conversation belongs to, oldest first. */
  complaintsOf(conversationId: number) {
    return this.db
      .selectFrom('complaint_conversations as cc')
      .innerJoin('complaints as k', 'k.id', 'cc.complaint_id')
      .select(['k.id', 'k.reference', 'k.status'])
      .where('cc.conversation_id', '=', conversationId)
      .orderBy('k.id')
      .execute();
  }

  /** Survey answers of one conversation. */
  feedback(conversationId: number) {
    return this.db
      .selectFrom('feedback')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
  }

  /** Personal data of a customer, when kept. */
  customerPii(customerId: number) {
    return this.db
      .selectFrom('customer_pii')
      .selectAll()
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
  }

  /** Conversations whole, in the shape the writers store, for rewriting them. */
  async loadForRewrite(ids: readonly number[]): Promise<NormalizedConversation[]> {
    if (ids.length === 0) return [];
    const [rows, messages, feedback, tags] = await Promise.all([
      this.base().where('c.id', 'in', ids).select(['c.content_hash']).execute(),
      this.db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', 'in', ids)
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute(),
      this.db
        .selectFrom('feedback')
        .selectAll()
        .where('conversation_id', 'in', ids)
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute(),
      this.tagsOf(ids),
    ]);
    return rows.map((row) => ({
      source: row.source,
      externalId: row.external_id,
      channel: row.channel as NormalizedConversation['channel'],
      language: row.language,
      subject: row.subject,
      status: row.status as NormalizedConversation['status'],
      priority: row.priority,
      createdAt: row.created_at,
      resolvedAt: row.resolved_at,
      agent:
        row.agent_external_id === null
          ? null
          : { externalId: row.agent_external_id, name: row.agent_name, team: row.team_name },
      customer:
        row.customer_external_id === null
          ? null
          : { externalId: row.customer_external_id, name: null, email: null, phone: null },
      tags: tags.get(row.id) ?? [],
      waitS: row.wait_s,
      handleS: row.handle_s,
      transfers: row.transfers,
      abandoned: row.abandoned === null ? null : row.abandoned === 1,
      reopened: row.reopened,
      outcome: row.outcome,
      complaint: row.complaint === 1,
      custom: row.custom ? (JSON.parse(row.custom) as Record<string, unknown>) : null,
      messages: messages
        .filter((m) => m.conversation_id === row.id)
        .map((m) => ({
          role: m.role as NormalizedConversation['messages'][number]['role'],
          author: m.author,
          at: m.at,
          text: m.text,
          internal: m.internal === 1,
          startS: m.start_s,
          endS: m.end_s,
        })),
      feedback: feedback
        .filter((f) => f.conversation_id === row.id)
        .map((f) => ({
          type: f.type as NormalizedConversation['feedback'][number]['type'],
          score: f.score,
          scale: f.scale,
          comment: f.comment,
          at: f.at,
        })),
      contentHash: row.content_hash,
    }));
  }
}
