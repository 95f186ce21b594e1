/** SQL of AutoQA: which conversations need analysis, loading them, storing results, the QA queue. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ConversationAnalysis, EngineConversation } from '../../engine/types.js';

/** Which conversations a scoring run takes. */
export interface PendingOptions {
  settingsHash: string;
  all: boolean;
  sinceMs?: number | undefined;
}

/** Reads and writes AutoQA results. */
export class AutoQaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // Conversations that need analysis: never analysed, changed since, or analysed under other
  // settings (`all` takes every conversation; `sinceMs` limits to those created since).
  private pending(options: PendingOptions) {
    let query = this.db
      .selectFrom('conversations as c')
      .leftJoin('conversation_analysis as a', 'a.conversation_id', 'c.id');
    if (options.sinceMs !== undefined) query = query.where('c.created_at', '>=', options.sinceMs);
    if (!options.all) {
      query = query.where((eb) =>
        eb.or([
          eb('a.conversation_id', 'is', null),
          eb('a.content_hash', '!=', eb.ref('c.content_hash')),
          eb('a.settings_hash', '!=', options.settingsHash),
        ]),
      );
    }
    return query;
  }

  /** The next `limit` pending ids after `afterId`, in id order. */
  async pendingIds(options: PendingOptions & { afterId: number; limit: number }): Promise<number[]> {
    const rows = await this.pending(options)
      .select('c.id')
      .where('c.id', '>', options.afterId)
      .orderBy('c.id')
      .limit(options.limit)
      .execute();
    return rows.map((row) => row.id);
  }

  /** How many conversations are pending. */
  async countPending(options: PendingOptions): Promise<number> {
    const row = await this.pending(options)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The conversations with their messages, feedback and customer name, as the engine reads them. */
  async load(
    ids: readonly number[],
  ): Promise<Array<{ id: number; contentHash: string; conversation: EngineConversation }>> {
    if (ids.length === 0) return [];
    const [rows, messages, feedback] = await Promise.all([
      this.db
        .selectFrom('conversations as c')
        .leftJoin('customer_pii as p', 'p.customer_id', 'c.customer_id')
        .select([
          'c.id',
          'c.external_id',
          'c.channel',
          'c.language',
          'c.created_at',
          'c.resolved_at',
          'c.status',
          'c.complaint',
          'c.content_hash',
          'p.name',
        ])
        .where('c.id', 'in', ids)
        .execute(),
      this.db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', 'in', ids)
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute(),
      this.db
        .selectFrom('feedback')
        .select(['conversation_id', 'type', 'score', 'scale'])
        .where('conversation_id', 'in', ids)
        .execute(),
    ]);
    const byId = new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          contentHash: row.content_hash,
          conversation: {
            id: row.external_id,
            channel: row.channel,
            language: row.language,
            createdAt: row.created_at,
            resolvedAt: row.resolved_at,
            status: row.status,
            customerName: row.name,
            markedComplaint: row.complaint === 1,
            messages: [],
            feedback: [],
          } as EngineConversation,
        },
      ]),
    );
    for (const m of messages) {
      byId.get(m.conversation_id)?.conversation.messages.push({
        role: m.role as EngineConversation['messages'][number]['role'],
        text: m.text,
        at: m.at,
        internal: m.internal === 1,
        startS: m.start_s,
        endS: m.end_s,
      });
    }
    for (const f of feedback)
      byId
        .get(f.conversation_id)
        ?.conversation.feedback.push({ type: f.type, score: f.score, scale: f.scale });
    return ids.flatMap((id) => {
      const found = byId.get(id);
      return found ? [found] : [];
    });
  }

  /** Stores a batch of analyses in one transaction and queues the flagged conversations not yet reviewed. */
  async save(
    results: Array<{ id: number; contentHash: string; analysis: ConversationAnalysis }>,
    settingsHash: string,
  ): Promise<void> {
    if (results.length === 0) return;
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      const ids = results.map((r) => r.id);
      await trx.deleteFrom('conversation_analysis').where('conversation_id', 'in', ids).execute();
      await trx.deleteFrom('check_results').where('conversation_id', 'in', ids).execute();
      for (let start = 0; start < results.length; start += 200) {
        const slice = results.slice(start, start + 200);
        await trx
          .insertInto('conversation_analysis')
          .values(
            slice.map(({ id, contentHash, analysis }) => ({
              conversation_id: id,
              content_hash: contentHash,
              settings_hash: settingsHash,
              language: analysis.language,
              language_confidence: analysis.languageConfidence,
              sentiment: analysis.sentiment.label,
              sentiment_score: analysis.sentiment.score,
              sentiment_start: analysis.sentiment.start,
              sentiment_end: analysis.sentiment.end,
              complaint: analysis.complaint.detected ? 1 : 0,
              complaint_confidence: analysis.complaint.confidence,
              result: JSON.stringify(analysis),
              analysed_at: now,
            })),
          )
          .execute();
        const checks = slice.flatMap(({ id, analysis }) =>
          Object.entries(analysis.checks).map(([check_id, r]) => ({
            conversation_id: id,
            check_id,
            result: r.result,
          })),
        );
        for (let at = 0; at < checks.length; at += 2000) {
          await trx
            .insertInto('check_results')
            .values(checks.slice(at, at + 2000))
            .execute();
        }
      }
      const flagged = results.filter((r) => r.analysis.flags.length > 0);
      for (let start = 0; start < flagged.length; start += 500) {
        await trx
          .insertInto('qa_queue')
          .values(
            flagged.slice(start, start + 500).map(({ id, analysis }) => ({
              conversation_id: id,
              reasons: JSON.stringify(analysis.flags),
              status: 'open',
              created_at: now,
              updated_at: now,
            })),
          )
          .onConflict((oc) =>
            // A conversation already reviewed or dismissed stays so; an open one gets the new reasons.
            oc
              .column('conversation_id')
              .doUpdateSet({
                reasons: (eb) => eb.ref('excluded.reasons'),
                updated_at: (eb) => eb.ref('excluded.updated_at'),
              })
              .where('qa_queue.status', '=', 'open'),
          )
          .execute();
      }
      const unflagged = results.filter((r) => r.analysis.flags.length === 0).map((r) => r.id);
      if (unflagged.length > 0) {
        await trx
          .deleteFrom('qa_queue')
          .where('conversation_id', 'in', unflagged)
          .where('status', '=', 'open')
          .execute();
      }
    });
  }

  /** The stored analysis of a conversation, or undefined. */
  async analysisOf(conversationId: number): Promise<ConversationAnalysis | undefined> {
    const row = await this.db
      .selectFrom('conversation_analysis')
      .select('result')
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.result) as ConversationAnalysis) : undefined;
  }
}
