import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inverseNormalCdf,
  mannWhitney,
  mean,
  meanAndDeviation,
  meanDifferenceInterval,
  median,
  medianDifference,
  normalCdf,
  outsideBand,
  quantile,
  spearman,
  standardDeviation,
  studentTCdf,
  studentTQuantile,
  twoProportionTest,
} from './statistics.js';

const near = (actual: number | undefined, expected: number, tolerance: number, message?: string) =>
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < tolerance,
    `${message ?? ''} expected ${expected} ± ${tolerance}, got ${actual}`,
  );

describe('statistics', () => {
  it('computes the normal distribution to better than seven places', () => {
    // Reference values from standard tables (Abramowitz and Stegun 26.2), to ten places.
    assert.equal(normalCdf(0), 0.5);
    near(normalCdf(1.959963984540054), 0.975, 1e-10);
    near(normalCdf(-1), 0.1586552539, 1e-10);
    near(normalCdf(1), 0.8413447461, 1e-10);
    near(normalCdf(2.5758293035489), 0.995, 1e-10);
    near(normalCdf(-3), 0.001349898, 1e-10);
    near(normalCdf(-6), 9.8658765e-10, 1e-16);
    assert.equal(normalCdf(-40), 0);
    assert.equal(normalCdf(40), 1);
    for (let z = -8; z <= 8; z += 0.37) near(normalCdf(z) + normalCdf(-z), 1, 1e-15, `symmetry at ${z}`);
  });

  it('inverts the normal distribution: Φ⁻¹(0.975) = 1.959964', () => {
    near(inverseNormalCdf(0.975), 1.959963984540054, 1e-12);
    near(inverseNormalCdf(0.025), -1.959963984540054, 1e-12);
    assert.equal(inverseNormalCdf(0.5), 0);
    near(inverseNormalCdf(0.995), 2.5758293035489, 1e-10);
    near(inverseNormalCdf(1e-6), -4.753424308822899, 1e-9, 'deep lower tail');
    for (const p of [0.001, 0.02, 0.3, 0.7, 0.98, 0.999])
      near(normalCdf(inverseNormalCdf(p) as number), p, 1e-14);
    assert.equal(inverseNormalCdf(0), undefined);
    assert.equal(inverseNormalCdf(1), undefined);
    assert.equal(inverseNormalCdf(Number.NaN), undefined);
  });

  it("computes Student's t: the tables' 97.5 % points, and the Cauchy case in closed form", () => {
    // t tables: df 1 12.706, 2 4.303, 4 2.776, 10 2.228, 30 2.042; large df tends to 1.960.
    near(studentTQuantile(0.975, 1), 12.7062047, 1e-6);
    near(studentTQuantile(0.975, 2), 4.3026527, 1e-6);
    near(studentTQuantile(0.975, 4), 2.7764451, 1e-6);
    near(studentTQuantile(0.975, 10), 2.2281389, 1e-6);
    near(studentTQuantile(0.975, 30), 2.0422725, 1e-6);
    near(studentTQuantile(0.025, 10), -2.2281389, 1e-6);
    near(studentTQuantile(0.975, 1e7), 1.959964, 1e-5);
    // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
    near(studentTCdf(-3, 1), 0.5 + Math.atan(-3) / Math.PI, 1e-12);
    near(studentTCdf(1, 1), 0.75, 1e-12);
    // df = 2 also has a closed form: F(t) = 1/2 + t / (2√(2 + t²)).
    near(studentTCdf(1.5, 2), 0.5 + 1.5 / (2 * Math.sqrt(2 + 2.25)), 1e-12);
    assert.equal(studentTQuantile(0.975, 0), undefined);
    assert.equal(studentTCdf(1, -1), undefined);
  });

  it('tests two proportions: 45/100 before, 30/100 after', () => {
    // Pooled p = 0.375; se = √(0.375·0.625·0.02) = 0.068465; z = −0.15/0.068465 = −2.1909;
    // p = 2·(1 − Φ(2.1909)) = 0.02846. Unpooled se = √(0.45·0.55/100 + 0.3·0.7/100) = 0.067639.
    const result = twoProportionTest(45, 100, 30, 100);
    assert.ok(result);
    assert.ok(Math.abs(result.difference + 0.15) < 1e-12);
    assert.ok(Math.abs((result.z as number) + 2.19089) < 1e-4);
    assert.ok(Math.abs((result.pValue as number) - 0.02846) < 1e-4);
    assert.ok(Math.abs(result.ci95[0] - (-0.15 - 1.959964 * 0.067639)) < 1e-5);
    assert.equal(twoProportionTest(1, 0, 1, 10), undefined);
    assert.equal(twoProportionTest(0, 10, 0, 10)?.pValue, undefined, 'no variation: no test');
  });

  it('gives mean, sample standard deviation and type 7 quantiles, undefined on no values', () => {
    assert.equal(mean([1, 2, 3, 4]), 2.5);
    assert.equal(mean([]), undefined);
    // Σ(x − 5)² = 32 over n − 1 = 7.
    near(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7), 1e-12);
    assert.equal(standardDeviation([5]), undefined, 'one value has no sample spread');
    assert.equal(standardDeviation([]), undefined);
    // Type 7: h = (n − 1)p; [1, 2, 3, 4] at 0.9 → h = 2.7 → 3 + 0.7·(4 − 3) = 3.7.
    near(quantile([4, 1, 3, 2], 0.9), 3.7, 1e-12);
    // [10, 20, 30, 40, 50] at 0.25 → h = 1 → 20; at 0.1 → h = 0.4 → 10 + 0.4·10 = 14.
    assert.equal(quantile([50, 10, 40, 20, 30], 0.25), 20);
    near(quantile([50, 10, 40, 20, 30], 0.1), 14, 1e-12);
    assert.equal(quantile([7], 0.9), 7);
    assert.equal(quantile([1, 2, 3], 0), 1);
    assert.equal(quantile([1, 2, 3], 1), 3);
    assert.equal(quantile([], 0.5), undefined);
    assert.equal(quantile([1, 2], 1.5), undefined);
  });

  it('summarises values and spots a value outside the usual band', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(median([]), undefined);
    const { mean, sd } = meanAndDeviation([2, 4, 4, 4, 5, 5, 7, 9]);
    assert.equal(mean, 5);
    assert.ok(Math.abs((sd as number) - 2.13809) < 1e-5);
    assert.equal(outsideBand([10, 11, 9, 10, 12, 10, 9, 11], 25), true);
    assert.equal(outsideBand([10, 11, 9, 10, 12, 10, 9, 11], 11), false);
    assert.equal(outsideBand([10], 25), false);
  });
});

