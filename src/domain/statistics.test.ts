import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  mannWhitney,
  meanAndDeviation,
  meanDifferenceInterval,
  median,
  normalCdf,
  outsideBand,
  twoProportionTest,
} from './statistics.js';

describe('statistics', () => {
  it('computes the normal distribution to seven places', () => {
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
    assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-7);
    assert.ok(Math.abs(normalCdf(-1) - 0.158655254) < 1e-7);
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

  it('gives the 95 % interval of a difference of means', () => {
    const interval = meanDifferenceInterval([1, 2, 3], [4, 5, 6]);
    // difference 3, se = √(1/3 + 1/3) = 0.8165 → 3 ± 1.6003
    assert.ok(interval && Math.abs(interval[0] - 1.39966) < 1e-4 && Math.abs(interval[1] - 4.60034) < 1e-4);
  });
});
