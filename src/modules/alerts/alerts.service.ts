/**
 * Trends and trend alerts. A trend is a metric per day, week or month with its change from the
 * bucket before, the band of the 8 before it and its goal. The alert check looks at the latest
 * complete bucket of each watched metric, for the organisation and for each team, raises each
 * alert (outside the band, or missing the goal) once, and POSTs each new alert to the webhook
 * once: retried with backoff while it fails, never again once delivered.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { bucketDays, type Goal, type GoalContext, metricDirection, pickGoal } from '../../domain/goals.js';
import { METRIC_IDS } from '../../domain/metrics.js';
import {
  alertsOf,
  BAND_WINDOW,
  type BucketValue,
  bucketRange,
  bucketsEndingAt,
  latestCompleteBucket,
  TREND_BUCKETS,
  type TrendBucket,
  trendPoints,
} from '../../domain/trends.js';
import { AnalyticsService, type MetricsQuery, type MetricsRow } from '../analytics/analytics.service.js';
import { invalidInput } from '../common/service-errors.js';
import { GoalsService } from '../goals/goals.service.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import { AlertsRepository } from './alerts.repository.js';
import { loadAlertSettings } from './alerts.settings.js';

/** Filters of a trend, as those of the metrics. */
export type TrendFilters = Pick<MetricsQuery, 'channel' | 'team' | 'agent' | 'language' | 'tag' | 'source'>;

/** A trend question. */
export interface TrendQuery extends TrendFilters {
  /** Metric id. */
  metric: string;
  /** Bucket size. */
  bucket: string;
  /** How many buckets to show, the last being the current (incomplete) one. */
  buckets: number;
  /** The instant the trend ends at (default: now). */
  at?: number | undefined;
}

/** An alert as the API and the CLI show it. */
export interface AlertView {
  /** The alert. */
  id: number;
  /** Metric id. */
  metric: string;
  /** organisation or team. */
  scope: string;
  /** The team; null for the organisation. */
  scope_value: string | null;
  /** day, week or month. */
  grain: string;
  /** The bucket's label. */
  bucket: string;
  /** band or goal. */
  kind: string;
  /** above or below the band or goal. */
  direction: string;
  /** Whether the move is for the worse, by the metric's direction; null when it has none. */
  worse: boolean | null;
  /** The metric in the bucket. */
  value: number;
  /** What the value was computed from. */
  n: number;
  /** The band of the previous buckets, for band alerts. */
  band: { mean: number; low: number; high: number } | null;
  /** The goal, for goal alerts (and band alerts where one is set). */
  goal: number | null;
  /** When it was raised, ISO 8601. */
  created_at: string;
  /** When the webhook took it, ISO 8601; null while not delivered. */
  delivered_at: string | null;
  /** Delivery attempts so far. */
  attempts: number;
  /** Why the last attempt failed. */
  last_error: string | null;
}

/** What one alert check did. */
export interface AlertCheckResult {
  /** The bucket checked: the latest complete one. */
  bucket: string;
  /** Alerts raised now (those raised before are not raised again). */
  raised: AlertView[];
  /** Alerts the webhook took in this run. */
  delivered: number;
  /** Alerts whose delivery failed in this run and will be retried later. */
  failed: number;
}

/** Timing of webhook delivery. */
export interface DeliveryOptions {
  /** Attempts in one run before leaving an alert for a later run. */
  triesPerRun: number;
  /** Pause before the second try in a run; doubles for each further try. */
  retryBaseMs: number;
  /** Wait before the next run may try a failed alert again; doubles with each failed run, up to 6 h. */
  laterBaseMs: number;
  /** Attempts after which an alert is given up. */
  maxAttempts: number;
}

/** Delivery timing in production. */
export const DEFAULT_DELIVERY: DeliveryOptions = {
  triesPerRun: 3,
  retryBaseMs: 2_000,
  laterBaseMs: 60_000,
  maxAttempts: 30,
};

