/**
 * Coaching sessions: a lead meets an agent about their weakest categories, linked to the reviews
 * discussed, with notes, action items and a follow-up date. The session shows the agent's scores
 * in the focus categories on conversations from the 30 days before it and since it, so the lead
 * sees whether the coaching worked. Agents see only their own sessions.
 */
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { coachingEffect, type ScoreSample } from '../../domain/coaching-effect.js';
import { forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import type { Principal } from '../users/users.service.js';

/** Days before a session whose conversations are the "before" of its effect. */
export const COACHING_BASELINE_DAYS = 30;
const DAY_MS = 86_400_000;
const LEADING_ROLES = new Set(['admin', 'manager', 'lead']);
const READING_ROLES = new Set(['admin', 'manager', 'lead', 'reviewer']);

/** One action item of a session. */
export interface ActionItem {
  text: string;
  done: boolean;
}

/** Body of a new session. */
export interface CreateCoachingInput {
  agent_id: number;
  held_at: string;
  focus?: string[];
  notes?: string;
  action_items?: ActionItem[];
  follow_up_at?: string | null;
  status?: 'planned' | 'held' | 'closed';
  review_ids?: number[];
}

/** Body of a session change. */
export type UpdateCoachingInput = Partial<Omit<CreateCoachingInput, 'agent_id'>>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Use cases of coaching. */
export class CoachingService {
  private readonly db: Kysely<DB>;

  constructor(database: Database) {
    this.db = database.kysely;
  }

  private parseTime(value: string, field: string): number {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw invalidInput([{ field, reason: `not a date-time: "${value}"` }]);
    return ms;
  }

  // Reviews may be linked when they are submitted reviews of this agent's conversations.
  private async assertReviews(agentId: number, reviewIds: readonly number[]): Promise<void> {
    if (reviewIds.length === 0) return;
    const rows = await this.db
      .selectFrom('reviews')
      .select(['id', 'agent_id', 'status', 'kind'])
      .where('id', 'in', [...reviewIds])
      .execute();
    const problems = reviewIds
      .filter((id) => {
        const row = rows.find((r) => r.id === id);
        return !row || row.agent_id !== agentId || row.status !== 'submitted' || row.kind === 'calibration';
      })
      .map((id) => ({ field: 'review_ids', reason: `review ${id} is not a submitted review of this agent` }));
    if (problems.length > 0) throw invalidInput(problems);
  }

  /** A lead (or manager) records a session with an agent. */
  async create(principal: Principal, input: CreateCoachingInput) {
    if (!LEADING_ROLES.has(principal.role)) throw forbiddenError('leads and managers coach');
    const agent = await this.db
      .selectFrom('agents')
      .select('id')
      .where('id', '=', input.agent_id)
      .executeTakeFirst();
    if (!agent) throw invalidInput([{ field: 'agent_id', reason: `no agent ${input.agent_id}` }]);
    const heldAt = this.parseTime(input.held_at, 'held_at');
    const followUp = input.follow_up_at ? this.parseTime(input.follow_up_at, 'follow_up_at') : null;
    const reviewIds = [...new Set(input.review_ids ?? [])];
    await this.assertReviews(input.agent_id, reviewIds);
    const now = Date.now();
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('coaching_sessions')
        .values({
          agent_id: input.agent_id,
          lead_user_id: principal.id,
          held_at: heldAt,
          focus: JSON.stringify([...new Set(input.focus ?? [])]),
          notes: input.notes ?? '',
          action_items: JSON.stringify(input.action_items ?? []),
          follow_up_at: followUp,
          status: input.status ?? 'held',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (reviewIds.length > 0) {
        await tx
          .insertInto('coaching_reviews')
          .values(reviewIds.map((review_id) => ({ session_id: row.id, review_id })))
          .execute();
      }
      return row.id;
    });
    return this.get(principal, id);
  }

  private async visible(principal: Principal, id: number) {
    const session = await this.db
      .selectFrom('coaching_sessions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    const allowed =
      session &&
      (READING_ROLES.has(principal.role) ||
        (principal.role === 'agent' && session.agent_id === principal.agentId));
    if (!session || !allowed) throw notFoundError(`coaching session ${id}`);
    return session;
  }

  /** Sessions: an agent's own; leads, reviewers and managers all (or one agent's). */
  async list(principal: Principal, filters: { agent_id?: number; limit?: number }) {
    let agentId = filters.agent_id;
    if (principal.role === 'agent') {
      if (principal.agentId === null) return [];
      agentId = principal.agentId;
    } else if (!READING_ROLES.has(principal.role)) {
      throw forbiddenError('your role does not see coaching');
    }
    let query = this.db
      .selectFrom('coaching_sessions as s')
      .leftJoin('agents as a', 'a.id', 's.agent_id')
      .leftJoin('users as u', 'u.id', 's.lead_user_id')
      .select([
        's.id',
        's.agent_id',
        'a.name as agent_name',
        's.lead_user_id',
        'u.name as lead_name',
        's.held_at',
        's.focus',
        's.status',
        's.follow_up_at',
      ]);
    if (agentId !== undefined) query = query.where('s.agent_id', '=', agentId);
    const rows = await query
      .orderBy('s.held_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(filters.limit ?? 100)
      .execute();
    return rows.map((row) => ({
      ...row,
      focus: JSON.parse(row.focus) as string[],
      held_at: iso(row.held_at),
      follow_up_at: iso(row.follow_up_at),
    }));
  }

  /** A session with its linked reviews and its effect on the focus categories. */
  async get(principal: Principal, id: number) {
    const session = await this.visible(principal, id);
    const focus = JSON.parse(session.focus) as string[];
    const [reviews, samples] = await Promise.all([
      this.db
        .selectFrom('coaching_reviews as cr')
        .innerJoin('reviews as r', 'r.id', 'cr.review_id')
        .select(['r.id', 'r.conversation_id', 'r.kind', 'r.score', 'r.submitted_at'])
        .where('cr.session_id', '=', id)
        .orderBy('r.id')
        .execute(),
      this.samples(session.agent_id, session.held_at, focus),
    ]);
    return {
      id: session.id,
      agent_id: session.agent_id,
      lead_user_id: session.lead_user_id,
      held_at: iso(session.held_at),
      focus,
      notes: session.notes,
      action_items: JSON.parse(session.action_items) as ActionItem[],
      follow_up_at: iso(session.follow_up_at),
      status: session.status,
      created_at: iso(session.created_at),
      updated_at: iso(session.updated_at),
      reviews: reviews.map((r) => ({ ...r, submitted_at: iso(r.submitted_at) })),
      effect: {
        baseline_days: COACHING_BASELINE_DAYS,
        ...coachingEffect(samples, focus),
      },
    };
  }

  // Scores of the agent's conversations from the baseline window before the session and since;
  // the conversation's own time decides the side, not when it was reviewed.
  private async samples(agentId: number, heldAt: number, focus: string[]): Promise<ScoreSample[]> {
    const from = heldAt - COACHING_BASELINE_DAYS * DAY_MS;
    const base = this.db
      .selectFrom('reviews as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .where('r.agent_id', '=', agentId)
      .where('r.status', '=', 'submitted')
      .where('r.kind', 'in', ['manual', 'auto'])
      .where('c.created_at', '>=', from);
    const [overall, categories] = await Promise.all([
      base.select(['r.kind', 'r.score', 'c.created_at']).where('r.score', 'is not', null).execute(),
      focus.length === 0
        ? Promise.resolve([])
        : base
            .innerJoin('review_ratings as rr', 'rr.review_id', 'r.id')
            .select(['r.kind', 'rr.category_key', 'rr.category_score', 'c.created_at'])
            .where('rr.category_key', 'in', focus)
            .where('rr.category_score', 'is not', null)
            .execute(),
    ]);
    const phase = (at: number): 'before' | 'since' => (at < heldAt ? 'before' : 'since');
    return [
      ...overall.map((row) => ({
        key: null,
        kind: row.kind as 'manual' | 'auto',
        phase: phase(row.created_at),
        score: row.score as number,
      })),
      ...categories.map((row) => ({
        key: row.category_key,
        kind: row.kind as 'manual' | 'auto',
        phase: phase(row.created_at),
        score: row.category_score as number,
      })),
    ];
  }

  /** Changes a session: notes, action items, status, follow-up, focus, linked reviews. */
  async update(principal: Principal, id: number, input: UpdateCoachingInput) {
    const session = await this.visible(principal, id);
    if (session.lead_user_id !== principal.id && !['admin', 'manager'].includes(principal.role)) {
      throw forbiddenError('the lead who held the session, or a manager, changes it');
    }
    const values: Updateable<DB['coaching_sessions']> = { updated_at: Date.now() };
    if (input.held_at !== undefined) values.held_at = this.parseTime(input.held_at, 'held_at');
    if (input.follow_up_at !== undefined) {
      values.follow_up_at =
        input.follow_up_at === null ? null : this.parseTime(input.follow_up_at, 'follow_up_at');
    }
    if (input.focus !== undefined) values.focus = JSON.stringify([...new Set(input.focus)]);
    if (input.notes !== undefined) values.notes = input.notes;
    if (input.action_items !== undefined) values.action_items = JSON.stringify(input.action_items);
    if (input.status !== undefined) values.status = input.status;
    const reviewIds = input.review_ids === undefined ? undefined : [...new Set(input.review_ids)];
    if (reviewIds) await this.assertReviews(session.agent_id, reviewIds);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('coaching_sessions').set(values).where('id', '=', id).execute();
      if (reviewIds) {
        await tx.deleteFrom('coaching_reviews').where('session_id', '=', id).execute();
        if (reviewIds.length > 0) {
          await tx
            .insertInto('coaching_reviews')
            .values(reviewIds.map((review_id) => ({ session_id: id, review_id })))
            .execute();
        }
      }
    });
    return this.get(principal, id);
  }
}
