/**
 * Corrective actions against the systemic causes behind recurring complaints: an owner, a due
 * date, a status, the topics and complaints they answer, and their effect — the complaint rate
 * on those topics (per 1,000 conversations) in a window before the action took effect and after,
 * with a two-proportion z-test.
 */
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { twoProportionTest } from '../../domain/statistics.js';
import { forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import type { Principal } from '../users/users.service.js';

/** Statuses of a corrective action. */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
const WORKING_ROLES = new Set(['admin', 'manager', 'lead']);
const DAY_MS = 86_400_000;

/** Body of a new or changed action. */
export interface CorrectiveActionInput {
  title?: string;
  description?: string;
  owner_user_id?: number | null;
  due_at?: string | null;
  status?: (typeof ACTION_STATUSES)[number];
  topics?: string[];
  complaint_ids?: number[];
  effective_at?: string | null;
  /** What was done and what came of it. */
  outcome?: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const time = (value: string | null | undefined, field: string): number | null => {
  if (value === undefined || value === null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidInput([{ field, reason: `not a date-time: "${value}"` }]);
  return ms;
};

/** Use cases of corrective actions. */
export class CorrectiveActionsService {
  private readonly db: Kysely<DB>;

  constructor(database: Database) {
    this.db = database.kysely;
  }

  private assertMayWrite(principal: Principal): void {
    if (!WORKING_ROLES.has(principal.role)) throw forbiddenError('leads and managers own corrective actions');
  }

  private async assertComplaints(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.db
      .selectFrom('complaints')
      .select('id')
      .where('id', 'in', [...ids])
      .execute();
    const missing = ids.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0)
      throw invalidInput(missing.map((id) => ({ field: 'complaint_ids', reason: `no complaint ${id}` })));
  }

  /** Opens a corrective action. */
  async create(principal: Principal, input: CorrectiveActionInput) {
    this.assertMayWrite(principal);
    if (!input.title?.trim()) throw invalidInput([{ field: 'title', reason: 'must not be empty' }]);
    const complaintIds = [...new Set(input.complaint_ids ?? [])];
    await this.assertComplaints(complaintIds);
    const now = Date.now();
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('corrective_actions')
        .values({
          title: input.title?.trim() ?? '',
          description: input.description ?? '',
          owner_user_id: input.owner_user_id ?? principal.id,
          due_at: time(input.due_at, 'due_at'),
          status: input.status ?? 'open',
          topics: JSON.stringify([...new Set(input.topics ?? [])]),
          effective_at: time(input.effective_at, 'effective_at'),
          outcome: input.outcome ?? '',
          completed_at: input.status === 'done' ? now : null,
          created_by: principal.id,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (complaintIds.length > 0) {
        await tx
          .insertInto('corrective_action_complaints')
          .values(complaintIds.map((complaint_id) => ({ action_id: row.id, complaint_id })))
          .execute();
      }
      return row.id;
    });
    return this.get(id);
  }

  /**
   * Every action in the order they are worked: open, in progress, done, cancelled; within each
   * the nearest due date first (none last); with its owner's name and how many complaints it answers.
   */
  async list() {
    const rows = await this.db
      .selectFrom('corrective_actions as a')
      .leftJoin('users as o', 'o.id', 'a.owner_user_id')
      .selectAll('a')
      .select((eb) => [
        'o.name as owner_name',
        eb
          .selectFrom('corrective_action_complaints as l')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('l.action_id', '=', 'a.id')
          .as('complaint_count'),
      ])
      // Statuses sort alphabetically as "cancelled, done, in_progress, open": spell the order out.
      .orderBy((eb) =>
        eb
          .case('a.status')
          .when('open')
          .then(eb.lit(0))
          .when('in_progress')
          .then(eb.lit(1))
          .when('done')
          .then(eb.lit(2))
          .when('cancelled')
          .then(eb.lit(3))
          .else(eb.lit(4))
          .end(),
      )
      .orderBy((eb) => eb.case().when('a.due_at', 'is', null).then(eb.lit(1)).else(eb.lit(0)).end())
      .orderBy('a.due_at')
      .orderBy('a.id')
      .execute();
    return rows.map((row) => ({
      ...row,
      topics: JSON.parse(row.topics) as string[],
      complaint_count: Number(row.complaint_count ?? 0),
      due_at: iso(row.due_at),
      effective_at: iso(row.effective_at),
      completed_at: iso(row.completed_at),
      created_at: iso(row.created_at),
      updated_at: iso(row.updated_at),
    }));
  }

  /** One action with its complaints and its effect over `windowDays` before and after. */
  async get(id: number, windowDays = 28) {
    const row = await this.db
      .selectFrom('corrective_actions as a')
      .leftJoin('users as o', 'o.id', 'a.owner_user_id')
      .selectAll('a')
      .select('o.name as owner_name')
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFoundError(`corrective action ${id}`);
    const complaints = await this.db
      .selectFrom('corrective_action_complaints as l')
      .innerJoin('complaints as c', 'c.id', 'l.complaint_id')
      .select(['c.id', 'c.reference', 'c.status', 'c.topic', 'c.received_at'])
      .where('l.action_id', '=', id)
      .orderBy('c.received_at')
      .execute();
    const topics = JSON.parse(row.topics) as string[];
    return {
      ...row,
      topics,
      complaint_count: complaints.length,
      due_at: iso(row.due_at),
      effective_at: iso(row.effective_at),
      completed_at: iso(row.completed_at),
      created_at: iso(row.created_at),
      updated_at: iso(row.updated_at),
      complaints: complaints.map((c) => ({ ...c, received_at: iso(c.received_at) })),
      effect: await this.effect(topics, row.effective_at ?? row.completed_at ?? row.created_at, windowDays),
    };
  }

  /**
   * Complaints on `topics` per 1,000 conversations in the window before `split` and after it
   * (the after window ends now at the latest), and the two-proportion test of the difference.
   */
  async effect(topics: readonly string[], split: number, windowDays: number) {
    const now = Date.now();
    const before = { from: split - windowDays * DAY_MS, to: split };
    const after = { from: split, to: Math.min(now, split + windowDays * DAY_MS) };
    const count = async (table: 'complaints' | 'conversations', range: { from: number; to: number }) => {
      if (range.to <= range.from) return 0;
      if (table === 'conversations') {
        const row = await this.db
          .selectFrom('conversations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('created_at', '>=', range.from)
          .where('created_at', '<', range.to)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      }
      if (topics.length === 0) return 0;
      const row = await this.db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'complaint')
        .where('topic', 'in', [...topics])
        .where('received_at', '>=', range.from)
        .where('received_at', '<', range.to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const [complaintsBefore, complaintsAfter, conversationsBefore, conversationsAfter] = await Promise.all([
      count('complaints', before),
      count('complaints', after),
      count('conversations', before),
      count('conversations', after),
    ]);
    const test = twoProportionTest(
      complaintsBefore,
      conversationsBefore,
      complaintsAfter,
      conversationsAfter,
    );
    const perThousand = (n: number, of: number) => (of > 0 ? (n / of) * 1000 : null);
    return {
      window_days: windowDays,
      split_at: iso(split),
      before: {
        from: iso(before.from),
        to: iso(before.to),
        complaints: complaintsBefore,
        conversations: conversationsBefore,
        rate_per_1000: perThousand(complaintsBefore, conversationsBefore),
      },
      after: {
        from: iso(after.from),
        to: iso(after.to),
        complaints: complaintsAfter,
        conversations: conversationsAfter,
        rate_per_1000: perThousand(complaintsAfter, conversationsAfter),
      },
      difference_per_1000: test ? test.difference * 1000 : null,
      ci95_per_1000: test ? [test.ci95[0] * 1000, test.ci95[1] * 1000] : null,
      p_value: test?.pValue ?? null,
    };
  }

  /** Changes an action; marking it done records when (and, unless set, when it took effect). */
  async update(principal: Principal, id: number, input: CorrectiveActionInput) {
    this.assertMayWrite(principal);
    const row = await this.db
      .selectFrom('corrective_actions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFoundError(`corrective action ${id}`);
    const values: Updateable<DB['corrective_actions']> = { updated_at: Date.now() };
    if (input.title !== undefined) values.title = input.title;
    if (input.description !== undefined) values.description = input.description;
    if (input.owner_user_id !== undefined) values.owner_user_id = input.owner_user_id;
    if (input.due_at !== undefined) values.due_at = time(input.due_at, 'due_at');
    if (input.topics !== undefined) values.topics = JSON.stringify([...new Set(input.topics)]);
    if (input.effective_at !== undefined) values.effective_at = time(input.effective_at, 'effective_at');
    if (input.outcome !== undefined) values.outcome = input.outcome;
    if (input.status !== undefined && input.status !== row.status) {
      values.status = input.status;
      values.completed_at = input.status === 'done' ? Date.now() : null;
    }
    const complaintIds = input.complaint_ids === undefined ? undefined : [...new Set(input.complaint_ids)];
    if (complaintIds) await this.assertComplaints(complaintIds);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('corrective_actions').set(values).where('id', '=', id).execute();
      if (complaintIds) {
        await tx.deleteFrom('corrective_action_complaints').where('action_id', '=', id).execute();
        if (complaintIds.length > 0) {
          await tx
            .insertInto('corrective_action_complaints')
            .values(complaintIds.map((complaint_id) => ({ action_id: id, complaint_id })))
            .execute();
        }
      }
    });
    return this.get(id);
  }
}
