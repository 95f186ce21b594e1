import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoWeekOf } from './calendar.js';
import {
  addDays,
  coverDays,
  monthDays,
  monthOfDay,
  quarterOfLabel,
  type Segment,
  weekDays,
  weekOfDay,
  weekStartDay,
} from './rollup-periods.js';

// Every day a segment list stands for, in order.
function daysOf(segments: Segment[]): string[] {
  const days: string[] = [];
  for (const segment of segments) {
    let day =
      segment.grain === 'day'
        ? segment.first
        : segment.grain === 'month'
          ? `${segment.first}-01`
          : (() => {
              // Walk to the Monday of the first week.
              let d = `${segment.first.slice(0, 4)}-01-01`;
              d = addDays(d, -7);
              while (weekOfDay(d) !== segment.first) d = addDays(d, 1);
              return d;
            })();
    const lastDay =
      segment.grain === 'day'
        ? segment.last
        : segment.grain === 'month'
          ? monthDays(`${segment.last}-01`).last
          : (() => {
              let d = day;
              while (weekOfDay(d) !== segment.last) d = addDays(d, 7);
              return weekDays(d).last;
            })();
    for (; day <= lastDay; day = addDays(day, 1)) days.push(day);
  }
  return days;
}

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

describe('rollup periods', () => {
  it('names weeks, months and quarters of days like the calendar does', () => {
    for (let day = '2025-12-20'; day < '2027-01-10'; day = addDays(day, 1)) {
      assert.equal(weekOfDay(day), isoWeekOf(Date.parse(`${day}T12:00:00Z`)), day);
    }
    assert.equal(monthOfDay('2026-03-31'), '2026-03');
    assert.equal(weekStartDay('2026-W10'), '2026-03-02');
    assert.equal(weekStartDay('2021-W01'), '2021-01-04');
    assert.equal(weekStartDay('2026-W01'), '2025-12-29');
    assert.equal(quarterOfLabel('2026-03-31'), '2026-Q1');
    assert.equal(quarterOfLabel('2026-10'), '2026-Q4');
    assert.deepEqual(monthDays('2028-02-10'), { first: '2028-02-01', last: '2028-02-29' });
    assert.deepEqual(weekDays('2026-03-01'), { first: '2026-02-23', last: '2026-03-01' });
  });

  it('covers a calendar year by week with whole weeks and the edge days', () => {
    assert.deepEqual(coverDays('2026-01-01', '2027-01-01', 'week'), [
      { grain: 'day', first: '2026-01-01', last: '2026-01-04' },
      { grain: 'week', first: '2026-W02', last: '2026-W52' },
      // 2026-W53 runs into 2027.
      { grain: 'day', first: '2026-12-28', last: '2026-12-31' },
    ]);
  });

  it('covers a quarter with whole months, and its edges with weeks and days', () => {
    assert.deepEqual(coverDays('2026-01-01', '2026-04-01', 'none'), [
      { grain: 'month', first: '2026-01', last: '2026-03' },
    ]);
    assert.deepEqual(coverDays('2026-01-10', '2026-04-15', 'month'), [
      { grain: 'day', first: '2026-01-10', last: '2026-01-11' },
      { grain: 'week', first: '2026-W03', last: '2026-W04' },
      // 2026-W05 reaches into February.
      { grain: 'day', first: '2026-01-26', last: '2026-01-31' },
      { grain: 'month', first: '2026-02', last: '2026-03' },
      { grain: 'day', first: '2026-04-01', last: '2026-04-05' },
      { grain: 'week', first: '2026-W15', last: '2026-W15' },
      { grain: 'day', first: '2026-04-13', last: '2026-04-14' },
    ]);
  });

  it('covers every run of days exactly once, whatever the bucket', () => {
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 400; i += 1) {
      const from = addDays('2025-11-01', Math.floor(next() * 500));
      const to = addDays(from, Math.floor(next() * 200));
      for (const bucket of ['day', 'week', 'month', 'none'] as const) {
        const segments = coverDays(from, to, bucket);
        assert.deepEqual(daysOf(segments), range(from, to), `${from}..${to} by ${bucket}`);
        if (bucket === 'month') {
          // A week used by month buckets lies inside one month.
          for (const s of segments.filter((x) => x.grain === 'week')) {
            const days = daysOf([{ ...s, last: s.first }]);
            assert.equal(monthOfDay(days[0] as string), monthOfDay(days[6] as string), `${s.first}`);
          }
        }
      }
    }
  });
});
