/**
 * A report as CSV: the KPI table with raw values (seconds, 0–100), then the team and agent
 * tables, each after a blank line and its own header line.
 */
import type { ReportData } from './report-data.js';

type Cell = string | number | boolean | null | undefined;

const cell = (value: Cell) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet; a quote makes it text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const line = (cells: Cell[]) => cells.map(cell).join(',');

/** The KPI table's columns. */
export const KPI_CSV_COLUMNS = [
  'metric',
  'label',
  'value',
  'n',
  'previous',
  'previous_n',
  'change',
  'goal',
  'goal_met',
] as const;

/** The report as CSV text. */
export function renderCsv(report: ReportData): string {
  const lines: string[] = [line([...KPI_CSV_COLUMNS])];
  for (const kpi of report.kpis) {
    lines.push(
      line([
        kpi.metric,
        kpi.label,
        kpi.value,
        kpi.n,
        kpi.previous,
        kpi.previous_n,
        kpi.change,
        kpi.goal,
        kpi.goal_met === null ? null : kpi.goal_met ? 1 : 0,
      ]),
    );
  }
  for (const [dimension, groups] of [
    ['team', report.teams],
    ['agent', report.agents],
  ] as const) {
    lines.push('', line([dimension, 'name', 'iqs', 'iqs_n', 'csat', 'csat_n']));
    for (const group of groups) {
      lines.push(line([group.key, group.name, group.iqs, group.iqs_n, group.csat, group.csat_n]));
    }
  }
  return `${lines.join('\n')}\n`;
}
