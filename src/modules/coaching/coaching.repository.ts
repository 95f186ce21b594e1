/** SQL of coaching sessions: the sessions, their linked reviews, and the scores behind their effect. */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { CoachingSessionsTable, DB } from '../../db/schema.js';

/** The columns of a new session (focus and action items as JSON text). */
export type NewSessionRow = Omit<CoachingSessionsTable, 'id'>;

/** The columns a change may set. */
export type SessionChanges = Updateable<CoachingSessionsTable>;

/** A review as linking it to a session needs it. */
export interface LinkableReview {
  /** The review. */
  id: number;
  /** The reviewed agent (internal id). */
  agent_id: number | null;
  /** draft or submitted. */
  status: string;
  /** manual, auto, self or calibration. */
  kind: string;
}

/** Reads and writes coaching sessions. */
export class CoachingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // A session with the names of its agent and lead.
  private selectSessions() {
    return this.db
      .selectFrom('coaching_sessions as s')
      .leftJoin('agents as a', 'a.id', 's.agent_id')
      .leftJoin('users as u', 'u.id', 's.lead_user_id')
      .select([
        's.id',
        's.agent_id',
        'a.external_id as agent_external_id',
        'a.name as agent_name',
        's.lead_user_id',
        'u.name as lead_name',
        's.held_at',
        's.focus',
        's.notes',
        's.action_items',
        's.follow_up_at',
        's.status',
        's.created_at',
        's.updated_at',
      ]);
  }

  /** One session, or undefined. */
  async find(id: number) {
    return this.selectSessions().where('s.id', '=', id).executeTakeFirst();
  }

  /** Sessions, latest held first. */
  async list(filters: { agentId?: number | undefined; status?: string | undefined; limit: number }) {
    let query = this.selectSessions();
    if (filters.agentId !== undefined) query = query.where('s.agent_id', '=', filters.agentId);
    if (filters.status !== undefined) query = query.where('s.status', '=', filters.status);
    return query.orderBy('s.held_at', 'desc').orderBy('s.id', 'desc').limit(filters.limit).execute();
  }

  /** Whether an agent exists. */
  async agentExists(agentId: number): Promise<boolean> {
    const row = await this.db.selectFrom('agents').select('id').where('id', '=', agentId).executeTakeFirst();
    return row !== undefined;
  }

  /** The reviews among `ids` that exist, with what decides whether they may be linked. */
  async linkableReviews(ids: readonly number[]): Promise<LinkableReview[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('reviews')
      .select(['id', 'agent_id', 'status', 'kind'])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** The reviews a session discusses, by id. */
  async linkedReviews(sessionId: number) {
    return this.db
      .selectFrom('coaching_reviews as cr')
      .innerJoin('reviews as r', 'r.id', 'cr.review_id')
      .select(['r.id', 'r.conversation_id', 'r.kind', 'r.score', 'r.passed', 'r.submitted_at'])
      .where('cr.session_id', '=', sessionId)
      .orderBy('r.id')
      .execute();
  }

  /** Inserts a session and returns its id. */
  async insert(tx: Transaction<DB>, row: NewSessionRow): Promise<number> {
    const inserted = await tx
      .insertInto('coaching_sessions')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  /** Sets the given columns of a session. */
  async update(tx: Transaction<DB>, id: number, changes: SessionChanges): Promise<void> {
    await tx.updateTable('coaching_sessions').set(changes).where('id', '=', id).execute();
  }

  /** Makes `reviewIds` the reviews the session discusses. */
  async replaceLinkedReviews(tx: Transaction<DB>, sessionId: number, reviewIds: readonly number[]) {
    await tx.deleteFrom('coaching_reviews').where('session_id', '=', sessionId).execute();
    if (reviewIds.length > 0) {
      await tx
        .insertInto('coaching_reviews')
        .values(reviewIds.map((review_id) => ({ session_id: sessionId, review_id })))
        .execute();
    }
  }

  /**
   * The agent's submitted manual and automatic reviews of conversations that began in
   * [fromMs, toMs], with the conversation's start as `at`: their overall scores, and their
   * category scores in `categories`. The conversation's time, not the review's, because that is
   * when the agent worked (automatic reviews of a year's import are all submitted the same day).
   * Calibration reviews are practice on shared conversations and self-reviews the agent's own
   * view, so neither measures the agent.
   */
  async effectScores(agentId: number, fromMs: number, toMs: number, categories: readonly string[]) {
    const reviews = this.db
      .selectFrom('reviews as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .where('r.agent_id', '=', agentId)
      .where('r.status', '=', 'submitted')
      .where('r.kind', 'in', ['manual', 'auto'])
      .where('c.created_at', '>=', fromMs)
      .where('c.created_at', '<=', toMs);
    const [overall, perCategory] = await Promise.all([
      reviews.select(['r.kind', 'c.created_at as at', 'r.score']).where('r.score', 'is not', null).execute(),
      categories.length === 0
        ? Promise.resolve([])
        : reviews
            .innerJoin('review_ratings as rr', 'rr.review_id', 'r.id')
            .select(['r.kind', 'c.created_at as at', 'rr.category_key', 'rr.category_score'])
            .where('rr.category_key', 'in', [...categories])
            .where('rr.category_score', 'is not', null)
            .execute(),
    ]);
    return { overall, perCategory };
  }
}

/** A session as `find` and `list` read it. */
export type SessionRow = NonNullable<Awaited<ReturnType<CoachingRepository['find']>>>;
