/**
 * Metrics × filters × grouping, as the metric definitions define them: one service for the API
 * (`GET /metrics`) and the command line (`kvalita kpi`). This first version computes from the
 * stored rows in pages of 1,000 conversations; pre-aggregated rollups come later.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { dayOf, hourAndWeekday, isoWeekOf, monthOf, quarterOf } from '../../domain/calendar.js';
import { METRIC_IDS, METRIC_SAMPLES, METRICS, type MetricFacts, RATE_METRICS } from '../../domain/metrics.js';
import {
  mannWhitney,
  meanAndDeviation,
  meanDifferenceInterval,
  twoProportionTest,
} from '../../domain/statistics.js';
import { invalidInput } from '../common/service-errors.js';
import { organisationTimeZone } from '../settings/time-zone.js';

/** Dimensions results can be grouped by. */
export const DIMENSIONS = [
  'team',
  'agent',
  'channel',
  'language',
  'source',
  'day',
  'week',
  'month',
  'quarter',
  'hour',
  'weekday',
] as const;
/** A dimension. */
export type Dimension = (typeof DIMENSIONS)[number];

/** A metrics question. */
export interface MetricsQuery {
  metrics: string[];
  by: Dimension[];
  /** Period of the conversations' creation, [from, to). */
  from: number;
  to: number;
  channel?: string | undefined;
  team?: string | undefined;
  agent?: string | undefined;
  language?: string | undefined;
  tag?: string | undefined;
  source?: string | undefined;
}

/** One result row: the group's dimensions, then `<metric>` and `<metric>_n` for each metric. */
export type MetricsRow = Record<string, string | number | null>;

type Fact = MetricFacts & {
  team: string | null;
  agent: string | null;
  language: string | null;
  source: string;
};

