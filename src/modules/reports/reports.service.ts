/**
 * KPI reports: the figures of a period against its goals and the previous period, the trend
 * within it, the best and weakest teams and agents, complaint topics, the most failed AutoQA
 * checks and a written summary. Every KPI figure comes from the metrics service, so a report
 * says what `GET /metrics` and `kvalita kpi` say for the same period.
 */
import path from 'node:path';
import type { Database } from '../../db/database.js';
import { AnalyticsService, type MetricsRow } from '../analytics/analytics.service.js';
import { invalidInput } from '../common/service-errors.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { TopicsService } from '../complaints/topics.service.js';
import { organisationTimeZone } from '../settings/time-zone.js';
import type { GroupLine, KpiLine, Leader, ReportData } from './report-data.js';
import { REPORT_METRICS, TREND_METRICS } from './report-metrics.js';
import { parseReportPeriod, previousPeriod, trendBucket } from './report-period.js';
import { ReportsRepository } from './reports.repository.js';
import { writeSummary } from './reports.summary.js';

/** The file formats a report is rendered in. */
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;
/** A report file format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Media types of the formats. */
export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A group needs this many reviews (IQS) or answers (CSAT) to be ranked, unless a report says otherwise. */
export const MIN_GROUP_COUNT = 5;
/** How many complaint topics and failed checks a report lists. */
export const TOP_ITEMS = 10;

/** What a report is about. */
export interface ReportRequest {
  /** `2026-03-15`, `2026-W10`, `2026-03` or `2026-Q1`, in the organisation's time zone. */
  period: string;
  team?: string | undefined;
  channel?: string | undefined;
  /** Minimum reviews or answers for a team or agent to be ranked. */
  minimumCount?: number | undefined;
  /** When the report is made (for "generated at" and complaint deadlines not yet due). */
  now?: number | undefined;
}

/** The format a file name asks for by its extension; anything else is refused naming `field`. */
export function formatOfFile(fileName: string, field = 'out'): ReportFormat {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  if ((REPORT_FORMATS as readonly string[]).includes(extension)) return extension as ReportFormat;
  throw invalidInput([
    {
      field,
      reason: `"${fileName}" must end in ${REPORT_FORMATS.map((f) => `.${f}`).join(', ')}`,
    },
  ]);
}

/** The file name of a report: `kvalita-2026-W47.pdf`, with the team and channel when filtered. */
export function reportFileName(report: Pick<ReportData, 'period' | 'filters'>, format: ReportFormat): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  const parts = ['kvalita', report.period.label];
  if (report.filters.team) parts.push(slug(report.filters.team));
  if (report.filters.channel) parts.push(slug(report.filters.channel));
  return `${parts.filter(Boolean).join('-')}.${format}`;
}

