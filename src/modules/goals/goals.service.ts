/**
 * Goals: targets per metric and scope over a span of days, kept by managers, and held against
 * every metric result (`<metric>_goal`, `<metric>_goal_met`) by the API, the CLI and the alerts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { dayOf } from '../../domain/calendar.js';
import {
  bucketDays,
  type DaySpan,
  type Goal,
  type GoalContext,
  type GoalInput,
  type GoalScope,
  goalMet,
  goalProblems,
  pickGoal,
} from '../../domain/goals.js';
import { METRIC_IDS } from '../../domain/metrics.js';
import type { MetricsQuery, MetricsRow } from '../analytics/analytics.service.js';
import { invalidInput, notFoundError } from '../common/service-errors.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import { GoalsRepository } from './goals.repository.js';

/** A goal as the API and the CLI show it. */
export interface GoalView extends Goal {
  /** When it was set, ISO 8601. */
  created_at: string;
  /** When it last changed, ISO 8601. */
  updated_at: string;
}

/** A metric result row with its goals: `<metric>_goal` and `<metric>_goal_met` beside each metric. */
export type GoalRow = Record<string, string | number | boolean | null>;

// Time dimensions from the narrowest: a row grouped by day and month is one day.
const TIME_DIMENSIONS = ['day', 'week', 'month', 'quarter'] as const;

type GoalRecord = Awaited<ReturnType<GoalsRepository['list']>>[number];

function toGoal(row: GoalRecord): GoalView {
  return {
    id: Number(row.id),
    metric: row.metric,
    scope: row.scope as GoalScope,
    scope_value: row.scope === 'organisation' ? null : row.scope_value,
    target: Number(row.target),
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    created_at: new Date(Number(row.created_at)).toISOString(),
    updated_at: new Date(Number(row.updated_at)).toISOString(),
  };
}

/**
 * The CSV columns of metric rows: dimensions, then per metric its value and n, followed by its
 * goal and whether it was met for the metrics in `withGoals` (those that have goals at all, so
 * an installation without goals keeps its columns).
 */
export function goalColumns(
  by: readonly string[],
  metrics: readonly string[],
  withGoals: ReadonlySet<string> = new Set(metrics),
): string[] {
  return [
    ...by,
    ...metrics.flatMap((m) =>
      withGoals.has(m) ? [m, `${m}_n`, `${m}_goal`, `${m}_goal_met`] : [m, `${m}_n`],
    ),
  ];
}

/** Rows with goals as CSV cells take them: true and false as words. */
export function goalRowsForCsv(rows: readonly GoalRow[]): MetricsRow[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, typeof value === 'boolean' ? String(value) : value]),
    ),
  );
}

/** Keeps goals and holds results against them. */
export class GoalsService {
  private readonly db: Kysely<DB>;
  private readonly repository: GoalsRepository;

  constructor(database: Database) {
    this.db = database.kysely;
    this.repository = new GoalsRepository(this.db);
  }

  /** Goals, optionally of one metric or scope, or in force on one day. */
  async list(
    filters: { metric?: string | undefined; scope?: string | undefined; on?: string | undefined } = {},
  ) {
    const rows = await this.repository.list({
      metrics: filters.metric === undefined ? undefined : [filters.metric],
      scope: filters.scope,
    });
    const goals = rows.map(toGoal);
    const on = filters.on;
    return on === undefined
      ? goals
      : goals.filter((g) => g.valid_from <= on && (g.valid_to === null || on <= g.valid_to));
  }

  /** One goal. */
  async get(id: number): Promise<GoalView> {
    const row = await this.repository.find(id);
    if (!row) throw notFoundError('goal');
    return toGoal(row);
  }

  /** Sets a new goal; it starts today unless told otherwise. */
  async create(input: GoalInput, userId: number | null): Promise<GoalView> {
    const problems: Array<{ field: string; reason: string }> = [];
    if (input.metric === undefined) problems.push({ field: 'metric', reason: 'required' });
    if (input.scope === undefined) problems.push({ field: 'scope', reason: 'required' });
    if (input.target === undefined) problems.push({ field: 'target', reason: 'required' });
    const complete: GoalInput = {
      ...input,
      scope_value: input.scope === 'organisation' ? (input.scope_value ?? null) : input.scope_value,
      valid_from: input.valid_from ?? dayOf(Date.now(), await organisationTimeZone(this.db)),
      valid_to: input.valid_to ?? null,
    };
    await this.check(complete, problems);
    const now = Date.now();
    const id = await this.repository.insert({
      metric: complete.metric as string,
      scope: complete.scope as string,
      scope_value: complete.scope === 'organisation' ? '' : (complete.scope_value as string).trim(),
      target: complete.target as number,
      valid_from: complete.valid_from as string,
      valid_to: complete.valid_to ?? null,
      created_by: userId,
      created_at: now,
      updated_at: now,
    });
    return this.get(id);
  }

