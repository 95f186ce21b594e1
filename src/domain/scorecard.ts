/**
 * Scorecards and the review score, exactly as METRICS.md defines it ("Quality reviews"):
 * Σ(weightᵢ × scoreᵢ) ÷ Σ(weightᵢ × maxᵢ) × 100 over the rated categories, N/A leaving both sums,
 * a scale mapped linearly from its lowest point (0) to its highest (max), and a failed critical
 * category making the whole review 0.
 */

/** The rating scales a category can use. */
export const SCALES = ['binary', '3-point', '4-point', '5-point', '1-10'] as const;
/** One rating scale. */
export type Scale = (typeof SCALES)[number];

/** Lowest and highest point of each scale (binary: 0 = fail, 1 = pass). */
export const SCALE_RANGE: Record<Scale, { min: number; max: number }> = {
  binary: { min: 0, max: 1 },
  '3-point': { min: 1, max: 3 },
  '4-point': { min: 1, max: 4 },
  '5-point': { min: 1, max: 5 },
  '1-10': { min: 1, max: 10 },
};

/** Where a category applies; an empty or missing list means "everywhere". */
export interface Applicability {
  channels?: string[];
  teams?: string[];
  languages?: string[];
}

/** One category of a scorecard. */
export interface ScorecardCategory {
  /** Stable key, kept across versions so that scores of one category can be compared over time. */
  key: string;
  name: string;
  /** Group heading the category is shown under. */
  group: string;
  /** Importance: 1–5 or any positive number. */
  weight: number;
  scale: Scale;
  /** A critical category rated at the bottom of its scale fails the whole review (score 0). */
  critical: boolean;
  /** Whether a reviewer may mark the category not applicable. */
  allowNa: boolean;
  /** Root causes a reviewer picks from when the category is not at the top of its scale. */
  rootCauses: string[];
  /** What a reviewer should look for. */
  guidance: string;
  /** AutoQA check whose result pre-fills the category: pass → top of the scale, fail → bottom. */
  autoqaCheck: string | null;
  appliesTo: Applicability;
}

/** The content of one scorecard version. */
export interface ScorecardDefinition {
  name: string;
  description: string;
  /** Review score (0–100) at or above which a review passes. */
  passMark: number;
  categories: ScorecardCategory[];
}

/** A reviewer's rating of one category: a point of its scale, or N/A. */
export interface CategoryRating {
  key: string;
  /** A point of the category's scale; null with `na`. */
  rating: number | null;
  na: boolean;
  comment?: string | null;
  rootCause?: string | null;
}

/** One category's part of a review score. */
export interface CategoryScore {
  key: string;
  /** 0–100 for this category alone, null when N/A or not rated. */
  score: number | null;
  weight: number;
  /** Whether this category is critical and rated at the bottom of its scale. */
  criticalFail: boolean;
}

/** The computed score of one review. */
export interface ReviewScore {
  /** 0–100, or null when no category was rated (all N/A). */
  score: number | null;
  /** Whether the score reaches the pass mark; null when there is no score. */
  passed: boolean | null;
  /** Whether a critical category failed (the score is then 0). */
  autoFailed: boolean;
  categories: CategoryScore[];
}

/** One problem found in a definition or in ratings, with the place it refers to. */
export interface ScorecardProblem {
  field: string;
  reason: string;
}

/** The conversation attributes a category's applicability looks at. */
export interface ApplicabilityContext {
  channel: string;
  team: string | null;
  language: string | null;
}

function listed(list: string[] | undefined, value: string | null): boolean {
  if (!list || list.length === 0) return true;
  return value !== null && list.includes(value);
}

/** Whether a category applies to a conversation with these attributes. */
export function categoryApplies(category: ScorecardCategory, context: ApplicabilityContext): boolean {
  return (
    listed(category.appliesTo.channels, context.channel) &&
    listed(category.appliesTo.teams, context.team) &&
    listed(category.appliesTo.languages, context.language)
  );
}

/** Whether `rating` is a point of `scale` (whole points only). */
export function isPointOf(scale: Scale, rating: number): boolean {
  const { min, max } = SCALE_RANGE[scale];
  return Number.isInteger(rating) && rating >= min && rating <= max;
}

/** A rating mapped linearly onto 0–1: the lowest point 0, the highest 1. */
export function normalisedRating(scale: Scale, rating: number): number {
  const { min, max } = SCALE_RANGE[scale];
  return (rating - min) / (max - min);
}

/** Problems of a scorecard definition; empty when it is valid. */
export function validateDefinition(definition: ScorecardDefinition): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  if (!definition.name.trim()) problems.push({ field: 'name', reason: 'must not be empty' });
  if (!(definition.passMark >= 0 && definition.passMark <= 100)) {
    problems.push({ field: 'passMark', reason: 'must be between 0 and 100' });
  }
  if (definition.categories.length === 0) {
    problems.push({ field: 'categories', reason: 'a scorecard needs at least one category' });
  }
  const seen = new Set<string>();
  definition.categories.forEach((category, index) => {
    const at = `categories[${index}]`;
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(category.key)) {
      problems.push({
        field: `${at}.key`,
        reason: 'must be 1–64 lower-case letters, digits, "_" or "-", starting with a letter or digit',
      });
    }
    if (seen.has(category.key))
      problems.push({ field: `${at}.key`, reason: `duplicate key "${category.key}"` });
    seen.add(category.key);
    if (!category.name.trim()) problems.push({ field: `${at}.name`, reason: 'must not be empty' });
    if (!(Number.isFinite(category.weight) && category.weight > 0)) {
      problems.push({ field: `${at}.weight`, reason: 'must be a positive number' });
    }
    if (!SCALES.includes(category.scale)) {
      problems.push({ field: `${at}.scale`, reason: `must be one of ${SCALES.join(', ')}` });
    }
  });
  return problems;
}