describe('Mann–Whitney U', () => {
  it('ranks two samples with ties and gives U, z and a two-sided p-value', () => {
    // before 1 2 3 4 5, after 6 7 8 9 10: U(before) = 0; mean 12.5; variance 25·11/12 = 22.917;
    // z = (12.5 − 0.5)/4.787 = 2.507; p = 0.01219.
    const result = mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    assert.equal(result?.u, 0);
    assert.ok(Math.abs(Math.abs(result?.z ?? 0) - 2.5067) < 1e-3);
    assert.ok(Math.abs((result?.pValue ?? 0) - 0.01219) < 1e-4);
    assert.equal(mannWhitney([], [1]), undefined);
    assert.equal(mannWhitney([3, 3], [3, 3])?.pValue, 1, 'all tied: no difference');
  });

  it('corrects the variance for ties', () => {
    // before 1 2 2, after 2 3 4. Ranks: 1 → 1; the three 2s share (2 + 3 + 4)/3 = 3; 3 → 5; 4 → 6.
    // R(before) = 1 + 3 + 3 = 7, U = 7 − 3·4/2 = 1, mean 4.5. Ties: Σ(t³ − t) = 24.
    // variance = (9/12)·(7 − 24/30) = 4.65; z = −(3.5 − 0.5)/√4.65 = −1.39122; p = 2·(1 − Φ(1.39122)) = 0.16416.
    const result = mannWhitney([1, 2, 2], [2, 3, 4]);
    assert.equal(result?.u, 1);
    near(result?.z, -3 / Math.sqrt(4.65), 1e-12);
    near(result?.pValue, 2 * (1 - normalCdf(3 / Math.sqrt(4.65))), 1e-12);
    near(result?.pValue, 0.16416, 1e-5);
  });

  it('gives the difference of medians', () => {
    assert.equal(medianDifference([1, 2, 3], [2, 4, 6, 8]), 3);
    assert.equal(medianDifference([], [1]), undefined);
  });

  it("gives Welch's 95 % interval of a difference of means", () => {
    // difference 3; s² = 1 on each side, se = √(1/3 + 1/3) = 0.8165;
    // Welch df = (2/3)² / ((1/3)²/2 + (1/3)²/2) = 4; t(0.975, 4) = 2.776445 → 3 ± 2.266958.
    const interval = meanDifferenceInterval([1, 2, 3], [4, 5, 6]);
    near(interval?.[0], 0.733042, 1e-6);
    near(interval?.[1], 5.266958, 1e-6);
    // Unequal spreads: before 10 12 14 (s² 4, n 3), after 20 20 26 26 (s² 12, n 4);
    // v = 4/3 + 3 = 13/3; df = (13/3)² / ((4/3)²/2 + 3²/3) = 18.778/3.889 = 4.829.
    const unequal = meanDifferenceInterval([10, 12, 14], [20, 20, 26, 26]);
    const df = (13 / 3) ** 2 / ((4 / 3) ** 2 / 2 + 9 / 3);
    const half = (studentTQuantile(0.975, df) as number) * Math.sqrt(13 / 3);
    near(unequal?.[0], 11 - half, 1e-12);
    near(unequal?.[1], 11 + half, 1e-12);
    assert.deepEqual(meanDifferenceInterval([2, 2], [5, 5]), [3, 3], 'no spread: the difference is exact');
    assert.equal(meanDifferenceInterval([1], [2, 3]), undefined);
  });
});

describe("Spearman's rank correlation", () => {
  it('is ±1 for monotone relations and uses average ranks for ties', () => {
    assert.equal(spearman([1, 2, 3, 4], [10, 100, 1000, 10000]).rho, 1);
    assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]).rho, -1);
    // Without ties ρ = 1 − 6Σd²/(n(n² − 1)): ranks y = 2 1 4 3 5, d² = 1 1 1 1 0 → 1 − 24/120 = 0.8.
    near(spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50]).rho, 0.8, 1e-12);
    // y = 5 6 7 8 7 ranks 1 2 3.5 5 3.5 (the two 7s share 3 and 4); centred x −2 −1 0 1 2,
    // centred y −2 −1 .5 2 .5: Sxy = 8, Sxx = 10, Syy = 9.5 → ρ = 8/√95 = 0.820783.
    near(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).rho, 8 / Math.sqrt(95), 1e-12);
  });

  it('drops pairs with a missing side and is undefined for fewer than three pairs or a constant side', () => {
    const result = spearman([1, null, 2, 3, 4], [1, 5, null, 2, 3]);
    assert.equal(result.n, 3);
    assert.equal(result.rho, 1);
    assert.deepEqual(spearman([1, 2], [2, 1]), { rho: undefined, n: 2 });
    assert.equal(spearman([1, 2, 3], [4, 4, 4]).rho, undefined);
  });
});