  /** Changes a goal; the result is checked as a whole. */
  async update(id: number, changes: GoalInput): Promise<GoalView> {
    const current = await this.get(id);
    const merged: GoalInput = {
      metric: changes.metric ?? current.metric,
      scope: changes.scope ?? current.scope,
      scope_value:
        changes.scope_value !== undefined
          ? changes.scope_value
          : changes.scope === 'organisation'
            ? null
            : current.scope_value,
      target: changes.target ?? current.target,
      valid_from: changes.valid_from ?? current.valid_from,
      valid_to: changes.valid_to !== undefined ? changes.valid_to : current.valid_to,
    };
    await this.check(merged, []);
    await this.repository.update(id, {
      metric: merged.metric as string,
      scope: merged.scope as string,
      scope_value: merged.scope === 'organisation' ? '' : (merged.scope_value as string).trim(),
      target: merged.target as number,
      valid_from: merged.valid_from as string,
      valid_to: merged.valid_to ?? null,
      updated_at: Date.now(),
    });
    return this.get(id);
  }

  /** Deletes a goal. */
  async delete(id: number): Promise<void> {
    if (!(await this.repository.delete(id))) throw notFoundError('goal');
  }

  // Field checks, then that the team or agent named exists.
  private async check(input: GoalInput, problems: Array<{ field: string; reason: string }>): Promise<void> {
    problems.push(...goalProblems(input, METRIC_IDS));
    const value = input.scope_value?.trim();
    if (problems.length === 0 && value) {
      if (input.scope === 'team' && !(await this.repository.teamExists(value)))
        problems.push({ field: 'scope_value', reason: `no team named "${value}"` });
      if (input.scope === 'agent' && !(await this.repository.agentExists(value)))
        problems.push({ field: 'scope_value', reason: `no agent with id "${value}"` });
    }
    if (problems.length > 0) throw invalidInput(problems);
  }

  /** Which of `metrics` have at least one goal, in any scope and period. */
  async metricsWithGoals(metrics: readonly string[]): Promise<Set<string>> {
    return new Set((await this.repository.list({ metrics })).map((row) => row.metric));
  }

  /** Every goal of some metrics, as the rules take them. */
  async goalsOf(metrics: readonly string[]): Promise<Goal[]> {
    return (await this.repository.list({ metrics })).map(toGoal);
  }

  /**
   * The rows of a metrics query with each metric's goal and whether it was met: a row is held
   * against the most specific goal of the team, agent and channel it is limited to (by grouping
   * or by the query's filter) that is in force over its time bucket, or over the query's period
   * when it has none.
   */
  async attachGoals(rows: readonly MetricsRow[], query: MetricsQuery): Promise<GoalRow[]> {
    const [goals, timeZone] = await Promise.all([this.goalsOf(query.metrics), organisationTimeZone(this.db)]);
    const period: DaySpan = {
      first: dayOf(query.from, timeZone),
      last: dayOf(Math.max(query.from, query.to - 1), timeZone),
    };
    const timeDimension = TIME_DIMENSIONS.find((d) => query.by.includes(d));
    return rows.map((row) => {
      const context: GoalContext = {
        team: 'team' in row ? (row.team as string | null) : query.team,
        agent: 'agent' in row ? (row.agent as string | null) : query.agent,
        channel: 'channel' in row ? (row.channel as string | null) : query.channel,
      };
      const label = timeDimension === undefined ? null : row[timeDimension];
      const span =
        timeDimension !== undefined && typeof label === 'string'
          ? (bucketDays(timeDimension, label) ?? period)
          : period;
      const out: GoalRow = {};
      const pending = new Set(query.metrics);
      const addGoal = (metric: string) => {
        const value = row[metric];
        const target = pickGoal(goals, metric, context, span)?.target ?? null;
        out[`${metric}_goal`] = target;
        out[`${metric}_goal_met`] = goalMet(metric, typeof value === 'number' ? value : null, target);
        pending.delete(metric);
      };
      for (const [key, value] of Object.entries(row)) {
        out[key] = value;
        const metric = key.endsWith('_n') ? key.slice(0, -2) : undefined;
        if (metric !== undefined && pending.has(metric)) addGoal(metric);
      }
      for (const metric of [...pending]) addGoal(metric);
      return out;
    });
  }
}