/**
 * Problems of a set of ratings against a definition: unknown categories, points off the scale,
 * N/A where it is not allowed, root causes not on the list. Categories may be left unrated
 * (a draft); `requireAll` demands a rating or N/A for every applicable category (a submission).
 */
export function validateRatings(
  definition: ScorecardDefinition,
  ratings: readonly CategoryRating[],
  options: { requireAll?: boolean; applicableKeys?: ReadonlySet<string> } = {},
): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  const byKey = new Map(definition.categories.map((category) => [category.key, category]));
  const rated = new Set<string>();
  ratings.forEach((entry, index) => {
    const at = `ratings[${index}]`;
    const category = byKey.get(entry.key);
    if (!category) {
      problems.push({ field: `${at}.key`, reason: `no category "${entry.key}" on this scorecard` });
      return;
    }
    if (rated.has(entry.key)) problems.push({ field: `${at}.key`, reason: `"${entry.key}" rated twice` });
    rated.add(entry.key);
    if (entry.na) {
      if (!category.allowNa)
        problems.push({ field: `${at}.na`, reason: `"${entry.key}" does not allow N/A` });
      if (entry.rating !== null) problems.push({ field: `${at}.rating`, reason: 'must be null when N/A' });
    } else if (entry.rating !== null && !isPointOf(category.scale, entry.rating)) {
      const { min, max } = SCALE_RANGE[category.scale];
      problems.push({
        field: `${at}.rating`,
        reason: `must be a whole number from ${min} to ${max} (${category.scale})`,
      });
    }
    if (entry.rootCause && !category.rootCauses.includes(entry.rootCause)) {
      problems.push({
        field: `${at}.rootCause`,
        reason: `"${entry.rootCause}" is not one of the root causes of "${entry.key}"`,
      });
    }
  });
  if (options.requireAll) {
    for (const category of definition.categories) {
      if (options.applicableKeys && !options.applicableKeys.has(category.key)) continue;
      const entry = ratings.find((r) => r.key === category.key);
      if (!entry || (!entry.na && entry.rating === null)) {
        problems.push({
          field: `ratings.${category.key}`,
          reason: 'rate it or mark it N/A before submitting',
        });
      }
    }
  }
  return problems;
}

/**
 * The review score of a set of ratings (assumed valid). Unrated categories and categories
 * outside `applicableKeys` count like N/A: they leave both sums.
 */
export function scoreReview(
  definition: ScorecardDefinition,
  ratings: readonly CategoryRating[],
  applicableKeys?: ReadonlySet<string>,
): ReviewScore {
  const byKey = new Map(ratings.map((rating) => [rating.key, rating]));
  let earned = 0;
  let possible = 0;
  let autoFailed = false;
  const categories: CategoryScore[] = definition.categories.map((category) => {
    const entry = byKey.get(category.key);
    const counts =
      entry !== undefined &&
      !entry.na &&
      entry.rating !== null &&
      (!applicableKeys || applicableKeys.has(category.key));
    if (!counts) return { key: category.key, score: null, weight: category.weight, criticalFail: false };
    const fraction = normalisedRating(category.scale, entry.rating as number);
    const criticalFail = category.critical && fraction === 0;
    if (criticalFail) autoFailed = true;
    earned += category.weight * fraction;
    possible += category.weight;
    return { key: category.key, score: fraction * 100, weight: category.weight, criticalFail };
  });
  if (possible === 0) return { score: null, passed: null, autoFailed: false, categories };
  const score = autoFailed ? 0 : (earned / possible) * 100;
  return { score, passed: score >= definition.passMark, autoFailed, categories };
}

/** The rating an AutoQA check result gives a linked category: pass → top, fail → bottom, na → N/A. */
export function ratingFromCheck(
  category: ScorecardCategory,
  result: 'pass' | 'fail' | 'na',
): CategoryRating | null {
  const { min, max } = SCALE_RANGE[category.scale];
  if (result === 'pass') return { key: category.key, rating: max, na: false };
  if (result === 'fail') return { key: category.key, rating: min, na: false };
  return category.allowNa ? { key: category.key, rating: null, na: true } : null;
}

/**
 * Ratings pre-filled from AutoQA for every applicable category linked to a check that has a
 * result; the rest stay for the reviewer.
 */
export function prefillFromChecks(
  definition: ScorecardDefinition,
  checks: Readonly<Record<string, 'pass' | 'fail' | 'na'>>,
  applicableKeys?: ReadonlySet<string>,
): CategoryRating[] {
  const ratings: CategoryRating[] = [];
  for (const category of definition.categories) {
    if (!category.autoqaCheck) continue;
    if (applicableKeys && !applicableKeys.has(category.key)) continue;
    const result = checks[category.autoqaCheck];
    if (!result) continue;
    const rating = ratingFromCheck(category, result);
    if (rating) ratings.push(rating);
  }
  return ratings;
}
