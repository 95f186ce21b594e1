/**
 * Calendar arithmetic on day labels (`2026-03-02`) for rollups: which week and month a day
 * belongs to, the days of a week or month, and how to cover a run of days with as few rollup
 * cells as possible — whole months, then whole ISO weeks, then single days at the edges.
 */

/** Rollup grains, finest first. */
export type Grain = 'day' | 'week' | 'month';

/** A run of consecutive periods of one grain, first and last label included. */
export interface Segment {
  grain: Grain;
  first: string;
  last: string;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const toLabel = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return toLabel(toMs(day) + n * DAY_MS);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  return new Date(toMs(day)).getUTCDay() || 7;
}

/** The ISO week label (`2026-W10`) of a day. */
export function weekOfDay(day: string): string {
  const date = new Date(toMs(day));
  // The Thursday of the week decides its year.
  date.setUTCDate(date.getUTCDate() + 4 - weekdayOf(day));
  const week = Math.ceil(((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (`2026-03-02`) that starts an ISO week label (`2026-W10`). */
export function weekStartDay(week: string): string {
  const year = Number(week.slice(0, 4));
  const january4 = `${year}-01-04`;
  // Monday of week 1 is the Monday on or before 4 January.
  return addDays(january4, 1 - weekdayOf(january4) + (Number(week.slice(6)) - 1) * 7);
}

/** The month label (`2026-03`) of a day. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The quarter label (`2026-Q1`) of a day or month label. */
export function quarterOfLabel(dayOrMonth: string): string {
  return `${dayOrMonth.slice(0, 4)}-Q${Math.floor((Number(dayOrMonth.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The Monday and Sunday of the week a day falls in. */
export function weekDays(day: string): { first: string; last: string } {
  const first = addDays(day, 1 - weekdayOf(day));
  return { first, last: addDays(first, 6) };
}

/** The first and last day of the month a day falls in. */
export function monthDays(day: string): { first: string; last: string } {
  const first = `${day.slice(0, 7)}-01`;
  const next = new Date(toMs(first));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { first, last: toLabel(next.getTime() - DAY_MS) };
}

function weeksAndDays(from: string, to: string, out: Segment[]): void {
  if (from >= to) return;
  const firstMonday = weekdayOf(from) === 1 ? from : addDays(from, 8 - weekdayOf(from));
  const lastMonday = addDays(to, 1 - weekdayOf(to)); // the Monday on or before `to`, exclusive end of whole weeks
  if (firstMonday >= lastMonday) {
    out.push({ grain: 'day', first: from, last: addDays(to, -1) });
    return;
  }
  if (from < firstMonday) out.push({ grain: 'day', first: from, last: addDays(firstMonday, -1) });
  out.push({ grain: 'week', first: weekOfDay(firstMonday), last: weekOfDay(addDays(lastMonday, -1)) });
  if (lastMonday < to) out.push({ grain: 'day', first: lastMonday, last: addDays(to, -1) });
}

/**
 * The fewest rollup segments covering the days [from, to) when results are bucketed by `bucket`:
 * by day only days; by week whole weeks and edge days; otherwise whole months, with whole weeks
 * and days at the edges. Week rows never straddle a month boundary they are counted in, because
 * edges are less than a month and lie inside one.
 */
export function coverDays(from: string, to: string, bucket: 'day' | 'week' | 'month' | 'none'): Segment[] {
  const out: Segment[] = [];
  if (from >= to) return out;
  if (bucket === 'day') return [{ grain: 'day', first: from, last: addDays(to, -1) }];
  if (bucket === 'week') {
    weeksAndDays(from, to, out);
    return out;
  }
  const firstMonth = from.endsWith('-01') ? from : addDays(monthDays(from).last, 1);
  const lastMonth = monthDays(to).first; // whole months end here (exclusive)
  if (firstMonth >= lastMonth) {
    // Less than a whole month: by month, a week may straddle two months, so days only there.
    if (bucket === 'month') splitByMonth(from, to, out);
    else weeksAndDays(from, to, out);
    return out;
  }
  weeksAndDays(from, firstMonth, out);
  out.push({ grain: 'month', first: monthOfDay(firstMonth), last: monthOfDay(addDays(lastMonth, -1)) });
  weeksAndDays(lastMonth, to, out);
  return out;
}

// Days [from, to) spanning at most two partial months, covered month by month.
function splitByMonth(from: string, to: string, out: Segment[]): void {
  let start = from;
  while (start < to) {
    const end = addDays(monthDays(start).last, 1);
    weeksAndDays(start, end < to ? end : to, out);
    start = end;
  }
}