type AlertRecord = NonNullable<Awaited<ReturnType<AlertsRepository['find']>>>;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function toAlert(row: AlertRecord): AlertView {
  const direction = metricDirection(row.metric);
  return {
    id: Number(row.id),
    metric: row.metric,
    scope: row.scope,
    scope_value: row.scope === 'organisation' ? null : row.scope_value,
    grain: row.grain,
    bucket: row.bucket,
    kind: row.kind,
    direction: row.direction,
    worse: direction === undefined ? null : (direction === 'higher') === (row.direction === 'below'),
    value: Number(row.value),
    n: Number(row.n),
    band:
      row.band_mean === null || row.band_low === null || row.band_high === null
        ? null
        : { mean: Number(row.band_mean), low: Number(row.band_low), high: Number(row.band_high) },
    goal: row.goal === null ? null : Number(row.goal),
    created_at: iso(Number(row.created_at)) as string,
    delivered_at: iso(row.delivered_at),
    attempts: Number(row.attempts),
    last_error: row.last_error,
  };
}

/** One line a person reads in a chat channel. */
export function alertText(alert: AlertView): string {
  const who = alert.scope === 'organisation' ? 'the organisation' : `team ${alert.scope_value}`;
  const against =
    alert.kind === 'band' && alert.band
      ? `outside the usual band ${alert.band.low}–${alert.band.high} (mean ${alert.band.mean})`
      : `${alert.direction === 'below' ? 'below' : 'above'} the goal ${alert.goal}`;
  return `${alert.metric} of ${who} in ${alert.bucket} was ${alert.value} (n = ${alert.n}), ${against}`;
}

async function postJson(url: string, payload: unknown, alertId: number): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kvalita-alert-id': String(alertId) },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000),
  });
  // Drain the body so the connection can be reused.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`);
}

/** Trends, the alert check and alert delivery. */
export class AlertsService {
  private readonly db: Kysely<DB>;
  private readonly repository: AlertsRepository;
  private readonly analytics: AnalyticsService;
  private readonly goals: GoalsService;
  private readonly delivery: DeliveryOptions;

  constructor(database: Database, delivery: Partial<DeliveryOptions> = {}) {
    this.db = database.kysely;
    this.repository = new AlertsRepository(this.db);
    this.analytics = new AnalyticsService(database);
    this.goals = new GoalsService(database);
    this.delivery = { ...DEFAULT_DELIVERY, ...delivery };
  }

  // A metric's value per bucket, with the goal of the bucket for the scope, every bucket present.
  private series(
    rows: readonly MetricsRow[],
    bucket: TrendBucket,
    labels: readonly string[],
    metric: string,
    goals: readonly Goal[],
    context: GoalContext,
  ): BucketValue[] {
    const byLabel = new Map(rows.map((row) => [String(row[bucket]), row]));
    return labels.map((label) => {
      const row = byLabel.get(label);
      const value = row?.[metric];
      const span = bucketDays(bucket, label);
      return {
        bucket: label,
        value: typeof value === 'number' ? value : null,
        n: Number(row?.[`${metric}_n`] ?? 0),
        goal: span ? (pickGoal(goals, metric, context, span)?.target ?? null) : null,
      };
    });
  }

