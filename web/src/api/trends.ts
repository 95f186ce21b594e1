/** Review score trends: `GET /reviews/trends`, per week or month, overall and per scorecard category. */
import { buildQueryString, request } from './client';

/** A mean review score (0–100) over `n` reviews or ratings; null when there were none. */
export interface TrendScore {
  score: number | null;
  n: number;
}

/** One week (`2026-W07`) or month (`2026-02`) of review scores, in the organisation's time zone. */
export interface TrendPeriod {
  period: string;
  all: TrendScore;
  manual: TrendScore;
  auto: TrendScore;
  /** By category key. */
  categories: Record<string, TrendScore>;
}

/** The answer of `GET /reviews/trends`, periods oldest first. */
export interface ReviewTrends {
  by: 'week' | 'month';
  time_zone: string;
  agent_id: number | null;
  team: string | null;
  periods: TrendPeriod[];
}

/** Review scores per week or month; agents get their own, the last half year unless asked otherwise. */
export function getReviewTrends(
  query: { by: 'week' | 'month'; agent_id?: number; team?: string; from?: string; to?: string },
  signal?: AbortSignal,
): Promise<ReviewTrends> {
  return request('GET', `/reviews/trends${buildQueryString(query)}`, { signal });
}

/**
 * Names of scorecard categories by key, from every scorecard: trends carry keys only, and a key
 * keeps its meaning across scorecards and versions.
 */
export async function getCategoryNames(signal?: AbortSignal): Promise<Map<string, string>> {
  const scorecards = await request<
    Array<{ definition: { categories: Array<{ key: string; name: string }> } }>
  >('GET', '/scorecards', { signal });
  const names = new Map<string, string>();
  for (const scorecard of scorecards)
    for (const category of scorecard.definition.categories)
      if (!names.has(category.key)) names.set(category.key, category.name);
  return names;
}
