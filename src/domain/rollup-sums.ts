/**
 * Additive sums behind the metrics: what a rollup cell keeps about its conversations so that
 * any set of cells adds up to the same metric values as the conversations themselves (times'
 * medians and p90 through quantile sketches, within their stated error). The formulas mirror
 * `metrics.ts` term by term; a test holds the two together on random data.
 */
import {
  CONVERTED,
  firstContactResolved,
  isResolved,
  type MetricFacts,
  type MetricValue,
  metFirstResponseTarget,
} from './metrics.js';
import { type QuantileSketch, sketchAdd, sketchMerge, sketchQuantile } from './quantile-sketch.js';

/** The summed fields, in their stored order; append only, never reorder. */
export const SUM_FIELDS = [
  'conversations',
  'csat_n',
  'csat_top',
  'csat_sum',
  'nps_n',
  'nps_promoters',
  'nps_detractors',
  'ces_n',
  'ces_sum',
  'feedback_n',
  'feedback_bottom',
  'frt_n',
  'frt_sum',
  'art_n',
  'art_sum',
  'aht_n',
  'aht_sum',
  'asa_n',
  'asa_sum',
  'offered',
  'abandoned',
  'resolved',
  'resolved_agent_messages',
  'transfer_known',
  'transferred',
  'complaints',
  'fcr',
  'survey_asked',
  'survey_answered',
  'outcome_known',
  'converted',
  'sla_targeted',
  'sla_met',
  'scored_reviews',
  'score_sum',
  'manual_scored',
  'manual_score_sum',
  'auto_scored',
  'auto_score_sum',
  'pass_decided',
  'passed',
  'reviews',
  'auto_failed',
  'reviewed_conversations',
] as const;
/** A summed field. */
export type SumField = (typeof SUM_FIELDS)[number];
const INDEX = Object.fromEntries(SUM_FIELDS.map((field, i) => [field, i])) as Record<SumField, number>;

/** The durations that keep a quantile sketch. */
export const SKETCHED = ['frt', 'art', 'aht'] as const;
/** A sketched duration. */
export type Sketched = (typeof SKETCHED)[number];

/** The sums of one cell or of a whole group of cells. */
export interface RollupSums {
  values: Float64Array;
  sketches: Record<Sketched, QuantileSketch>;
  /** Where the fields start in `values` when it holds many groups; 0 when absent. */
  offset?: number;
  /** Quantiles read another way (from packed blocks); they take the place of the sketches. */
  quantiles?: Partial<Record<Sketched, (p: number) => number | null>>;
}

/** Empty sums. */
export function emptySums(): RollupSums {
  return {
    values: new Float64Array(SUM_FIELDS.length),
    sketches: { frt: new Map(), art: new Map(), aht: new Map() },
  };
}