/** Checks and normalises a query from the API or the command line. */
export function parseMetricsQuery(input: {
  metrics: string;
  by?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Pick<MetricsQuery, 'metrics' | 'by' | 'from' | 'to'> {
  const problems: Array<{ field: string; reason: string }> = [];
  const metrics = input.metrics
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  for (const metric of metrics) {
    if (!METRIC_IDS.includes(metric))
      problems.push({
        field: 'metrics',
        reason: `unknown metric "${metric}"; known: ${METRIC_IDS.join(', ')}`,
      });
  }
  if (metrics.length === 0) problems.push({ field: 'metrics', reason: 'name at least one metric' });
  const by = (input.by ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const dimension of by) {
    if (!(DIMENSIONS as readonly string[]).includes(dimension)) {
      problems.push({
        field: 'by',
        reason: `unknown dimension "${dimension}"; known: ${DIMENSIONS.join(', ')}`,
      });
    }
  }
  const to = input.to ? Date.parse(input.to) : Date.now();
  const from = input.from ? Date.parse(input.from) : to - 30 * 86_400_000;
  if (Number.isNaN(from)) problems.push({ field: 'from', reason: `not a date: "${input.from}"` });
  if (Number.isNaN(to)) problems.push({ field: 'to', reason: `not a date: "${input.to}"` });
  if (problems.length > 0) throw invalidInput(problems);
  return { metrics, by: by as Dimension[], from, to };
}

/** Answers metrics questions. */
export class AnalyticsService {
  private readonly db: Kysely<DB>;

  constructor(database: Database) {
    this.db = database.kysely;
  }

  /** The conversation facts of a query, for comparisons. */
  async factsOf(query: MetricsQuery): Promise<MetricFacts[]> {
    return this.facts(query);
  }

  private async facts(query: MetricsQuery): Promise<Fact[]> {
    let conversations = this.db
      .selectFrom('conversations as c')
      .leftJoin('teams as t', 't.id', 'c.team_id')
      .leftJoin('agents as a', 'a.id', 'c.agent_id')
      .select([
        'c.id',
        'c.channel',
        'c.status',
        'c.language',
        'c.source',
        'c.created_at',
        'c.resolved_at',
        'c.handle_s',
        'c.wait_s',
        'c.transfers',
        'c.abandoned',
        'c.complaint',
        't.name as team',
        'a.external_id as agent',
      ])
      .where('c.created_at', '>=', query.from)
      .where('c.created_at', '<', query.to);
    if (query.channel) conversations = conversations.where('c.channel', '=', query.channel);
    if (query.language) conversations = conversations.where('c.language', '=', query.language);
    if (query.source) conversations = conversations.where('c.source', '=', query.source);
    if (query.team) conversations = conversations.where('t.name', '=', query.team);
    if (query.agent) conversations = conversations.where('a.external_id', '=', query.agent);
    if (query.tag) {
      const tag = query.tag;
      conversations = conversations.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('conversation_tags as ct')
            .innerJoin('tags as g', 'g.id', 'ct.tag_id')
            .select('ct.conversation_id')
            .whereRef('ct.conversation_id', '=', 'c.id')
            .where('g.name', '=', tag),
        ),
      );
    }
    const rows = await conversations.orderBy('c.id').execute();
    const facts: Fact[] = [];
    for (let at = 0; at < rows.length; at += 1000) {
      const page = rows.slice(at, at + 1000);
      const ids = page.map((row) => row.id);
      const [messages, feedback, reviews] = await Promise.all([
        this.db
          .selectFrom('messages')
          .select((eb) => [
            'conversation_id',
            eb.fn
              .min(eb.case().when('role', '=', 'customer').then(eb.ref('at')).end())
              .as('first_customer_at'),
            eb.fn
              .min(
                eb
                  .case()
                  .when(eb.and([eb('role', '=', 'agent'), eb('internal', '=', 0)]))
                  .then(eb.ref('at'))
                  .end(),
              )
              .as('first_agent_at'),
            eb.fn.min('at').as('first_at'),
            eb.fn.max('at').as('last_at'),
            eb.fn
              .sum(
                eb
                  .case()
                  .when(eb.and([eb('role', '=', 'agent'), eb('internal', '=', 0)]))
                  .then(1)
                  .else(0)
                  .end(),
              )
              .as('agent_messages'),
          ])
          .where('conversation_id', 'in', ids)
          .groupBy('conversation_id')
          .execute(),
        this.db
          .selectFrom('feedback')
          .select(['conversation_id', 'type', 'score', 'scale'])
          .where('conversation_id', 'in', ids)
          .execute(),
        this.db
          .selectFrom('reviews')
          .select(['conversation_id', 'kind', 'score', 'passed', 'auto_failed'])
          .where('conversation_id', 'in', ids)
          .where('status', '=', 'submitted')
          .where('kind', 'in', ['manual', 'auto'])
          .execute(),
      ]);
      const messagesOf = new Map(messages.map((m) => [m.conversation_id, m]));
      const feedbackOf = new Map<number, Fact['feedback'][number][]>();
      for (const f of feedback)
        feedbackOf.set(f.conversation_id, [...(feedbackOf.get(f.conversation_id) ?? []), f]);
      const reviewsOf = new Map<number, Fact['review_scores'][number][]>();
      for (const r of reviews) {
        reviewsOf.set(r.conversation_id, [
          ...(reviewsOf.get(r.conversation_id) ?? []),
          {
            kind: r.kind,
            score: r.score,
            passed: r.passed === null ? null : r.passed === 1,
            auto_failed: r.auto_failed === 1,
          },
        ]);
      }
      const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
      for (const row of page) {
        const m = messagesOf.get(row.id);
        facts.push({
          channel: row.channel,
          status: row.status,
          created_at: row.created_at,
          resolved_at: row.resolved_at,
          handle_s: row.handle_s,
          wait_s: row.wait_s,
          transfers: row.transfers,
          abandoned: row.abandoned === null ? null : row.abandoned === 1,
          complaint: row.complaint === 1,
          first_customer_at: number(m?.first_customer_at),
          first_agent_at: number(m?.first_agent_at),
          first_at: number(m?.first_at),
          last_at: number(m?.last_at),
          agent_messages: number(m?.agent_messages) ?? 0,
          feedback: feedbackOf.get(row.id) ?? [],
          review_scores: reviewsOf.get(row.id) ?? [],
          team: row.team,
          agent: row.agent,
          language: row.language,
          source: row.source,
        });
      }
    }
    return facts;
  }

  /** The metrics of every group, groups in order of their dimensions. */
  async query(query: MetricsQuery): Promise<MetricsRow[]> {
    const timeZone = await organisationTimeZone(this.db);
    const facts = await this.facts(query);
    const dimensionOf: Record<Dimension, (fact: Fact) => string | number | null> = {
      team: (f) => f.team,
      agent: (f) => f.agent,
      channel: (f) => f.channel,
      language: (f) => f.language,
      source: (f) => f.source,
      day: (f) => dayOf(f.created_at, timeZone),
      week: (f) => isoWeekOf(f.created_at, timeZone),
      month: (f) => monthOf(f.created_at, timeZone),
      quarter: (f) => quarterOf(f.created_at, timeZone),
      hour: (f) => hourAndWeekday(f.created_at, timeZone).hour,
      weekday: (f) => hourAndWeekday(f.created_at, timeZone).weekday,
    };
    const groups = new Map<string, { key: Array<string | number | null>; facts: Fact[] }>();
    for (const fact of facts) {
      const key = query.by.map((dimension) => dimensionOf[dimension](fact));
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? { key, facts: [] };
      group.facts.push(fact);
      groups.set(id, group);
    }
    if (query.by.length === 0 && groups.size === 0) groups.set('[]', { key: [], facts: [] });
    const compare = (a: string | number | null, b: string | number | null) =>
      a === b
        ? 0
        : a === null
          ? 1
          : b === null
            ? -1
            : typeof a === 'number' && typeof b === 'number'
              ? a - b
              : String(a).localeCompare(String(b));
    return [...groups.values()]
      .sort((a, b) => {
        for (let i = 0; i < a.key.length; i += 1) {
          const order = compare(a.key[i] ?? null, b.key[i] ?? null);
          if (order !== 0) return order;
        }
        return 0;
      })
      .map((group) => {
        const row: MetricsRow = {};
        query.by.forEach((dimension, i) => {
          row[dimension] = group.key[i] ?? null;
        });
        for (const metric of query.metrics) {
          const result = (
            METRICS[metric] as (rows: readonly MetricFacts[]) => { value: number | null; n: number }
          )(group.facts);
          row[metric] = result.value === null ? null : Math.round(result.value * 1000) / 1000;
          row[`${metric}_n`] = result.n;
        }
        return row;
      });
  }
}

