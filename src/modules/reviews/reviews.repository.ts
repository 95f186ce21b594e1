/** SQL of reviews: reviews, their ratings and audit trail, disputes and follow-up tasks. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, ReviewsTable } from '../../db/schema.js';
import type { CategoryRating, ReviewScore, ScorecardDefinition } from '../../domain/scorecard.js';

/** The attributes of a conversation a review needs. */
export interface ConversationFacts {
  id: number;
  external_id: string;
  agent_id: number | null;
  channel: string;
  language: string | null;
  team: string | null;
}

/** A review row. */
export type ReviewRow = {
  [K in keyof ReviewsTable]: ReviewsTable[K] extends import('kysely').Generated<infer T>
    ? T
    : ReviewsTable[K];
};

/** Filters of the review list. */
export interface ReviewFilters {
  conversationId?: number | undefined;
  agentId?: number | undefined;
  reviewerUserId?: number | undefined;
  kinds?: string[] | undefined;
  status?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** The rows to store for a set of ratings. */
export function ratingRows(
  reviewId: number,
  definition: ScorecardDefinition,
  ratings: readonly CategoryRating[],
  score: ReviewScore,
) {
  const weights = new Map(definition.categories.map((c) => [c.key, c.weight]));
  const scores = new Map(score.categories.map((c) => [c.key, c.score]));
  return ratings.map((rating) => ({
    review_id: reviewId,
    category_key: rating.key,
    rating: rating.na ? null : rating.rating,
    na: rating.na ? 1 : 0,
    comment: rating.comment ?? null,
    root_cause: rating.rootCause ?? null,
    category_score: scores.get(rating.key) ?? null,
    weight: weights.get(rating.key) ?? 1,
  }));
}

/** Reads and writes reviews. */
export class ReviewsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The conversation facts of `ids`. */
  async conversations(ids: readonly number[]): Promise<ConversationFacts[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('conversations as c')
      .leftJoin('teams as t', 't.id', 'c.team_id')
      .select(['c.id', 'c.external_id', 'c.agent_id', 'c.channel', 'c.language', 't.name as team'])
      .where('c.id', 'in', ids)
      .execute();
  }

  /** AutoQA check results of a conversation, by check id. */
  async checkResults(conversationId: number): Promise<Record<string, 'pass' | 'fail' | 'na'>> {
    const rows = await this.db
      .selectFrom('check_results')
      .select(['check_id', 'result'])
      .where('conversation_id', '=', conversationId)
      .execute();
    return Object.fromEntries(rows.map((row) => [row.check_id, row.result as 'pass' | 'fail' | 'na']));
  }

  /** One review. */
  async find(id: number, db: Kysely<DB> = this.db): Promise<ReviewRow | undefined> {
    return db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
      ReviewRow | undefined
    >;
  }

  /** The ratings of a review. */
  async ratings(reviewId: number, db: Kysely<DB> = this.db) {
    return db
      .selectFrom('review_ratings')
      .selectAll()
      .where('review_id', '=', reviewId)
      .orderBy('category_key')
      .execute();
  }

  /** The audit trail of a review, oldest first. */
  async audit(reviewId: number) {
    return this.db
      .selectFrom('review_audit')
      .leftJoin('users', 'users.id', 'review_audit.user_id')
      .select([
        'review_audit.at',
        'review_audit.user_id',
        'users.name as user_name',
        'review_audit.action',
        'review_audit.detail',
      ])
      .where('review_id', '=', reviewId)
      .orderBy('review_audit.id')
      .execute();
  }

  /** The review a reviewer already made of a conversation on a scorecard (any version), if any. */
  async existing(conversationId: number, reviewerUserId: number, scorecardId: number, kind: string) {
    return this.db
      .selectFrom('reviews as r')
      .innerJoin('scorecard_versions as v', 'v.id', 'r.scorecard_version_id')
      .select(['r.id', 'r.revision'])
      .where('r.conversation_id', '=', conversationId)
      .where('r.reviewer_user_id', '=', reviewerUserId)
      .where('r.kind', '=', kind)
      .where('r.calibration_session_id', 'is', null)
      .where('v.scorecard_id', '=', scorecardId)
      .executeTakeFirst();
  }

  /** Inserts a review row and returns its id. */
  async insert(tx: Transaction<DB>, row: Omit<ReviewRow, 'id'>): Promise<number> {
    const inserted = await tx.insertInto('reviews').values(row).returning('id').executeTakeFirstOrThrow();
    return inserted.id;
  }

  /** Replaces the ratings of a review. */
  async replaceRatings(
    tx: Transaction<DB>,
    reviewId: number,
    rows: ReturnType<typeof ratingRows>,
  ): Promise<void> {
    await tx.deleteFrom('review_ratings').where('review_id', '=', reviewId).execute();
    if (rows.length > 0) await tx.insertInto('review_ratings').values(rows).execute();
  }