/** Adds one conversation's facts. */
export function addFacts(sums: RollupSums, row: MetricFacts): void {
  const v = sums.values;
  const add = (field: SumField, amount = 1) => {
    v[INDEX[field]] = (v[INDEX[field]] as number) + amount;
  };
  add('conversations');
  for (const answer of row.feedback) {
    add('feedback_n');
    if (answer.type === 'nps' ? answer.score <= 1 : answer.score <= 2) add('feedback_bottom');
    if (answer.type === 'csat') {
      add('csat_n');
      add('csat_sum', answer.score);
      if (answer.score >= answer.scale - 1) add('csat_top');
    } else if (answer.type === 'nps') {
      add('nps_n');
      if (answer.score >= 9) add('nps_promoters');
      if (answer.score <= 6) add('nps_detractors');
    } else if (answer.type === 'ces') {
      add('ces_n');
      add('ces_sum', answer.score);
    }
  }
  const time = (kind: Sketched, seconds: number | null) => {
    if (seconds === null) return;
    add(`${kind}_n`);
    add(`${kind}_sum`, seconds);
    sketchAdd(sums.sketches[kind], seconds);
  };
  time(
    'frt',
    row.first_customer_at !== null &&
      row.first_agent_at !== null &&
      row.first_agent_at >= row.first_customer_at
      ? (row.first_agent_at - row.first_customer_at) / 1000
      : null,
  );
  time('art', row.resolved_at !== null ? (row.resolved_at - row.created_at) / 1000 : null);
  time(
    'aht',
    row.handle_s !== null
      ? row.handle_s
      : row.channel === 'phone' && row.first_at !== null && row.last_at !== null
        ? (row.last_at - row.first_at) / 1000
        : null,
  );
  if (row.wait_s !== null && !row.abandoned) {
    add('asa_n');
    add('asa_sum', row.wait_s);
  }
  if (row.abandoned !== null) {
    add('offered');
    if (row.abandoned) add('abandoned');
  }
  const resolved = isResolved(row.status);
  if (resolved) {
    add('resolved');
    add('resolved_agent_messages', row.agent_messages);
    if (firstContactResolved(row)) add('fcr');
  }
  if (row.transfers !== null) {
    add('transfer_known');
    if (row.transfers > 0) add('transferred');
  }
  if (row.complaint) add('complaints');
  if (row.feedback.length > 0 || resolved) {
    add('survey_asked');
    if (row.feedback.length > 0) add('survey_answered');
  }
  if (row.outcome !== null) {
    add('outcome_known');
    if (row.outcome === CONVERTED) add('converted');
  }
  if (row.frt_target_s !== null && row.first_customer_at !== null) {
    add('sla_targeted');
    if (metFirstResponseTarget(row)) add('sla_met');
  }
  for (const review of row.review_scores) {
    add('reviews');
    if (review.auto_failed) add('auto_failed');
    if (review.passed !== null) {
      add('pass_decided');
      if (review.passed) add('passed');
    }
    if (review.score !== null) {
      add('scored_reviews');
      add('score_sum', review.score);
      add(review.kind === 'auto' ? 'auto_scored' : 'manual_scored');
      add(review.kind === 'auto' ? 'auto_score_sum' : 'manual_score_sum', review.score);
    }
  }
  if (row.review_scores.length > 0) add('reviewed_conversations');
}

/** Adds `from` into `into`; only the named sketches when `sketches` is given (the rest are not read). */
export function mergeSums(
  into: RollupSums,
  from: RollupSums,
  sketches: readonly Sketched[] = SKETCHED,
): void {
  for (let i = 0; i < into.values.length; i += 1)
    into.values[i] = (into.values[i] as number) + (from.values[i] as number);
  for (const kind of sketches) sketchMerge(into.sketches[kind], from.sketches[kind]);
}

/**
 * Sums as numbers for storage: the fields, then per sketch its bucket count and (bucket, count)
 * pairs. Integers and sums of seconds survive a Float64 exactly enough for every metric.
 */
export function encodeSums(sums: RollupSums): Float64Array {
  const sketchSize = SKETCHED.reduce((n, kind) => n + 1 + 2 * sums.sketches[kind].size, 0);
  const out = new Float64Array(SUM_FIELDS.length + sketchSize);
  out.set(sums.values);
  let at = SUM_FIELDS.length;
  for (const kind of SKETCHED) {
    const sketch = sums.sketches[kind];
    out[at++] = sketch.size;
    for (const [bucket, count] of sketch) {
      out[at++] = bucket;
      out[at++] = count;
    }
  }
  return out;
}

/**
 * Adds stored sums straight into `into` without building an intermediate object: the hot loop of
 * a rollup query. `offset` is where the sums start in `encoded`. Sketches not named are skipped.
 */
export function addEncoded(
  into: RollupSums,
  encoded: Float64Array,
  sketches: readonly Sketched[],
  offset = 0,
): void {
  const fields = SUM_FIELDS.length;
  const values = into.values;
  for (let i = 0; i < fields; i += 1) values[i] = (values[i] as number) + (encoded[offset + i] as number);
  if (sketches.length === 0) return;
  let at = offset + fields;
  for (const kind of SKETCHED) {
    const size = encoded[at++] as number;
    if (sketches.includes(kind)) {
      const sketch = into.sketches[kind];
      for (let j = 0; j < size; j += 1) {
        const bucket = encoded[at + 2 * j] as number;
        sketch.set(bucket, (sketch.get(bucket) ?? 0) + (encoded[at + 2 * j + 1] as number));
      }
    }
    at += 2 * size;
  }
}

