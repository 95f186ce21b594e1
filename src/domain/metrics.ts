/**
 * The metric formulas of the metric definitions, over conversation facts: one function per
 * metric, each giving the value and the count it came from, null (never 0) without data.
 * Percentages are 0–100, times are seconds.
 */
import { median } from './statistics.js';

/** What the metrics read of one conversation (times in epoch ms). */
export interface MetricFacts {
  channel: string;
  status: string | null;
  created_at: number;
  resolved_at: number | null;
  handle_s: number | null;
  wait_s: number | null;
  transfers: number | null;
  abandoned: boolean | null;
  complaint: boolean;
  /** First customer message and first message of a human agent (not internal), if any. */
  first_customer_at: number | null;
  first_agent_at: number | null;
  first_at: number | null;
  last_at: number | null;
  agent_messages: number;
  /** Times the conversation was reopened; null when unknown. */
  reopened: number | null;
  /** The recorded outcome code (e.g. `converted`, `refund`); null when none. */
  outcome: string | null;
  /** The customer, for repeat contacts; null when unknown. */
  customer: number | null;
  /** Whether the same customer started another conversation within the first-contact window after this one. */
  repeat_contact: boolean;
  /** First-response target for the conversation's channel in seconds; null when none is set. */
  frt_target_s: number | null;
  /** Survey answers. */
  feedback: ReadonlyArray<{ type: string; score: number; scale: number }>;
  /** Scores of the submitted reviews of the conversation, by kind. */
  review_scores: ReadonlyArray<{
    kind: string;
    score: number | null;
    passed: boolean | null;
    auto_failed: boolean;
  }>;
  /** Category scores (0–100) of the submitted reviews, N/A left out; only loaded when a query needs them. */
  category_scores?: ReadonlyArray<{ key: string; score: number }>;
}

/** A metric's value and the count it was computed from. */
export interface MetricValue {
  value: number | null;
  n: number;
}

const RESOLVED = new Set(['resolved', 'closed']);
/** The outcome code that counts as a conversion. */
export const CONVERTED = 'converted';

/** Whether a conversation is resolved (status resolved or closed). */
export function isResolved(status: string | null): boolean {
  return RESOLVED.has(status ?? '');
}

/** Whether the first agent reply came within the channel's target; no reply misses it. */
export function metFirstResponseTarget(row: MetricFacts): boolean {
  if (row.frt_target_s === null || row.first_customer_at === null || row.first_agent_at === null)
    return false;
  return (row.first_agent_at - row.first_customer_at) / 1000 <= row.frt_target_s;
}

/** Resolved with no reopen and no new conversation from the same customer within the window. */
export function firstContactResolved(row: MetricFacts): boolean {
  return isResolved(row.status) && !(row.reopened !== null && row.reopened > 0) && !row.repeat_contact;
}
const mean = (values: readonly number[]): MetricValue => ({
  value: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
  n: values.length,
});
const share = (part: number, whole: number): MetricValue => ({
  value: whole ? (part / whole) * 100 : null,
  n: whole,
});

