/** SQL of the QA queue: sampling rules, candidate conversations, assignments. */
import { type Kysely, sql } from 'kysely';
import type { DB, SamplingRulesTable } from '../../db/schema.js';

/** What a sampling rule looks for (stored as JSON). */
export interface SamplingFilters {
  /** Only these channels. */
  channels?: string[];
  /** Only conversations of these teams (team names). */
  teams?: string[];
  /** Only these languages. */
  languages?: string[];
  /** Only conversations with a rating in the bottom two points of its scale. */
  lowRating?: boolean;
  /** Only complaints (marked in the data or detected by AutoQA). */
  complaint?: boolean;
  /** Only conversations whose customer ended negative (AutoQA). */
  negativeSentiment?: boolean;
  /** Only conversations handled for at least this many seconds. */
  minHandleS?: number;
  /** Only conversations that failed one of these AutoQA checks. */
  failedChecks?: string[];
  /** Only conversations AutoQA flagged for review. */
  flagged?: boolean;
}

/** A stored rule with its JSON decoded. */
export type SamplingRuleRow = Omit<SamplingRulesTable, 'id' | 'filters' | 'reviewer_ids'> & {
  id: number;
  filters: SamplingFilters;
  reviewer_ids: number[];
};

function decodeRule(
  row: { filters: string; reviewer_ids: string } & Omit<SamplingRuleRow, 'filters' | 'reviewer_ids'>,
) {
  return {
    ...row,
    filters: JSON.parse(row.filters) as SamplingFilters,
    reviewer_ids: JSON.parse(row.reviewer_ids) as number[],
  };
}

