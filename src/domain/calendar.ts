/**
 * Calendar periods in the organisation's time zone: ISO weeks (`2026-W48`) and months
 * (`2026-11`), the buckets sampling, trends and metrics group by.
 */

// Building a formatter costs far more than using one; rollups convert millions of instants.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The offset of `timeZone` from UTC at `epochMs`, in milliseconds. */
export function zoneOffset(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(epochMs));
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

// Epoch ms of local midnight at the start of a calendar date in `timeZone`.
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month, day);
  let result = guess - zoneOffset(guess, timeZone);
  // A second pass settles a guess that straddled a change of offset.
  result = guess - zoneOffset(result, timeZone);
  return result;
}

/** The ISO week (`2026-W48`) of an instant in a time zone. */
export function isoWeekOf(epochMs: number, timeZone = 'UTC'): string {
  const local = new Date(epochMs + zoneOffset(epochMs, timeZone));
  const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the week decides its year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The start (inclusive) and end (exclusive) of an ISO week in a time zone, in epoch ms. */
export function isoWeekRange(week: string, timeZone = 'UTC'): { from: number; to: number } {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new RangeError(`not an ISO week: "${week}" (expected e.g. 2026-W48)`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  // Monday of week 1 is the Monday on or before 4 January.
  const january4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(january4.getTime() - ((january4.getUTCDay() || 7) - 1) * 86_400_000);
  const start = new Date(monday.getTime() + (number - 1) * 7 * 86_400_000);
  const end = new Date(start.getTime() + 7 * 86_400_000);
  if (number < 1 || isoWeekOf(start.getTime() + 3 * 86_400_000) !== week) {
    throw new RangeError(`${year} has no week ${number}`);
  }
  return {
    from: localMidnight(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), timeZone),
    to: localMidnight(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate(), timeZone),
  };
}

/** The last complete ISO week before the one containing `epochMs`. */
export function previousIsoWeek(epochMs: number, timeZone = 'UTC'): string {
  const { from } = isoWeekRange(isoWeekOf(epochMs, timeZone), timeZone);
  return isoWeekOf(from - 3 * 86_400_000, timeZone);
}

/** The calendar month (`2026-11`) of an instant in a time zone. */
export function monthOf(epochMs: number, timeZone = 'UTC'): string {
  const local = new Date(epochMs + zoneOffset(epochMs, timeZone));
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The calendar day (`2026-11-25`) of an instant in a time zone. */
export function dayOf(epochMs: number, timeZone = 'UTC'): string {
  const local = new Date(epochMs + zoneOffset(epochMs, timeZone));
  return local.toISOString().slice(0, 10);
}

/** Epoch ms of the local midnight that starts a calendar day (`2026-11-25`) in a time zone. */
export function dayStart(day: string, timeZone = 'UTC'): number {
  return localMidnight(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
    timeZone,
  );
}

/** The calendar quarter (`2026-Q1`) of an instant in a time zone. */
export function quarterOf(epochMs: number, timeZone = 'UTC'): string {
  const local = new Date(epochMs + zoneOffset(epochMs, timeZone));
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** The local hour of day (0–23) and ISO weekday (1 = Monday … 7 = Sunday) of an instant. */
export function hourAndWeekday(epochMs: number, timeZone = 'UTC'): { hour: number; weekday: number } {
  const local = new Date(epochMs + zoneOffset(epochMs, timeZone));
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() || 7 };
}

/** A half-open span of instants, [from, to) in epoch ms. */
export interface InstantRange {
  from: number;
  to: number;
}

const QUARTER_HOUR_MS = 900_000;

/**
 * The spans within [from, to) whose local hour of day is in `hours` and whose ISO weekday is in
 * `weekdays` (either null for any), adjacent spans merged. Lets an indexed time column answer
 * "Mondays 9–10 in Zagreb" as plain range conditions, including on days the clocks change.
 */
export function localHourRanges(
  from: number,
  to: number,
  timeZone: string,
  hours: ReadonlySet<number> | null,
  weekdays: ReadonlySet<number> | null,
): InstantRange[] {
  const ranges: InstantRange[] = [];
  const add = (start: number, end: number) => {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s >= e) return;
    const last = ranges[ranges.length - 1];
    if (last && last.to === s) last.to = e;
    else ranges.push({ from: s, to: e });
  };
  let day = dayOf(from, timeZone);
  let start = dayStart(day, timeZone);
  while (start < to) {
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const nextDay = next.toISOString().slice(0, 10);
    const end = dayStart(nextDay, timeZone);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
    if (!weekdays || weekdays.has(weekday)) {
      if (!hours) add(start, end);
      else if (end - start === 86_400_000 && zoneOffset(start, timeZone) === zoneOffset(end - 1, timeZone)) {
        for (let hour = 0; hour < 24; hour++) {
          if (hours.has(hour)) add(start + hour * 3_600_000, start + (hour + 1) * 3_600_000);
        }
      } else {
        // The clocks change this day: walk it in quarter hours, the finest step offsets change by.
        for (let t = start; t < end; t += QUARTER_HOUR_MS) {
          if (hours.has(hourAndWeekday(t, timeZone).hour)) add(t, Math.min(t + QUARTER_HOUR_MS, end));
        }
      }
    }
    day = nextDay;
    start = end;
  }
  return ranges;
}