  /** A metric per bucket: value, n, change from the bucket before, band of the 8 before, goal. */
  async trend(query: TrendQuery) {
    const problems: Array<{ field: string; reason: string }> = [];
    if (!METRIC_IDS.includes(query.metric))
      problems.push({ field: 'metric', reason: `unknown metric "${query.metric}"` });
    if (!(TREND_BUCKETS as readonly string[]).includes(query.bucket))
      problems.push({ field: 'bucket', reason: `one of ${TREND_BUCKETS.join(', ')}` });
    if (!Number.isInteger(query.buckets) || query.buckets < 1 || query.buckets > 366)
      problems.push({ field: 'buckets', reason: 'a whole number from 1 to 366' });
    if (problems.length > 0) throw invalidInput(problems);
    const bucket = query.bucket as TrendBucket;
    const at = query.at ?? Date.now();
    const timeZone = await organisationTimeZone(this.db);
    // Buckets before the first shown one give it its band.
    const labels = bucketsEndingAt(bucket, at, query.buckets + BAND_WINDOW, timeZone);
    const from = bucketRange(bucket, labels[0] as string, timeZone).from;
    const to = bucketRange(bucket, labels[labels.length - 1] as string, timeZone).to;
    const { metric, bucket: _bucket, buckets: _count, at: _at, ...filters } = query;
    const [rows, goals] = await Promise.all([
      this.analytics.query({ metrics: [metric], by: [bucket], from, to, ...filters }),
      this.goals.goalsOf([metric]),
    ]);
    const series = this.series(rows, bucket, labels, metric, goals, filters);
    const points = trendPoints(metric, series).slice(BAND_WINDOW);
    return {
      metric,
      bucket,
      direction: metricDirection(metric) ?? null,
      time_zone: timeZone,
      points: points.map((point) => ({
        ...point,
        // Ended by the instant the trend is for.
        complete: bucketRange(bucket, point.bucket, timeZone).to <= at,
      })),
    };
  }

  /**
   * Checks the latest complete bucket of every watched metric for the organisation and each team
   * with data, raises the alerts not raised before, then delivers what is due.
   */
  async check(bucketName: string = 'week', now = Date.now()): Promise<AlertCheckResult> {
    if (!(TREND_BUCKETS as readonly string[]).includes(bucketName))
      throw invalidInput([{ field: 'bucket', reason: `one of ${TREND_BUCKETS.join(', ')}` }]);
    const bucket = bucketName as TrendBucket;
    const [settings, timeZone] = await Promise.all([
      loadAlertSettings(this.db),
      organisationTimeZone(this.db),
    ]);
    const latest = latestCompleteBucket(bucket, now, timeZone);
    const raised: AlertView[] = [];
    if (settings.metrics.length > 0) {
      const end = bucketRange(bucket, latest, timeZone);
      const labels = bucketsEndingAt(bucket, end.from, BAND_WINDOW + 1, timeZone);
      const period = { from: bucketRange(bucket, labels[0] as string, timeZone).from, to: end.to };
      const [organisation, teams, goals] = await Promise.all([
        this.analytics.query({ metrics: settings.metrics, by: [bucket], ...period }),
        this.analytics.query({ metrics: settings.metrics, by: ['team', bucket], ...period }),
        this.goals.goalsOf(settings.metrics),
      ]);
      const scopes: Array<{ scope: string; value: string; rows: MetricsRow[] }> = [
        { scope: 'organisation', value: '', rows: organisation },
      ];
      const byTeam = new Map<string, MetricsRow[]>();
      for (const row of teams) {
        if (typeof row.team !== 'string') continue;
        byTeam.set(row.team, [...(byTeam.get(row.team) ?? []), row]);
      }
      for (const [team, rows] of byTeam) scopes.push({ scope: 'team', value: team, rows });
      for (const scope of scopes) {
        const context: GoalContext = scope.scope === 'team' ? { team: scope.value } : {};
        for (const metric of settings.metrics) {
          const points = trendPoints(metric, this.series(scope.rows, bucket, labels, metric, goals, context));
          const last = points[points.length - 1];
          if (!last || last.value === null) continue;
          for (const alert of alertsOf(last)) {
            const id = await this.repository.insertOnce({
              metric,
              scope: scope.scope,
              scope_value: scope.value,
              grain: bucket,
              bucket: latest,
              kind: alert.kind,
              direction: alert.direction,
              value: last.value,
              n: last.n,
              band_mean: last.band?.mean ?? null,
              band_low: last.band?.low ?? null,
              band_high: last.band?.high ?? null,
              goal: last.goal,
              created_at: now,
              attempts: 0,
              next_attempt_at: null,
              delivered_at: null,
              last_error: null,
            });
            if (id !== undefined) raised.push(toAlert((await this.repository.find(id)) as AlertRecord));
          }
        }
      }
    }
    const delivery = await this.deliver(now);
    return { bucket: latest, raised, ...delivery };
  }

