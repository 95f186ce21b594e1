/** SQL of follow-up tasks. */
import type { Kysely, Updateable } from 'kysely';
import type { DB, ReviewTasksTable } from '../../db/schema.js';

/** The columns of a new task. */
export type NewTaskRow = Omit<ReviewTasksTable, 'id'>;

/** The columns a change may set. */
export type TaskChanges = Updateable<ReviewTasksTable>;

/** Filters of the task list; every one given must hold. */
export interface TaskFilters {
  /** Only tasks of this owner. */
  ownerUserId?: number | undefined;
  /** Only tasks in this status. */
  status?: string | undefined;
  /** Only open tasks due before this time (epoch ms): the overdue ones. */
  openAndDueBefore?: number | undefined;
  /** Only tasks from this review. */
  reviewId?: number | undefined;
  /** At most this many. */
  limit: number;
}

/** Reads and writes follow-up tasks. */
export class TasksRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // A task with the names a list shows next to the ids.
  private selectTasks() {
    return this.db
      .selectFrom('review_tasks as t')
      .leftJoin('users as o', 'o.id', 't.owner_user_id')
      .leftJoin('users as c', 'c.id', 't.created_by')
      .leftJoin('conversations as conv', 'conv.id', 't.conversation_id')
      .select([
        't.id',
        't.kind',
        't.title',
        't.status',
        't.review_id',
        't.conversation_id',
        'conv.external_id as conversation_external_id',
        't.owner_user_id',
        'o.name as owner_name',
        't.due_at',
        't.created_by',
        'c.name as created_by_name',
        't.created_at',
        't.done_at',
      ]);
  }

  /** One task, or undefined. */
  async find(id: number) {
    return this.selectTasks().where('t.id', '=', id).executeTakeFirst();
  }

  /** Tasks matching the filters, soonest due first (no due date last), then oldest first. */
  async list(filters: TaskFilters) {
    let query = this.selectTasks();
    if (filters.ownerUserId !== undefined) query = query.where('t.owner_user_id', '=', filters.ownerUserId);
    if (filters.status !== undefined) query = query.where('t.status', '=', filters.status);
    if (filters.reviewId !== undefined) query = query.where('t.review_id', '=', filters.reviewId);
    if (filters.openAndDueBefore !== undefined) {
      query = query.where('t.status', '=', 'open').where('t.due_at', '<', filters.openAndDueBefore);
    }
    return query
      .orderBy((eb) => eb.case().when('t.due_at', 'is', null).then(1).else(0).end())
      .orderBy('t.due_at')
      .orderBy('t.id')
      .limit(filters.limit)
      .execute();
  }

  /** Whether a user exists and is not disabled. */
  async isActiveUser(userId: number): Promise<boolean> {
    const user = await this.db
      .selectFrom('users')
      .select('disabled')
      .where('id', '=', userId)
      .executeTakeFirst();
    return user !== undefined && user.disabled === 0;
  }

  /** Whether a conversation exists. */
  async conversationExists(conversationId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('id', '=', conversationId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Inserts a task and returns its id. */
  async insert(row: NewTaskRow): Promise<number> {
    const inserted = await this.db
      .insertInto('review_tasks')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  /** Sets the given columns of a task. */
  async update(id: number, changes: TaskChanges): Promise<void> {
    await this.db.updateTable('review_tasks').set(changes).where('id', '=', id).execute();
  }
}

/** A task as `find` and `list` read it. */
export type TaskRow = NonNullable<Awaited<ReturnType<TasksRepository['find']>>>;
