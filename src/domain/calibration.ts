/**
 * The figures of a calibration session, from the reviewers' ratings of the same conversations:
 * per category Krippendorff's α (nominal for pass/fail, ordinal for rating scales), α interval
 * for the review score, pairwise Cohen's κ per category, and each reviewer's mean absolute
 * deviation from the baseline reviewer (or, without one, from the mean of the others).
 */
import { calibrationDeviation, cohensKappa, krippendorffAlpha, type MeasurementLevel } from './agreement.js';
import type { ScorecardDefinition } from './scorecard.js';
import { normalisedRating } from './scorecard.js';

/** One reviewer's rating of one category of one conversation (null: N/A). */
export interface CalibrationRating {
  conversationId: number;
  reviewerId: number;
  categoryKey: string;
  rating: number | null;
}

/** One reviewer's review score of one conversation. */
export interface CalibrationScore {
  conversationId: number;
  reviewerId: number;
  score: number | null;
}

/** Agreement on one category or on the total. */
export interface AgreementFigures {
  level: MeasurementLevel;
  /** Krippendorff's α; null when undefined (too few pairable values or no variation). */
  alpha: number | null;
  units: number;
  pairableValues: number;
}

/** Cohen's κ of two reviewers on one category. */
export interface PairwiseKappa {
  reviewerA: number;
  reviewerB: number;
  kappa: number | null;
  n: number;
}

/** One reviewer's mean absolute deviation from the baseline, in percentage points (0–100). */
export interface ReviewerDeviation {
  reviewerId: number;
  /** On the review score. */
  total: number | null;
  /** Per category, on the category's 0–100 score. */
  categories: Record<string, number | null>;
}

/** Everything a revealed session shows. */
export interface CalibrationResults {
  total: AgreementFigures;
  categories: Array<{ key: string; name: string } & AgreementFigures & { kappa: PairwiseKappa[] }>;
  deviation: ReviewerDeviation[];
  /** reviewer → conversation → score, for the side-by-side table. */
  scores: Record<string, Record<string, number | null>>;
}

const toFixedOrNull = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : value;

/** Computes a session's figures. `reviewerIds` fixes the order of the rows. */
export function calibrationResults(input: {
  definition: ScorecardDefinition;
  conversationIds: number[];
  reviewerIds: number[];
  ratings: CalibrationRating[];
  scores: CalibrationScore[];
  baselineReviewerId: number | null;
}): CalibrationResults {
  const { definition, conversationIds, reviewerIds } = input;
  const matrix = (value: (reviewer: number, conversation: number) => number | null) =>
    reviewerIds.map((reviewer) => conversationIds.map((conversation) => value(reviewer, conversation)));

  const scoreOf = new Map(input.scores.map((s) => [`${s.reviewerId}:${s.conversationId}`, s.score]));
  const scoreMatrix = matrix((r, c) => scoreOf.get(`${r}:${c}`) ?? null);
  const totalAlpha = krippendorffAlpha(scoreMatrix, 'interval');

  const ratingOf = new Map(
    input.ratings.map((r) => [`${r.categoryKey}:${r.reviewerId}:${r.conversationId}`, r.rating]),
  );
  const baselineIndex =
    input.baselineReviewerId === null ? -1 : reviewerIds.indexOf(input.baselineReviewerId);
  const deviationTotals = calibrationDeviation(scoreMatrix, baselineIndex >= 0 ? baselineIndex : undefined);
  const deviation: ReviewerDeviation[] = reviewerIds.map((reviewerId, index) => ({
    reviewerId,
    total: toFixedOrNull(deviationTotals[index]),
    categories: {},
  }));

  const categories = definition.categories.map((category) => {
    const level: MeasurementLevel = category.scale === 'binary' ? 'nominal' : 'ordinal';
    const ratings = matrix((r, c) => ratingOf.get(`${category.key}:${r}:${c}`) ?? null);
    const alpha = krippendorffAlpha(ratings, level);
    const kappa: PairwiseKappa[] = [];
    for (let a = 0; a < reviewerIds.length; a += 1) {
      for (let b = a + 1; b < reviewerIds.length; b += 1) {
        const result = cohensKappa(ratings[a] as Array<number | null>, ratings[b] as Array<number | null>, {
          weights: level === 'nominal' ? 'unweighted' : 'quadratic',
        });
        kappa.push({
          reviewerA: reviewerIds[a] as number,
          reviewerB: reviewerIds[b] as number,
          kappa: toFixedOrNull(result.kappa),
          n: result.n,
        });
      }
    }
    // Deviation on the category's 0–100 score, so that scales of different length compare.
    const percent = ratings.map((row) =>
      row.map((value) => (value === null ? null : normalisedRating(category.scale, value) * 100)),
    );
    const categoryDeviation = calibrationDeviation(percent, baselineIndex >= 0 ? baselineIndex : undefined);
    deviation.forEach((entry, index) => {
      entry.categories[category.key] = toFixedOrNull(categoryDeviation[index]);
    });
    return {
      key: category.key,
      name: category.name,
      level,
      alpha: toFixedOrNull(alpha.alpha),
      units: alpha.units,
      pairableValues: alpha.pairableValues,
      kappa,
    };
  });

  const scores: Record<string, Record<string, number | null>> = {};
  reviewerIds.forEach((reviewer, row) => {
    scores[reviewer] = Object.fromEntries(
      conversationIds.map((c, column) => [c, scoreMatrix[row]?.[column] ?? null]),
    );
  });
  return {
    total: {
      level: 'interval',
      alpha: toFixedOrNull(totalAlpha.alpha),
      units: totalAlpha.units,
      pairableValues: totalAlpha.pairableValues,
    },
    categories,
    deviation,
    scores,
  };
}
