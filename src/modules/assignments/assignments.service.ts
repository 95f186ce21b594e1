/**
 * The QA queue: sampling rules pick N conversations per agent per week (with filters), spread
 * them evenly over the rule's reviewers with a due date, never giving anyone their own
 * conversations; AutoQA's flagged conversations are assigned too. Running a rule again for the
 * same week adds nothing. A submitted review closes its assignment.
 */
import type { Database } from '../../db/database.js';
import { isoWeekOf, isoWeekRange, previousIsoWeek } from '../../domain/calendar.js';
import { assignEvenly, samplePerAgent } from '../../domain/sampling.js';
import { forbiddenError, invalidInput, notFoundError } from '../common/service-errors.js';
import { ScorecardsService } from '../scorecards/scorecards.service.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import type { Principal } from '../users/users.service.js';
import {
  AssignmentsRepository,
  type SamplingFilters,
  type SamplingRuleRow,
} from './assignments.repository.js';

/** Days a flagged conversation's assignment is due in. */
export const FLAGGED_DUE_DAYS = 2;
/** Roles a sampling rule may name as reviewers. */
const REVIEWING_ROLES = ['admin', 'manager', 'lead', 'reviewer'];
const MANAGER_ROLES = new Set(['admin', 'manager']);
const DAY_MS = 86_400_000;

/** Body of a new or changed sampling rule. */
export interface SamplingRuleInput {
  name: string;
  scorecard_id?: number;
  per_agent: number;
  filters?: SamplingFilters;
  reviewer_ids?: number[];
  due_days?: number;
  active?: boolean;
}

/** What one run of a rule did. */
export interface RunOutcome {
  rule_id: number | null;
  period: string;
  candidates: number;
  sampled: number;
  assigned: number;
  /** Conversations only their own agent could have reviewed. */
  unassigned: number;
  per_reviewer: Record<string, number>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function ruleView(rule: SamplingRuleRow) {
  return {
    ...rule,
    active: rule.active === 1,
    created_at: iso(rule.created_at),
    updated_at: iso(rule.updated_at),
  };
}

/** Use cases of the QA queue. */
export class AssignmentsService {
  private readonly repository: AssignmentsRepository;
  private readonly scorecards: ScorecardsService;

  constructor(private readonly database: Database) {
    this.repository = new AssignmentsRepository(database.kysely);
    this.scorecards = new ScorecardsService(database);
  }

  /** The organisation's time zone (setting), UTC when unset or unknown. */
  async timeZone(): Promise<string> {
    return organisationTimeZone(this.database.kysely);
  }

  /** Every sampling rule. */
  async rules() {
    return (await this.repository.rules()).map(ruleView);
  }

  /** One rule. */
  async rule(id: number) {
    const rule = await this.repository.rule(id);
    if (!rule) throw notFoundError(`sampling rule ${id}`);
    return ruleView(rule);
  }

  private async validRule(input: SamplingRuleInput) {
    const problems: Array<{ field: string; reason: string }> = [];
    if (!input.name.trim()) problems.push({ field: 'name', reason: 'must not be empty' });
    if (!(Number.isInteger(input.per_agent) && input.per_agent >= 1 && input.per_agent <= 1000)) {
      problems.push({ field: 'per_agent', reason: 'must be a whole number from 1 to 1000' });
    }
    const dueDays = input.due_days ?? 7;
    if (!(Number.isInteger(dueDays) && dueDays >= 1 && dueDays <= 90)) {
      problems.push({ field: 'due_days', reason: 'must be a whole number from 1 to 90' });
    }
    const reviewerIds = [...new Set(input.reviewer_ids ?? [])];
    if (reviewerIds.length > 0) {
      const found = await this.repository.reviewers(REVIEWING_ROLES, reviewerIds);
      for (const id of reviewerIds) {
        if (!found.some((r) => r.userId === id)) {
          problems.push({
            field: 'reviewer_ids',
            reason: `user ${id} is not an active reviewer, lead, manager or admin`,
          });
        }
      }
    }
    const minHandle = input.filters?.minHandleS;
    if (minHandle !== undefined && !(minHandle >= 0)) {
      problems.push({ field: 'filters.minHandleS', reason: 'must be zero or more seconds' });
    }
    if (problems.length > 0) throw invalidInput(problems);
    const scorecard =
      input.scorecard_id === undefined
        ? await this.scorecards.getDefault()
        : await this.scorecards.get(input.scorecard_id);
    return { scorecardId: scorecard.id, dueDays, reviewerIds };
  }

