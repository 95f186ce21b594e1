/**
 * A report as an Excel workbook (exceljs): one sheet per table, numbers as numeric cells (times
 * in seconds, percentages 0–100), so the figures can be charted and computed with as they are.
 */
import ExcelJS from 'exceljs';
import type { GroupLine, ReportData } from './report-data.js';
import { reportMetric } from './report-metrics.js';

/** The sheet names, in order. */
export const XLSX_SHEETS = [
  'Summary',
  'KPIs',
  'Trend',
  'Teams',
  'Agents',
  'Complaint topics',
  'AutoQA checks',
] as const;

type Value = string | number | boolean | null;

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: string[],
  rows: Value[][],
  widths?: number[],
) {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow(headers).font = { bold: true };
  for (const row of rows) worksheet.addRow(row.map((value) => (value === null ? undefined : value)));
  headers.forEach((header, i) => {
    worksheet.getColumn(i + 1).width = widths?.[i] ?? Math.max(10, Math.min(40, header.length + 2));
  });
  return worksheet;
}

const groupRows = (groups: readonly GroupLine[]): Value[][] =>
  groups.map((g) => [g.key, g.name, g.iqs, g.iqs_n, g.csat, g.csat_n]);

/** The report as XLSX bytes. */
export async function renderXlsx(report: ReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kvalita';
  workbook.created = new Date(report.generated_at);
  const scope = [
    report.filters.team && `team ${report.filters.team}`,
    report.filters.channel && `channel ${report.filters.channel}`,
  ]
    .filter(Boolean)
    .join(', ');
  sheet(
    workbook,
    'Summary',
    ['Report', `${report.title} ${report.period.label}${scope ? ` (${scope})` : ''}`],
    [
      ['Period', report.period.label],
      ['From', report.period.from],
      ['To (exclusive)', report.period.to],
      ['Time zone', report.timeZone],
      ['Compared with', report.previous.label],
      ['Conversations', report.conversations.current],
      ['Conversations before', report.conversations.previous],
      ['Generated', report.generated_at],
      ...report.summary.map((sentence, i): Value[] => [i === 0 ? 'Summary' : '', sentence]),
    ],
    [22, 120],
  );
  sheet(
    workbook,
    'KPIs',
    ['metric', 'KPI', 'value', 'n', 'previous', 'previous_n', 'change', 'goal', 'goal_met', 'unit'],
    report.kpis.map((k) => [
      k.metric,
      k.label,
      k.value,
      k.n,
      k.previous,
      k.previous_n,
      k.change,
      k.goal,
      k.goal_met,
      reportMetric(k.metric).unit === 'time' ? 'seconds' : reportMetric(k.metric).unit,
    ]),
    [18, 34, 12, 10, 12, 12, 12, 12, 10, 14],
  );
  const bucket = report.trend.bucket ?? 'bucket';
  sheet(
    workbook,
    'Trend',
    [bucket, ...report.trend.metrics.flatMap((m) => [m, `${m}_n`])],
    report.trend.rows.map((row) => [
      (row[bucket] as Value) ?? null,
      ...report.trend.metrics.flatMap((m) => [(row[m] as Value) ?? null, (row[`${m}_n`] as Value) ?? null]),
    ]),
  );
  sheet(
    workbook,
    'Teams',
    ['team', 'name', 'iqs', 'iqs_n', 'csat', 'csat_n'],
    groupRows(report.teams),
    [24, 30, 10, 10, 10, 10],
  );
  sheet(
    workbook,
    'Agents',
    ['agent', 'name', 'iqs', 'iqs_n', 'csat', 'csat_n'],
    groupRows(report.agents),
    [24, 30, 10, 10, 10, 10],
  );
  sheet(
    workbook,
    'Complaint topics',
    ['topic', 'label', 'complaints', 'share'],
    report.topics.map((t) => [t.topic, t.label, t.count, t.share]),
    [24, 40, 12, 10],
  );
  sheet(
    workbook,
    'AutoQA checks',
    ['check', 'label', 'failed', 'applied', 'fail_rate'],
    report.checks.map((c) => [c.check, c.label, c.failed, c.decided, c.fail_rate]),
    [22, 28, 10, 10, 10],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
