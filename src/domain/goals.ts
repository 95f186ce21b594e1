/**
 * Goals: a target for a metric in a scope (the organisation, a team, an agent or a channel) over
 * a span of calendar days. Which goal a result row is held against, and whether it met it.
 * Pure: no I/O. Days are `YYYY-MM-DD` in the organisation's time zone, so comparing them as
 * strings compares them as dates.
 */
import { isoWeekRange } from './calendar.js';

/** What a goal can be set for, least specific first. */
export const GOAL_SCOPES = ['organisation', 'channel', 'team', 'agent'] as const;

/** A scope of a goal. */
export type GoalScope = (typeof GOAL_SCOPES)[number];

/** Whether more or less of a metric is better. */
export type MetricDirection = 'higher' | 'lower';

// Satisfaction, outcome and quality figures: more is better (CES too: 7 is the easiest).
const HIGHER_IS_BETTER = new Set([
  'csat',
  'csat_mean',
  'nps',
  'ces',
  'resolution_rate',
  'iqs',
  'iqs_manual',
  'iqs_auto',
  'pass_rate',
  'fcr',
  'sla',
  'coverage',
  'answer_rate',
  'response_rate',
  'conversion_rate',
  'category_score',
]);

// Times, effort and failure rates: less is better.
const LOWER_IS_BETTER = new Set([
  'asa',
  'abandon_rate',
  'transfer_rate',
  'negative_rate',
  'complaint_rate',
  'autofail_rate',
  'repeat_rate',
  'replies',
]);

/** The values `metric` can take: percentages 0–100, NPS −100–100, per-thousand rates, times and means from 0. */
export function targetRange(metric: string): { min: number; max: number } {
  if (metric === 'nps') return { min: -100, max: 100 };
  if (metric === 'complaint_rate') return { min: 0, max: 1000 };
  if (/^(frt|art|aht)(_|$)/.test(metric) || ['asa', 'replies', 'csat_mean', 'ces'].includes(metric))
    return { min: 0, max: Number.POSITIVE_INFINITY };
  return { min: 0, max: 100 };
}

/** Whether a higher or a lower value of `metric` is better; undefined for a metric without one. */
export function metricDirection(metric: string): MetricDirection | undefined {
  if (HIGHER_IS_BETTER.has(metric)) return 'higher';
  // Every statistic of a time (mean, median, p90) is better shorter.
  if (LOWER_IS_BETTER.has(metric) || /^(frt|art|aht)(_|$)/.test(metric)) return 'lower';
  return undefined;
}

/** A goal as the rules see it. */
export interface Goal {
  /** The goal's id; the newer goal wins a tie. */
  id: number;
  /** Metric id, e.g. `csat`. */
  metric: string;
  /** Who the goal is for. */
  scope: GoalScope;
  /** Team name, agent external id or channel; null for the organisation. */
  scope_value: string | null;
  /** The value to reach (at least, or at most, by the metric's direction). */
  target: number;
  /** First day the goal is in force. */
  valid_from: string;
  /** Last day the goal is in force; null while open-ended. */
  valid_to: string | null;
}

/** The calendar days a result covers, first and last inclusive. */
export interface DaySpan {
  /** First day, `YYYY-MM-DD`. */
  first: string;
  /** Last day, `YYYY-MM-DD`. */
  last: string;
}

/** Who a result row is about: the team, agent and channel it is limited to, if any. */
export interface GoalContext {
  /** Team name, when the row is one team's. */
  team?: string | null | undefined;
  /** Agent external id, when the row is one agent's. */
  agent?: string | null | undefined;
  /** Channel, when the row is one channel's. */
  channel?: string | null | undefined;
}

const SPECIFICITY: Record<GoalScope, number> = { organisation: 0, channel: 1, team: 2, agent: 3 };

// The last day of a month (1–12) of a year.
function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The days of a time bucket label of a grouping dimension (`day`, `week`, `month`, `quarter`);
 * undefined for another dimension or a label that is not one.
 */
