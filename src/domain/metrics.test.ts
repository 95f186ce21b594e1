import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { METRICS, type MetricFacts, quantile } from './metrics.js';

const S = 1000;
function facts(overrides: Partial<MetricFacts>): MetricFacts {
  return {
    channel: 'chat',
    status: 'resolved',
    created_at: 0,
    resolved_at: 3600 * S,
    handle_s: null,
    wait_s: null,
    transfers: 0,
    abandoned: null,
    complaint: false,
    first_customer_at: 0,
    first_agent_at: 60 * S,
    first_at: 0,
    last_at: 600 * S,
    agent_messages: 2,
    reopened: 0,
    outcome: null,
    customer: null,
    repeat_contact: false,
    frt_target_s: null,
    feedback: [],
    review_scores: [],
    ...overrides,
  };
}

describe('metric formulas', () => {
  it('computes CSAT as the top-two box, NPS as promoters minus detractors, CES as a mean', () => {
    const rows = [
      facts({
        feedback: [
          { type: 'csat', score: 5, scale: 5 },
          { type: 'nps', score: 10, scale: 10 },
        ],
      }),
      facts({
        feedback: [
          { type: 'csat', score: 4, scale: 5 },
          { type: 'nps', score: 8, scale: 10 },
        ],
      }),
      facts({
        feedback: [
          { type: 'csat', score: 2, scale: 5 },
          { type: 'nps', score: 3, scale: 10 },
        ],
      }),
      facts({
        feedback: [
          { type: 'csat', score: 3, scale: 5 },
          { type: 'ces', score: 6, scale: 7 },
        ],
      }),
    ];
    assert.deepEqual(METRICS.csat?.(rows), { value: 50, n: 4 });
    assert.deepEqual(METRICS.nps?.(rows), { value: 0, n: 3 }); // one promoter, one passive, one detractor
    assert.deepEqual(METRICS.ces?.(rows), { value: 6, n: 1 });
    // Bottom two: csat 2 and nps 3? no: nps bottom two are 0–1; only the csat 2 of 8 answers.
    assert.deepEqual(METRICS.negative_rate?.(rows), { value: 12.5, n: 8 });
  });

  it('computes first response and resolution times with median and p90, leaving unanswered ones out', () => {
    const rows = [
      facts({ first_agent_at: 60 * S }),
      facts({ first_agent_at: 120 * S }),
      facts({ first_agent_at: 300 * S }),
      facts({ first_agent_at: null, status: 'open', resolved_at: null }),
    ];
    assert.deepEqual(METRICS.frt?.(rows), { value: 160, n: 3 });
    assert.deepEqual(METRICS.frt_median?.(rows), { value: 120, n: 3 });
    assert.equal(METRICS.frt_p90?.(rows).value, 264); // 120 + (300 − 120) · 0.8
    assert.deepEqual(METRICS.art?.(rows), { value: 3600, n: 3 });
    assert.deepEqual(METRICS.resolution_rate?.(rows), { value: 75, n: 4 });
  });

  it('uses the given handling time, else first to last utterance of a call', () => {
    const rows = [
      facts({ handle_s: 300 }),
      facts({ channel: 'phone', handle_s: null, first_at: 0, last_at: 500 * S }),
    ];
    assert.deepEqual(METRICS.aht?.(rows), { value: 400, n: 2 });
  });

  it('gives null, never 0, for an empty group', () => {
    for (const [id, metric] of Object.entries(METRICS)) {
      assert.equal(metric([]).value, null, id);
    }
  });

  it('computes quality figures from the reviews', () => {
    const rows = [
      facts({ review_scores: [{ kind: 'manual', score: 80, passed: true, auto_failed: false }] }),
      facts({ review_scores: [{ kind: 'auto', score: 0, passed: false, auto_failed: true }] }),
      facts({}),
    ];
    assert.deepEqual(METRICS.iqs?.(rows), { value: 40, n: 2 });
    assert.deepEqual(METRICS.iqs_manual?.(rows), { value: 80, n: 1 });
    assert.deepEqual(METRICS.pass_rate?.(rows), { value: 50, n: 2 });
    assert.deepEqual(METRICS.autofail_rate?.(rows), { value: 50, n: 2 });
    assert.equal(METRICS.coverage?.(rows).value, (2 / 3) * 100);
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  });

  it('counts first contact resolution over resolved conversations, without reopens or repeat contacts', () => {
    const rows = [
      facts({}),
      facts({ reopened: 1 }),
      facts({ repeat_contact: true }),
      facts({ status: 'open', resolved_at: null }),
      facts({ reopened: null }),
    ];
    assert.deepEqual(METRICS.fcr?.(rows), { value: 50, n: 4 });
    assert.deepEqual(METRICS.fcr?.([facts({ status: 'open' })]), { value: null, n: 0 });
  });

  it('counts repeat contacts per customer and leaves unknown customers out', () => {
    const rows = [
      facts({ customer: 1 }),
      facts({ customer: 1 }),
      facts({ customer: 2 }),
      facts({ customer: 3 }),
      facts({ customer: null }),
    ];
    assert.deepEqual(METRICS.repeat_rate?.(rows), { value: (1 / 3) * 100, n: 3 });
  });

  it('computes conversion over conversations with an outcome', () => {
    const rows = [
      facts({ outcome: 'converted' }),
      facts({ outcome: 'explained' }),
      facts({ outcome: 'converted' }),
      facts({ outcome: 'refund' }),
      facts({ outcome: null }),
    ];
    assert.deepEqual(METRICS.conversion_rate?.(rows), { value: 50, n: 4 });
  });

  it('computes the survey response rate over resolved or answered conversations', () => {
    const answered = [{ type: 'csat', score: 5, scale: 5 }];
    const rows = [
      facts({ feedback: answered }),
      facts({}),
      facts({}),
      facts({ status: 'open', feedback: answered }),
      facts({ status: 'open' }),
    ];
    assert.deepEqual(METRICS.response_rate?.(rows), { value: 50, n: 4 });
  });

  it('meets the first-response SLA at the target exactly, misses it when unanswered, ignores untargeted', () => {
    const rows = [
      facts({ frt_target_s: 60 }), // 60 s reply, target 60 s
      facts({ frt_target_s: 59 }),
      facts({ frt_target_s: 600, first_agent_at: null }),
      facts({ frt_target_s: null }),
      facts({ frt_target_s: 60, first_customer_at: null }),
    ];
    assert.deepEqual(METRICS.sla?.(rows), { value: (1 / 3) * 100, n: 3 });
  });

  it('averages category scores over rated categories and is null without any', () => {
    const rows = [
      facts({
        category_scores: [
          { key: 'empathy', score: 100 },
          { key: 'accuracy', score: 50 },
        ],
      }),
      facts({ category_scores: [{ key: 'empathy', score: 0 }] }),
    ];
    assert.deepEqual(METRICS.category_score?.(rows), { value: 50, n: 3 });
    assert.deepEqual(METRICS.category_score?.([facts({})]), { value: null, n: 0 });
  });

  it('computes NPS of 0, 7, 7, 9, 9, 9 as 33.3: three promoters, one detractor, two passives of six', () => {
    const rows = [0, 7, 7, 9, 9, 9].map((score) => facts({ feedback: [{ type: 'nps', score, scale: 10 }] }));
    const nps = METRICS.nps?.(rows);
    assert.equal(nps?.n, 6);
    assert.equal(Math.round((nps?.value as number) * 10) / 10, 33.3);
  });

  it('gives null, never 0, for every metric of an empty group', () => {
    for (const [metric, compute] of Object.entries(METRICS)) assert.equal(compute([]).value, null, metric);
  });
});