/** The name of an AutoQA check as a person reads it: `first_response_sla` → "First response SLA". */
export function checkLabel(check: string): string {
  const words = check.split('_').map((word) => (word === 'sla' ? 'SLA' : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const round = (value: number) => Math.round(value * 1000) / 1000;

function kpiLines(current: MetricsRow | undefined, previous: MetricsRow | undefined): KpiLine[] {
  return REPORT_METRICS.map((metric) => {
    const value = numberOrNull(current?.[metric.id]);
    const before = numberOrNull(previous?.[metric.id]);
    const met = current?.[`${metric.id}_goal_met`];
    return {
      metric: metric.id,
      label: metric.label,
      value,
      n: Number(current?.[`${metric.id}_n`] ?? 0),
      previous: before,
      previous_n: Number(previous?.[`${metric.id}_n`] ?? 0),
      change: value !== null && before !== null ? round(value - before) : null,
      goal: numberOrNull(current?.[`${metric.id}_goal`]),
      // Goals may come as booleans or as 0/1.
      goal_met: typeof met === 'boolean' ? met : typeof met === 'number' ? met !== 0 : null,
    };
  });
}

function groupLines(
  rows: MetricsRow[],
  dimension: 'team' | 'agent',
  names: Map<string, string>,
): GroupLine[] {
  return rows
    .filter((row) => row[dimension] !== null && row[dimension] !== undefined)
    .map((row) => {
      const key = String(row[dimension]);
      const name = names.get(key);
      return {
        key,
        name: dimension === 'agent' && name && name !== key ? `${name} (${key})` : key,
        iqs: numberOrNull(row.iqs),
        iqs_n: Number(row.iqs_n ?? 0),
        csat: numberOrNull(row.csat),
        csat_n: Number(row.csat_n ?? 0),
      };
    })
    .sort(
      (a, b) =>
        (b.iqs ?? Number.NEGATIVE_INFINITY) - (a.iqs ?? Number.NEGATIVE_INFINITY) ||
        (b.csat ?? Number.NEGATIVE_INFINITY) - (a.csat ?? Number.NEGATIVE_INFINITY) ||
        a.name.localeCompare(b.name),
    );
}

/**
 * The best and the worst group by a metric among those with at least `minimum` counts, so that
 * one perfect review does not win. Ties go to the larger count, then the name.
 */
export function leaderOf(
  lines: readonly GroupLine[],
  dimension: 'team' | 'agent',
  metric: 'iqs' | 'csat',
  minimum: number,
): Leader {
  const ranked = lines
    .filter((line) => line[metric] !== null && line[`${metric}_n`] >= minimum)
    .sort(
      (a, b) =>
        (b[metric] as number) - (a[metric] as number) ||
        b[`${metric}_n`] - a[`${metric}_n`] ||
        a.name.localeCompare(b.name),
    );
  return {
    dimension,
    metric,
    best: ranked[0] ?? null,
    worst: ranked.length > 1 ? (ranked[ranked.length - 1] ?? null) : null,
    ranked: ranked.length,
  };
}

/** Builds reports. */
export class ReportsService {
  private readonly analytics: AnalyticsService;
  private readonly repository: ReportsRepository;

  constructor(private readonly database: Database) {
    this.analytics = new AnalyticsService(database);
    this.repository = new ReportsRepository(database.kysely);
  }

  /** The content of the report of a period; a bad period is refused naming `period`. */
  async build(request: ReportRequest): Promise<ReportData> {
    const timeZone = await organisationTimeZone(this.database.kysely);
    const minimum = request.minimumCount ?? MIN_GROUP_COUNT;
    if (!Number.isInteger(minimum) || minimum < 1)
      throw invalidInput([{ field: 'minimum_count', reason: `must be a whole number ≥ 1, got ${minimum}` }]);
    const period = parseReportPeriod(request.period, timeZone);
    const before = previousPeriod(period, timeZone);
    const filters = { team: request.team || undefined, channel: request.channel || undefined };
    const metrics = REPORT_METRICS.map((m) => m.id);
    const bucket = trendBucket(period.kind);
    const scope = { from: period.from, to: period.to, ...filters };

    const [current, previous, trend, teams, agents, checks] = await Promise.all([
      this.analytics.query({ metrics, by: [], ...scope }),
      this.analytics.query({ metrics, by: [], from: before.from, to: before.to, ...filters }),
      bucket ? this.analytics.query({ metrics: TREND_METRICS, by: [bucket], ...scope }) : Promise.resolve([]),
      this.analytics.query({ metrics: ['iqs', 'csat'], by: ['team'], ...scope }),
      this.analytics.query({ metrics: ['iqs', 'csat'], by: ['agent'], ...scope }),
      this.repository.checkFailures(scope, TOP_ITEMS),
    ]);
    // Complaint topics and figures are the organisation's: the register is not kept per team.
    const [topics, complaints] = await Promise.all([
      new TopicsService(this.database).overview({ from: period.from, to: period.to, weeks: 9 }),
      new ComplaintsService(this.database).figures({ from: period.from, to: period.to }),
    ]);
    const agentNames = await this.repository.agentNames(
      agents.flatMap((row) => (row.agent === null || row.agent === undefined ? [] : [String(row.agent)])),
    );
    const teamLines = groupLines(teams, 'team', new Map());
    const agentLines = groupLines(agents, 'agent', agentNames);
    const iso = (ms: number) => new Date(ms).toISOString();
    const kpis = kpiLines(current[0], previous[0]);
    // Every conversation counts towards the resolution rate, so its count is the volume.
    const volume = (row: MetricsRow | undefined) =>
      Number(row?.resolution_rate_n ?? row?.complaint_rate_n ?? row?.coverage_n ?? 0);
    const content: Omit<ReportData, 'summary'> = {
      title: 'Kvalita KPI report',
      period: { label: period.label, kind: period.kind, from: iso(period.from), to: iso(period.to) },
      previous: { label: before.label, from: iso(before.from), to: iso(before.to) },
      timeZone,
      filters: { team: filters.team ?? null, channel: filters.channel ?? null },
      generated_at: iso(request.now ?? Date.now()),
      conversations: { current: volume(current[0]), previous: volume(previous[0]) },
      kpis,
      trend: { bucket, metrics: TREND_METRICS, rows: trend },
      minimum_count: minimum,
      teams: teamLines,
      agents: agentLines,
      leaders: [
        leaderOf(teamLines, 'team', 'iqs', minimum),
        leaderOf(teamLines, 'team', 'csat', minimum),
        leaderOf(agentLines, 'agent', 'iqs', minimum),
        leaderOf(agentLines, 'agent', 'csat', minimum),
      ],
      topics: topics.topics.slice(0, TOP_ITEMS).map((topic) => ({
        topic: topic.topic,
        label: topic.label,
        count: topic.count,
        share: topic.share === null ? null : round(topic.share),
      })),
      complaints: {
        received: complaints.complaints,
        acknowledged_within_target: complaints.acknowledged_within_target,
        resolved_within_target: complaints.resolved_within_target,
        time_to_resolve_median: complaints.time_to_resolve_median,
      },
      checks: checks.map((check) => ({
        ...check,
        label: checkLabel(check.check),
        fail_rate: check.decided > 0 ? round((check.failed / check.decided) * 100) : null,
      })),
    };
    return { ...content, summary: writeSummary(content) };
  }
}
