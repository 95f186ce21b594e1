import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  alertsOf,
  bandOf,
  bucketRange,
  bucketsEndingAt,
  latestCompleteBucket,
  trendPoints,
} from './trends.js';

const point = (bucket: string, value: number | null, goal: number | null = null) => ({
  bucket,
  value,
  n: value === null ? 0 : 10,
  goal,
});

describe('Trends', () => {
  it('steps back through weeks, days and months in the time zone', () => {
    const at = Date.parse('2026-03-11T12:00:00Z');
    assert.deepEqual(bucketsEndingAt('week', at, 3, 'UTC'), ['2026-W09', '2026-W10', '2026-W11']);
    assert.deepEqual(bucketsEndingAt('month', at, 4, 'UTC'), ['2025-12', '2026-01', '2026-02', '2026-03']);
    assert.deepEqual(bucketsEndingAt('day', at, 2, 'Europe/Zagreb'), ['2026-03-10', '2026-03-11']);
    assert.equal(latestCompleteBucket('week', at, 'UTC'), '2026-W10');
    // 23:30 UTC on Sunday is already Monday in Zagreb: the week before has ended there.
    assert.equal(
      latestCompleteBucket('week', Date.parse('2026-03-08T23:30:00Z'), 'Europe/Zagreb'),
      '2026-W10',
    );
    assert.equal(latestCompleteBucket('week', Date.parse('2026-03-08T23:30:00Z'), 'UTC'), '2026-W09');
    // The spring change of offset: 29 March 2026 has 23 hours in Zagreb.
    const day = bucketRange('day', '2026-03-29', 'Europe/Zagreb');
    assert.equal(day.to - day.from, 23 * 3_600_000);
  });

  it('needs three previous buckets with data for a band of mean ± 2 s.d.', () => {
    assert.equal(bandOf([80, null, 82]), null);
    // Mean 80, sample s.d. 2.
    assert.deepEqual(bandOf([78, 80, 82, null]), { mean: 80, low: 76, high: 84, buckets: 3 });
  });

  it('gives each bucket its change, band of up to 8 previous buckets and goal', () => {
    const series = [
      ...[90, 50, 78, 80, 82, 80, 78, 80, 82, 80].map((v, i) => point(`b${i}`, v, 75)),
      point('b10', 70, 75),
      point('b11', null, 75),
    ];
    const points = trendPoints('csat', series);
    assert.equal(points[0]?.change, null);
    assert.equal(points[0]?.band, null);
    assert.equal(points[1]?.change, -40);
    // b10's band is b2…b9 only (mean 80, s.d. ≈ 1.51): 90 and 50 fell out of the window.
    assert.equal(points[10]?.band?.buckets, 8);
    assert.equal(points[10]?.band?.mean, 80);
    assert.equal(points[10]?.outside_band, true);
    assert.equal(points[10]?.goal_met, false);
    assert.equal(points[9]?.outside_band, false);
    assert.equal(points[11]?.change, null);
    assert.equal(points[11]?.outside_band, null, 'no data: no verdict');
    assert.deepEqual(alertsOf(points[10] as never), [
      { kind: 'band', direction: 'below' },
      { kind: 'goal', direction: 'below' },
    ]);
    assert.deepEqual(alertsOf(points[9] as never), []);
  });

  it('raises a goal alert for a lower-is-better metric above its target', () => {
    const points = trendPoints('frt_median', [point('w1', 130, 120)]);
    assert.deepEqual(alertsOf(points[0] as never), [{ kind: 'goal', direction: 'above' }]);
  });
});
