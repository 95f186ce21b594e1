/**
 * A mergeable quantile sketch for durations: values fall into logarithmic buckets whose width is
 * 2 % of their value, so any quantile read back is within `SKETCH_RELATIVE_ERROR` (1 %) of a true
 * order statistic. Rollups keep one per cell so medians and p90 add up across cells without rows.
 */

/** The largest relative error of a quantile read from a sketch. */
export const SKETCH_RELATIVE_ERROR = 0.01;
const GAMMA = (1 + SKETCH_RELATIVE_ERROR) / (1 - SKETCH_RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
// Durations below this (10 ms) count as zero; nothing measured in seconds is that short on purpose.
const SMALLEST = 0.01;
/** The bucket that holds zero and the values too small to tell from it. */
const ZERO_BUCKET = -100_000;

/** Bucket counts by bucket index. */
export type QuantileSketch = Map<number, number>;

/** The bucket of a value (seconds, ≥ 0). */
export function sketchBucket(value: number): number {
  return value < SMALLEST ? ZERO_BUCKET : Math.ceil(Math.log(value) / LOG_GAMMA);
}

/** The value a bucket stands for: within the relative error of every value in it. */
export function bucketValue(bucket: number): number {
  return bucket === ZERO_BUCKET ? 0 : (2 * GAMMA ** bucket) / (GAMMA + 1);
}

/** Adds `count` values to the sketch. */
export function sketchAdd(sketch: QuantileSketch, value: number, count = 1): void {
  const bucket = sketchBucket(value);
  sketch.set(bucket, (sketch.get(bucket) ?? 0) + count);
}

/** Adds every bucket of `from` into `into`. */
export function sketchMerge(into: QuantileSketch, from: QuantileSketch): void {
  for (const [bucket, count] of from) into.set(bucket, (into.get(bucket) ?? 0) + count);
}

/**
 * The p-th quantile (0–1), interpolated between the order statistics around rank (n − 1)·p like
 * the exact computation; null for an empty sketch.
 */
export function sketchQuantile(sketch: QuantileSketch, p: number): number | null {
  let total = 0;
  for (const count of sketch.values()) total += count;
  if (total === 0) return null;
  const buckets = [...sketch.keys()].filter((b) => (sketch.get(b) ?? 0) > 0).sort((a, b) => a - b);
  const position = (total - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const valueAtRank = (rank: number): number => {
    let seen = 0;
    for (const bucket of buckets) {
      seen += sketch.get(bucket) ?? 0;
      if (rank < seen) return bucketValue(bucket);
    }
    return bucketValue(buckets[buckets.length - 1] as number);
  };
  const lowValue = valueAtRank(low);
  return high === low ? lowValue : lowValue + (valueAtRank(high) - lowValue) * (position - low);
}

/** Sorted (bucket, count) pairs of one sketch inside a larger Int32 array: [start, end). */
export interface SortedPairs {
  part: Int32Array;
  start: number;
  end: number;
}

/**
 * The p-th quantile of the sketches made of these runs of sorted pairs, interpolated like
 * `sketchQuantile`; null when they are empty. Runs are merged only when there is more than one.
 */
export function sketchQuantileOfRuns(runs: readonly SortedPairs[], p: number): number | null {
  if (runs.length === 1) return quantileOfRun(runs[0] as SortedPairs, p);
  let buckets: number[] = [];
  let counts: number[] = [];
  for (const run of runs) {
    for (let at = run.start; at < run.end; at += 2) {
      buckets.push(run.part[at] as number);
      counts.push(run.part[at + 1] as number);
    }
  }
  if (buckets.length === 0) return null;
  if (runs.length > 1) {
    const order = buckets.map((_, i) => i).sort((a, b) => (buckets[a] as number) - (buckets[b] as number));
    buckets = order.map((i) => buckets[i] as number);
    counts = order.map((i) => counts[i] as number);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const position = (total - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const valueAtRank = (rank: number): number => {
    let seen = 0;
    for (let i = 0; i < buckets.length; i += 1) {
      seen += counts[i] as number;
      if (rank < seen) return bucketValue(buckets[i] as number);
    }
    return bucketValue(buckets[buckets.length - 1] as number);
  };
  const lowValue = valueAtRank(low);
  return high === low ? lowValue : lowValue + (valueAtRank(high) - lowValue) * (position - low);
}

// One run needs no merging: two passes over its pairs, nothing allocated (the common case of a
// group that is one cell).
function quantileOfRun(run: SortedPairs, p: number): number | null {
  let total = 0;
  for (let at = run.start + 1; at < run.end; at += 2) total += run.part[at] as number;
  if (total === 0) return null;
  const position = (total - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  let lowValue = Number.NaN;
  let highValue = Number.NaN;
  let seen = 0;
  for (let at = run.start; at < run.end; at += 2) {
    seen += run.part[at + 1] as number;
    if (Number.isNaN(lowValue) && low < seen) lowValue = bucketValue(run.part[at] as number);
    if (high < seen) {
      highValue = bucketValue(run.part[at] as number);
      break;
    }
  }
  return high === low ? lowValue : lowValue + (highValue - lowValue) * (position - low);
}
