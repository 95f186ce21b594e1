/**
 * Agreement between raters: Krippendorff's α for nominal, ordinal, interval and ratio data with
 * missing values (as in Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011), Cohen's
 * κ between two raters (unweighted, linear or quadratic weights), and each rater's deviation from
 * a baseline. An undefined figure is `undefined`, never NaN and never an exception.
 */

/** How values compare: categories, ranks, differences or ratios. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
/** The levels, for validation of user input. */
export const MEASUREMENT_LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** One rating; null is a missing value. */
export type RatingValue = number | string | null;

/** Krippendorff's α with what it was computed from. */
export interface AlphaResult {
  /**
   * α in (−∞, 1]; undefined when fewer than two pairable values exist (no unit has two values),
   * when every pairable value is the same (expected disagreement 0: there is no variation to
   * agree on, even though the raters agree perfectly), and for interval or ratio data holding a
   * value that is not a finite number.
   */
  alpha: number | undefined;
  /** Units with at least two values (the only ones that count). */
  units: number;
  /** Values in those units (n in the paper). */
  pairableValues: number;
  level: MeasurementLevel;
}

function compareValues(a: RatingValue, b: RatingValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/**
 * Krippendorff's α over reliability data: one row per rater, one column per unit, null where
 * a rater did not rate a unit. Interval and ratio levels need numbers.
 */
export function krippendorffAlpha(
  data: readonly (readonly RatingValue[])[],
  level: MeasurementLevel,
): AlphaResult {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const pairable: RatingValue[][] = [];
  for (let unit = 0; unit < unitCount; unit += 1) {
    // NaN is no rating either: treating it as a value would make α NaN.
    const values = data
      .map((row) => row[unit] ?? null)
      .filter((value) => value !== null && !(typeof value === 'number' && Number.isNaN(value)));
    if (values.length >= 2) pairable.push(values);
  }
  const distinct = [...new Set(pairable.flat())].sort(compareValues);
  const index = new Map(distinct.map((value, i) => [value, i]));
  const size = distinct.length;
  // Coincidence matrix: each ordered pair of values within a unit counts 1/(m_u − 1).
  const coincidences = Array.from({ length: size }, () => new Float64Array(size));
  for (const values of pairable) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i += 1) {
      for (let j = 0; j < values.length; j += 1) {
        if (i === j) continue;
        const row = coincidences[index.get(values[i] as RatingValue) as number] as Float64Array;
        const column = index.get(values[j] as RatingValue) as number;
        row[column] = (row[column] as number) + weight;
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((sum, value) => sum + value, 0));
  const n = marginals.reduce((sum, value) => sum + value, 0);
  const result = { units: pairable.length, pairableValues: Math.round(n), level };
  if (n < 2 || size < 2) return { alpha: undefined, ...result };
  // Differences and ratios of labels mean nothing; refuse rather than compute NaN.
  const numeric = level === 'interval' || level === 'ratio';
  if (numeric && distinct.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
    return { alpha: undefined, ...result };
  }

  const delta = metricDifference(level, distinct, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c += 1) {
    for (let k = 0; k < size; k += 1) {
      const d = delta(c, k);
      if (d === 0) continue;
      observed += ((coincidences[c] as Float64Array)[k] as number) * d;
      expected += (marginals[c] as number) * (marginals[k] as number) * d;
    }
  }
  observed /= n;
  expected /= n * (n - 1);
  if (!(expected > 0)) return { alpha: undefined, ...result };
  return { alpha: 1 - observed / expected, ...result };
}

// The squared difference δ²(c, k) of the level, between the c-th and k-th distinct values.
function metricDifference(
  level: MeasurementLevel,
  values: readonly RatingValue[],
  marginals: readonly number[],
): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'ordinal') {
    // (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with the values in rank order.
    const cumulative = [0];
    for (const m of marginals) cumulative.push((cumulative[cumulative.length - 1] as number) + m);
    return (c, k) => {
      if (c === k) return 0;
      const low = Math.min(c, k);
      const high = Math.max(c, k);
      const sum = (cumulative[high + 1] as number) - (cumulative[low] as number);
      const d = sum - ((marginals[c] as number) + (marginals[k] as number)) / 2;
      return d * d;
    };
  }
  const numbers = values.map((value) => Number(value));
  if (level === 'interval') {
    return (c, k) => {
      const d = (numbers[c] as number) - (numbers[k] as number);
      return d * d;
    };
  }
  return (c, k) => {
    const a = numbers[c] as number;
    const b = numbers[k] as number;
    if (a + b === 0) return 0;
    const d = (a - b) / (a + b);
    return d * d;
  };
}

