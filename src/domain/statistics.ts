/**
 * Significance tests and summaries used by before/after comparisons and agreement figures.
 * Pure: no I/O. A figure that cannot be computed is `undefined`, never NaN and never an exception.
 */

/** The standard normal cumulative distribution Φ(z) (Hart 1968, as given by West 2005; |error| < 1e-15). */
export function normalCdf(z: number): number {
  // Hart's double-precision rational approximation of the tail; a continued fraction beyond
  // 5√2, where the rational form loses accuracy. Accurate to about machine precision, far inside
  // the 1e-7 the p-values need.
  if (Number.isNaN(z)) return Number.NaN;
  const x = Math.abs(z);
  let tail = 0;
  if (x <= 37) {
    const density = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
      let numerator = 3.52624965998911e-2 * x + 0.700383064443688;
      numerator = numerator * x + 6.37396220353165;
      numerator = numerator * x + 33.912866078383;
      numerator = numerator * x + 112.079291497871;
      numerator = numerator * x + 221.213596169931;
      numerator = numerator * x + 220.206867912376;
      let denominator = 8.83883476483184e-2 * x + 1.75566716318264;
      denominator = denominator * x + 16.064177579207;
      denominator = denominator * x + 86.7807322029461;
      denominator = denominator * x + 296.564248779674;
      denominator = denominator * x + 637.333633378831;
      denominator = denominator * x + 793.826512519948;
      denominator = denominator * x + 440.413735824752;
      tail = (density * numerator) / denominator;
    } else {
      let fraction = x + 0.65;
      fraction = x + 4 / fraction;
      fraction = x + 3 / fraction;
      fraction = x + 2 / fraction;
      fraction = x + 1 / fraction;
      tail = density / fraction / 2.506628274631;
    }
  }
  return z > 0 ? 1 - tail : tail;
}

/** The standard normal quantile Φ⁻¹(p) for 0 < p < 1; undefined outside (0, 1). */
export function inverseNormalCdf(p: number): number | undefined {
  if (!(p > 0 && p < 1)) return undefined;
  // Acklam's rational approximation (relative error < 1.2e-9), then one Halley step against
  // normalCdf, which brings it to about machine precision.
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ] as const;
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ] as const;
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ] as const;
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
  const low = 0.02425;
  let x: number;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const value =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    x = p < low ? value : -value;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const error = normalCdf(x) - p;
  const step = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - step / (1 + (x * step) / 2);
}

/** The two-sided 95 % critical value of the standard normal, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

// ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients; relative error about 1e-15).
function logGamma(x: number): number {
  const coefficients = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0] as number;
  for (let i = 1; i < coefficients.length; i += 1) sum += (coefficients[i] as number) / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

// The regularized incomplete beta function I_x(a, b), by the continued fraction of Numerical
// Recipes (modified Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges faster.
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= 300; m += 1) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    fraction *= d * c;
    const odd = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return (front * fraction) / a;
}

/** Student's t cumulative distribution with `df` (> 0, not necessarily whole) degrees of freedom. */
export function studentTCdf(t: number, df: number): number | undefined {
  if (!(df > 0) || Number.isNaN(t)) return undefined;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Student's t quantile for 0 < p < 1 and `df` > 0; undefined otherwise. */
export function studentTQuantile(p: number, df: number): number | undefined {
  if (!(p > 0 && p < 1) || !(df > 0)) return undefined;
  if (p === 0.5) return 0;
  if (p < 0.5) {
    const upper = studentTQuantile(1 - p, df);
    return upper === undefined ? undefined : -upper;
  }
  // The CDF is monotone: bracket the quantile, then bisect to the last representable digit.
  let low = 0;
  let high = 1;
  while ((studentTCdf(high, df) as number) < p && high < 1e12) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-14 * Math.max(1, high); i += 1) {
    const middle = (low + high) / 2;
    if ((studentTCdf(middle, df) as number) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** A rate before and after a change, compared. */
export interface ProportionComparison {
  /** successes / total before. */
  before: number;
  /** successes / total after. */
  after: number;
  /** after − before. */
  difference: number;
  /** 95 % confidence interval of the difference (unpooled standard error). */
  ci95: [number, number];
  /** The pooled z statistic; undefined when both rates are 0 or both are 1 (no variation). */
  z: number | undefined;
  /** Two-sided p-value of the pooled two-proportion z-test; undefined with z. */
  pValue: number | undefined;
}

/** Two-proportion z-test of `successes` out of `totals` before and after; undefined when a total is 0. */
export function twoProportionTest(
  beforeSuccesses: number,
  beforeTotal: number,
  afterSuccesses: number,
  afterTotal: number,
): ProportionComparison | undefined {
  if (beforeTotal <= 0 || afterTotal <= 0) return undefined;
  const p1 = beforeSuccesses / beforeTotal;
  const p2 = afterSuccesses / afterTotal;
  const difference = p2 - p1;
  // The interval describes the difference as observed, so each rate keeps its own variance;
  // the test assumes no difference, so it pools the two samples into one rate.
  const se = Math.sqrt((p1 * (1 - p1)) / beforeTotal + (p2 * (1 - p2)) / afterTotal);
  const pooled = (beforeSuccesses + afterSuccesses) / (beforeTotal + afterTotal);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / beforeTotal + 1 / afterTotal));
  const z = pooledSe > 0 ? difference / pooledSe : undefined;
  return {
    before: p1,
    after: p2,
    difference,
    ci95: [difference - Z_95 * se, difference + Z_95 * se],
    z,
    pValue: z === undefined ? undefined : 2 * (1 - normalCdf(Math.abs(z))),
  };
}

/** The arithmetic mean, or undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The sample standard deviation (n − 1 in the denominator); undefined for fewer than two values. */
export function standardDeviation(values: readonly number[]): number | undefined {
  const average = mean(values);
  if (average === undefined || values.length < 2) return undefined;
  const squares = values.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** Mean and sample standard deviation, or undefined (s.d. needs two values). */
export function meanAndDeviation(values: readonly number[]): {
  mean: number | undefined;
  sd: number | undefined;
} {
  return { mean: mean(values), sd: standardDeviation(values) };
}

/** The median, or undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics (Hyndman and
 * Fan's type 7, the default of R and NumPy); undefined for no values or p outside [0, 1].
 */
export function quantile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0 || !(p >= 0 && p <= 1)) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  if (position === below) return lower;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (position - below) * (upper - lower);
}

