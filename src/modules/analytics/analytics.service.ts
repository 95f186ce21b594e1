/**
 * Metrics × filters × grouping, as the metric definitions define them: one service for the API
 * (`GET /metrics`), the command line (`kvalita kpi`) and reports. Queries that rollups can answer
 * (additive metrics, grouping and filters on rollup dimensions, whole local days) read the
 * pre-aggregated cells; the rest read the stored conversations.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { dayOf, dayStart, hourAndWeekday, isoWeekOf, monthOf, quarterOf } from '../../domain/calendar.js';
import {
  METRIC_IDS,
  METRIC_SAMPLES,
  METRICS,
  type MetricFacts,
  type MetricValue,
  RATE_METRICS,
} from '../../domain/metrics.js';
import {
  coverDays,
  monthOfDay,
  quarterOfLabel,
  weekOfDay,
  weekStartDay,
} from '../../domain/rollup-periods.js';
import { METRICS_FROM_SUMS, type RollupSums } from '../../domain/rollup-sums.js';
import {
  mannWhitney,
  meanAndDeviation,
  meanDifferenceInterval,
  twoProportionTest,
} from '../../domain/statistics.js';
import { invalidInput } from '../common/service-errors.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import { FACT_COLUMNS, type Fact, FactsRepository, loadFactSettings } from './facts.repository.js';
import type { CellFilters } from './rollups.repository.js';
import { type BlockRef, type CellRef, RollupsService } from './rollups.service.js';

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
  /** Only reviews on this scorecard count for the review metrics. */
  scorecard?: number | undefined;
  /** The category `category_score` is about; all categories when absent. */
  category?: string | undefined;
  /** Custom fields the conversations must carry, key → value. */
  custom?: Record<string, string> | undefined;
  /** Compute from the stored conversations even where rollups could answer (exact medians). */
  exact?: boolean | undefined;
}

/** One result row: the group's dimensions, then `<metric>` and `<metric>_n` for each metric. */
export type MetricsRow = Record<string, string | number | null>;

const TIME_DIMENSIONS: ReadonlySet<Dimension> = new Set(['day', 'week', 'month', 'quarter']);
const ROLLUP_DIMENSIONS: ReadonlySet<Dimension> = new Set([
  'team',
  'agent',
  'channel',
  'language',
  'source',
  'day',
  'week',
  'month',
  'quarter',
]);

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