/** Reads and writes the QA queue. */
export class AssignmentsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every rule, active first. */
  async rules(): Promise<SamplingRuleRow[]> {
    const rows = await this.db
      .selectFrom('sampling_rules')
      .selectAll()
      .orderBy('active', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(decodeRule);
  }

  /** One rule. */
  async rule(id: number): Promise<SamplingRuleRow | undefined> {
    const row = await this.db
      .selectFrom('sampling_rules')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? decodeRule(row) : undefined;
  }

  /** Creates a rule. */
  async insertRule(rule: Omit<SamplingRuleRow, 'id'>): Promise<number> {
    const row = await this.db
      .insertInto('sampling_rules')
      .values({
        ...rule,
        filters: JSON.stringify(rule.filters),
        reviewer_ids: JSON.stringify(rule.reviewer_ids),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Changes a rule. */
  async updateRule(id: number, rule: Omit<SamplingRuleRow, 'id' | 'created_at'>): Promise<void> {
    await this.db
      .updateTable('sampling_rules')
      .set({
        ...rule,
        filters: JSON.stringify(rule.filters),
        reviewer_ids: JSON.stringify(rule.reviewer_ids),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a rule; its assignments stay. */
  async deleteRule(id: number): Promise<void> {
    await this.db.deleteFrom('sampling_rules').where('id', '=', id).execute();
  }

  /**
   * Conversations created in [from, to) with an agent that match the filters, have no submitted
   * review by a person, and are not assigned on `scorecardId` yet.
   */
  async candidates(filters: SamplingFilters, range: { from: number; to: number }, scorecardId: number) {
    let query = this.db
      .selectFrom('conversations as c')
      .select(['c.id', 'c.agent_id'])
      .where('c.agent_id', 'is not', null)
      .where('c.created_at', '>=', range.from)
      .where('c.created_at', '<', range.to)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('reviews as r')
              .select('r.id')
              .whereRef('r.conversation_id', '=', 'c.id')
              .where('r.status', '=', 'submitted')
              .where('r.kind', 'in', ['manual', 'self']),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('review_assignments as ra')
              .select('ra.id')
              .whereRef('ra.conversation_id', '=', 'c.id')
              .where('ra.scorecard_id', '=', scorecardId),
          ),
        ),
      );
    if (filters.channels?.length) query = query.where('c.channel', 'in', filters.channels);
    if (filters.languages?.length) query = query.where('c.language', 'in', filters.languages);
    if (filters.teams?.length) {
      const teams = filters.teams;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('teams as t')
            .select('t.id')
            .whereRef('t.id', '=', 'c.team_id')
            .where('t.name', 'in', teams),
        ),
      );
    }
    if (filters.minHandleS !== undefined) query = query.where('c.handle_s', '>=', filters.minHandleS);
    if (filters.lowRating) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('feedback as f')
            .select('f.conversation_id')
            .whereRef('f.conversation_id', '=', 'c.id')
            // Bottom two points: 0–1 of NPS, 1–2 of the other scales (as AutoQA's low_rating flag).
            .where((eb) =>
              eb.or([
                eb.and([eb('f.type', '=', 'nps'), eb('f.score', '<=', 1)]),
                eb.and([eb('f.type', '!=', 'nps'), eb('f.score', '<=', 2)]),
              ]),
            ),
        ),
      );
    }
    if (filters.complaint) {
      query = query.where((eb) =>
        eb.or([
          eb('c.complaint', '=', 1),
          eb.exists(
            eb
              .selectFrom('conversation_analysis as a')
              .select('a.conversation_id')
              .whereRef('a.conversation_id', '=', 'c.id')
              .where('a.complaint', '=', 1),
          ),
        ]),
      );
    }
    if (filters.negativeSentiment) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('conversation_analysis as a')
            .select('a.conversation_id')
            .whereRef('a.conversation_id', '=', 'c.id')
            .where('a.sentiment_end', '=', 'negative'),
        ),
      );
    }
    if (filters.failedChecks?.length) {
      const checks = filters.failedChecks;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('check_results as cr')
            .select('cr.conversation_id')
            .whereRef('cr.conversation_id', '=', 'c.id')
            .where('cr.check_id', 'in', checks)
            .where('cr.result', '=', 'fail'),
        ),
      );
    }
    if (filters.flagged) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('qa_queue as q')
            .select('q.conversation_id')
            .whereRef('q.conversation_id', '=', 'c.id')
            .where('q.status', '=', 'open'),
        ),
      );
    }
    const rows = await query.execute();
    return rows.map((row) => ({ conversationId: row.id, agentId: row.agent_id as number }));
  }

  /** How many conversations a rule has assigned per agent in a period. */
  async sampledPerAgent(ruleId: number, period: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('review_assignments as ra')
      .innerJoin('conversations as c', 'c.id', 'ra.conversation_id')
      .select((eb) => ['c.agent_id', eb.fn.countAll<number>().as('n')])
      .where('ra.rule_id', '=', ruleId)
      .where('ra.period', '=', period)
      .groupBy('c.agent_id')
      .execute();
    return new Map(rows.map((row) => [row.agent_id as number, Number(row.n)]));
  }

  /** Flagged conversations (open in the QA queue) not reviewed and not assigned on `scorecardId`. */
  async flaggedUnassigned(scorecardId: number) {
    return this.db
      .selectFrom('qa_queue as q')
      .innerJoin('conversations as c', 'c.id', 'q.conversation_id')
      .select(['c.id', 'c.agent_id', 'q.reasons'])
      .where('q.status', '=', 'open')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('review_assignments as ra')
              .select('ra.id')
              .whereRef('ra.conversation_id', '=', 'c.id')
              .where('ra.scorecard_id', '=', scorecardId),
          ),
        ),
      )
      .orderBy('c.id')
      .execute();
  }

  /** Users who may review: active, with one of `roles`, optionally limited to `ids`; with their open load. */
  async reviewers(roles: string[], ids: number[] | undefined) {
    let query = this.db
      .selectFrom('users as u')
      .select((eb) => [
        'u.id',
        'u.agent_id',
        eb
          .selectFrom('review_assignments as ra')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('ra.reviewer_user_id', '=', 'u.id')
          .where('ra.status', '=', 'open')
          .as('load'),
      ])
      .where('u.disabled', '=', 0)
      .where('u.role', 'in', roles);
    if (ids && ids.length > 0) query = query.where('u.id', 'in', ids);
    const rows = await query.orderBy('u.id').execute();
    return rows.map((row) => ({ userId: row.id, agentId: row.agent_id, load: Number(row.load ?? 0) }));
  }

  /** Inserts assignments, skipping conversations already assigned on the scorecard; returns how many were added. */
  async insertAssignments(
    rows: Array<{
      conversation_id: number;
      reviewer_user_id: number;
      scorecard_id: number;
      rule_id: number | null;
      period: string;
      reason: string;
      due_at: number;
      created_at: number;
    }>,
  ): Promise<number> {
    let added = 0;
    for (let at = 0; at < rows.length; at += 500) {
      const result = await this.db
        .insertInto('review_assignments')
        .values(rows.slice(at, at + 500).map((row) => ({ ...row, status: 'open', review_id: null })))
        .onConflict((oc) => oc.columns(['conversation_id', 'scorecard_id']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  /** Open assignments of a reviewer (or every reviewer), by due date, flagged ones first. */
  async queue(filters: {
    id?: number;
    reviewerUserId?: number | undefined;
    status?: string;
    limit: number;
    offset: number;
  }) {
    let query = this.db
      .selectFrom('review_assignments as ra')
      .innerJoin('conversations as c', 'c.id', 'ra.conversation_id')
      .leftJoin('agents as a', 'a.id', 'c.agent_id')
      .leftJoin('users as u', 'u.id', 'ra.reviewer_user_id')
      .leftJoin('scorecards as s', 's.id', 'ra.scorecard_id')
      .select([
        'ra.id',
        'ra.conversation_id',
        'c.external_id',
        'c.channel',
        'c.language',
        'c.created_at as conversation_created_at',
        'a.name as agent_name',
        'a.external_id as agent_external_id',
        'ra.reviewer_user_id',
        'u.name as reviewer_name',
        'ra.scorecard_id',
        's.name as scorecard_name',
        'ra.rule_id',
        'ra.period',
        'ra.reason',
        'ra.due_at',
        'ra.status',
        'ra.review_id',
        'ra.created_at',
      ]);
    if (filters.id !== undefined) query = query.where('ra.id', '=', filters.id);
    if (filters.status !== undefined) query = query.where('ra.status', '=', filters.status);
    if (filters.reviewerUserId !== undefined)
      query = query.where('ra.reviewer_user_id', '=', filters.reviewerUserId);
    return query
      .orderBy('ra.due_at')
      .orderBy(sql`case when ra.reason like 'flagged%' then 0 else 1 end`)
      .orderBy('ra.id')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute();
  }

  /** One assignment row. */
  async assignment(id: number) {
    return this.db.selectFrom('review_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Changes an assignment. */
  async updateAssignment(
    id: number,
    values: Partial<{ reviewer_user_id: number; due_at: number; status: string; review_id: number | null }>,
  ): Promise<void> {
    await this.db.updateTable('review_assignments').set(values).where('id', '=', id).execute();
  }

  /** Closes the open assignment of a conversation on a scorecard once it is reviewed; returns how many. */
  async markDone(conversationId: number, scorecardId: number, reviewId: number): Promise<number> {
    const result = await this.db
      .updateTable('review_assignments')
      .set({ status: 'done', review_id: reviewId })
      .where('conversation_id', '=', conversationId)
      .where('scorecard_id', '=', scorecardId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
