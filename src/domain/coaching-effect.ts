/**
 * Whether coaching worked: an agent's mean score per focus category (and overall) on
 * conversations before the session and since, manual and automatic reviews apart and together.
 */

/** One score from one review: a category's 0–100 score, or the review's overall score (`key` null). */
export interface ScoreSample {
  key: string | null;
  kind: 'manual' | 'auto';
  /** Whether the conversation happened before the session or since. */
  phase: 'before' | 'since';
  score: number;
}

/** A mean with the count it came from; null when there is nothing to average. */
export interface Mean {
  mean: number | null;
  n: number;
}

/** Means of one phase. */
export interface PhaseMeans {
  manual: Mean;
  auto: Mean;
  all: Mean;
}

/** Before, since, and the change of the combined mean (null when either side has no data). */
export interface Effect {
  before: PhaseMeans;
  since: PhaseMeans;
  change: number | null;
}

function mean(values: number[]): Mean {
  if (values.length === 0) return { mean: null, n: 0 };
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, n: values.length };
}

function phase(samples: readonly ScoreSample[]): PhaseMeans {
  return {
    manual: mean(samples.filter((s) => s.kind === 'manual').map((s) => s.score)),
    auto: mean(samples.filter((s) => s.kind === 'auto').map((s) => s.score)),
    all: mean(samples.map((s) => s.score)),
  };
}

function effectOf(samples: readonly ScoreSample[]): Effect {
  const before = phase(samples.filter((s) => s.phase === 'before'));
  const since = phase(samples.filter((s) => s.phase === 'since'));
  const change =
    before.all.mean === null || since.all.mean === null ? null : since.all.mean - before.all.mean;
  return { before, since, change };
}

/** The effect overall and for each focus category. */
export function coachingEffect(
  samples: readonly ScoreSample[],
  focus: readonly string[],
): { overall: Effect; categories: Record<string, Effect> } {
  return {
    overall: effectOf(samples.filter((s) => s.key === null)),
    categories: Object.fromEntries(focus.map((key) => [key, effectOf(samples.filter((s) => s.key === key))])),
  };
}
