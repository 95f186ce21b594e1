/**
 * Calibration sessions: the lead picks conversations and reviewers, each reviewer scores them
 * blind (nobody but the lead and managers sees another's scores), the lead reveals, and the
 * session shows per category how far apart the reviewers are (Krippendorff's α, pairwise Cohen's
 * κ, each reviewer's deviation from the baseline), with each reviewer's history across sessions.
 */
import type { Database } from '../../db/database.js';
import { type CalibrationRating, calibrationResults } from '../../domain/calibration.js';
import { conflictError, forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import { ReviewsRepository } from '../reviews/reviews.repository.js';
import type { RatingInput, ReviewsService } from '../reviews/reviews.service.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import type { Principal } from '../users/users.service.js';
import { CalibrationRepository } from './calibration.repository.js';

/** Roles that set up and reveal sessions. */
const ORGANISER_ROLES = new Set(['admin', 'manager', 'lead']);
/** Roles that see every session. */
const MANAGER_ROLES = new Set(['admin', 'manager']);
/** Roles that may be invited to score. */
const SCORING_ROLES = new Set(['admin', 'manager', 'lead', 'reviewer']);

/** Body of a new session. */
export interface CreateSessionInput {
  title: string;
  scorecard_id?: number;
  conversation_ids: number[];
  participant_ids: number[];
  baseline_user_id?: number | null;
  due_at?: string | null;
}

/** A reviewer's blind review in a session. */
export interface SessionReviewInput {
  conversation_id: number;
  ratings: RatingInput[];
  comment?: string | null;
  submit?: boolean;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Use cases of calibration. */
export class CalibrationService {
  private readonly repository: CalibrationRepository;
  private readonly reviewsRepository: ReviewsRepository;
  private readonly scorecards: ScorecardsService;

  constructor(
    private readonly database: Database,
    private readonly reviews: ReviewsService,
  ) {
    this.repository = new CalibrationRepository(database.kysely);
    this.reviewsRepository = new ReviewsRepository(database.kysely);
    this.scorecards = new ScorecardsService(database);
  }

  /** Sets up a session on the current version of a scorecard. */
  async create(principal: Principal, input: CreateSessionInput) {
    if (!ORGANISER_ROLES.has(principal.role)) throw forbiddenError('leads and managers set up calibration');
    const conversationIds = [...new Set(input.conversation_ids)];
    const participantIds = [...new Set(input.participant_ids)];
    const problems: Array<{ field: string; reason: string }> = [];
    if (conversationIds.length === 0)
      problems.push({ field: 'conversation_ids', reason: 'pick at least one conversation' });
    if (participantIds.length < 2)
      problems.push({ field: 'participant_ids', reason: 'invite at least two reviewers' });
    const found = await this.reviewsRepository.conversations(conversationIds);
    const foundIds = new Set(found.map((c) => c.id));
    for (const id of conversationIds) {
      if (!foundIds.has(id)) problems.push({ field: 'conversation_ids', reason: `no conversation ${id}` });
    }
    const users = participantIds.length
      ? await this.database.kysely
          .selectFrom('users')
          .select(['id', 'role', 'disabled'])
          .where('id', 'in', participantIds)
          .execute()
      : [];
    for (const id of participantIds) {
      const user = users.find((u) => u.id === id);
      if (!user || user.disabled === 1)
        problems.push({ field: 'participant_ids', reason: `no active user ${id}` });
      else if (!SCORING_ROLES.has(user.role)) {
        problems.push({
          field: 'participant_ids',
          reason: `user ${id} is a ${user.role} and does not review`,
        });
      }
    }
    const baseline = input.baseline_user_id ?? null;
    if (baseline !== null && baseline !== principal.id && !participantIds.includes(baseline)) {
      problems.push({
        field: 'baseline_user_id',
        reason: 'the baseline is the lead or one of the participants',
      });
    }
    const dueAt = input.due_at ? Date.parse(input.due_at) : null;
    if (problems.length > 0) throw invalidInput(problems);
    const scorecard =
      input.scorecard_id === undefined
        ? await this.scorecards.getDefault()
        : await this.scorecards.get(input.scorecard_id);
    const id = await this.database.kysely.transaction().execute((tx) =>
      this.repository.create(tx, {
        title: input.title,
        scorecardVersionId: scorecard.version_id,
        leadUserId: principal.id,
        baselineUserId: baseline,
        dueAt,
        conversationIds,
        participantIds,
        now: Date.now(),
      }),
    );
    return this.get(principal, id);
  }

  private async session(principal: Principal, id: number) {
    const session = await this.repository.find(id);
    if (!session) throw notFoundError(`calibration session ${id}`);
    if (MANAGER_ROLES.has(principal.role) || session.lead_user_id === principal.id)
      return { session, organiser: true };
    const participants = await this.repository.participants(id);
    if (!participants.some((p) => p.user_id === principal.id))
      throw notFoundError(`calibration session ${id}`);
    return { session, organiser: false };
  }

  /** Sessions the principal leads or takes part in (managers: all). */
  async list(principal: Principal, limit = 100) {
    const rows = await this.repository.list(
      MANAGER_ROLES.has(principal.role) ? undefined : principal.id,
      limit,
    );
    return rows.map((row) => ({
      ...row,
      due_at: iso(row.due_at),
      created_at: iso(row.created_at),
      revealed_at: iso(row.revealed_at),
    }));
  }

  /**
   * A session with its conversations, reviewers and their progress. Before the reveal a
   * participant sees only their own reviews; the lead and managers see every review's status.
   */
  async get(principal: Principal, id: number) {
    const { session, organiser } = await this.session(principal, id);
    const [conversationIds, participants, reviews, version] = await Promise.all([
      this.repository.conversationIds(id),
      this.repository.participants(id),
      this.repository.reviews(id),
      this.scorecards.definitionOfVersion(session.scorecard_version_id),
    ]);
    const open = session.status === 'open';
    const visible = (reviewerId: number | null) => !open || organiser || reviewerId === principal.id;
    return {
      id: session.id,
      title: session.title,
      status: session.status,
      lead_user_id: session.lead_user_id,
      baseline_user_id: session.baseline_user_id,
      scorecard_id: version.scorecardId,
      scorecard_version: version.version,
      definition: version.definition,
      due_at: iso(session.due_at),
      created_at: iso(session.created_at),
      revealed_at: iso(session.revealed_at),
      conversation_ids: conversationIds,
      participants: participants.map((p) => ({
        user_id: p.user_id,
        name: p.name,
        submitted: reviews.filter((r) => r.reviewer_user_id === p.user_id && r.status === 'submitted').length,
      })),
      reviews: reviews
        .filter((r) => visible(r.reviewer_user_id))
        .map((r) => ({
          id: r.id,
          conversation_id: r.conversation_id,
          reviewer_user_id: r.reviewer_user_id,
          status: r.status,
          revision: r.revision,
          score: open && !organiser && r.reviewer_user_id !== principal.id ? null : r.score,
        })),
    };
  }

  /** A participant's blind review of one of the session's conversations. */
  async review(principal: Principal, id: number, input: SessionReviewInput) {
    const session = await this.repository.find(id);
    if (!session) throw notFoundError(`calibration session ${id}`);
    const participants = await this.repository.participants(id);
    if (!participants.some((p) => p.user_id === principal.id)) {
      throw forbiddenError('only the invited reviewers score in a calibration session');
    }
    if (session.status !== 'open')
      throw conflictError('revealed', `calibration session ${id} is revealed; scoring is over`);
    const conversationIds = await this.repository.conversationIds(id);
    if (!conversationIds.includes(input.conversation_id)) {
      throw invalidInput([
        { field: 'conversation_id', reason: `conversation ${input.conversation_id} is not in this session` },
      ]);
    }
    const existing = (await this.repository.reviews(id)).find(
      (r) => r.reviewer_user_id === principal.id && r.conversation_id === input.conversation_id,
    );
    if (existing) {
      throw conflictError(
        'exists',
        `you scored conversation ${input.conversation_id} in this session already (review ${existing.id}); edit that review`,
        {
          review_id: existing.id,
          revision: existing.revision,
        },
      );
    }
    const [facts] = await this.reviewsRepository.conversations([input.conversation_id]);
    const version = await this.scorecards.definitionOfVersion(session.scorecard_version_id);
    return this.reviews.insertReview({
      facts: facts as NonNullable<typeof facts>,
      definition: version.definition,
      versionId: session.scorecard_version_id,
      kind: 'calibration',
      reviewerUserId: principal.id,
      calibrationSessionId: id,
      ratings: input.ratings.map((r) => ({
        key: r.key,
        rating: r.na ? null : r.rating,
        na: r.na ?? false,
        comment: r.comment ?? null,
        rootCause: r.root_cause ?? null,
      })),
      comment: input.comment ?? null,
      submit: input.submit ?? false,
      actor: principal.id,
    });
  }

  /** The lead (or a manager) reveals the scores; from then on every participant sees the results. */
  async reveal(principal: Principal, id: number) {
    const { session, organiser } = await this.session(principal, id);
    if (!organiser) throw forbiddenError('only the lead or a manager reveals a calibration session');
    if (session.status !== 'open')
      throw conflictError('revealed', `calibration session ${id} is revealed already`);
    await this.repository.reveal(id, Date.now());
    return this.results(principal, id);
  }

  /** Agreement per category and for the total score, pairwise κ and each reviewer's deviation. */
  async results(principal: Principal, id: number) {
    const { session, organiser } = await this.session(principal, id);
    if (session.status === 'open' && !organiser) {
      throw conflictError('not_revealed', 'the results are shown once the lead reveals the session');
    }
    const version = await this.scorecards.definitionOfVersion(session.scorecard_version_id);
    const [ratings, reviews, participants] = await Promise.all([
      this.repository.submittedRatings(id),
      this.repository.reviews(id),
      this.repository.participants(id),
    ]);
    const baseline = session.baseline_user_id ?? session.lead_user_id;
    const rows: CalibrationRating[] = ratings.map((r) => ({
      conversationId: r.conversation_id,
      reviewerId: r.reviewer_user_id as number,
      categoryKey: r.category_key,
      rating: r.na === 1 ? null : r.rating,
    }));
    const scores = reviews
      .filter((r) => r.status === 'submitted' && r.reviewer_user_id !== null)
      .map((r) => ({
        conversationId: r.conversation_id,
        reviewerId: r.reviewer_user_id as number,
        score: r.score,
      }));
    const reviewerIds = [
      ...new Set([...participants.map((p) => p.user_id), ...scores.map((s) => s.reviewerId)]),
    ];
    const results = calibrationResults({
      definition: version.definition,
      conversationIds: await this.repository.conversationIds(id),
      reviewerIds,
      ratings: rows,
      scores,
      baselineReviewerId: reviewerIds.includes(baseline) ? baseline : null,
    });
    return {
      session_id: id,
      status: session.status,
      baseline_user_id: reviewerIds.includes(baseline) ? baseline : null,
      reviewers: participants.map((p) => ({ user_id: p.user_id, name: p.name })),
      ...results,
    };
  }

  /** A reviewer's deviation from the baseline in every revealed session they took part in. */
  async history(principal: Principal, userId: number) {
    if (userId !== principal.id && !MANAGER_ROLES.has(principal.role) && principal.role !== 'lead') {
      throw forbiddenError('you see your own calibration history');
    }
    const sessions = await this.repository.revealedSessionsOf(userId);
    const history = [];
    for (const session of sessions) {
      const results = await this.results({ ...principal, role: 'admin' }, session.id);
      const mine = results.deviation.find((d) => d.reviewerId === userId);
      history.push({
        session_id: session.id,
        title: session.title,
        revealed_at: iso(session.revealed_at),
        score_alpha: results.total.alpha,
        deviation: mine?.total ?? null,
        categories: mine?.categories ?? {},
      });
    }
    return { user_id: userId, sessions: history };
  }
}