  // The stored form of a rule's settings, after validation.
  private async ruleValues(input: SamplingRuleInput) {
    const { scorecardId, dueDays, reviewerIds } = await this.validRule(input);
    return {
      name: input.name.trim(),
      scorecard_id: scorecardId,
      per_agent: input.per_agent,
      filters: input.filters ?? {},
      reviewer_ids: reviewerIds,
      due_days: dueDays,
      active: input.active === false ? 0 : 1,
      updated_at: Date.now(),
    };
  }

  /** Creates a rule. */
  async createRule(input: SamplingRuleInput) {
    const values = await this.ruleValues(input);
    const id = await this.repository.insertRule({ ...values, created_at: values.updated_at });
    return this.rule(id);
  }

  /** Replaces a rule's settings. */
  async updateRule(id: number, input: SamplingRuleInput) {
    if (!(await this.repository.rule(id))) throw notFoundError(`sampling rule ${id}`);
    await this.repository.updateRule(id, await this.ruleValues(input));
    return this.rule(id);
  }

  /** Deletes a rule (its assignments stay in the queue). */
  async deleteRule(id: number): Promise<void> {
    if (!(await this.repository.rule(id))) throw notFoundError(`sampling rule ${id}`);
    await this.repository.deleteRule(id);
  }

  private async periodRange(period: string | undefined) {
    const timeZone = await this.timeZone();
    const week = period ?? previousIsoWeek(Date.now(), timeZone);
    try {
      return { week, ...isoWeekRange(week, timeZone) };
    } catch (error) {
      throw invalidInput([
        { field: 'period', reason: error instanceof Error ? error.message : String(error) },
      ]);
    }
  }

  /** Runs a rule for an ISO week (default: the last complete one); running it again adds nothing. */
  async runRule(id: number, period?: string): Promise<RunOutcome> {
    const rule = await this.repository.rule(id);
    if (!rule) throw notFoundError(`sampling rule ${id}`);
    const { week, from, to } = await this.periodRange(period);
    const candidates = await this.repository.candidates(rule.filters, { from, to }, rule.scorecard_id);
    const already = await this.repository.sampledPerAgent(rule.id, week);
    const sample = samplePerAgent(candidates, rule.per_agent, `${week}:${rule.id}`, already);
    const reviewers = await this.repository.reviewers(
      rule.reviewer_ids.length > 0 ? REVIEWING_ROLES : ['reviewer'],
      rule.reviewer_ids,
    );
    const { assignments, unassigned } = assignEvenly(sample, reviewers);
    const now = Date.now();
    const assigned = await this.repository.insertAssignments(
      assignments.map((a) => ({
        conversation_id: a.conversationId,
        reviewer_user_id: a.reviewerUserId,
        scorecard_id: rule.scorecard_id,
        rule_id: rule.id,
        period: week,
        reason: `sample:${rule.name}`,
        due_at: now + rule.due_days * DAY_MS,
        created_at: now,
      })),
    );
    return {
      rule_id: rule.id,
      period: week,
      candidates: candidates.length,
      sampled: sample.length,
      assigned,
      unassigned: unassigned.length,
      per_reviewer: countPerReviewer(assignments),
    };
  }

  /** Runs every active rule for a week. */
  async runActiveRules(period?: string): Promise<RunOutcome[]> {
    const outcomes: RunOutcome[] = [];
    for (const rule of await this.repository.rules()) {
      if (rule.active === 1) outcomes.push(await this.runRule(rule.id, period));
    }
    return outcomes;
  }

