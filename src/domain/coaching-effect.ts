/**
 * Whether coaching worked: an agent's mean score per focus category (and for the whole review)
 * in a baseline window before the session and since it, manual and automatic reviews apart and
 * together, with the difference. Pure arithmetic; the caller brings the scores.
 */

/** Days before a session whose scores are its baseline. */
export const COACHING_BASELINE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Who scored: a person (`manual`) or AutoQA (`auto`). */
export type ScoreOrigin = 'manual' | 'auto';

/** One 0–100 score of one submitted review. */
export interface ScoreObservation {
  /** The category key, or null for the review's overall score. */
  category: string | null;
  /** Who gave the score. */
  origin: ScoreOrigin;
  /** When the scored work happened (epoch ms; the conversation's start); decides the side. */
  at: number;
  /** The score, 0–100. */
  score: number;
}

/** The two windows compared: [beforeFrom, heldAt) and [heldAt, sinceTo]. */
export interface EffectWindow {
  /** Start of the baseline (epoch ms, inclusive). */
  beforeFrom: number;
  /** When the session was held: end of the baseline (exclusive), start of "since" (inclusive). */
  heldAt: number;
  /** End of "since" (epoch ms, inclusive): now. */
  sinceTo: number;
}

/** A mean with the number of scores behind it; the mean is null (never 0) when there are none. */
export interface WindowMean {
  /** Mean score 0–100, or null without scores. */
  mean: number | null;
  /** How many scores were averaged. */
  n: number;
}

/** One kind of score before the session and since, and how much it moved. */
export interface BeforeAndSince {
  /** Scores in the baseline window. */
  before: WindowMean;
  /** Scores since the session. */
  since: WindowMean;
  /** `since.mean − before.mean`; null when either side has no scores. */
  difference: number | null;
}

/** The movement of one score, by who gave it and all together. */
export interface ScoreEffect {
  /** Reviews by people. */
  manual: BeforeAndSince;
  /** Reviews by AutoQA. */
  auto: BeforeAndSince;
  /** Both together, each score counting once. */
  all: BeforeAndSince;
}

/** The effect of a session: on the overall review score and on each focus category. */
export interface CoachingEffect {
  /** The review's overall score. */
  overall: ScoreEffect;
  /** Each focus category by key, in the order of the focus list. */
  categories: Record<string, ScoreEffect>;
}

/** The windows of a session held at `heldAt`, compared up to `now`. */
export function effectWindow(
  heldAt: number,
  now: number,
  baselineDays = COACHING_BASELINE_DAYS,
): EffectWindow {
  return { beforeFrom: heldAt - baselineDays * DAY_MS, heldAt, sinceTo: now };
}

/** Which side of the session a time falls on, or null when it is outside both windows. */
export function sideOf(at: number, window: EffectWindow): 'before' | 'since' | null {
  if (at >= window.beforeFrom && at < window.heldAt) return 'before';
  if (at >= window.heldAt && at <= window.sinceTo) return 'since';
  return null;
}

function meanOf(scores: readonly number[]): WindowMean {
  if (scores.length === 0) return { mean: null, n: 0 };
  return { mean: scores.reduce((sum, score) => sum + score, 0) / scores.length, n: scores.length };
}

function compare(before: readonly number[], since: readonly number[]): BeforeAndSince {
  const beforeMean = meanOf(before);
  const sinceMean = meanOf(since);
  const difference =
    beforeMean.mean === null || sinceMean.mean === null ? null : sinceMean.mean - beforeMean.mean;
  return { before: beforeMean, since: sinceMean, difference };
}

function effectOf(observations: readonly ScoreObservation[], window: EffectWindow): ScoreEffect {
  const scores = (origin: ScoreOrigin | null, side: 'before' | 'since') =>
    observations
      .filter((o) => (origin === null || o.origin === origin) && sideOf(o.at, window) === side)
      .map((o) => o.score);
  return {
    manual: compare(scores('manual', 'before'), scores('manual', 'since')),
    auto: compare(scores('auto', 'before'), scores('auto', 'since')),
    all: compare(scores(null, 'before'), scores(null, 'since')),
  };
}

/**
 * The effect overall and on each focus category. Scores outside the windows, and scores that are
 * not finite numbers, are left out.
 */
export function coachingEffect(
  observations: readonly ScoreObservation[],
  focus: readonly string[],
  window: EffectWindow,
): CoachingEffect {
  const usable = observations.filter((o) => Number.isFinite(o.score));
  return {
    overall: effectOf(
      usable.filter((o) => o.category === null),
      window,
    ),
    categories: Object.fromEntries(
      focus.map((key) => [
        key,
        effectOf(
          usable.filter((o) => o.category === key),
          window,
        ),
      ]),
    ),
  };
}
