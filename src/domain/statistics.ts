/** Significance tests and summaries used by before/after comparisons. Undefined, never NaN. */

/** The standard normal cumulative distribution, from an erfc approximation (error < 1.2e-7). */
export function normalCdf(z: number): number {
  // Numerical Recipes' erfc with a Chebyshev fit.
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The two-sided 95 % critical value of the standard normal. */
export const Z_95 = 1.959963984540054;

/** A rate before and after a change, compared. */
export interface ProportionComparison {
  before: number;
  after: number;
  /** after − before. */
  difference: number;
  /** 95 % confidence interval of the difference (unpooled standard error). */
  ci95: [number, number];
  z: number | undefined;
  /** Two-sided p-value of the pooled two-proportion z-test. */
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

/** The median, or undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Mean and sample standard deviation, or undefined (s.d. needs two values). */
export function meanAndDeviation(values: readonly number[]): {
  mean: number | undefined;
  sd: number | undefined;
} {
  if (values.length === 0) return { mean: undefined, sd: undefined };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (values.length < 2) return { mean, sd: undefined };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/** Whether `latest` lies outside mean ± 2 s.d. of `history` (needs at least two past values). */
export function outsideBand(history: readonly number[], latest: number): boolean {
  const { mean, sd } = meanAndDeviation(history);
  if (mean === undefined || sd === undefined) return false;
  return latest > mean + 2 * sd || latest < mean - 2 * sd;
}

/** Mann–Whitney U test of two samples (two-sided, normal approximation with tie and continuity correction). */
export function mannWhitney(
  before: readonly number[],
  after: readonly number[],
): { u: number; z: number; pValue: number } | undefined {
  const n1 = before.length;
  const n2 = after.length;
  if (n1 === 0 || n2 === 0) return undefined;
  const all = [
    ...before.map((value) => ({ value, first: true })),
    ...after.map((value) => ({ value, first: false })),
  ].sort((a, b) => a.value - b.value);
  const n = all.length;
  let rankSumFirst = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && (all[j + 1] as { value: number }).value === (all[i] as { value: number }).value)
      j += 1;
    const averageRank = (i + j) / 2 + 1;
    const ties = j - i + 1;
    tieTerm += ties ** 3 - ties;
    for (let k = i; k <= j; k += 1) if ((all[k] as { first: boolean }).first) rankSumFirst += averageRank;
    i = j + 1;
  }
  const u = rankSumFirst - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { u, z: 0, pValue: 1 };
  const z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return {
    u,
    z: Math.max(0, z) * Math.sign(u - mean),
    pValue: Math.min(1, 2 * (1 - normalCdf(Math.max(0, z)))),
  };
}

/** The 95 % confidence interval of mean(after) − mean(before), Welch's standard error, normal quantile. */
export function meanDifferenceInterval(
  before: readonly number[],
  after: readonly number[],
): [number, number] | undefined {
  const a = meanAndDeviation(before);
  const b = meanAndDeviation(after);
  if (a.mean === undefined || b.mean === undefined || a.sd === undefined || b.sd === undefined)
    return undefined;
  const se = Math.sqrt(a.sd ** 2 / before.length + b.sd ** 2 / after.length);
  const difference = b.mean - a.mean;
  return [difference - Z_95 * se, difference + Z_95 * se];
}