/** Decodes stored sums. */
export function decodeSums(encoded: Float64Array): RollupSums {
  const sums = emptySums();
  addEncoded(sums, encoded, SKETCHED);
  return sums;
}

const ratio = (part: number, whole: number, scale = 100): MetricValue => ({
  value: whole ? (part / whole) * scale : null,
  n: whole,
});

function quantileOf(sums: RollupSums, kind: Sketched, p: number): MetricValue {
  const n = sums.values[(sums.offset ?? 0) + INDEX[`${kind}_n`]] as number;
  if (!n) return { value: null, n };
  const read = sums.quantiles?.[kind];
  return { value: read ? read(p) : sketchQuantile(sums.sketches[kind], p), n };
}

type FromSums = (sums: RollupSums) => MetricValue;
const field = (sums: RollupSums, name: SumField) => sums.values[(sums.offset ?? 0) + INDEX[name]] as number;
// Field positions resolved once, not per group: dashboards evaluate hundreds of thousands.
const meanOf = (sum: SumField, n: SumField): FromSums => rateOf(sum, n, 1);
const rateOf = (part: SumField, whole: SumField, scale = 100): FromSums => {
  const partAt = INDEX[part];
  const wholeAt = INDEX[whole];
  return (s) => {
    const base = s.offset ?? 0;
    return ratio(s.values[base + partAt] as number, s.values[base + wholeAt] as number, scale);
  };
};

/** Each metric a rollup can answer, from sums; the others need the conversations themselves. */
export const METRICS_FROM_SUMS: Record<string, FromSums> = {
  csat: rateOf('csat_top', 'csat_n'),
  csat_mean: meanOf('csat_sum', 'csat_n'),
  nps: (s) => ratio(field(s, 'nps_promoters') - field(s, 'nps_detractors'), field(s, 'nps_n')),
  ces: meanOf('ces_sum', 'ces_n'),
  negative_rate: rateOf('feedback_bottom', 'feedback_n'),
  response_rate: rateOf('survey_answered', 'survey_asked'),
  frt: meanOf('frt_sum', 'frt_n'),
  frt_median: (s) => quantileOf(s, 'frt', 0.5),
  frt_p90: (s) => quantileOf(s, 'frt', 0.9),
  art: meanOf('art_sum', 'art_n'),
  art_median: (s) => quantileOf(s, 'art', 0.5),
  art_p90: (s) => quantileOf(s, 'art', 0.9),
  aht: meanOf('aht_sum', 'aht_n'),
  aht_median: (s) => quantileOf(s, 'aht', 0.5),
  asa: meanOf('asa_sum', 'asa_n'),
  abandon_rate: rateOf('abandoned', 'offered'),
  answer_rate: (s) => ratio(field(s, 'offered') - field(s, 'abandoned'), field(s, 'offered')),
  sla: rateOf('sla_met', 'sla_targeted'),
  replies: meanOf('resolved_agent_messages', 'resolved'),
  transfer_rate: rateOf('transferred', 'transfer_known'),
  resolution_rate: rateOf('resolved', 'conversations'),
  fcr: rateOf('fcr', 'resolved'),
  conversion_rate: rateOf('converted', 'outcome_known'),
  complaint_rate: rateOf('complaints', 'conversations', 1000),
  iqs: meanOf('score_sum', 'scored_reviews'),
  iqs_manual: meanOf('manual_score_sum', 'manual_scored'),
  iqs_auto: meanOf('auto_score_sum', 'auto_scored'),
  pass_rate: rateOf('passed', 'pass_decided'),
  autofail_rate: rateOf('auto_failed', 'reviews'),
  coverage: rateOf('reviewed_conversations', 'conversations'),
};

/** The sketches a set of metrics reads. */
export function sketchesFor(metrics: readonly string[]): Sketched[] {
  return SKETCHED.filter((kind) => metrics.some((m) => m === `${kind}_median` || m === `${kind}_p90`));
}

/** Metrics whose rollup value is approximate (quantiles from sketches). */
export function isApproximate(metric: string): boolean {
  return /_(median|p90)$/.test(metric);
}