  /** Alerts, newest first. */
  async list(
    filters: { metric?: string | undefined; limit?: number; offset?: number } = {},
  ): Promise<AlertView[]> {
    const rows = await this.repository.list({
      metric: filters.metric,
      limit: filters.limit ?? 100,
      offset: filters.offset ?? 0,
    });
    return rows.map(toAlert);
  }

  /**
   * POSTs every undelivered alert that is due to the webhook, one at a time: up to
   * `triesPerRun` tries with a doubling pause, then left for a later run after a doubling wait.
   * An alert is taken (leased) before it is sent, so two processes never send it together.
   */
  async deliver(now = Date.now()): Promise<{ delivered: number; failed: number }> {
    const { webhookUrl } = await loadAlertSettings(this.db);
    let delivered = 0;
    let failed = 0;
    if (!webhookUrl) return { delivered, failed };
    const options = this.delivery;
    const lease = options.triesPerRun * (10_000 + options.retryBaseMs * 2 ** options.triesPerRun);
    for (const id of await this.repository.due(now, options.maxAttempts, 100)) {
      if (!(await this.repository.claim(id, now, now + lease))) continue;
      const row = await this.repository.find(id);
      if (!row) continue;
      const alert = toAlert(row);
      let attempts = alert.attempts;
      let error: string | null = null;
      for (let attempt = 0; attempt < options.triesPerRun && attempts < options.maxAttempts; attempt += 1) {
        if (attempt > 0) await sleep(options.retryBaseMs * 2 ** (attempt - 1));
        attempts += 1;
        try {
          await postJson(webhookUrl, { alert: { ...alert, attempts }, text: alertText(alert) }, id);
          error = null;
          break;
        } catch (caught) {
          error = caught instanceof Error ? caught.message : String(caught);
        }
      }
      if (error === null) {
        delivered += 1;
        await this.repository.recordAttempt(id, {
          attempts,
          deliveredAt: Date.now(),
          error: null,
          nextAttemptAt: null,
        });
      } else {
        failed += 1;
        const runs = Math.ceil(attempts / options.triesPerRun);
        const wait = Math.min(6 * 3_600_000, options.laterBaseMs * 2 ** Math.max(0, runs - 1));
        await this.repository.recordAttempt(id, {
          attempts,
          deliveredAt: null,
          error: error.slice(0, 1000),
          nextAttemptAt: now + wait,
        });
      }
    }
    return { delivered, failed };
  }
}

/**
 * Keeps alerts current in the background: checks the weekly buckets when a week completes (and
 * hourly, for late data and changed goals) and delivers due alerts every `intervalMs`, one run
 * at a time. Returns a function that stops it.
 */
export function startAlertUpkeep(
  database: Database,
  report: (message: string) => void,
  intervalMs = 5 * 60_000,
): () => Promise<void> {
  const service = new AlertsService(database);
  let running: Promise<void> | null = null;
  let lastCheck = 0;
  let lastBucket = '';
  const tick = () => {
    if (running) return;
    running = (async () => {
      const now = Date.now();
      const timeZone = await organisationTimeZone(database.kysely);
      const bucket = latestCompleteBucket('week', now, timeZone);
      if (bucket !== lastBucket || now - lastCheck >= 3_600_000) {
        const result = await service.check('week', now);
        lastBucket = bucket;
        lastCheck = now;
        if (result.raised.length > 0) report(`Alerts: ${result.raised.length} raised for ${bucket}`);
        if (result.failed > 0) report(`Alerts: ${result.failed} not delivered to the webhook yet`);
      } else {
        const delivery = await service.deliver(now);
        if (delivery.failed > 0) report(`Alerts: ${delivery.failed} not delivered to the webhook yet`);
      }
    })()
      .catch((error: unknown) =>
        report(`Alerts: upkeep failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
