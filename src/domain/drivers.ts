/**
 * Driver strength: Spearman's correlation between each behaviour (a scorecard category's score,
 * an AutoQA check's pass or fail) and the CSAT answer of the same conversations, ranked by how
 * strongly it moves with satisfaction. Pure: no I/O.
 */
import { spearman } from './statistics.js';

/** Where a behaviour's values come from. */
export const DRIVER_SOURCES = ['manual_review', 'auto_review', 'autoqa_check'] as const;

/** A source of behaviour values. */
export type DriverSource = (typeof DRIVER_SOURCES)[number];

/** One observed behaviour value in one conversation. */
export interface DriverObservation {
  /** Where it comes from. */
  source: DriverSource;
  /** Category key or check id. */
  key: string;
  /** The conversation observed. */
  conversation_id: number;
  /** Category score 0–100, or 1 for a passed check and 0 for a failed one. */
  value: number;
}

/** A behaviour's correlation with CSAT. */
export interface Driver {
  /** Where the behaviour's values come from. */
  source: DriverSource;
  /** Category key or check id. */
  key: string;
  /** Conversations with both a value and a CSAT answer. */
  n: number;
  /** Spearman's ρ; null for fewer than three conversations or when either side does not vary. */
  rho: number | null;
}

/** A CSAT answer on its own scale as 0–100 (lowest point 0, highest 100), so scales can mix. */
export function csatPercent(score: number, scale: number): number {
  return scale > 1 ? ((score - 1) / (scale - 1)) * 100 : score * 100;
}

/**
 * Every behaviour's Spearman ρ with the conversations' CSAT, strongest |ρ| first (null ρ last,
 * then more conversations first, then by source and key). A behaviour observed several times in
 * one conversation (two reviewers) counts once, at the mean of its values.
 */
export function rankDrivers(
  csatByConversation: ReadonlyMap<number, number>,
  observations: readonly DriverObservation[],
): Driver[] {
  const groups = new Map<string, { source: DriverSource; key: string; values: Map<number, number[]> }>();
  for (const observation of observations) {
    const id = `${observation.source}\u0000${observation.key}`;
    const group = groups.get(id) ?? { source: observation.source, key: observation.key, values: new Map() };
    const list = group.values.get(observation.conversation_id) ?? [];
    list.push(observation.value);
    group.values.set(observation.conversation_id, list);
    groups.set(id, group);
  }
  const drivers: Driver[] = [];
  for (const group of groups.values()) {
    const behaviour: number[] = [];
    const csat: number[] = [];
    for (const [conversation, values] of group.values) {
      const answer = csatByConversation.get(conversation);
      if (answer === undefined) continue;
      behaviour.push(values.reduce((sum, v) => sum + v, 0) / values.length);
      csat.push(answer);
    }
    const result = spearman(behaviour, csat);
    drivers.push({
      source: group.source,
      key: group.key,
      n: result.n,
      rho: result.rho === undefined ? null : Math.round(result.rho * 10_000) / 10_000,
    });
  }
  return drivers.sort((a, b) => {
    if (a.rho === null || b.rho === null) {
      if (a.rho !== b.rho) return a.rho === null ? 1 : -1;
    } else if (Math.abs(b.rho) !== Math.abs(a.rho)) {
      return Math.abs(b.rho) - Math.abs(a.rho);
    }
    if (b.n !== a.n) return b.n - a.n;
    return a.source === b.source ? a.key.localeCompare(b.key) : a.source.localeCompare(b.source);
  });
}
