/**
 * Report periods: a day (`2026-03-15`), an ISO week (`2026-W10`), a month (`2026-03`) or a
 * quarter (`2026-Q1`), as [from, to) in the organisation's time zone, the period before one, and
 * the last complete period at an instant (what a scheduled report covers).
 */
import { dayOf, dayStart, isoWeekOf, isoWeekRange, monthOf, quarterOf } from '../../domain/calendar.js';
import { invalidInput } from '../common/service-errors.js';

/** The kinds of period a report covers. */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter';

/** A calendar period in a time zone. */
export interface ReportPeriod {
  /** As the user writes it: `2026-03-15`, `2026-W10`, `2026-03`, `2026-Q1`. */
  label: string;
  kind: PeriodKind;
  /** Start (inclusive) and end (exclusive), epoch ms. */
  from: number;
  to: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

// Local midnight of the first day of a month (month 1–12; 13 rolls into the next year).
function monthStart(year: number, month: number, timeZone: string): number {
  const date = new Date(Date.UTC(year, month - 1, 1));
  return dayStart(`${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-01`, timeZone);
}

const EXAMPLES =
  'expected a day (2026-03-15), an ISO week (2026-W10), a month (2026-03) or a quarter (2026-Q1)';

/** Parses a period; a bad one is refused naming the `period` field. */
export function parseReportPeriod(text: string, timeZone: string): ReportPeriod {
  const value = text.trim();
  const refuse = (reason: string) => invalidInput([{ field: 'period', reason }]);
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
      throw refuse(`"${value}" is not a calendar day`);
    const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
    return { label: value, kind: 'day', from: dayStart(value, timeZone), to: dayStart(next, timeZone) };
  }
  match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (match) {
    try {
      return { label: value, kind: 'week', ...isoWeekRange(value, timeZone) };
    } catch (error) {
      throw refuse(error instanceof Error ? error.message : String(error));
    }
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) throw refuse(`"${value}" has no month ${month}`);
    return {
      label: value,
      kind: 'month',
      from: monthStart(year, month, timeZone),
      to: monthStart(year, month + 1, timeZone),
    };
  }
  match = /^(\d{4})-Q(\d)$/.exec(value);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    if (quarter < 1 || quarter > 4) throw refuse(`"${value}" has no quarter ${quarter}`);
    return {
      label: value,
      kind: 'quarter',
      from: monthStart(year, quarter * 3 - 2, timeZone),
      to: monthStart(year, quarter * 3 + 1, timeZone),
    };
  }
  throw refuse(value ? `"${value}": ${EXAMPLES}` : EXAMPLES);
}

// The label of the period of `kind` that contains an instant.
function labelAt(kind: PeriodKind, epochMs: number, timeZone: string): string {
  if (kind === 'week') return isoWeekOf(epochMs, timeZone);
  if (kind === 'month') return monthOf(epochMs, timeZone);
  if (kind === 'quarter') return quarterOf(epochMs, timeZone);
  return dayOf(epochMs, timeZone);
}

/** The period of the same kind just before `period`. */
export function previousPeriod(period: ReportPeriod, timeZone: string): ReportPeriod {
  // An hour before the start lies in the previous period whatever the offset changes.
  return parseReportPeriod(labelAt(period.kind, period.from - 3_600_000, timeZone), timeZone);
}

/** The last complete period of `kind` at `now`: yesterday, last week, last month or last quarter. */
export function lastCompletePeriod(kind: PeriodKind, now: number, timeZone: string): ReportPeriod {
  return previousPeriod(parseReportPeriod(labelAt(kind, now, timeZone), timeZone), timeZone);
}

/** How a period's trend is bucketed: a week and a month by day, a quarter by week, a day not at all. */
export function trendBucket(kind: PeriodKind): 'day' | 'week' | null {
  if (kind === 'week' || kind === 'month') return 'day';
  if (kind === 'quarter') return 'week';
  return null;
}