/** Weights of Cohen's κ: exact agreement only, or partial credit by distance between categories. */
export type KappaWeights = 'unweighted' | 'linear' | 'quadratic';

/** Cohen's κ with what it was computed from. */
export interface KappaResult {
  /** κ; undefined without paired ratings or when chance agreement is already 1. */
  kappa: number | undefined;
  /** Units both raters rated. */
  n: number;
  observedAgreement: number | undefined;
  expectedAgreement: number | undefined;
}

/**
 * Cohen's κ between two raters' ratings of the same units (units either left unrated are
 * dropped). Weighted κ uses the order of `categories` (default: the sorted distinct values).
 */
export function cohensKappa(
  first: readonly RatingValue[],
  second: readonly RatingValue[],
  options: { weights?: KappaWeights; categories?: readonly RatingValue[] } = {},
): KappaResult {
  const pairs: Array<[RatingValue, RatingValue]> = [];
  for (let i = 0; i < Math.min(first.length, second.length); i += 1) {
    const a = first[i] ?? null;
    const b = second[i] ?? null;
    if (a !== null && b !== null) pairs.push([a, b]);
  }
  const n = pairs.length;
  if (n === 0) return { kappa: undefined, n, observedAgreement: undefined, expectedAgreement: undefined };
  const categories = options.categories
    ? [...options.categories]
    : [...new Set(pairs.flat())].sort(compareValues);
  const position = new Map(categories.map((value, i) => [value, i]));
  for (const [a, b] of pairs) {
    if (!position.has(a)) position.set(a, position.size);
    if (!position.has(b)) position.set(b, position.size);
  }
  const k = position.size;
  const weights = options.weights ?? 'unweighted';
  const agreement = (i: number, j: number): number => {
    if (i === j) return 1;
    if (weights === 'unweighted' || k < 2) return 0;
    const distance = Math.abs(i - j) / (k - 1);
    return weights === 'linear' ? 1 - distance : 1 - distance * distance;
  };
  const rowTotals = new Float64Array(k);
  const columnTotals = new Float64Array(k);
  let observed = 0;
  for (const [a, b] of pairs) {
    const i = position.get(a) as number;
    const j = position.get(b) as number;
    rowTotals[i] = (rowTotals[i] as number) + 1;
    columnTotals[j] = (columnTotals[j] as number) + 1;
    observed += agreement(i, j);
  }
  observed /= n;
  let expected = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      expected += agreement(i, j) * ((rowTotals[i] as number) / n) * ((columnTotals[j] as number) / n);
    }
  }
  const kappa = expected >= 1 - 1e-12 ? undefined : (observed - expected) / (1 - expected);
  return { kappa, n, observedAgreement: observed, expectedAgreement: expected };
}

/**
 * Each rater's mean absolute difference from a baseline, over the units both rated: the
 * baseline is the rater at `baselineIndex`, or, without one, the mean of the other raters'
 * values of the unit. Undefined for a rater with no comparable unit.
 */
export function calibrationDeviation(
  data: readonly (readonly (number | null)[])[],
  baselineIndex?: number,
): Array<number | undefined> {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  return data.map((row, rater) => {
    let sum = 0;
    let count = 0;
    for (let unit = 0; unit < unitCount; unit += 1) {
      const value = row[unit] ?? null;
      if (value === null) continue;
      let reference: number | null = null;
      if (baselineIndex !== undefined) {
        reference = data[baselineIndex]?.[unit] ?? null;
      } else {
        const others = data
          .filter((_, other) => other !== rater)
          .map((other) => other[unit] ?? null)
          .filter((v): v is number => v !== null);
        if (others.length > 0) reference = others.reduce((a, b) => a + b, 0) / others.length;
      }
      if (reference === null) continue;
      sum += Math.abs(value - reference);
      count += 1;
    }
    return count > 0 ? sum / count : undefined;
  });
}
