/**
 * Deadlines in business or calendar hours: "acknowledge within 8 business hours" counts only
 * the working hours of working days in the organisation's time zone.
 */
import { zoneOffset } from './calendar.js';

/** When the organisation works. */
export interface BusinessHours {
  timeZone: string;
  /** ISO weekdays worked (1 = Monday … 7 = Sunday). */
  days: readonly number[];
  /** Start and end of the working day, minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  /** Local dates (`2026-12-25`) not worked. */
  holidays?: readonly string[];
}

/** Monday to Friday, 09:00–17:00. */
export const DEFAULT_BUSINESS_HOURS: Omit<BusinessHours, 'timeZone'> = {
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
};

const MINUTE = 60_000;
const DAY = 86_400_000;

// Local wall-clock parts of an instant.
function local(epochMs: number, timeZone: string) {
  const shifted = new Date(epochMs + zoneOffset(epochMs, timeZone));
  return {
    date: shifted.toISOString().slice(0, 10),
    weekday: shifted.getUTCDay() || 7,
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60,
    midnightUtcOfLocal: Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()),
  };
}

// The instant of a local wall-clock minute of a local date (given as UTC midnight of that date).
function instant(midnightUtcOfLocal: number, minute: number, timeZone: string): number {
  const wall = midnightUtcOfLocal + minute * MINUTE;
  let result = wall - zoneOffset(wall, timeZone);
  result = wall - zoneOffset(result, timeZone);
  return result;
}

/** The instant `hours` working hours after `startMs`. */
export function addBusinessHours(startMs: number, hours: number, calendar: BusinessHours): number {
  if (!(hours > 0)) return startMs;
  if (calendar.days.length === 0 || calendar.endMinute <= calendar.startMinute) {
    throw new RangeError(
      'business hours need at least one working day and a working day that ends after it starts',
    );
  }
  let remaining = hours * 60;
  let cursor = startMs;
  // A year of days is far more than any deadline needs; the bound keeps a bad calendar finite.
  for (let guard = 0; guard < 3660; guard += 1) {
    const day = local(cursor, calendar.timeZone);
    const working = calendar.days.includes(day.weekday) && !calendar.holidays?.includes(day.date);
    if (working && day.minute < calendar.endMinute) {
      const from = Math.max(day.minute, calendar.startMinute);
      const available = calendar.endMinute - from;
      if (remaining <= available) return instant(day.midnightUtcOfLocal, from + remaining, calendar.timeZone);
      remaining -= available;
    }
    // On to the start of the next local day.
    cursor = instant(day.midnightUtcOfLocal + DAY, 0, calendar.timeZone);
  }
  throw new RangeError('deadline beyond ten years of business hours');
}

/** The deadline `hours` after `startMs`, in business hours or plain calendar hours. */
export function deadline(
  startMs: number,
  hours: number,
  mode: 'business' | 'calendar',
  calendar: BusinessHours,
): number {
  return mode === 'calendar' ? startMs + hours * 3_600_000 : addBusinessHours(startMs, hours, calendar);
}