/** Whether `latest` lies outside mean ± 2 s.d. of `history` (needs at least two past values). */
export function outsideBand(history: readonly number[], latest: number): boolean {
  const { mean: average, sd } = meanAndDeviation(history);
  if (average === undefined || sd === undefined) return false;
  return latest > average + 2 * sd || latest < average - 2 * sd;
}

// Ranks from 1, ties sharing the average of the ranks they span; also Σ(t³ − t) over tie groups.
function averageRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (
      end + 1 < order.length &&
      (order[end + 1] as { value: number }).value === (order[start] as { value: number }).value
    )
      end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[(order[k] as { index: number }).index] = rank;
    const ties = end - start + 1;
    tieTerm += ties ** 3 - ties;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/** The Mann–Whitney U test's figures. */
export interface MannWhitneyResult {
  /** U of the first sample: the number of (first, second) pairs where the first is larger, ties ½. */
  u: number;
  /** Standardised U with continuity correction; positive when the first sample tends larger. */
  z: number;
  /** Two-sided p-value from the normal approximation. */
  pValue: number;
}

/** Mann–Whitney U test of two samples (two-sided, normal approximation with tie and continuity correction); undefined for an empty sample. */
export function mannWhitney(
  before: readonly number[],
  after: readonly number[],
): MannWhitneyResult | undefined {
  const n1 = before.length;
  const n2 = after.length;
  if (n1 === 0 || n2 === 0) return undefined;
  const n = n1 + n2;
  const { ranks, tieTerm } = averageRanks([...before, ...after]);
  const rankSumFirst = ranks.slice(0, n1).reduce((sum, rank) => sum + rank, 0);
  const u = rankSumFirst - (n1 * (n1 + 1)) / 2;
  const expected = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // Every value tied: U carries no information, so there is no evidence of a difference.
  if (!(variance > 0)) return { u, z: 0, pValue: 1 };
  const corrected = Math.max(0, Math.abs(u - expected) - 0.5) / Math.sqrt(variance);
  return {
    u,
    z: corrected * Math.sign(u - expected),
    pValue: Math.min(1, 2 * (1 - normalCdf(corrected))),
  };
}

/** median(after) − median(before); undefined when either sample is empty. */
export function medianDifference(before: readonly number[], after: readonly number[]): number | undefined {
  const a = median(before);
  const b = median(after);
  return a === undefined || b === undefined ? undefined : b - a;
}

/**
 * Welch's 95 % confidence interval of mean(after) − mean(before): unpooled standard error and a
 * t quantile with Welch–Satterthwaite degrees of freedom; undefined unless both samples have two values.
 */
export function meanDifferenceInterval(
  before: readonly number[],
  after: readonly number[],
): [number, number] | undefined {
  const a = meanAndDeviation(before);
  const b = meanAndDeviation(after);
  if (a.mean === undefined || b.mean === undefined || a.sd === undefined || b.sd === undefined)
    return undefined;
  const varianceBefore = a.sd ** 2 / before.length;
  const varianceAfter = b.sd ** 2 / after.length;
  const se = Math.sqrt(varianceBefore + varianceAfter);
  const difference = b.mean - a.mean;
  // Both samples constant: no spread, the difference is exact.
  if (!(se > 0)) return [difference, difference];
  const df =
    (varianceBefore + varianceAfter) ** 2 /
    (varianceBefore ** 2 / (before.length - 1) + varianceAfter ** 2 / (after.length - 1));
  const t = studentTQuantile(0.975, df) ?? Z_95;
  return [difference - t * se, difference + t * se];
}

/** Spearman's rank correlation with what it was computed from. */
export interface SpearmanResult {
  /** ρ in [−1, 1]; undefined for fewer than three pairs or when either side is constant. */
  rho: number | undefined;
  /** Pairs used (pairs with a missing side are dropped). */
  n: number;
}

/** Spearman's ρ: Pearson's correlation of the average ranks (ties share a rank), over pairs without a null. */
export function spearman(
  first: readonly (number | null)[],
  second: readonly (number | null)[],
): SpearmanResult {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(first.length, second.length); i += 1) {
    const x = first[i] ?? null;
    const y = second[i] ?? null;
    if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) continue;
    xs.push(x);
    ys.push(y);
  }
  const n = xs.length;
  if (n < 3) return { rho: undefined, n };
  const rx = averageRanks(xs).ranks;
  const ry = averageRanks(ys).ranks;
  // Both rank vectors have mean (n + 1)/2.
  const centre = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (rx[i] as number) - centre;
    const dy = (ry[i] as number) - centre;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return { rho: undefined, n };
  return { rho: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
}
