/**
 * Reviews: a person (or AutoQA) rates a conversation on a scorecard version. Rules kept here:
 * nobody reviews their own conversations, agents see only submitted reviews of their own
 * conversations, an edit naming an older revision is refused (409) so nothing is overwritten
 * unseen, every change goes into the audit trail, and disputes are opened by the agent within
 * the window and ruled on by a manager, an accepted change re-scoring the review.
 */
import type { Database } from '../../db/database.js';
import { isoWeekOf, monthOf } from '../../domain/calendar.js';
import {
  type ApplicabilityContext,
  type CategoryRating,
  categoryApplies,
  prefillFromChecks,
  type ScorecardDefinition,
  scoreReview,
  validateRatings,
} from '../../domain/scorecard.js';
import { conflictError, forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import type { Principal } from '../users/users.service.js';
import {
  type ConversationFacts,
  type ReviewRow,
  ReviewsRepository,
  ratingRows,
} from './reviews.repository.js';

/** Roles that review other people's conversations. */
const REVIEWER_ROLES = new Set(['admin', 'manager', 'reviewer', 'lead']);
/** Roles that see every review and rule on disputes. */
const MANAGER_ROLES = new Set(['admin', 'manager']);
/** Setting: days after submission during which an agent may dispute a review. */
export const DISPUTE_WINDOW_SETTING = 'reviews.dispute_window_days';
const DEFAULT_DISPUTE_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

/** A rating as the API takes and shows it. */
export interface RatingInput {
  key: string;
  rating: number | null;
  na?: boolean;
  comment?: string | null;
  root_cause?: string | null;
}

/** Body of a new review. */
export interface CreateReviewInput {
  conversation_id: number;
  scorecard_id?: number;
  kind?: 'manual' | 'self';
  ratings: RatingInput[];
  comment?: string | null;
  submit?: boolean;
}

/** Body of a review edit; `revision` is the one the editor saw. */
export interface UpdateReviewInput {
  revision: number;
  ratings?: RatingInput[];
  comment?: string | null;
  submit?: boolean;
}

/** A manager's ruling on a dispute. */
export interface DisputeDecisionInput {
  decision: 'accepted' | 'partially_accepted' | 'rejected';
  comment?: string | null;
  /** New ratings of the disputed categories (accepted or partially accepted). */
  ratings?: RatingInput[];
}

/** Called when a review is submitted, e.g. to close the reviewer's assignment. */
export type SubmittedListener = (event: {
  reviewId: number;
  conversationId: number;
  scorecardId: number;
  reviewerUserId: number | null;
}) => Promise<void>;

function toRating(input: RatingInput): CategoryRating {
  return {
    key: input.key,
    rating: input.na ? null : input.rating,
    na: input.na ?? false,
    comment: input.comment ?? null,
    rootCause: input.root_cause ?? null,
  };
}

function applicableKeys(definition: ScorecardDefinition, context: ApplicabilityContext): Set<string> {
  return new Set(definition.categories.filter((c) => categoryApplies(c, context)).map((c) => c.key));
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Use cases of reviews and disputes. */
export class ReviewsService {
  private readonly repository: ReviewsRepository;
  private readonly scorecards: ScorecardsService;
  private readonly settings: SettingsRepository;
  private readonly submittedListeners: SubmittedListener[] = [];

  constructor(private readonly database: Database) {
    this.repository = new ReviewsRepository(database.kysely);
    this.scorecards = new ScorecardsService(database);
    this.settings = new SettingsRepository(database.kysely);
  }

  /** Registers a function called after each submission. */
  onSubmitted(listener: SubmittedListener): void {
    this.submittedListeners.push(listener);
  }

  private async conversation(id: number): Promise<ConversationFacts> {
    const [facts] = await this.repository.conversations([id]);
    if (!facts) throw notFoundError(`conversation ${id}`);
    return facts;
  }

  // An agent sees only their own conversations; everyone else sees all.
  private assertCanSeeConversation(principal: Principal, facts: ConversationFacts): void {
    if (principal.role === 'agent' && facts.agent_id !== principal.agentId) {
      throw notFoundError(`conversation ${facts.id}`);
    }
  }

  private async scorecardFor(scorecardId: number | undefined) {
    if (scorecardId === undefined) return this.scorecards.getDefault();
    const scorecard = await this.scorecards.get(scorecardId);
    if (scorecard.archived)
      throw invalidInput([{ field: 'scorecard_id', reason: `scorecard ${scorecardId} is archived` }]);
    return scorecard;
  }

  /**
   * What a reviewer starts from: the scorecard version, the categories that apply to this
   * conversation, and ratings pre-filled from AutoQA through linked categories.
   */
  async draft(principal: Principal, conversationId: number, scorecardId?: number) {
    const facts = await this.conversation(conversationId);
    this.assertCanSeeConversation(principal, facts);
    const scorecard = await this.scorecardFor(scorecardId);
    const applicable = applicableKeys(scorecard.definition, facts);
    const checks = await this.repository.checkResults(conversationId);
    const prefill = prefillFromChecks(scorecard.definition, checks, applicable);
    return {
      conversation_id: conversationId,
      scorecard_id: scorecard.id,
      scorecard_version: scorecard.version,
      scorecard_version_id: scorecard.version_id,
      definition: scorecard.definition,
      applicable: [...applicable],
      autoqa_available: Object.keys(checks).length > 0,
      prefill: prefill.map((r) => ({ key: r.key, rating: r.rating, na: r.na })),
      score: scoreReview(scorecard.definition, prefill, applicable),
    };
  }

  /** Creates a manual or self review (a draft, or submitted with `submit`). */
  async create(principal: Principal, input: CreateReviewInput) {
    const kind = input.kind ?? 'manual';
    const facts = await this.conversation(input.conversation_id);
    this.assertCanSeeConversation(principal, facts);
    const own = principal.agentId !== null && facts.agent_id === principal.agentId;
    if (kind === 'manual') {
      if (!REVIEWER_ROLES.has(principal.role)) throw forbiddenError('your role cannot review conversations');
      if (own) throw forbiddenError('nobody reviews their own conversations; a self-review has kind "self"');
    } else if (!own) {
      throw forbiddenError('a self-review is of one of your own conversations');
    }
    const scorecard = await this.scorecardFor(input.scorecard_id);
    const existing = await this.repository.existing(facts.id, principal.id, scorecard.id, kind);
    if (existing) {
      throw conflictError(
        'exists',
        `you have reviewed conversation ${facts.id} on this scorecard already (review ${existing.id})`,
        {
          review_id: existing.id,
          revision: existing.revision,
        },
      );
    }
    return this.insertReview({
      facts,
      definition: scorecard.definition,
      versionId: scorecard.version_id,
      kind,
      reviewerUserId: principal.id,
      calibrationSessionId: null,
      ratings: input.ratings.map(toRating),
      comment: input.comment ?? null,
      submit: input.submit ?? false,
      actor: principal.id,
    });
  }

  /**
   * Stores a new review after validating its ratings; used by manual, self and calibration
   * reviews. Returns the stored review.
   */
  async insertReview(input: {
    facts: ConversationFacts;
    definition: ScorecardDefinition;
    versionId: number;
    kind: 'manual' | 'self' | 'calibration';
    reviewerUserId: number;
    calibrationSessionId: number | null;
    ratings: CategoryRating[];
    comment: string | null;
    submit: boolean;
    actor: number;
  }) {
    const applicable = applicableKeys(input.definition, input.facts);
    const problems = validateRatings(input.definition, input.ratings, {
      requireAll: input.submit,
      applicableKeys: applicable,
    });
    if (problems.length > 0) throw invalidInput(problems);
    const score = scoreReview(input.definition, input.ratings, applicable);
    const now = Date.now();
    const id = await this.database.kysely.transaction().execute(async (tx) => {
      const reviewId = await this.repository.insert(tx, {
        conversation_id: input.facts.id,
        scorecard_version_id: input.versionId,
        kind: input.kind,
        reviewer_user_id: input.reviewerUserId,
        agent_id: input.facts.agent_id,
        calibration_session_id: input.calibrationSessionId,
        status: input.submit ? 'submitted' : 'draft',
        score: score.score,
        passed: score.passed === null ? null : score.passed ? 1 : 0,
        auto_failed: score.autoFailed ? 1 : 0,
        comment: input.comment,
        revision: 1,
        acknowledged_at: null,
        created_at: now,
        updated_at: now,
        submitted_at: input.submit ? now : null,
      });
      await this.repository.replaceRatings(
        tx,
        reviewId,
        ratingRows(reviewId, input.definition, input.ratings, score),
      );
      await this.repository.addAudit(tx, {
        reviewId,
        userId: input.actor,
        action: input.submit ? 'submitted' : 'created',
        detail: { score: score.score },
        at: now,
      });
      if (input.submit && input.kind !== 'calibration') await this.closeQueueEntry(tx, input.facts.id, now);
      return reviewId;
    });
    if (input.submit && input.kind !== 'calibration') {
      await this.notifySubmitted({
        id,
        conversation_id: input.facts.id,
        scorecard_version_id: input.versionId,
        reviewer_user_id: input.reviewerUserId,
      });
    }
    return this.view(id);
  }

  // A person's submitted review settles the conversation's place in the QA queue.
  private async closeQueueEntry(tx: Database['kysely'], conversationId: number, now: number): Promise<void> {
    await tx
      .updateTable('qa_queue')
      .set({ status: 'reviewed', updated_at: now })
      .where('conversation_id', '=', conversationId)
      .where('status', '=', 'open')
      .execute();
  }

  private async notifySubmitted(review: {
    id: number;
    conversation_id: number;
    scorecard_version_id: number;
    reviewer_user_id: number | null;
  }) {
    if (this.submittedListeners.length === 0) return;
    const { scorecardId } = await this.scorecards.definitionOfVersion(review.scorecard_version_id);
    for (const listener of this.submittedListeners) {
      await listener({
        reviewId: review.id,
        conversationId: review.conversation_id,
        scorecardId,
        reviewerUserId: review.reviewer_user_id,
      });
    }
  }

  private async editable(principal: Principal, id: number): Promise<ReviewRow> {
    const review = await this.visibleReview(principal, id);
    if (review.kind === 'auto') {
      throw forbiddenError('an automatic review follows AutoQA; make a manual review to rate it differently');
    }
    const author = review.reviewer_user_id === principal.id;
    if (!author && !MANAGER_ROLES.has(principal.role))
      throw forbiddenError('only the reviewer or a manager edits a review');
    return review;
  }

  /** Edits a review (ratings, comment, submission) if nobody changed it since `revision`. */
  async update(principal: Principal, id: number, input: UpdateReviewInput) {
    const review = await this.editable(principal, id);
    const { definition } = await this.scorecards.definitionOfVersion(review.scorecard_version_id);
    const [facts] = await this.repository.conversations([review.conversation_id]);
    if (!facts) throw notFoundError(`conversation ${review.conversation_id}`);
    const applicable = applicableKeys(definition, facts);
    const before = await this.repository.ratings(id);
    const ratings: CategoryRating[] = input.ratings
      ? input.ratings.map(toRating)
      : before.map((row) => ({
          key: row.category_key,
          rating: row.rating,
          na: row.na === 1,
          comment: row.comment,
          rootCause: row.root_cause,
        }));
    const submit = input.submit === true || review.status === 'submitted';
    const problems = validateRatings(definition, ratings, { requireAll: submit, applicableKeys: applicable });
    if (problems.length > 0) throw invalidInput(problems);
    const score = scoreReview(definition, ratings, applicable);
    const now = Date.now();
    const newlySubmitted = submit && review.status !== 'submitted';
    await this.database.kysely.transaction().execute(async (tx) => {
      const updated = await this.repository.updateAtRevision(tx, id, input.revision, {
        status: submit ? 'submitted' : 'draft',
        score: score.score,
        passed: score.passed === null ? null : score.passed ? 1 : 0,
        auto_failed: score.autoFailed ? 1 : 0,
        comment: input.comment === undefined ? review.comment : input.comment,
        updated_at: now,
        submitted_at: newlySubmitted ? now : review.submitted_at,
      });
      if (!updated) {
        const current = await this.repository.find(id, tx);
        throw conflictError(
          'stale_revision',
          `review ${id} was changed since revision ${input.revision}; reload it (now revision ${current?.revision}) and apply your edit again`,
          { current_revision: current?.revision ?? null },
        );
      }
      await this.repository.replaceRatings(tx, id, ratingRows(id, definition, ratings, score));
      await this.repository.addAudit(tx, {
        reviewId: id,
        userId: principal.id,
        action: newlySubmitted ? 'submitted' : 'edited',
        detail: { score_before: review.score, score: score.score, changes: ratingChanges(before, ratings) },
        at: now,
      });
      if (newlySubmitted && review.kind !== 'calibration')
        await this.closeQueueEntry(tx, review.conversation_id, now);
    });
    if (newlySubmitted && review.kind !== 'calibration') {
      await this.notifySubmitted(review);
    }
    return this.view(id);
  }

  /** A review the principal may see, or 404. */
  async visibleReview(principal: Principal, id: number): Promise<ReviewRow> {
    const review = await this.repository.find(id);
    if (!review || !(await this.canSee(principal, review))) throw notFoundError(`review ${id}`);
    return review;
  }

  private async canSee(principal: Principal, review: ReviewRow): Promise<boolean> {
    if (review.reviewer_user_id === principal.id) return true;
    if (review.kind === 'calibration') {
      if (MANAGER_ROLES.has(principal.role)) return true;
      if (review.calibration_session_id === null) return false;
      // Calibration scores stay blind until the session is revealed.
      const session = await this.database.kysely
        .selectFrom('calibration_sessions')
        .select(['status', 'lead_user_id'])
        .where('id', '=', review.calibration_session_id)
        .executeTakeFirst();
      return session?.lead_user_id === principal.id || session?.status === 'revealed';
    }
    if (principal.role === 'agent') {
      return (
        review.status === 'submitted' && review.agent_id !== null && review.agent_id === principal.agentId
      );
    }
    if (review.status === 'draft') return MANAGER_ROLES.has(principal.role);
    return true;
  }

  /** A review with its ratings, scorecard, audit trail and disputes, for a principal allowed to see it. */
  async get(principal: Principal, id: number) {
    await this.visibleReview(principal, id);
    return this.view(id);
  }

  /** The full view of a review. */
  async view(id: number) {
    const review = await this.repository.find(id);
    if (!review) throw notFoundError(`review ${id}`);
    const [ratings, audit, disputes, version] = await Promise.all([
      this.repository.ratings(id),
      this.repository.audit(id),
      this.repository.disputesOf(id),
      this.scorecards.definitionOfVersion(review.scorecard_version_id),
    ]);
    return {
      id: review.id,
      conversation_id: review.conversation_id,
      kind: review.kind,
      status: review.status,
      reviewer_user_id: review.reviewer_user_id,
      agent_id: review.agent_id,
      calibration_session_id: review.calibration_session_id,
      scorecard_id: version.scorecardId,
      scorecard_version: version.version,
      scorecard_version_id: review.scorecard_version_id,
      score: review.score,
      passed: review.passed === null ? null : review.passed === 1,
      auto_failed: review.auto_failed === 1,
      comment: review.comment,
      revision: review.revision,
      created_at: iso(review.created_at),
      updated_at: iso(review.updated_at),
      submitted_at: iso(review.submitted_at),
      acknowledged_at: iso(review.acknowledged_at),
      ratings: ratings.map((r) => ({
        key: r.category_key,
        rating: r.rating,
        na: r.na === 1,
        comment: r.comment,
        root_cause: r.root_cause,
        score: r.category_score,
        weight: r.weight,
      })),
      definition: version.definition,
      audit: audit.map((a) => ({
        at: iso(a.at),
        user_id: a.user_id,
        user_name: a.user_name,
        action: a.action,
        detail: JSON.parse(a.detail) as unknown,
      })),
      disputes: disputes.map(disputeView),
    };
  }

  /** Reviews the principal may see, newest first. */
  async list(
    principal: Principal,
    filters: {
      conversation_id?: number;
      agent_id?: number;
      reviewer_id?: number;
      kind?: string;
      status?: string;
      from?: string;
      to?: string;
      before_id?: number;
      limit?: number;
    },
  ) {
    const agentOnly = principal.role === 'agent';
    if (agentOnly && principal.agentId === null) return { items: [], next_before_id: null };
    const limit = filters.limit ?? 50;
    // Calibration scores are read through their session, except by managers.
    const kinds = (filters.kind ? [filters.kind] : ['manual', 'auto', 'self']).filter(
      (k) => k !== 'calibration' || MANAGER_ROLES.has(principal.role),
    );
    if (kinds.length === 0) return { items: [], next_before_id: null };
    const rows = await this.repository.list({
      conversationId: filters.conversation_id,
      agentId: agentOnly ? (principal.agentId as number) : filters.agent_id,
      reviewerUserId: filters.reviewer_id,
      kinds,
      status: agentOnly ? 'submitted' : filters.status,
      fromMs: filters.from ? Date.parse(filters.from) : undefined,
      toMs: filters.to ? Date.parse(filters.to) : undefined,
      beforeId: filters.before_id,
      limit,
    });
    // Drafts are their author's (and managers') business.
    const items = rows
      .filter(
        (row) =>
          row.status !== 'draft' ||
          row.reviewer_user_id === principal.id ||
          MANAGER_ROLES.has(principal.role),
      )
      .map((row) => ({
        ...row,
        passed: row.passed === null ? null : row.passed === 1,
        auto_failed: row.auto_failed === 1,
        acknowledged_at: iso(row.acknowledged_at),
        created_at: iso(row.created_at),
        updated_at: iso(row.updated_at),
        submitted_at: iso(row.submitted_at),
      }));
    const last = rows[rows.length - 1];
    return { items, next_before_id: rows.length === limit && last ? last.id : null };
  }

  private async ownSubmittedReview(principal: Principal, id: number): Promise<ReviewRow> {
    const review = await this.visibleReview(principal, id);
    if (review.agent_id === null || review.agent_id !== principal.agentId) {
      throw forbiddenError('only the agent whose conversation was reviewed may do this');
    }
    if (review.status !== 'submitted' || review.kind === 'calibration' || review.kind === 'self') {
      throw conflictError('not_submitted', `review ${id} is not a submitted review of your work`);
    }
    return review;
  }

  /** The agent acknowledges having read a review (again: no change). */
  async acknowledge(principal: Principal, id: number) {
    const review = await this.ownSubmittedReview(principal, id);
    if (review.acknowledged_at === null) {
      const now = Date.now();
      await this.database.kysely.transaction().execute(async (tx) => {
        await tx
          .updateTable('reviews')
          .set({ acknowledged_at: now })
          .where('id', '=', id)
          .where('acknowledged_at', 'is', null)
          .execute();
        await this.repository.addAudit(tx, {
          reviewId: id,
          userId: principal.id,
          action: 'acknowledged',
          detail: {},
          at: now,
        });
      });
    }
    return this.view(id);
  }

  /** Days an agent has to dispute a review. */
  async disputeWindowDays(): Promise<number> {
    const value = Number(await this.settings.get(DISPUTE_WINDOW_SETTING));
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_DISPUTE_WINDOW_DAYS;
  }

  /** The agent disputes a review (or some of its categories) with a reason, within the window. */
  async dispute(principal: Principal, id: number, input: { reason: string; categories?: string[] }) {
    const review = await this.ownSubmittedReview(principal, id);
    const days = await this.disputeWindowDays();
    const now = Date.now();
    if (review.submitted_at !== null && now - review.submitted_at > days * DAY_MS) {
      throw conflictError('window_closed', `reviews can be disputed within ${days} days of submission`);
    }
    const { definition } = await this.scorecards.definitionOfVersion(review.scorecard_version_id);
    const keys = new Set(definition.categories.map((c) => c.key));
    const unknown = (input.categories ?? []).filter((key) => !keys.has(key));
    if (unknown.length > 0) {
      throw invalidInput(
        unknown.map((key) => ({
          field: 'categories',
          reason: `no category "${key}" on this review's scorecard`,
        })),
      );
    }
    const open = (await this.repository.disputesOf(id)).find((d) => d.status === 'open');
    if (open)
      throw conflictError('dispute_open', `review ${id} has an open dispute already (${open.id})`, {
        dispute_id: open.id,
      });
    const disputeId = await this.database.kysely.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('disputes')
        .values({
          review_id: id,
          opened_by: principal.id,
          reason: input.reason,
          categories: JSON.stringify(input.categories ?? []),
          status: 'open',
          opened_at: now,
          decided_by: null,
          decided_at: null,
          decision_comment: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.repository.addAudit(tx, {
        reviewId: id,
        userId: principal.id,
        action: 'disputed',
        detail: { dispute_id: row.id, reason: input.reason, categories: input.categories ?? [] },
        at: now,
      });
      return row.id;
    });
    return disputeView(
      (await this.repository.dispute(disputeId)) as NonNullable<
        Awaited<ReturnType<ReviewsRepository['dispute']>>
      >,
    );
  }

  /**
   * Review scores per week or month (organisation time zone) of an agent (agents: their own) or
   * a team: overall, manual and automatic apart, and per category; null where a period has none.
   */
  async trends(
    principal: Principal,
    filters: { agent_id?: number; team?: string; by?: 'week' | 'month'; from?: string; to?: string },
  ) {
    let agentId = filters.agent_id;
    if (principal.role === 'agent') {
      if (principal.agentId === null) throw forbiddenError('your user is not linked to an agent');
      if (agentId !== undefined && agentId !== principal.agentId)
        throw forbiddenError('you see your own trends');
      agentId = principal.agentId;
    }
    const toMs = filters.to ? Date.parse(filters.to) : Date.now();
    const fromMs = filters.from ? Date.parse(filters.from) : toMs - 182 * DAY_MS;
    const by = filters.by ?? 'week';
    const timeZone = await organisationTimeZone(this.database.kysely);
    const bucket = (ms: number) => (by === 'week' ? isoWeekOf(ms, timeZone) : monthOf(ms, timeZone));
    const { scores, categories } = await this.repository.trendRows({
      agentId,
      team: filters.team,
      fromMs,
      toMs,
    });
    const periods = new Map<
      string,
      { all: number[]; manual: number[]; auto: number[]; categories: Map<string, number[]> }
    >();
    const periodOf = (ms: number) => {
      const key = bucket(ms);
      let entry = periods.get(key);
      if (!entry) {
        entry = { all: [], manual: [], auto: [], categories: new Map() };
        periods.set(key, entry);
      }
      return entry;
    };
    for (const row of scores) {
      const entry = periodOf(row.created_at);
      if (row.score === null) continue;
      entry.all.push(row.score);
      (row.kind === 'auto' ? entry.auto : entry.manual).push(row.score);
    }
    for (const row of categories) {
      const list = periodOf(row.created_at).categories;
      list.set(row.category_key, [...(list.get(row.category_key) ?? []), row.category_score as number]);
    }
    const mean = (values: number[]) => ({
      score: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      n: values.length,
    });
    return {
      by,
      time_zone: timeZone,
      agent_id: agentId ?? null,
      team: filters.team ?? null,
      periods: [...periods.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, entry]) => ({
          period,
          all: mean(entry.all),
          manual: mean(entry.manual),
          auto: mean(entry.auto),
          categories: Object.fromEntries(
            [...entry.categories.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, values]) => [key, mean(values)]),
          ),
        })),
    };
  }

  /** Disputes: managers and leads see all (by status), an agent their own. */
  async disputes(principal: Principal, filters: { status?: string; limit?: number }) {
    if (principal.role === 'agent' && principal.agentId === null) return [];
    if (principal.role === 'viewer' || principal.role === 'reviewer')
      throw forbiddenError('your role does not handle disputes');
    const rows = await this.repository.disputes({
      status: filters.status,
      agentId: principal.role === 'agent' ? (principal.agentId as number) : undefined,
      limit: filters.limit ?? 100,
    });
    return rows.map((row) => ({
      ...disputeView(row),
      conversation_id: row.conversation_id,
      conversation_external_id: row.conversation_external_id,
      agent_id: row.agent_id,
      agent_name: row.agent_name,
      opened_by_name: row.opened_by_name,
      score: row.score,
    }));
  }

  /**
   * A manager rules on an open dispute. Accepting (fully or partly) applies the new ratings of
   * the disputed categories and re-scores the review, recorded in its audit trail.
   */
  async decide(principal: Principal, disputeId: number, input: DisputeDecisionInput) {
    if (!MANAGER_ROLES.has(principal.role)) throw forbiddenError('only a manager rules on disputes');
    const dispute = await this.repository.dispute(disputeId);
    if (!dispute) throw notFoundError(`dispute ${disputeId}`);
    if (dispute.status !== 'open') {
      throw conflictError('dispute_decided', `dispute ${disputeId} was decided already (${dispute.status})`);
    }
    const changes = input.ratings ?? [];
    if (input.decision === 'rejected' && changes.length > 0) {
      throw invalidInput([{ field: 'ratings', reason: 'a rejected dispute changes no rating' }]);
    }
    if (input.decision !== 'rejected' && changes.length === 0) {
      throw invalidInput([{ field: 'ratings', reason: 'say which ratings change when accepting a dispute' }]);
    }
    const review = (await this.repository.find(dispute.review_id)) as ReviewRow;
    const { definition } = await this.scorecards.definitionOfVersion(review.scorecard_version_id);
    const [facts] = await this.repository.conversations([review.conversation_id]);
    const applicable = applicableKeys(definition, facts as ConversationFacts);
    const before = await this.repository.ratings(review.id);
    const merged = new Map<string, CategoryRating>(
      before.map((row) => [
        row.category_key,
        {
          key: row.category_key,
          rating: row.rating,
          na: row.na === 1,
          comment: row.comment,
          rootCause: row.root_cause,
        },
      ]),
    );
    for (const change of changes) merged.set(change.key, toRating(change));
    const ratings = [...merged.values()];
    const problems = validateRatings(definition, ratings, { requireAll: true, applicableKeys: applicable });
    if (problems.length > 0) throw invalidInput(problems);
    const score = scoreReview(definition, ratings, applicable);
    const now = Date.now();
    await this.database.kysely.transaction().execute(async (tx) => {
      const decided = await tx
        .updateTable('disputes')
        .set({
          status: input.decision,
          decided_by: principal.id,
          decided_at: now,
          decision_comment: input.comment ?? null,
        })
        .where('id', '=', disputeId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(decided.numUpdatedRows) !== 1) {
        throw conflictError('dispute_decided', `dispute ${disputeId} was decided meanwhile`);
      }
      if (changes.length > 0) {
        const updated = await this.repository.updateAtRevision(tx, review.id, review.revision, {
          score: score.score,
          passed: score.passed === null ? null : score.passed ? 1 : 0,
          auto_failed: score.autoFailed ? 1 : 0,
          updated_at: now,
        });
        if (!updated)
          throw conflictError('stale_revision', `review ${review.id} changed while ruling; try again`);
        await this.repository.replaceRatings(
          tx,
          review.id,
          ratingRows(review.id, definition, ratings, score),
        );
      }
      await this.repository.addAudit(tx, {
        reviewId: review.id,
        userId: principal.id,
        action: `dispute_${input.decision}`,
        detail: {
          dispute_id: disputeId,
          comment: input.comment ?? null,
          score_before: review.score,
          score: changes.length > 0 ? score.score : review.score,
          changes: ratingChanges(before, ratings),
        },
        at: now,
      });
    });
    return {
      dispute: disputeView(
        (await this.repository.dispute(disputeId)) as NonNullable<
          Awaited<ReturnType<ReviewsRepository['dispute']>>
        >,
      ),
      review: await this.view(review.id),
    };
  }
}

