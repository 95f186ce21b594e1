import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayStart, hourAndWeekday, localHourRanges } from './calendar.js';

const inRanges = (ranges: ReturnType<typeof localHourRanges>, t: number) =>
  ranges.some((r) => t >= r.from && t < r.to);

// Every seven minutes over the span, the ranges must agree with the hour and weekday of the instant.
function assertAgreesWithClock(
  from: number,
  to: number,
  timeZone: string,
  hours: Set<number> | null,
  weekdays: Set<number> | null,
) {
  const ranges = localHourRanges(from, to, timeZone, hours, weekdays);
  for (let i = 1; i < ranges.length; i++) {
    assert.ok((ranges[i - 1]?.to ?? 0) < (ranges[i]?.from ?? 0), 'ranges are sorted and merged');
  }
  for (let t = from - 3_600_000; t < to + 3_600_000; t += 7 * 60_000) {
    const local = hourAndWeekday(t, timeZone);
    const wanted =
      t >= from && t < to && (!hours || hours.has(local.hour)) && (!weekdays || weekdays.has(local.weekday));
    assert.equal(inRanges(ranges, t), wanted, `${new Date(t).toISOString()} in ${timeZone}`);
  }
}

describe('localHourRanges', () => {
  it('selects the local hours of every day across both clock changes in Zagreb', () => {
    const zone = 'Europe/Zagreb';
    assertAgreesWithClock(
      dayStart('2026-03-27', zone),
      dayStart('2026-04-01', zone),
      zone,
      new Set([1, 2, 3, 9]),
      null,
    );
    assertAgreesWithClock(
      dayStart('2026-10-23', zone),
      dayStart('2026-10-28', zone),
      zone,
      new Set([0, 2, 23]),
      new Set([7]),
    );
  });

  it('follows zones whose offset is not a whole hour', () => {
    assertAgreesWithClock(
      Date.parse('2026-11-01T05:17:00Z'),
      Date.parse('2026-11-09T00:00:00Z'),
      'Asia/Kolkata',
      new Set([0, 13]),
      new Set([1, 6]),
    );
    assertAgreesWithClock(
      Date.parse('2026-10-30T00:00:00Z'),
      Date.parse('2026-11-04T00:00:00Z'),
      'America/St_Johns',
      new Set([1, 2]),
      null,
    );
  });

  it('merges adjacent hours and clips to the period', () => {
    const from = Date.parse('2026-11-23T10:30:00Z');
    const ranges = localHourRanges(
      from,
      Date.parse('2026-11-25T00:00:00Z'),
      'UTC',
      new Set([10, 11, 12]),
      null,
    );
    assert.deepEqual(
      ranges.map((r) => [new Date(r.from).toISOString(), new Date(r.to).toISOString()]),
      [
        ['2026-11-23T10:30:00.000Z', '2026-11-23T13:00:00.000Z'],
        ['2026-11-24T10:00:00.000Z', '2026-11-24T13:00:00.000Z'],
      ],
    );
  });

  it('selects whole days for a weekday alone', () => {
    const ranges = localHourRanges(
      Date.parse('2026-11-16T00:00:00Z'),
      Date.parse('2026-11-30T00:00:00Z'),
      'UTC',
      null,
      new Set([6, 7]),
    );
    assert.deepEqual(
      ranges.map((r) => [
        new Date(r.from).toISOString().slice(0, 10),
        new Date(r.to).toISOString().slice(0, 10),
      ]),
      [
        ['2026-11-21', '2026-11-23'],
        ['2026-11-28', '2026-11-30'],
      ],
    );
  });
});
