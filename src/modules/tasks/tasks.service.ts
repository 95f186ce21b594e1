/**
 * Follow-up tasks: after a review, "call the customer back and correct the information", "coach
 * the agent", or anything else, each with one owner and an optional due date. Reviewing roles
 * create them; the owner (or a manager) closes, re-dates or hands them over. Everyone sees their
 * own tasks; managers see everyone's. Marking a task done twice is harmless, so clients may retry.
 */
import type { Database } from '../../db/database.js';
import { forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import type { ReviewsService } from '../reviews/reviews.service.js';
import type { Principal } from '../users/users.service.js';
import { type TaskChanges, type TaskRow, TasksRepository } from './tasks.repository.js';
import { TASK_KINDS, type TaskKind, type TaskStatus } from './tasks.schema.js';

/** Roles that create follow-up tasks. */
const CREATING_ROLES = new Set(['admin', 'manager', 'reviewer', 'lead']);
/** Roles that see and change everyone's tasks. */
const MANAGER_ROLES = new Set(['admin', 'manager']);
const DEFAULT_LIST_LIMIT = 100;

/** Body of a new task. */
export interface CreateTaskInput {
  /** What kind of follow-up. */
  kind: TaskKind;
  /** Title; default: the kind's. */
  title?: string;
  /** The user who does it. */
  owner_user_id: number;
  /** When it is due (ISO date-time), or null. */
  due_at?: string | null;
  /** The conversation it is about (`POST /tasks` only; from a review it is the review's). */
  conversation_id?: number | null;
}

/** Body of a task change; absent fields stay. */
export interface UpdateTaskInput {
  /** New status; done records when, open again forgets it. */
  status?: TaskStatus;
  /** New due date, or null for none. */
  due_at?: string | null;
  /** Hand the task over to this user. */
  owner_user_id?: number;
  /** New title. */
  title?: string;
}

/** Filters of `GET /tasks`. */
export interface ListTasksInput {
  /** Whose tasks; default: the caller's. Another user's: managers only. */
  owner_id?: number;
  /** Everyone's tasks (managers only). */
  all_owners?: boolean;
  /** Only this status. */
  status?: TaskStatus;
  /** Only open tasks past their due date. */
  overdue?: boolean;
  /** Only tasks from this review. */
  review_id?: number;
  /** At most this many. */
  limit?: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function taskView(row: TaskRow, now: number) {
  return {
    ...row,
    due_at: iso(row.due_at),
    created_at: iso(row.created_at),
    done_at: iso(row.done_at),
    overdue: row.status === 'open' && row.due_at !== null && row.due_at < now,
  };
}

/** A task as the API shows it. */
export type TaskView = ReturnType<typeof taskView>;

function parseDueAt(value: string | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidInput([{ field: 'due_at', reason: `not a date-time: "${value}"` }]);
  return ms;
}

/** Use cases of follow-up tasks. */
export class TasksService {
  private readonly repository: TasksRepository;

  constructor(
    database: Database,
    private readonly reviews: ReviewsService,
  ) {
    this.repository = new TasksRepository(database.kysely);
  }

  private async assertActiveOwner(userId: number): Promise<void> {
    if (!(await this.repository.isActiveUser(userId))) {
      throw invalidInput([{ field: 'owner_user_id', reason: `no active user ${userId}` }]);
    }
  }

  // Its owner, its creator and managers see a task; to anyone else it does not exist.
  private async visibleTask(principal: Principal, id: number): Promise<TaskRow> {
    const row = await this.repository.find(id);
    const visible =
      row !== undefined &&
      (row.owner_user_id === principal.id ||
        row.created_by === principal.id ||
        MANAGER_ROLES.has(principal.role));
    if (!row || !visible) throw notFoundError(`task ${id}`);
    return row;
  }

  /**
   * Creates a task; with `reviewId` it is about that review (which the caller must be able to
   * see) and its conversation.
   */
  async create(principal: Principal, input: CreateTaskInput, reviewId?: number): Promise<TaskView> {
    if (!CREATING_ROLES.has(principal.role))
      throw forbiddenError('your role does not create follow-up tasks');
    if (!Object.hasOwn(TASK_KINDS, input.kind)) {
      throw invalidInput([{ field: 'kind', reason: `must be one of ${Object.keys(TASK_KINDS).join(', ')}` }]);
    }
    let conversationId = input.conversation_id ?? null;
    if (reviewId !== undefined) {
      conversationId = (await this.reviews.visibleReview(principal, reviewId)).conversation_id;
    } else if (conversationId !== null && !(await this.repository.conversationExists(conversationId))) {
      throw invalidInput([{ field: 'conversation_id', reason: `no conversation ${conversationId}` }]);
    }
    await this.assertActiveOwner(input.owner_user_id);
    const id = await this.repository.insert({
      review_id: reviewId ?? null,
      conversation_id: conversationId,
      kind: input.kind,
      title: input.title?.trim() || TASK_KINDS[input.kind],
      owner_user_id: input.owner_user_id,
      due_at: parseDueAt(input.due_at),
      status: 'open',
      created_by: principal.id,
      created_at: Date.now(),
      done_at: null,
    });
    return taskView(await this.visibleTask(principal, id), Date.now());
  }

  /** Tasks by due date: the caller's own unless a manager asks for another owner or for all. */
  async list(principal: Principal, filters: ListTasksInput = {}): Promise<TaskView[]> {
    const manager = MANAGER_ROLES.has(principal.role);
    const asksForOthers =
      filters.all_owners === true || (filters.owner_id !== undefined && filters.owner_id !== principal.id);
    if (asksForOthers && !manager) throw forbiddenError("you see your own tasks; managers see everyone's");
    const now = Date.now();
    const rows = await this.repository.list({
      ownerUserId: filters.all_owners ? undefined : (filters.owner_id ?? principal.id),
      status: filters.status,
      openAndDueBefore: filters.overdue ? now : undefined,
      reviewId: filters.review_id,
      limit: filters.limit ?? DEFAULT_LIST_LIMIT,
    });
    return rows.map((row) => taskView(row, now));
  }

  /**
   * Changes a task: its owner or a manager closes, cancels, reopens, re-dates or hands it over.
   * Setting the status it already has changes nothing, so a retried "done" keeps its time.
   */
  async update(principal: Principal, id: number, input: UpdateTaskInput): Promise<TaskView> {
    const task = await this.visibleTask(principal, id);
    if (task.owner_user_id !== principal.id && !MANAGER_ROLES.has(principal.role)) {
      throw forbiddenError('the owner of a task or a manager changes it');
    }
    const changes: TaskChanges = {};
    if (input.owner_user_id !== undefined && input.owner_user_id !== task.owner_user_id) {
      await this.assertActiveOwner(input.owner_user_id);
      changes.owner_user_id = input.owner_user_id;
    }
    if (input.due_at !== undefined) changes.due_at = parseDueAt(input.due_at);
    if (input.title !== undefined) {
      if (!input.title.trim()) throw invalidInput([{ field: 'title', reason: 'must not be blank' }]);
      changes.title = input.title.trim();
    }
    if (input.status !== undefined && input.status !== task.status) {
      changes.status = input.status;
      changes.done_at = input.status === 'done' ? Date.now() : null;
    }
    if (Object.keys(changes).length > 0) await this.repository.update(id, changes);
    const updated = await this.repository.find(id);
    if (!updated) throw notFoundError(`task ${id}`);
    return taskView(updated, Date.now());
  }
}
