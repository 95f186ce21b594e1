import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibrationDeviation, cohensKappa, krippendorffAlpha } from './agreement.js';

const close = (actual: number | undefined, expected: number, digits = 3) =>
  assert.equal(actual?.toFixed(digits), expected.toFixed(digits));

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers,
// 12 units, values 1–5, missing values.
const EXAMPLE_C = `1 2 3 3 2 1 4 1 2 . . .
1 2 3 3 2 2 4 1 2 5 . 3
. 3 3 3 2 3 4 2 2 5 1 .
1 2 3 3 2 4 4 1 2 5 1 .`
  .split('\n')
  .map((line) => line.split(' ').map((cell) => (cell === '.' ? null : Number(cell))));

describe("Krippendorff's alpha", () => {
  it('reproduces example C of the paper at every level', () => {
    close(krippendorffAlpha(EXAMPLE_C, 'nominal').alpha, 0.743);
    close(krippendorffAlpha(EXAMPLE_C, 'ordinal').alpha, 0.815);
    close(krippendorffAlpha(EXAMPLE_C, 'interval').alpha, 0.849);
    close(krippendorffAlpha(EXAMPLE_C, 'ratio').alpha, 0.797);
    const result = krippendorffAlpha(EXAMPLE_C, 'nominal');
    assert.equal(result.units, 11, 'the unit with a single value does not count');
    assert.equal(result.pairableValues, 40);
  });

  it('reproduces example A of the paper: two observers, binary data, α = 0.095', () => {
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    close(krippendorffAlpha(data, 'nominal').alpha, 0.095);
  });

  it('reproduces example B of the paper: two observers, nominal data, α = 0.692', () => {
    const ben = 'a a b b d c c c e d d a'.split(' ');
    const gerry = 'b a b b b c c c e d d d'.split(' ');
    const result = krippendorffAlpha([ben, gerry], 'nominal');
    close(result.alpha, 0.692);
    assert.equal(result.units, 12);
    assert.equal(result.pairableValues, 24);
  });

  it('is 1 for perfect agreement and computes a small case worked by hand', () => {
    assert.equal(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        'interval',
      ).alpha,
      1,
    );
    // Units {a,a,a}, {b,b,b}, {a,a,b}: o_aa = 3 + 1 = 4, o_bb = 3, o_ab = o_ba = 1, n = 9,
    // n_a = 5, n_b = 4. Do = 2/9; De = 2·5·4/(9·8) = 5/9; α = 1 − 2/5 = 0.6.
    const data = [
      ['a', 'b', 'a'],
      ['a', 'b', 'a'],
      ['a', 'b', 'b'],
    ];
    close(krippendorffAlpha(data, 'nominal').alpha, 0.6, 12);
  });

  it('computes a small interval and ordinal case worked by hand', () => {
    // Units {1, 2} and {3, 3}: o_12 = o_21 = 1, o_33 = 2; n = 4, n_1 = n_2 = 1, n_3 = 2.
    // Interval δ² = (c − k)²: Do = (1 + 1)/4 = 0.5; De = 2·(1·1·1 + 1·2·4 + 1·2·1)/(4·3) = 22/12;
    // α = 1 − 0.5·12/22 = 8/11.
    // Ordinal δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: δ²(1,2) = 1, δ²(1,3) = 2.5² = 6.25,
    // δ²(2,3) = 1.5² = 2.25; Do = 0.5; De = 2·(1 + 2·6.25 + 2·2.25)/12 = 3; α = 1 − 0.5/3 = 5/6.
    const data = [
      [1, 3],
      [2, 3],
    ];
    close(krippendorffAlpha(data, 'interval').alpha, 8 / 11, 12);
    close(krippendorffAlpha(data, 'ordinal').alpha, 5 / 6, 12);
    assert.equal(
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['b', 'a'],
        ],
        'interval',
      ).alpha,
      undefined,
      'labels have no distance',
    );
  });

  it('gives undefined, never NaN, without variation or without pairable values', () => {
    assert.equal(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        'ordinal',
      ).alpha,
      undefined,
    );
    const lonely = krippendorffAlpha(
      [
        [1, null],
        [null, 2],
      ],
      'interval',
    );
    assert.equal(lonely.alpha, undefined);
    assert.equal(lonely.units, 0);
    assert.equal(krippendorffAlpha([], 'nominal').alpha, undefined);
  });
});

describe("Cohen's kappa", () => {
  it('computes the classic 2×2 example: po 0.7, pe 0.5, κ 0.4', () => {
    // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    const first = [...Array(25).fill('yes'), ...Array(25).fill('no')];
    const second = [
      ...Array(20).fill('yes'),
      ...Array(5).fill('no'),
      ...Array(10).fill('yes'),
      ...Array(15).fill('no'),
    ];
    const result = cohensKappa(first, second);
    assert.equal(result.n, 50);
    close(result.observedAgreement, 0.7, 12);
    close(result.expectedAgreement, 0.5, 12);
    close(result.kappa, 0.4, 12);
  });

  it('gives partial credit with linear and quadratic weights (worked by hand)', () => {
    // Pairs (1,1) (2,3) (3,3) (1,2) (2,2); marginals A .4 .4 .2, B .2 .4 .4.
    // Unweighted: po .6, pe .32, κ .28/.68. Linear (w = 1 − d/2): po .8, pe .56, κ .24/.44.
    // Quadratic (w = 1 − (d/2)²): po .9, pe .68, κ .22/.32.
    const a = [1, 2, 3, 1, 2];
    const b = [1, 3, 3, 2, 2];
    close(cohensKappa(a, b).kappa, 0.28 / 0.68, 12);
    close(cohensKappa(a, b, { weights: 'linear' }).kappa, 0.24 / 0.44, 12);
    close(cohensKappa(a, b, { weights: 'quadratic' }).kappa, 0.22 / 0.32, 12);
  });

  it('drops units either rater left out and is undefined when chance agreement is certain', () => {
    const result = cohensKappa([1, null, 2, 1], [1, 2, null, 1]);
    assert.equal(result.n, 2);
    assert.equal(result.kappa, undefined, 'both raters used one category only');
    assert.equal(cohensKappa([], []).kappa, undefined);
    assert.equal(cohensKappa([null], [1]).n, 0);
  });
});

describe('calibration deviation', () => {
  it("measures each rater against the baseline rater's values", () => {
    const deviation = calibrationDeviation(
      [
        [100, 75, 100],
        [100, 75, 100],
        [100, 75, 75],
      ],
      0,
    );
    assert.deepEqual(deviation, [0, 0, 25 / 3]);
  });

  it('uses the mean of the other raters when there is no baseline, skipping missing values', () => {
    const deviation = calibrationDeviation([
      [4, null],
      [2, 5],
      [3, 5],
    ]);
    // Rater 0: |4 − 2.5| = 1.5. Rater 1: |2 − 3.5| and |5 − 5| → 0.75. Rater 2: |3 − 3| and 0 → 0.
    assert.deepEqual(deviation, [1.5, 0.75, 0]);
    assert.deepEqual(calibrationDeviation([[null], [1]], 0), [undefined, undefined]);
  });
});