export function bucketDays(dimension: string, label: string): DaySpan | undefined {
  if (dimension === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(label)) return { first: label, last: label };
  if (dimension === 'week' && /^\d{4}-W\d{2}$/.test(label)) {
    // The label already names local days, so UTC arithmetic gives the same calendar days.
    const range = isoWeekRange(label, 'UTC');
    return {
      first: new Date(range.from).toISOString().slice(0, 10),
      last: new Date(range.to - 86_400_000).toISOString().slice(0, 10),
    };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (dimension === 'month' && month) {
    return { first: `${label}-01`, last: lastDayOfMonth(Number(month[1]), Number(month[2])) };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (dimension === 'quarter' && quarter) {
    const year = Number(quarter[1]);
    const firstMonth = (Number(quarter[2]) - 1) * 3 + 1;
    return {
      first: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
      last: lastDayOfMonth(year, firstMonth + 2),
    };
  }
  return undefined;
}

/** Whether a goal is in force over every day of `span`. */
export function goalCovers(goal: Pick<Goal, 'valid_from' | 'valid_to'>, span: DaySpan): boolean {
  return goal.valid_from <= span.first && (goal.valid_to === null || span.last <= goal.valid_to);
}

// Whether the goal's scope is what the row is limited to.
function scopeMatches(goal: Goal, context: GoalContext): boolean {
  switch (goal.scope) {
    case 'organisation':
      return true;
    case 'team':
      return context.team !== undefined && context.team !== null && context.team === goal.scope_value;
    case 'agent':
      return context.agent !== undefined && context.agent !== null && context.agent === goal.scope_value;
    case 'channel':
      return (
        context.channel !== undefined && context.channel !== null && context.channel === goal.scope_value
      );
  }
}

/**
 * The goal a result is held against: among the goals of `metric` whose scope the result is
 * limited to and that are in force over its whole span, the most specific (agent, then team,
 * then channel, then organisation); between equals, the one starting later, then the newer.
 */
export function pickGoal(
  goals: readonly Goal[],
  metric: string,
  context: GoalContext,
  span: DaySpan,
): Goal | undefined {
  let best: Goal | undefined;
  for (const goal of goals) {
    if (goal.metric !== metric || !scopeMatches(goal, context) || !goalCovers(goal, span)) continue;
    if (
      !best ||
      SPECIFICITY[goal.scope] > SPECIFICITY[best.scope] ||
      (SPECIFICITY[goal.scope] === SPECIFICITY[best.scope] &&
        (goal.valid_from > best.valid_from || (goal.valid_from === best.valid_from && goal.id > best.id)))
    ) {
      best = goal;
    }
  }
  return best;
}

/** Whether `value` reaches `target` in the metric's direction; null when either is unknown. */
export function goalMet(metric: string, value: number | null, target: number | null): boolean | null {
  const direction = metricDirection(metric);
  if (value === null || target === null || direction === undefined) return null;
  return direction === 'higher' ? value >= target : value <= target;
}

/** A goal as offered for saving, before its checks. */
export interface GoalInput {
  /** Metric id. */
  metric?: string | undefined;
  /** Scope. */
  scope?: string | undefined;
  /** Scope value (team, agent external id, channel); absent or null for the organisation. */
  scope_value?: string | null | undefined;
  /** Target. */
  target?: number | undefined;
  /** First day in force. */
  valid_from?: string | undefined;
  /** Last day in force, or null. */
  valid_to?: string | null | undefined;
}

// A real calendar date written as YYYY-MM-DD.
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The problems of a goal, each naming its field; empty when it may be saved. */
export function goalProblems(
  input: GoalInput,
  knownMetrics: readonly string[],
): Array<{ field: string; reason: string }> {
  const problems: Array<{ field: string; reason: string }> = [];
  if (input.metric !== undefined) {
    if (!knownMetrics.includes(input.metric)) {
      problems.push({ field: 'metric', reason: `unknown metric "${input.metric}"` });
    } else if (metricDirection(input.metric) === undefined) {
      problems.push({
        field: 'metric',
        reason: `"${input.metric}" has no better direction to set a goal on`,
      });
    }
  }
  if (input.scope !== undefined && !(GOAL_SCOPES as readonly string[]).includes(input.scope)) {
    problems.push({
      field: 'scope',
      reason: `unknown scope "${input.scope}"; one of ${GOAL_SCOPES.join(', ')}`,
    });
  } else if (input.scope === 'organisation') {
    if (input.scope_value !== undefined && input.scope_value !== null && input.scope_value !== '') {
      problems.push({ field: 'scope_value', reason: 'the organisation scope takes no value' });
    }
  } else if (input.scope !== undefined) {
    if (input.scope_value === undefined || input.scope_value === null || input.scope_value.trim() === '') {
      const what = { team: 'team name', agent: 'agent id', channel: 'channel' }[input.scope as 'team'];
      problems.push({ field: 'scope_value', reason: `a ${input.scope} goal names its ${what}` });
    }
  }
  if (input.target !== undefined && !Number.isFinite(input.target)) {
    problems.push({ field: 'target', reason: 'not a number' });
  } else if (input.target !== undefined && input.metric !== undefined) {
    const range = targetRange(input.metric);
    if (input.target < range.min || input.target > range.max) {
      problems.push({
        field: 'target',
        reason: `${input.metric} lies between ${range.min} and ${range.max === Number.POSITIVE_INFINITY ? '∞' : range.max}; ${input.target} can never be reached or missed`,
      });
    }
  }
  if (input.valid_from !== undefined && !isDay(input.valid_from)) {
    problems.push({ field: 'valid_from', reason: `not a date (YYYY-MM-DD): "${input.valid_from}"` });
  }
  if (input.valid_to !== undefined && input.valid_to !== null && !isDay(input.valid_to)) {
    problems.push({ field: 'valid_to', reason: `not a date (YYYY-MM-DD): "${input.valid_to}"` });
  }
  if (
    input.valid_from !== undefined &&
    input.valid_to !== undefined &&
    input.valid_to !== null &&
    isDay(input.valid_from) &&
    isDay(input.valid_to) &&
    input.valid_to < input.valid_from
  ) {
    problems.push({
      field: 'valid_to',
      reason: `${input.valid_to} is before valid_from ${input.valid_from}`,
    });
  }
  return problems;
}