/** What a before/after comparison needs. */
export interface CompareQuery extends Omit<MetricsQuery, 'metrics' | 'by' | 'from' | 'to'> {
  metric: string;
  /** When the change happened: the windows end and start here. */
  change: number;
  windowDays: number;
}

/**
 * A metric in the window before a change and the window after it: both values, the difference,
 * its 95 % confidence interval and a p-value — a two-proportion z-test for rates, Mann–Whitney U
 * for times and scores (the interval is then Welch's, on the means).
 */
export async function compareMetric(service: AnalyticsService, query: CompareQuery) {
  const rate = RATE_METRICS.has(query.metric);
  const samples = METRIC_SAMPLES[query.metric];
  if (!rate && !samples) {
    throw invalidInput([
      {
        field: 'metric',
        reason: `before/after works for ${[...RATE_METRICS, ...Object.keys(METRIC_SAMPLES)].join(', ')}`,
      },
    ]);
  }
  const span = query.windowDays * 86_400_000;
  const windows = {
    before: { from: query.change - span, to: query.change },
    after: { from: query.change, to: Math.min(Date.now(), query.change + span) },
  };
  const [before, after] = await Promise.all([
    service.factsOf({ ...query, metrics: [], by: [], ...windows.before }),
    service.factsOf({ ...query, metrics: [], by: [], ...windows.after }),
  ]);
  const iso = (ms: number) => new Date(ms).toISOString();
  const base = {
    metric: query.metric,
    change: iso(query.change),
    window_days: query.windowDays,
    before: { from: iso(windows.before.from), to: iso(windows.before.to) },
    after: { from: iso(windows.after.from), to: iso(windows.after.to) },
  };
  if (rate) {
    const metric = METRICS[query.metric] as (rows: readonly MetricFacts[]) => {
      value: number | null;
      n: number;
    };
    const b = metric(before);
    const a = metric(after);
    const test =
      b.value === null || a.value === null
        ? undefined
        : twoProportionTest(Math.round((b.value / 100) * b.n), b.n, Math.round((a.value / 100) * a.n), a.n);
    return {
      ...base,
      test: 'two-proportion z-test',
      before: { ...base.before, value: b.value, n: b.n },
      after: { ...base.after, value: a.value, n: a.n },
      difference: test ? test.difference * 100 : null,
      ci95: test ? [test.ci95[0] * 100, test.ci95[1] * 100] : null,
      p_value: test?.pValue ?? null,
    };
  }
  const b = (samples as (rows: readonly MetricFacts[]) => number[])(before);
  const a = (samples as (rows: readonly MetricFacts[]) => number[])(after);
  const meanBefore = meanAndDeviation(b).mean ?? null;
  const meanAfter = meanAndDeviation(a).mean ?? null;
  return {
    ...base,
    test: 'Mann–Whitney U',
    before: { ...base.before, value: meanBefore, n: b.length },
    after: { ...base.after, value: meanAfter, n: a.length },
    difference: meanBefore === null || meanAfter === null ? null : meanAfter - meanBefore,
    ci95: meanDifferenceInterval(b, a) ?? null,
    p_value: mannWhitney(b, a)?.pValue ?? null,
  };
}

/** Rows as CSV with a header line; null is an empty cell. */
export function metricsCsv(rows: readonly MetricsRow[], columns: readonly string[]): string {
  const cell = (value: string | number | null | undefined) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n')}\n`;
}