  /**
   * Assigns every conversation AutoQA flagged (open in the QA queue) that nobody has yet, on the
   * default scorecard, evenly over the reviewers, due in two days, with the flags as the reason.
   */
  async assignFlagged(): Promise<RunOutcome> {
    const scorecard = await this.scorecards.getDefault();
    const flagged = await this.repository.flaggedUnassigned(scorecard.id);
    const withAgent = flagged.map((row) => ({ conversationId: row.id, agentId: row.agent_id ?? -1 }));
    const reasons = new Map(flagged.map((row) => [row.id, (JSON.parse(row.reasons) as string[]).join(',')]));
    const reviewers = await this.repository.reviewers(['reviewer'], undefined);
    const { assignments, unassigned } = assignEvenly(withAgent, reviewers);
    const now = Date.now();
    const timeZone = await this.timeZone();
    const assigned = await this.repository.insertAssignments(
      assignments.map((a) => ({
        conversation_id: a.conversationId,
        reviewer_user_id: a.reviewerUserId,
        scorecard_id: scorecard.id,
        rule_id: null,
        period: isoWeekOf(now, timeZone),
        reason: `flagged:${reasons.get(a.conversationId) ?? ''}`,
        due_at: now + FLAGGED_DUE_DAYS * DAY_MS,
        created_at: now,
      })),
    );
    return {
      rule_id: null,
      period: isoWeekOf(now, timeZone),
      candidates: flagged.length,
      sampled: flagged.length,
      assigned,
      unassigned: unassigned.length,
      per_reviewer: countPerReviewer(assignments),
    };
  }

  /** A reviewer's queue (managers: anyone's, or everyone's), by due date, flagged first. */
  async queue(
    principal: Principal,
    filters: { reviewer_id?: number; status?: string; limit?: number; offset?: number },
  ) {
    const manager = MANAGER_ROLES.has(principal.role);
    if (!manager && filters.reviewer_id !== undefined && filters.reviewer_id !== principal.id) {
      throw forbiddenError("you see your own queue; managers see everyone's");
    }
    const rows = await this.repository.queue({
      reviewerUserId: manager ? filters.reviewer_id : principal.id,
      status: filters.status ?? 'open',
      limit: filters.limit ?? 50,
      offset: filters.offset ?? 0,
    });
    const now = Date.now();
    return rows.map((row) => this.present(row, now));
  }

  private present(row: Awaited<ReturnType<AssignmentsRepository['queue']>>[number], now: number) {
    return {
      ...row,
      conversation_created_at: iso(row.conversation_created_at),
      due_at: iso(row.due_at),
      created_at: iso(row.created_at),
      overdue: row.status === 'open' && row.due_at < now,
    };
  }

  /** A manager moves an assignment to another reviewer, changes its due date, or cancels it. */
  async update(
    id: number,
    input: { reviewer_user_id?: number; due_at?: string; status?: 'open' | 'cancelled' },
  ) {
    const assignment = await this.repository.assignment(id);
    if (!assignment) throw notFoundError(`assignment ${id}`);
    const values: { reviewer_user_id?: number; due_at?: number; status?: string } = {};
    if (input.reviewer_user_id !== undefined) {
      const [reviewer] = await this.repository.reviewers(REVIEWING_ROLES, [input.reviewer_user_id]);
      if (!reviewer) {
        throw invalidInput([
          { field: 'reviewer_user_id', reason: `user ${input.reviewer_user_id} is not an active reviewer` },
        ]);
      }
      const [conversation] = await this.database.kysely
        .selectFrom('conversations')
        .select('agent_id')
        .where('id', '=', assignment.conversation_id)
        .execute();
      if (reviewer.agentId !== null && reviewer.agentId === conversation?.agent_id) {
        throw invalidInput([{ field: 'reviewer_user_id', reason: 'nobody reviews their own conversations' }]);
      }
      values.reviewer_user_id = input.reviewer_user_id;
    }
    if (input.due_at !== undefined) values.due_at = Date.parse(input.due_at);
    if (input.status !== undefined) values.status = input.status;
    await this.repository.updateAssignment(id, values);
    const [row] = await this.repository.queue({ id, limit: 1, offset: 0 });
    return row ? this.present(row, Date.now()) : null;
  }

  /** Closes the assignment of a reviewed conversation on the review's scorecard. */
  async markDoneForConversation(
    conversationId: number,
    scorecardId: number,
    reviewId: number,
  ): Promise<number> {
    return this.repository.markDone(conversationId, scorecardId, reviewId);
  }
}

function countPerReviewer(assignments: ReadonlyArray<{ reviewerUserId: number }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of assignments) counts[a.reviewerUserId] = (counts[a.reviewerUserId] ?? 0) + 1;
  return counts;
}
