/**
 * Follow-up tasks from reviews: "call the customer back and correct the information", "coach the
 * agent", or anything else, each with one owner and a due date. Owners (and managers) close them;
 * closing twice is harmless.
 */
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import type { ReviewsService } from '../reviews/reviews.service.js';
import type { Principal } from '../users/users.service.js';

/** Kinds of follow-up and the title a task gets when none is given. */
export const TASK_KINDS = {
  call_back: 'Call the customer back and correct the information',
  coach_agent: 'Coach the agent',
  other: 'Follow up',
} as const;
/** A kind of follow-up task. */
export type TaskKind = keyof typeof TASK_KINDS;
/** Roles that create tasks and see everyone's. */
const CREATING_ROLES = new Set(['admin', 'manager', 'reviewer', 'lead']);
const MANAGER_ROLES = new Set(['admin', 'manager']);

/** Body of a new task. */
export interface CreateTaskInput {
  kind: TaskKind;
  title?: string;
  owner_user_id: number;
  due_at?: string | null;
  conversation_id?: number | null;
}

/** Body of a task change. */
export interface UpdateTaskInput {
  status?: 'open' | 'done' | 'cancelled';
  due_at?: string | null;
  owner_user_id?: number;
  title?: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Use cases of follow-up tasks. */
export class TasksService {
  private readonly db: Kysely<DB>;

  constructor(
    database: Database,
    private readonly reviews: ReviewsService,
  ) {
    this.db = database.kysely;
  }

  private select() {
    return this.db
      .selectFrom('review_tasks as t')
      .leftJoin('users as o', 'o.id', 't.owner_user_id')
      .leftJoin('conversations as c', 'c.id', 't.conversation_id')
      .select([
        't.id',
        't.kind',
        't.title',
        't.review_id',
        't.conversation_id',
        'c.external_id as conversation_external_id',
        't.owner_user_id',
        'o.name as owner_name',
        't.due_at',
        't.status',
        't.created_by',
        't.created_at',
        't.done_at',
      ]);
  }

  private present(
    row: Awaited<ReturnType<ReturnType<TasksService['select']>['execute']>>[number],
    now: number,
  ) {
    return {
      ...row,
      due_at: iso(row.due_at),
      created_at: iso(row.created_at),
      done_at: iso(row.done_at),
      overdue: row.status === 'open' && row.due_at !== null && row.due_at < now,
    };
  }

  private async assertOwner(userId: number, field: string): Promise<void> {
    const owner = await this.db
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!owner || owner.disabled === 1) throw invalidInput([{ field, reason: `no active user ${userId}` }]);
  }

  private parseDue(value: string | null | undefined): number | null {
    if (value === undefined || value === null) return null;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw invalidInput([{ field: 'due_at', reason: `not a date-time: "${value}"` }]);
    return ms;
  }

  /** Creates a task, from a review (`reviewId`) or on its own. */
  async create(principal: Principal, input: CreateTaskInput, reviewId?: number) {
    if (!CREATING_ROLES.has(principal.role))
      throw forbiddenError('your role does not create follow-up tasks');
    let conversationId = input.conversation_id ?? null;
    if (reviewId !== undefined) {
      const review = await this.reviews.visibleReview(principal, reviewId);
      conversationId = review.conversation_id;
    } else if (conversationId !== null) {
      const exists = await this.db
        .selectFrom('conversations')
        .select('id')
        .where('id', '=', conversationId)
        .executeTakeFirst();
      if (!exists)
        throw invalidInput([{ field: 'conversation_id', reason: `no conversation ${conversationId}` }]);
    }
    if (!(input.kind in TASK_KINDS)) {
      throw invalidInput([{ field: 'kind', reason: `must be one of ${Object.keys(TASK_KINDS).join(', ')}` }]);
    }
    await this.assertOwner(input.owner_user_id, 'owner_user_id');
    const now = Date.now();
    const row = await this.db
      .insertInto('review_tasks')
      .values({
        review_id: reviewId ?? null,
        conversation_id: conversationId,
        kind: input.kind,
        title: input.title?.trim() || TASK_KINDS[input.kind],
        owner_user_id: input.owner_user_id,
        due_at: this.parseDue(input.due_at),
        status: 'open',
        created_by: principal.id,
        created_at: now,
        done_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return this.get(principal, row.id);
  }

  /** One task: its owner, its creator and the reviewing roles see it. */
  async get(principal: Principal, id: number) {
    const row = await this.select().where('t.id', '=', id).executeTakeFirst();
    const mayRead =
      row &&
      (row.owner_user_id === principal.id ||
        row.created_by === principal.id ||
        CREATING_ROLES.has(principal.role));
    if (!row || !mayRead) throw notFoundError(`task ${id}`);
    return this.present(row, Date.now());
  }

  /** Tasks: mine by default; managers may ask for anyone's, every open one, or the overdue ones. */
  async list(
    principal: Principal,
    filters: { owner_id?: number; status?: string; overdue?: boolean; review_id?: number; limit?: number },
  ) {
    const manager = MANAGER_ROLES.has(principal.role);
    const owner = manager ? filters.owner_id : (filters.owner_id ?? principal.id);
    if (!manager && owner !== principal.id)
      throw forbiddenError("you see your own tasks; managers see everyone's");
    let query = this.select();
    if (owner !== undefined) query = query.where('t.owner_user_id', '=', owner);
    if (filters.status) query = query.where('t.status', '=', filters.status);
    if (filters.review_id !== undefined) query = query.where('t.review_id', '=', filters.review_id);
    const now = Date.now();
    if (filters.overdue) query = query.where('t.status', '=', 'open').where('t.due_at', '<', now);
    const rows = await query
      .orderBy((eb) => eb.fn.coalesce('t.due_at', eb.val(Number.MAX_SAFE_INTEGER)))
      .orderBy('t.id')
      .limit(filters.limit ?? 100)
      .execute();
    return rows.map((row) => this.present(row, now));
  }

  /** Changes a task: its owner or a manager closes, reopens, re-dates or hands it over. */
  async update(principal: Principal, id: number, input: UpdateTaskInput) {
    const task = await this.get(principal, id);
    if (
      task.owner_user_id !== principal.id &&
      !MANAGER_ROLES.has(principal.role) &&
      task.created_by !== principal.id
    ) {
      throw forbiddenError('the owner, the creator or a manager changes a task');
    }
    if (input.owner_user_id !== undefined) await this.assertOwner(input.owner_user_id, 'owner_user_id');
    const values: Updateable<DB['review_tasks']> = {};
    if (input.title !== undefined) values.title = input.title;
    if (input.owner_user_id !== undefined) values.owner_user_id = input.owner_user_id;
    if (input.due_at !== undefined) values.due_at = this.parseDue(input.due_at);
    if (input.status !== undefined && input.status !== task.status) {
      values.status = input.status;
      values.done_at = input.status === 'done' ? Date.now() : null;
    }
    if (Object.keys(values).length > 0) {
      await this.db.updateTable('review_tasks').set(values).where('id', '=', id).execute();
    }
    return this.get(principal, id);
  }
}
