/**
 * The metrics a report shows, with their names, units and which way is better, and how their
 * values read for a person: percentages with one decimal, times as "4 min 12 s". Pure.
 */
import { METRIC_IDS } from '../../domain/metrics.js';

/** How a metric's value reads. */
export type MetricUnit = 'percent' | 'nps' | 'score' | 'time' | 'per_thousand';

/** What a report knows of a metric. */
export interface ReportMetric {
  id: string;
  label: string;
  /** A column heading. */
  short: string;
  unit: MetricUnit;
  /** Whether more is better; false for times, repeat contacts and complaints. */
  higherIsBetter: boolean;
}

// In the order of the KPI table: customers' view, speed, outcome, quality.
const CANDIDATES: ReportMetric[] = [
  { id: 'csat', label: 'CSAT', short: 'CSAT', unit: 'percent', higherIsBetter: true },
  { id: 'nps', label: 'NPS', short: 'NPS', unit: 'nps', higherIsBetter: true },
  { id: 'ces', label: 'Customer effort (CES)', short: 'CES', unit: 'score', higherIsBetter: true },
  {
    id: 'response_rate',
    label: 'Survey response rate',
    short: 'Response rate',
    unit: 'percent',
    higherIsBetter: true,
  },
  {
    id: 'frt_median',
    label: 'First response time (median)',
    short: 'FRT median',
    unit: 'time',
    higherIsBetter: false,
  },
  {
    id: 'art_median',
    label: 'Resolution time (median)',
    short: 'Resolution time',
    unit: 'time',
    higherIsBetter: false,
  },
  { id: 'aht', label: 'Handling time (mean)', short: 'AHT', unit: 'time', higherIsBetter: false },
  { id: 'sla', label: 'SLA compliance', short: 'SLA', unit: 'percent', higherIsBetter: true },
  {
    id: 'resolution_rate',
    label: 'Resolution rate',
    short: 'Resolved',
    unit: 'percent',
    higherIsBetter: true,
  },
  { id: 'fcr', label: 'First contact resolution', short: 'FCR', unit: 'percent', higherIsBetter: true },
  {
    id: 'repeat_rate',
    label: 'Repeat-contact rate',
    short: 'Repeat rate',
    unit: 'percent',
    higherIsBetter: false,
  },
  {
    id: 'conversion_rate',
    label: 'Conversion rate',
    short: 'Conversion',
    unit: 'percent',
    higherIsBetter: true,
  },
  {
    id: 'complaint_rate',
    label: 'Complaints per 1,000 conversations',
    short: 'Complaints/1000',
    unit: 'per_thousand',
    higherIsBetter: false,
  },
  { id: 'iqs', label: 'Internal quality score (IQS)', short: 'IQS', unit: 'percent', higherIsBetter: true },
  { id: 'pass_rate', label: 'Review pass rate', short: 'Pass rate', unit: 'percent', higherIsBetter: true },
];

/** The KPI table's metrics: those of the list above that the metrics service knows. */
export const REPORT_METRICS: ReportMetric[] = CANDIDATES.filter((m) => METRIC_IDS.includes(m.id));

/** The metrics of the trend table. */
export const TREND_METRICS: string[] = ['csat', 'nps', 'frt_median', 'aht', 'resolution_rate', 'iqs'].filter(
  (id) => METRIC_IDS.includes(id),
);

/** A report metric by id; an unknown id reads as a plain score named by its id. */
export function reportMetric(id: string): ReportMetric {
  return (
    REPORT_METRICS.find((m) => m.id === id) ?? {
      id,
      label: id,
      short: id,
      unit: 'score',
      higherIsBetter: true,
    }
  );
}

/** The minus sign of typeset numbers. */
const MINUS = '\u2212';

const fixed = (value: number, digits: number) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const signed = (text: string, value: number) =>
  value > 0 ? `+${text}` : value < 0 ? `${MINUS}${text}` : text;

/** Seconds as a person reads them: "45 s", "4 min 12 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number): string {
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? MINUS : '';
  if (total < 60) return `${sign}${total} s`;
  if (total < 3600) {
    const s = total % 60;
    return `${sign}${Math.floor(total / 60)} min${s ? ` ${s} s` : ''}`;
  }
  if (total < 86_400) {
    const m = Math.floor((total % 3600) / 60);
    return `${sign}${Math.floor(total / 3600)} h${m ? ` ${m} min` : ''}`;
  }
  const h = Math.floor((total % 86_400) / 3600);
  return `${sign}${Math.floor(total / 86_400)} d${h ? ` ${h} h` : ''}`;
}

/** A value as a person reads it; a dash when there is none. Percent signs stay on the number's line. */
export function formatValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '\u2014';
  const unit = reportMetric(metric).unit;
  if (unit === 'percent') return `${fixed(value, 1)}\u00a0%`;
  if (unit === 'time') return formatDuration(value);
  if (unit === 'nps') return value < 0 ? `${MINUS}${fixed(-value, 1)}` : fixed(value, 1);
  if (unit === 'per_thousand') return fixed(value, 1);
  return fixed(value, 2);
}

/** A change from the previous period: points for rates, time and its share for times. */
export function formatChange(metric: string, value: number | null, previous: number | null): string {
  if (value === null || previous === null) return '\u2014';
  const change = value - previous;
  const unit = reportMetric(metric).unit;
  if (unit === 'percent' || unit === 'nps') return `${signed(fixed(Math.abs(change), 1), change)} points`;
  if (unit === 'time') {
    const relative =
      previous !== 0 ? `, ${signed(fixed(Math.abs((change / previous) * 100), 0), change)} %` : '';
    return `${change > 0 ? '+' : ''}${formatDuration(change)}${relative}`;
  }
  return signed(fixed(Math.abs(change), unit === 'per_thousand' ? 1 : 2), change);
}

/** A number with thousands separators, for counts. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}

/** A percentage (0–100) with one decimal; a dash when there is none. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '\u2014' : `${fixed(value, 1)}\u00a0%`;
}
