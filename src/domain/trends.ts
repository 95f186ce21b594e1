/**
 * Period-over-period change of a metric and the trend alert rule: the latest complete bucket
 * outside the band of the previous 8 (mean ± 2 s.d.), or missing its goal. Buckets are days, ISO
 * weeks or months in the organisation's time zone. Pure: no I/O.
 */
import { dayOf, dayStart, isoWeekOf, isoWeekRange, monthOf } from './calendar.js';
import { goalMet } from './goals.js';
import { meanAndDeviation, outsideBand } from './statistics.js';

/** Time buckets a trend steps by. */
export const TREND_BUCKETS = ['day', 'week', 'month'] as const;

/** A time bucket of a trend. */
export type TrendBucket = (typeof TREND_BUCKETS)[number];

/** How many previous buckets make the band. */
export const BAND_WINDOW = 8;

/** How many of those must have a value for a band. */
export const BAND_MINIMUM = 3;

/** The label of the bucket holding an instant: `2026-03-09`, `2026-W11`, `2026-03`. */
export function bucketLabel(bucket: TrendBucket, epochMs: number, timeZone: string): string {
  if (bucket === 'day') return dayOf(epochMs, timeZone);
  if (bucket === 'week') return isoWeekOf(epochMs, timeZone);
  return monthOf(epochMs, timeZone);
}

/** The start (inclusive) and end (exclusive) of a bucket, in epoch ms. */
export function bucketRange(
  bucket: TrendBucket,
  label: string,
  timeZone: string,
): { from: number; to: number } {
  if (bucket === 'week') return isoWeekRange(label, timeZone);
  if (bucket === 'day') {
    const from = dayStart(label, timeZone);
    // Noon of the next day is safely inside it whatever the offset change.
    const next = new Date(Date.parse(`${label}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return { from, to: dayStart(next, timeZone) };
  }
  const year = Number(label.slice(0, 4));
  const month = Number(label.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: dayStart(`${label}-01`, timeZone), to: dayStart(next, timeZone) };
}

/**
 * `count` consecutive bucket labels, oldest first, the last being the bucket that holds `at`.
 */
export function bucketsEndingAt(bucket: TrendBucket, at: number, count: number, timeZone: string): string[] {
  const labels = [bucketLabel(bucket, at, timeZone)];
  while (labels.length < count) {
    const { from } = bucketRange(bucket, labels[0] as string, timeZone);
    labels.unshift(bucketLabel(bucket, from - 1, timeZone));
  }
  return labels;
}

/** The latest bucket that has ended by `now`. */
export function latestCompleteBucket(bucket: TrendBucket, now: number, timeZone: string): string {
  const { from } = bucketRange(bucket, bucketLabel(bucket, now, timeZone), timeZone);
  return bucketLabel(bucket, from - 1, timeZone);
}

/** A metric's value in one bucket. */
export interface BucketValue {
  /** The bucket's label. */
  bucket: string;
  /** The metric; null where the bucket has no data. */
  value: number | null;
  /** How many answers, conversations or reviews the value comes from. */
  n: number;
  /** The goal in force for the bucket, or null. */
  goal: number | null;
}

/** The band of the previous buckets: mean ± 2 s.d. */
export interface Band {
  /** Mean of the previous buckets' values. */
  mean: number;
  /** mean − 2 s.d. */
  low: number;
  /** mean + 2 s.d. */
  high: number;
  /** How many previous buckets had a value. */
  buckets: number;
}

/** One bucket of a trend with its change and band. */
export interface TrendPoint extends BucketValue {
  /** value − the previous bucket's value; null when either is null. */
  change: number | null;
  /** The band of the previous 8 buckets; null with fewer than 3 of them with data. */
  band: Band | null;
  /** Whether the value lies outside the band; null without a value or band. */
  outside_band: boolean | null;
  /** Whether the value meets the goal; null without a value or goal. */
  goal_met: boolean | null;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The band from the values of previous buckets (nulls ignored); null with fewer than three values. */
export function bandOf(previous: readonly (number | null)[]): Band | null {
  const values = previous.filter((v): v is number => v !== null);
  if (values.length < BAND_MINIMUM) return null;
  const { mean, sd } = meanAndDeviation(values);
  if (mean === undefined || sd === undefined) return null;
  return { mean: round(mean), low: round(mean - 2 * sd), high: round(mean + 2 * sd), buckets: values.length };
}

/** Each bucket with its change from the previous one, the band of up to 8 before it, and its goal. */
export function trendPoints(metric: string, series: readonly BucketValue[]): TrendPoint[] {
  return series.map((point, i) => {
    const before = series[i - 1];
    const previous = series.slice(Math.max(0, i - BAND_WINDOW), i).map((p) => p.value);
    const band = bandOf(previous);
    const history = previous.filter((v): v is number => v !== null);
    return {
      ...point,
      change:
        before === undefined || before.value === null || point.value === null
          ? null
          : round(point.value - before.value),
      band,
      outside_band: band === null || point.value === null ? null : outsideBand(history, point.value),
      goal_met: goalMet(metric, point.value, point.goal),
    };
  });
}

/** Why a bucket raises an alert. */
export type AlertKind = 'band' | 'goal';

/** An alert the rule raises for a bucket. */
export interface RaisedAlert {
  /** Outside the band, or missing the goal. */
  kind: AlertKind;
  /** Whether the value is above or below the band or goal. */
  direction: 'above' | 'below';
}

/**
 * The alerts of the latest point of a trend: outside the band of the previous buckets, and
 * missing its goal, each at most once.
 */
export function alertsOf(point: TrendPoint): RaisedAlert[] {
  const raised: RaisedAlert[] = [];
  if (point.value === null) return raised;
  if (point.outside_band && point.band) {
    raised.push({ kind: 'band', direction: point.value > point.band.high ? 'above' : 'below' });
  }
  if (point.goal_met === false && point.goal !== null) {
    raised.push({ kind: 'goal', direction: point.value > point.goal ? 'above' : 'below' });
  }
  return raised;
}
