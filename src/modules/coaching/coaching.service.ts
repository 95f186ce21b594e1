/**
 * Coaching sessions: a lead meets an agent about their weakest categories, with the reviews
 * discussed, notes, action items and a follow-up date. A session shows the agent's scores in its
 * focus categories (and overall) on conversations of the 30 days before it and on those since,
 * so the lead sees whether the coaching worked. Leads, managers and admins see every session;
 * an agent sees only their own, and another agent's answers 404.
 */
import type { Database } from '../../db/database.js';
import {
  COACHING_BASELINE_DAYS,
  coachingEffect,
  effectWindow,
  type ScoreObservation,
  type ScoreOrigin,
} from '../../domain/coaching-effect.js';
import { forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import type { Principal } from '../users/users.service.js';
import { CoachingRepository, type SessionChanges, type SessionRow } from './coaching.repository.js';
import type { CoachingStatus } from './coaching.schema.js';

/** Roles that hold sessions and see all of them. */
const COACHING_ROLES = new Set(['admin', 'manager', 'lead']);
/** Roles that change any session, not only their own. */
const MANAGER_ROLES = new Set(['admin', 'manager']);
const DEFAULT_LIST_LIMIT = 100;

/** One action item of a session. */
export interface ActionItem {
  /** What the agent does. */
  text: string;
  /** Whether it is done. */
  done: boolean;
}

/** Body of a new session. */
export interface CreateCoachingInput {
  /** The coached agent (internal agent id). */
  agent_id: number;
  /** When the session is or was held (ISO date-time); default: now. */
  held_at?: string;
  /** Category keys the session works on. */
  focus?: string[];
  /** The lead's notes. */
  notes?: string;
  /** What the agent takes away. */
  action_items?: ActionItem[];
  /** When to check again, or null. */
  follow_up_at?: string | null;
  /** Default: planned if held_at is ahead, else held. */
  status?: CoachingStatus;
  /** Submitted reviews of this agent the session discusses. */
  review_ids?: number[];
}

/** Body of a session change: absent fields stay, `review_ids` replaces the linked reviews. */
export type UpdateCoachingInput = Partial<Omit<CreateCoachingInput, 'agent_id'>>;

/** Filters of `GET /coaching`. */
export interface ListCoachingInput {
  /** Only this agent's sessions (agents: only their own anyway). */
  agent_id?: number;
  /** Only this status. */
  status?: CoachingStatus;
  /** At most this many. */
  limit?: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function parseTime(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidInput([{ field, reason: `not a date-time: "${value}"` }]);
  return ms;
}

function summaryView(row: SessionRow) {
  return {
    id: row.id,
    agent_id: row.agent_id,
    agent_external_id: row.agent_external_id,
    agent_name: row.agent_name,
    lead_user_id: row.lead_user_id,
    lead_name: row.lead_name,
    held_at: iso(row.held_at),
    focus: JSON.parse(row.focus) as string[],
    status: row.status,
    follow_up_at: iso(row.follow_up_at),
  };
}

/** A session as the list shows it. */
export type CoachingSummary = ReturnType<typeof summaryView>;

/** Use cases of coaching sessions. */
export class CoachingService {
  private readonly repository: CoachingRepository;

  constructor(private readonly database: Database) {
    this.repository = new CoachingRepository(database.kysely);
  }

  // Leads, managers and admins see every session; an agent their own; to anyone else it does not exist.
  private async visibleSession(principal: Principal, id: number): Promise<SessionRow> {
    const session = await this.repository.find(id);
    const visible =
      session !== undefined &&
      (COACHING_ROLES.has(principal.role) ||
        (principal.role === 'agent' && principal.agentId !== null && session.agent_id === principal.agentId));
    if (!session || !visible) throw notFoundError(`coaching session ${id}`);
    return session;
  }

  // Only submitted reviews of the coached agent may be linked; calibration reviews are blind
  // practice scores, not feedback to the agent. Each refused id is named.
  private async assertLinkable(agentId: number, reviewIds: readonly number[]): Promise<void> {
    const found = new Map((await this.repository.linkableReviews(reviewIds)).map((r) => [r.id, r]));
    const problems = reviewIds.flatMap((id) => {
      const review = found.get(id);
      if (
        review &&
        review.agent_id === agentId &&
        review.status === 'submitted' &&
        review.kind !== 'calibration'
      )
        return [];
      return [{ field: 'review_ids', reason: `review ${id} is not a submitted review of agent ${agentId}` }];
    });
    if (problems.length > 0) throw invalidInput(problems);
  }

  /** A lead, manager or admin records a session with an agent; the caller is its lead. */
  async create(principal: Principal, input: CreateCoachingInput) {
    if (!COACHING_ROLES.has(principal.role))
      throw forbiddenError('leads, managers and admins hold coaching sessions');
    if (!(await this.repository.agentExists(input.agent_id))) {
      throw invalidInput([{ field: 'agent_id', reason: `no agent ${input.agent_id}` }]);
    }
    const now = Date.now();
    const heldAt = input.held_at === undefined ? now : parseTime(input.held_at, 'held_at');
    const followUpAt = input.follow_up_at ? parseTime(input.follow_up_at, 'follow_up_at') : null;
    if (followUpAt !== null && followUpAt < heldAt) {
      throw invalidInput([{ field: 'follow_up_at', reason: 'is before the session' }]);
    }
    const reviewIds = [...new Set(input.review_ids ?? [])];
    await this.assertLinkable(input.agent_id, reviewIds);
    const id = await this.database.kysely.transaction().execute(async (tx) => {
      const sessionId = await this.repository.insert(tx, {
        agent_id: input.agent_id,
        lead_user_id: principal.id,
        held_at: heldAt,
        focus: JSON.stringify([...new Set(input.focus ?? [])]),
        notes: input.notes ?? '',
        action_items: JSON.stringify(input.action_items ?? []),
        follow_up_at: followUpAt,
        status: input.status ?? (heldAt > now ? 'planned' : 'held'),
        created_at: now,
        updated_at: now,
      });
      await this.repository.replaceLinkedReviews(tx, sessionId, reviewIds);
      return sessionId;
    });
    return this.get(principal, id);
  }

  /** Sessions, latest first: leads, managers and admins all (or one agent's); an agent their own. */
  async list(principal: Principal, filters: ListCoachingInput = {}): Promise<CoachingSummary[]> {
    let agentId = filters.agent_id;
    if (principal.role === 'agent') {
      if (principal.agentId === null) return [];
      if (agentId !== undefined && agentId !== principal.agentId) {
        throw forbiddenError('you see your own coaching sessions');
      }
      agentId = principal.agentId;
    } else if (!COACHING_ROLES.has(principal.role)) {
      throw forbiddenError('your role does not see coaching sessions');
    }
    const rows = await this.repository.list({
      agentId,
      status: filters.status,
      limit: filters.limit ?? DEFAULT_LIST_LIMIT,
    });
    return rows.map(summaryView);
  }

  /** A session with its notes, action items, linked reviews and its effect on the agent's scores. */
  async get(principal: Principal, id: number) {
    const session = await this.visibleSession(principal, id);
    const focus = JSON.parse(session.focus) as string[];
    const window = effectWindow(session.held_at, Date.now(), COACHING_BASELINE_DAYS);
    const [reviews, scores] = await Promise.all([
      this.repository.linkedReviews(id),
      this.repository.effectScores(session.agent_id, window.beforeFrom, window.sinceTo, focus),
    ]);
    const observations: ScoreObservation[] = [
      ...scores.overall.map((row) => ({
        category: null,
        origin: row.kind as ScoreOrigin,
        at: row.at,
        score: row.score as number,
      })),
      ...scores.perCategory.map((row) => ({
        category: row.category_key,
        origin: row.kind as ScoreOrigin,
        at: row.at,
        score: row.category_score as number,
      })),
    ];
    return {
      ...summaryView(session),
      notes: session.notes,
      action_items: JSON.parse(session.action_items) as ActionItem[],
      created_at: iso(session.created_at),
      updated_at: iso(session.updated_at),
      reviews: reviews.map((review) => ({
        ...review,
        passed: review.passed === null ? null : review.passed === 1,
        submitted_at: iso(review.submitted_at),
      })),
      effect: {
        baseline_days: COACHING_BASELINE_DAYS,
        before_from: iso(window.beforeFrom),
        since_to: iso(window.sinceTo),
        ...coachingEffect(observations, focus, window),
      },
    };
  }

  /**
   * Changes a session: notes, action items, status, dates, focus, linked reviews. The lead who
   * holds it, a manager or an admin may.
   */
  async update(principal: Principal, id: number, input: UpdateCoachingInput) {
    const session = await this.visibleSession(principal, id);
    if (session.lead_user_id !== principal.id && !MANAGER_ROLES.has(principal.role)) {
      throw forbiddenError('the lead of the session, a manager or an admin changes it');
    }
    const changes: SessionChanges = { updated_at: Date.now() };
    if (input.held_at !== undefined) changes.held_at = parseTime(input.held_at, 'held_at');
    if (input.follow_up_at !== undefined) {
      changes.follow_up_at =
        input.follow_up_at === null ? null : parseTime(input.follow_up_at, 'follow_up_at');
    }
    const heldAt = changes.held_at ?? session.held_at;
    const followUpAt = changes.follow_up_at === undefined ? session.follow_up_at : changes.follow_up_at;
    if (followUpAt !== null && followUpAt !== undefined && followUpAt < heldAt) {
      throw invalidInput([{ field: 'follow_up_at', reason: 'is before the session' }]);
    }
    if (input.focus !== undefined) changes.focus = JSON.stringify([...new Set(input.focus)]);
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.action_items !== undefined) changes.action_items = JSON.stringify(input.action_items);
    if (input.status !== undefined) changes.status = input.status;
    const reviewIds = input.review_ids === undefined ? undefined : [...new Set(input.review_ids)];
    if (reviewIds) await this.assertLinkable(session.agent_id, reviewIds);
    await this.database.kysely.transaction().execute(async (tx) => {
      await this.repository.update(tx, id, changes);
      if (reviewIds) await this.repository.replaceLinkedReviews(tx, id, reviewIds);
    });
    return this.get(principal, id);
  }
}

/** A session as `GET /coaching/:id` shows it. */
export type CoachingView = Awaited<ReturnType<CoachingService['get']>>;
