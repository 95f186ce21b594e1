/** SQL of calibration sessions: the session, its conversations and reviewers, and their reviews. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Reads and writes calibration sessions. */
export class CalibrationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Creates a session with its conversations and participants. */
  async create(
    tx: Transaction<DB>,
    input: {
      title: string;
      scorecardVersionId: number;
      leadUserId: number;
      baselineUserId: number | null;
      dueAt: number | null;
      conversationIds: number[];
      participantIds: number[];
      now: number;
    },
  ): Promise<number> {
    const session = await tx
      .insertInto('calibration_sessions')
      .values({
        title: input.title,
        scorecard_version_id: input.scorecardVersionId,
        lead_user_id: input.leadUserId,
        baseline_user_id: input.baselineUserId,
        status: 'open',
        due_at: input.dueAt,
        created_at: input.now,
        revealed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('calibration_conversations')
      .values(input.conversationIds.map((conversation_id) => ({ session_id: session.id, conversation_id })))
      .execute();
    await tx
      .insertInto('calibration_participants')
      .values(input.participantIds.map((user_id) => ({ session_id: session.id, user_id })))
      .execute();
    return session.id;
  }

  /** One session. */
  async find(id: number) {
    return this.db.selectFrom('calibration_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Sessions, newest first; with `userId`, only those the user leads or takes part in. */
  async list(userId: number | undefined, limit: number) {
    let query = this.db
      .selectFrom('calibration_sessions as s')
      .leftJoin('users as u', 'u.id', 's.lead_user_id')
      .select([
        's.id',
        's.title',
        's.status',
        's.lead_user_id',
        'u.name as lead_name',
        's.scorecard_version_id',
        's.due_at',
        's.created_at',
        's.revealed_at',
      ]);
    if (userId !== undefined) {
      query = query.where((eb) =>
        eb.or([
          eb('s.lead_user_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('calibration_participants as p')
              .select('p.user_id')
              .whereRef('p.session_id', '=', 's.id')
              .where('p.user_id', '=', userId),
          ),
        ]),
      );
    }
    return query.orderBy('s.id', 'desc').limit(limit).execute();
  }

  /** The conversation ids of a session. */
  async conversationIds(sessionId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('calibration_conversations')
      .select('conversation_id')
      .where('session_id', '=', sessionId)
      .orderBy('conversation_id')
      .execute();
    return rows.map((row) => row.conversation_id);
  }

  /** The participants of a session with their names. */
  async participants(sessionId: number) {
    return this.db
      .selectFrom('calibration_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.user_id', 'u.name', 'u.email'])
      .where('p.session_id', '=', sessionId)
      .orderBy('p.user_id')
      .execute();
  }

  /** The reviews made in a session. */
  async reviews(sessionId: number) {
    return this.db
      .selectFrom('reviews')
      .select(['id', 'conversation_id', 'reviewer_user_id', 'status', 'score', 'revision'])
      .where('calibration_session_id', '=', sessionId)
      .where('kind', '=', 'calibration')
      .execute();
  }

  /** The ratings of the submitted reviews of a session. */
  async submittedRatings(sessionId: number) {
    return this.db
      .selectFrom('review_ratings as rr')
      .innerJoin('reviews as r', 'r.id', 'rr.review_id')
      .select(['r.conversation_id', 'r.reviewer_user_id', 'rr.category_key', 'rr.rating', 'rr.na'])
      .where('r.calibration_session_id', '=', sessionId)
      .where('r.kind', '=', 'calibration')
      .where('r.status', '=', 'submitted')
      .execute();
  }

  /** Marks a session revealed (once). */
  async reveal(id: number, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('calibration_sessions')
      .set({ status: 'revealed', revealed_at: now })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Revealed sessions a user took part in, oldest first. */
  async revealedSessionsOf(userId: number) {
    return this.db
      .selectFrom('calibration_sessions as s')
      .innerJoin('calibration_participants as p', 'p.session_id', 's.id')
      .select(['s.id', 's.title', 's.revealed_at'])
      .where('p.user_id', '=', userId)
      .where('s.status', '=', 'revealed')
      .orderBy('s.revealed_at')
      .execute();
  }
}