/** The public shape of a dispute row. */
function disputeView(row: {
  id: number;
  review_id: number;
  reason: string;
  categories: string;
  status: string;
  opened_at: number;
  opened_by: number;
  decided_by: number | null;
  decided_at: number | null;
  decision_comment: string | null;
}) {
  return {
    id: row.id,
    review_id: row.review_id,
    reason: row.reason,
    categories: JSON.parse(row.categories) as string[],
    status: row.status,
    opened_by: row.opened_by,
    opened_at: iso(row.opened_at),
    decided_by: row.decided_by,
    decided_at: iso(row.decided_at),
    decision_comment: row.decision_comment,
  };
}

/** Which ratings changed between two sets, for the audit trail. */
function ratingChanges(
  before: ReadonlyArray<{ category_key: string; rating: number | null; na: number }>,
  after: readonly CategoryRating[],
) {
  const old = new Map(before.map((row) => [row.category_key, row.na === 1 ? 'N/A' : row.rating]));
  const changes: Array<{ key: string; from: number | string | null; to: number | string | null }> = [];
  for (const rating of after) {
    const to = rating.na ? 'N/A' : rating.rating;
    const from = old.has(rating.key) ? (old.get(rating.key) ?? null) : null;
    if (from !== to) changes.push({ key: rating.key, from, to });
    old.delete(rating.key);
  }
  for (const [key, from] of old) changes.push({ key, from: from ?? null, to: null });
  return changes;
}