  /**
   * Updates a review only if it is still at `revision`, moving it to the next revision; returns
   * whether it was updated (false: someone else changed it first).
   */
  async updateAtRevision(
    tx: Transaction<DB>,
    id: number,
    revision: number,
    values: Partial<Omit<ReviewRow, 'id' | 'revision'>>,
  ): Promise<boolean> {
    const result = await tx
      .updateTable('reviews')
      .set({ ...values, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Adds an audit entry. */
  async addAudit(
    tx: Kysely<DB>,
    entry: { reviewId: number; userId: number | null; action: string; detail: unknown; at: number },
  ): Promise<void> {
    await tx
      .insertInto('review_audit')
      .values({
        review_id: entry.reviewId,
        user_id: entry.userId,
        action: entry.action,
        detail: JSON.stringify(entry.detail ?? {}),
        at: entry.at,
      })
      .execute();
  }

  /** Reviews matching the filters, newest first (keyset paging on id). */
  async list(filters: ReviewFilters) {
    let query = this.db
      .selectFrom('reviews as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .innerJoin('scorecard_versions as v', 'v.id', 'r.scorecard_version_id')
      .innerJoin('scorecards as s', 's.id', 'v.scorecard_id')
      .leftJoin('agents as a', 'a.id', 'r.agent_id')
      .leftJoin('users as u', 'u.id', 'r.reviewer_user_id')
      .select([
        'r.id',
        'r.conversation_id',
        'c.external_id as conversation_external_id',
        'c.channel',
        'r.kind',
        'r.status',
        'r.score',
        'r.passed',
        'r.auto_failed',
        'r.revision',
        'r.agent_id',
        'a.external_id as agent_external_id',
        'a.name as agent_name',
        'r.reviewer_user_id',
        'u.name as reviewer_name',
        's.id as scorecard_id',
        's.name as scorecard_name',
        'v.version as scorecard_version',
        'r.acknowledged_at',
        'r.created_at',
        'r.updated_at',
        'r.submitted_at',
      ]);
    if (filters.conversationId !== undefined)
      query = query.where('r.conversation_id', '=', filters.conversationId);
    if (filters.agentId !== undefined) query = query.where('r.agent_id', '=', filters.agentId);
    if (filters.reviewerUserId !== undefined)
      query = query.where('r.reviewer_user_id', '=', filters.reviewerUserId);
    if (filters.kinds) query = query.where('r.kind', 'in', filters.kinds);
    if (filters.status) query = query.where('r.status', '=', filters.status);
    if (filters.fromMs !== undefined) query = query.where('r.submitted_at', '>=', filters.fromMs);
    if (filters.toMs !== undefined) query = query.where('r.submitted_at', '<', filters.toMs);
    if (filters.beforeId !== undefined) query = query.where('r.id', '<', filters.beforeId);
    return query.orderBy('r.id', 'desc').limit(filters.limit).execute();
  }

  /**
   * Submitted manual and automatic reviews of conversations created in [fromMs, toMs), of one
   * agent or team, with their category scores, for trends.
   */
  async trendRows(filters: {
    agentId?: number | undefined;
    team?: string | undefined;
    fromMs: number;
    toMs: number;
  }) {
    let reviews = this.db
      .selectFrom('reviews as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .where('r.status', '=', 'submitted')
      .where('r.kind', 'in', ['manual', 'auto'])
      .where('c.created_at', '>=', filters.fromMs)
      .where('c.created_at', '<', filters.toMs);
    if (filters.agentId !== undefined) reviews = reviews.where('r.agent_id', '=', filters.agentId);
    if (filters.team !== undefined) {
      const team = filters.team;
      reviews = reviews.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('teams as t')
            .select('t.id')
            .whereRef('t.id', '=', 'c.team_id')
            .where('t.name', '=', team),
        ),
      );
    }
    const [scores, categories] = await Promise.all([
      reviews.select(['r.id', 'r.kind', 'r.score', 'c.created_at']).execute(),
      reviews
        .innerJoin('review_ratings as rr', 'rr.review_id', 'r.id')
        .select(['r.kind', 'rr.category_key', 'rr.category_score', 'c.created_at'])
        .where('rr.category_score', 'is not', null)
        .execute(),
    ]);
    return { scores, categories };
  }

  /** Disputes of a review, oldest first. */
  async disputesOf(reviewId: number) {
    return this.db
      .selectFrom('disputes')
      .selectAll()
      .where('review_id', '=', reviewId)
      .orderBy('id')
      .execute();
  }

  /** One dispute. */
  async dispute(id: number) {
    return this.db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Disputes by status, with their review's conversation and agent, oldest first. */
  async disputes(filters: { status?: string | undefined; agentId?: number | undefined; limit: number }) {
    let query = this.db
      .selectFrom('disputes as d')
      .innerJoin('reviews as r', 'r.id', 'd.review_id')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .leftJoin('agents as a', 'a.id', 'r.agent_id')
      .leftJoin('users as u', 'u.id', 'd.opened_by')
      .select([
        'd.id',
        'd.review_id',
        'd.reason',
        'd.categories',
        'd.status',
        'd.opened_at',
        'd.opened_by',
        'u.name as opened_by_name',
        'd.decided_by',
        'd.decided_at',
        'd.decision_comment',
        'r.conversation_id',
        'c.external_id as conversation_external_id',
        'r.agent_id',
        'a.name as agent_name',
        'r.score',
      ]);
    if (filters.status) query = query.where('d.status', '=', filters.status);
    if (filters.agentId !== undefined) query = query.where('r.agent_id', '=', filters.agentId);
    return query.orderBy('d.opened_at').orderBy('d.id').limit(filters.limit).execute();
  }
}