/** The p-th quantile (0–1) with linear interpolation between order statistics. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

function answers(rows: readonly MetricFacts[], type: string) {
  return rows.flatMap((row) => row.feedback.filter((f) => f.type === type));
}

function firstResponseTimes(rows: readonly MetricFacts[]): number[] {
  return rows.flatMap((row) =>
    row.first_customer_at !== null &&
    row.first_agent_at !== null &&
    row.first_agent_at >= row.first_customer_at
      ? [(row.first_agent_at - row.first_customer_at) / 1000]
      : [],
  );
}

function resolutionTimes(rows: readonly MetricFacts[]): number[] {
  return rows.flatMap((row) => (row.resolved_at !== null ? [(row.resolved_at - row.created_at) / 1000] : []));
}

// Handling time: the given handle_s, else for calls first to last utterance.
function handlingTimes(rows: readonly MetricFacts[]): number[] {
  return rows.flatMap((row) => {
    if (row.handle_s !== null) return [row.handle_s];
    if (row.channel === 'phone' && row.first_at !== null && row.last_at !== null)
      return [(row.last_at - row.first_at) / 1000];
    return [];
  });
}

function fromTimes(times: number[], statistic: 'mean' | 'median' | 'p90'): MetricValue {
  if (statistic === 'mean') return mean(times);
  return { value: statistic === 'median' ? (median(times) ?? null) : quantile(times, 0.9), n: times.length };
}

/** Every metric by its id. */
export const METRICS: Record<string, (rows: readonly MetricFacts[]) => MetricValue> = {
  csat: (rows) => {
    const list = answers(rows, 'csat');
    // Top-two box of the answer's scale.
    return share(list.filter((a) => a.score >= a.scale - 1).length, list.length);
  },
  csat_mean: (rows) => mean(answers(rows, 'csat').map((a) => a.score)),
  nps: (rows) => {
    const list = answers(rows, 'nps');
    if (list.length === 0) return { value: null, n: 0 };
    const promoters = list.filter((a) => a.score >= 9).length;
    const detractors = list.filter((a) => a.score <= 6).length;
    return { value: ((promoters - detractors) / list.length) * 100, n: list.length };
  },
  ces: (rows) => mean(answers(rows, 'ces').map((a) => a.score)),
  negative_rate: (rows) => {
    const list = rows.flatMap((row) => row.feedback);
    const bottom = list.filter((a) => (a.type === 'nps' ? a.score <= 1 : a.score <= 2)).length;
    return share(bottom, list.length);
  },
  frt: (rows) => fromTimes(firstResponseTimes(rows), 'mean'),
  frt_median: (rows) => fromTimes(firstResponseTimes(rows), 'median'),
  frt_p90: (rows) => fromTimes(firstResponseTimes(rows), 'p90'),
  art: (rows) => fromTimes(resolutionTimes(rows), 'mean'),
  art_median: (rows) => fromTimes(resolutionTimes(rows), 'median'),
  art_p90: (rows) => fromTimes(resolutionTimes(rows), 'p90'),
  aht: (rows) => fromTimes(handlingTimes(rows), 'mean'),
  aht_median: (rows) => fromTimes(handlingTimes(rows), 'median'),
  asa: (rows) => mean(rows.flatMap((row) => (row.wait_s !== null && !row.abandoned ? [row.wait_s] : []))),
  abandon_rate: (rows) => {
    const offered = rows.filter((row) => row.abandoned !== null);
    return share(offered.filter((row) => row.abandoned).length, offered.length);
  },
  answer_rate: (rows) => {
    const offered = rows.filter((row) => row.abandoned !== null);
    return share(offered.filter((row) => !row.abandoned).length, offered.length);
  },
  response_rate: (rows) => {
    // An answer proves a survey was sent; without that knowledge every resolved conversation counts as asked.
    const asked = rows.filter((row) => row.feedback.length > 0 || RESOLVED.has(row.status ?? ''));
    return share(asked.filter((row) => row.feedback.length > 0).length, asked.length);
  },
  sla: (rows) => {
    const targeted = rows.filter((row) => row.frt_target_s !== null && row.first_customer_at !== null);
    return share(targeted.filter(metFirstResponseTarget).length, targeted.length);
  },
  fcr: (rows) => {
    const resolved = rows.filter((row) => RESOLVED.has(row.status ?? ''));
    return share(resolved.filter(firstContactResolved).length, resolved.length);
  },
  repeat_rate: (rows) => {
    const contacts = new Map<number, number>();
    for (const row of rows)
      if (row.customer !== null) contacts.set(row.customer, (contacts.get(row.customer) ?? 0) + 1);
    return share([...contacts.values()].filter((n) => n > 1).length, contacts.size);
  },
  conversion_rate: (rows) => {
    const applicable = rows.filter((row) => row.outcome !== null);
    return share(applicable.filter((row) => row.outcome === CONVERTED).length, applicable.length);
  },
  category_score: (rows) => mean(rows.flatMap((row) => (row.category_scores ?? []).map((c) => c.score))),
  replies: (rows) =>
    mean(rows.filter((row) => RESOLVED.has(row.status ?? '')).map((row) => row.agent_messages)),
  transfer_rate: (rows) => {
    const known = rows.filter((row) => row.transfers !== null);
    return share(known.filter((row) => (row.transfers ?? 0) > 0).length, known.length);
  },
  resolution_rate: (rows) => share(rows.filter((row) => RESOLVED.has(row.status ?? '')).length, rows.length),
  complaint_rate: (rows) => ({
    value: rows.length ? (rows.filter((row) => row.complaint).length / rows.length) * 1000 : null,
    n: rows.length,
  }),
  iqs: (rows) =>
    mean(rows.flatMap((row) => row.review_scores.flatMap((r) => (r.score !== null ? [r.score] : [])))),
  iqs_manual: (rows) =>
    mean(
      rows.flatMap((row) =>
        row.review_scores.flatMap((r) => (r.kind !== 'auto' && r.score !== null ? [r.score] : [])),
      ),
    ),
  iqs_auto: (rows) =>
    mean(
      rows.flatMap((row) =>
        row.review_scores.flatMap((r) => (r.kind === 'auto' && r.score !== null ? [r.score] : [])),
      ),
    ),
  pass_rate: (rows) => {
    const decided = rows.flatMap((row) => row.review_scores.filter((r) => r.passed !== null));
    return share(decided.filter((r) => r.passed).length, decided.length);
  },
  autofail_rate: (rows) => {
    const all = rows.flatMap((row) => row.review_scores);
    return share(all.filter((r) => r.auto_failed).length, all.length);
  },
  coverage: (rows) => share(rows.filter((row) => row.review_scores.length > 0).length, rows.length),
};

/** The metric ids, for validation. */
export const METRIC_IDS = Object.keys(METRICS);

/** Metrics that are a share of conversations or answers: compared before/after with a two-proportion test. */
export const RATE_METRICS = new Set([
  'csat',
  'negative_rate',
  'resolution_rate',
  'abandon_rate',
  'answer_rate',
  'transfer_rate',
  'pass_rate',
  'autofail_rate',
  'coverage',
  'response_rate',
  'sla',
  'fcr',
  'repeat_rate',
  'conversion_rate',
]);

/** The individual values behind the time and score metrics, compared before/after with Mann–Whitney U. */
export const METRIC_SAMPLES: Record<string, (rows: readonly MetricFacts[]) => number[]> = {
  frt: firstResponseTimes,
  art: resolutionTimes,
  aht: handlingTimes,
  asa: (rows) => rows.flatMap((row) => (row.wait_s !== null && !row.abandoned ? [row.wait_s] : [])),
  ces: (rows) => answers(rows, 'ces').map((a) => a.score),
  csat_mean: (rows) => answers(rows, 'csat').map((a) => a.score),
  replies: (rows) => rows.filter((row) => RESOLVED.has(row.status ?? '')).map((row) => row.agent_messages),
  iqs: (rows) => rows.flatMap((row) => row.review_scores.flatMap((r) => (r.score !== null ? [r.score] : []))),
  nps: (rows) => answers(rows, 'nps').map((a) => a.score),
  category_score: (rows) => rows.flatMap((row) => (row.category_scores ?? []).map((c) => c.score)),
};