/** Custom-field filters from query parameters named `custom.<key>`. */
export function customFilters(query: Record<string, unknown>): Record<string, string> | undefined {
  const entries = Object.entries(query)
    .filter(([key, value]) => key.startsWith('custom.') && key.length > 7 && typeof value === 'string')
    .map(([key, value]) => [key.slice(7), value as string]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

// One collator for every sort: `localeCompare` builds one per call and costs a row's worth each.
const collator = new Intl.Collator('en');
const compareKeys = (a: string | number | null, b: string | number | null) =>
  a === b
    ? 0
    : a === null
      ? 1
      : b === null
        ? -1
        : typeof a === 'number' && typeof b === 'number'
          ? a - b
          : collator.compare(String(a), String(b));

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

// Rows in the order of their dimensions: each dimension's distinct values ranked once, then rows
// sorted by ranks; comparing labels with a collator for every pair of rows costs more than
// everything else in a large answer.
function sortRows(query: MetricsQuery, rows: MetricsRow[]): MetricsRow[] {
  if (query.by.length === 0) {
    if (rows.length === 0) {
      const empty: MetricsRow = {};
      for (const metric of query.metrics) {
        empty[metric] = null;
        empty[`${metric}_n`] = 0;
      }
      rows.push(empty);
    }
    return rows;
  }
  const ranks = query.by.map((dimension) => {
    const distinct = [...new Set(rows.map((row) => row[dimension] ?? null))].sort(compareKeys);
    return new Map(distinct.map((value, rank) => [value, rank]));
  });
  const width = query.by.length;
  const rankOf = new Float64Array(rows.length * width);
  rows.forEach((row, r) => {
    query.by.forEach((dimension, i) => {
      rankOf[r * width + i] = ranks[i]?.get(row[dimension] ?? null) ?? 0;
    });
  });
  const order = rows.map((_, r) => r);
  order.sort((a, b) => {
    for (let i = 0; i < width; i += 1) {
      const difference = (rankOf[a * width + i] as number) - (rankOf[b * width + i] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return order.map((r) => rows[r] as MetricsRow);
}

/** Builds one result row: the group's dimensions, then each metric rounded and its count. */
type RowBuilder = (
  key: (dimension: Dimension) => string | number | null,
  value: (metric: string, index: number) => MetricValue,
) => MetricsRow;

// Rows are made by a function generated for the query's columns: an object literal with fixed
// keys gets one hidden class and in-object properties, where twenty-odd stores under computed
// keys each took V8's slow path — most of the time of a 26,544-row answer. The keys are
// dimension and metric ids checked against fixed lists, and are written as JSON strings.
function rowBuilder(query: MetricsQuery): RowBuilder {
  const keys = [...query.by, ...query.metrics.flatMap((metric) => [metric, `${metric}_n`])];
  const make = new Function(
    'v',
    `return {${keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ')}};`,
  ) as (values: unknown[]) => MetricsRow;
  // The literal copies the values, so one scratch array serves every row.
  const scratch: unknown[] = new Array(keys.length);
  return (key, value) => {
    let k = 0;
    for (const dimension of query.by) scratch[k++] = key(dimension);
    for (let m = 0; m < query.metrics.length; m += 1) {
      const result = value(query.metrics[m] as string, m);
      scratch[k++] = round(result.value);
      scratch[k++] = result.n;
    }
    return make(scratch);
  };
}

/** Answers metrics questions: from rollups where they can answer, else from the stored conversations. */
export class AnalyticsService {
  private readonly db: Kysely<DB>;
  private readonly rollups: RollupsService;

  constructor(private readonly database: Database) {
    this.db = database.kysely;
    this.rollups = new RollupsService(database);
  }

  /** The conversation facts of a query, for comparisons. */
  async factsOf(query: MetricsQuery): Promise<Fact[]> {
    return this.facts(query);
  }

  private async facts(query: MetricsQuery): Promise<Fact[]> {
    let conversations = this.db
      .selectFrom('conversations as c')
      .select(FACT_COLUMNS)
      .where('c.created_at', '>=', query.from)
      .where('c.created_at', '<', query.to);
    if (query.channel) conversations = conversations.where('c.channel', '=', query.channel);
    if (query.language) conversations = conversations.where('c.language', '=', query.language);
    if (query.source) conversations = conversations.where('c.source', '=', query.source);
    if (query.team) {
      const team = query.team;
      conversations = conversations.where('c.team_id', 'in', (eb) =>
        eb.selectFrom('teams').select('id').where('name', '=', team),
      );
    }
    if (query.agent) {
      const agent = query.agent;
      conversations = conversations.where('c.agent_id', 'in', (eb) =>
        eb.selectFrom('agents').select('id').where('external_id', '=', agent),
      );
    }
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
    for (const [key, value] of Object.entries(query.custom ?? {})) {
      conversations = conversations.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('conversation_fields as f')
            .select('f.conversation_id')
            .whereRef('f.conversation_id', '=', 'c.id')
            .where('f.key', '=', key)
            .where('f.value', '=', value),
        ),
      );
    }
    const rows = await conversations.orderBy('c.id').execute();
    return new FactsRepository(this.db).factsOf(rows, await loadFactSettings(this.database), {
      categories: query.metrics.includes('category_score'),
      scorecardId: query.scorecard,
      categoryKey: query.category,
    });
  }

  /** Whether rollups can answer the query (and so the answer comes without reading conversations). */
  async answeredByRollups(query: MetricsQuery): Promise<boolean> {
    return (await this.rollupDays(query)) !== undefined;
  }

  // The query's days when rollups can answer it: additive metrics, rollup dimensions and
  // filters, and a period from local midnight to local midnight.
  private async rollupDays(
    query: MetricsQuery,
  ): Promise<{ from: string; to: string; timeZone: string } | undefined> {
    if (query.exact || query.tag || query.scorecard !== undefined || query.category || query.custom)
      return undefined;
    if (!query.metrics.every((m) => m in METRICS_FROM_SUMS)) return undefined;
    if (!query.by.every((d) => ROLLUP_DIMENSIONS.has(d))) return undefined;
    const timeZone = await organisationTimeZone(this.db);
    const from = dayOf(query.from, timeZone);
    const to = dayOf(query.to, timeZone);
    if (dayStart(from, timeZone) !== query.from || dayStart(to, timeZone) !== query.to) return undefined;
    return { from, to, timeZone };
  }

  /** The metrics of every group, groups in order of their dimensions. */
  async query(query: MetricsQuery): Promise<MetricsRow[]> {
    const days = await this.rollupDays(query);
    if (days) return this.rollupQuery(query, days.from, days.to);
    return this.exactQuery(query);
  }

  private async exactQuery(query: MetricsQuery): Promise<MetricsRow[]> {
    const timeZone = await organisationTimeZone(this.db);
    const facts = await this.facts(query);
    const names = await this.rollups.names();
    const dimensionOf: Record<Dimension, (fact: Fact) => string | number | null> = {
      team: (f) => (f.team_id === null ? null : (names.teams.get(f.team_id) ?? null)),
      agent: (f) => (f.agent_id === null ? null : (names.agents.get(f.agent_id) ?? null)),
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
    const metricsRow = rowBuilder(query);
    return sortRows(
      query,
      [...groups.values()].map((group) =>
        metricsRow(
          (dimension) => group.key[query.by.indexOf(dimension)] ?? null,
          (metric) => (METRICS[metric] as (rows: readonly MetricFacts[]) => MetricValue)(group.facts),
        ),
      ),
    );
  }

  private async rollupQuery(query: MetricsQuery, fromDay: string, toDay: string): Promise<MetricsRow[]> {
    const names = await this.rollups.names();
    const filters: CellFilters = {
      channel: query.channel || undefined,
      language: query.language || undefined,
      source: query.source || undefined,
    };
    if (query.team)
      filters.team_ids = [...names.teams].filter(([, name]) => name === query.team).map(([id]) => id);
    if (query.agent)
      filters.agent_ids = [...names.agents].filter(([, id]) => id === query.agent).map(([id]) => id);
    const timeBuckets = query.by.filter((d) => TIME_DIMENSIONS.has(d));
    const bucket = timeBuckets.includes('day')
      ? 'day'
      : timeBuckets.includes('week')
        ? 'week'
        : timeBuckets.length > 0
          ? 'month'
          : 'none';
    // Day and week buckets together would need days only; grouping by week and month as well.
    const segments = coverDays(
      fromDay,
      toDay,
      timeBuckets.includes('week') && timeBuckets.some((d) => d === 'month' || d === 'quarter')
        ? 'day'
        : bucket,
    );
    // Time labels are the same for every cell of a block: worked out once per block.
    const times = new WeakMap<BlockRef, Record<'day' | 'week' | 'month' | 'quarter', string>>();
    const timeOf = (block: BlockRef) => {
      let labels = times.get(block);
      if (!labels) {
        // Week cells are only read by month where they lie inside one month.
        const day =
          block.grain === 'day'
            ? block.period
            : block.grain === 'week'
              ? weekStartDay(block.period)
              : `${block.period}-01`;
        labels = {
          day: block.period,
          week: block.grain === 'week' ? block.period : weekOfDay(day),
          month: monthOfDay(day),
          quarter: quarterOfLabel(day),
        };
        times.set(block, labels);
      }
      return labels;
    };
    const dimensionValue: Record<Dimension, (block: BlockRef, cell: CellRef) => string | number | null> = {
      team: (_, c) => (c.team_id === 0 ? null : (names.teams.get(c.team_id) ?? null)),
      agent: (_, c) => (c.agent_id === 0 ? null : (names.agents.get(c.agent_id) ?? null)),
      channel: (_, c) => c.channel,
      language: (_, c) => (c.language === '' ? null : c.language),
      source: (_, c) => c.source,
      day: (b) => timeOf(b).day,
      week: (b) => timeOf(b).week,
      month: (b) => timeOf(b).month,
      quarter: (b) => timeOf(b).quarter,
      hour: () => null,
      weekday: () => null,
    };
    // Group ids from ids and labels, cheaper than the display values.
    const idPart: Record<Dimension, (block: BlockRef, cell: CellRef) => string | number> = {
      ...(dimensionValue as Record<Dimension, (block: BlockRef, cell: CellRef) => string | number>),
      team: (_, c) => c.team_id,
      agent: (_, c) => c.agent_id,
      channel: (_, c) => c.channel,
      language: (_, c) => c.language,
      source: (_, c) => c.source,
    };
    const parts = query.by.map((d) => idPart[d]);
    // Each dimension's values numbered as met: up to two dimensions make one number key, which
    // a Map finds faster than a string built for every cell.
    const numbered = parts.map(() => new Map<string | number, number>());
    const numberOf = (k: number, value: string | number) => {
      const known = numbered[k] as Map<string | number, number>;
      let n = known.get(value);
      if (n === undefined) {
        n = known.size;
        known.set(value, n);
      }
      return n;
    };
    const [first, second] = parts;
    const groupOf: (b: BlockRef, c: CellRef) => string | number =
      parts.length === 0
        ? () => 0
        : parts.length === 1 && first
          ? (b, c) => numberOf(0, first(b, c))
          : parts.length === 2 && first && second
            ? (b, c) => numberOf(0, first(b, c)) * 2 ** 26 + numberOf(1, second(b, c))
            : (b, c) => {
                let id = '';
                for (const part of parts) id += `${part(b, c)}\u0001`;
                return id;
              };
    const coarse = !query.by.some((d) => d === 'channel' || d === 'language' || d === 'source');
    const level = coarse && !filters.channel && !filters.language && !filters.source ? 'agent' : 'full';
    const evaluate = query.metrics.map(
      (metric) => METRICS_FROM_SUMS[metric] as (sums: RollupSums) => MetricValue,
    );
    const metricsRow = rowBuilder(query);
    const rows = await this.rollups.accumulate(
      segments,
      filters,
      query.metrics,
      level,
      groupOf,
      (block, cell, sums) =>
        metricsRow(
          (dimension) => dimensionValue[dimension](block, cell),
          (_, index) => (evaluate[index] as (sums: RollupSums) => MetricValue)(sums),
        ),
    );
    return sortRows(query, rows);
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
