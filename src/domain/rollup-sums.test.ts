import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { METRICS, type MetricFacts } from './metrics.js';
import { SKETCH_RELATIVE_ERROR } from './quantile-sketch.js';
import {
  addEncoded,
  addFacts,
  decodeSums,
  emptySums,
  encodeSums,
  isApproximate,
  METRICS_FROM_SUMS,
  mergeSums,
  SKETCHED,
} from './rollup-sums.js';

// A small seeded generator so a failure can be replayed.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomFacts(next: () => number): MetricFacts {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const created = Math.floor(next() * 1e9);
  const firstCustomer = next() < 0.9 ? created : null;
  const firstAgent =
    firstCustomer !== null && next() < 0.85 ? firstCustomer + Math.floor(next() * 4e6) : null;
  const status = pick(['open', 'resolved', 'closed', null]);
  const feedback: Array<{ type: string; score: number; scale: number }> = [];
  if (next() < 0.4) feedback.push({ type: 'csat', score: 1 + Math.floor(next() * 5), scale: 5 });
  if (next() < 0.2) feedback.push({ type: 'nps', score: Math.floor(next() * 11), scale: 10 });
  if (next() < 0.1) feedback.push({ type: 'ces', score: 1 + Math.floor(next() * 7), scale: 7 });
  const reviews = Array.from({ length: Math.floor(next() * 3) }, () => ({
    kind: pick(['manual', 'auto']),
    score: next() < 0.9 ? Math.round(next() * 1000) / 10 : null,
    passed: next() < 0.8 ? next() < 0.6 : null,
    auto_failed: next() < 0.1,
  }));
  return {
    channel: pick(['chat', 'email', 'phone']),
    status,
    created_at: created,
    resolved_at: status === 'resolved' || status === 'closed' ? created + Math.floor(next() * 9e7) : null,
    handle_s: next() < 0.5 ? Math.round(next() * 9000) / 10 : null,
    wait_s: next() < 0.3 ? Math.round(next() * 600) : null,
    transfers: next() < 0.7 ? Math.floor(next() * 3) : null,
    abandoned: next() < 0.3 ? next() < 0.2 : null,
    complaint: next() < 0.1,
    first_customer_at: firstCustomer,
    first_agent_at: firstAgent,
    first_at: created,
    last_at: created + Math.floor(next() * 3e6),
    agent_messages: Math.floor(next() * 8),
    reopened: next() < 0.8 ? Math.floor(next() * 2) : null,
    outcome: next() < 0.5 ? pick(['converted', 'refund', 'explained']) : null,
    customer: Math.floor(next() * 50),
    repeat_contact: next() < 0.2,
    frt_target_s: next() < 0.8 ? pick([60, 600, 3600]) : null,
    feedback,
    review_scores: reviews,
  };
}

describe('rollup sums', () => {
  it('give every rollup metric the value the conversations give, quantiles within the sketch error', () => {
    const next = random(42);
    const rows = Array.from({ length: 2000 }, () => randomFacts(next));
    // Split into uneven cells, store and read each back, then add the cells up.
    const total = emptySums();
    for (let at = 0; at < rows.length; ) {
      const size = 1 + Math.floor(next() * 40);
      const cell = emptySums();
      for (const row of rows.slice(at, at + size)) addFacts(cell, row);
      addEncoded(total, encodeSums(cell), SKETCHED);
      at += size;
    }
    for (const [metric, fromSums] of Object.entries(METRICS_FROM_SUMS)) {
      const exact = METRICS[metric]?.(rows);
      const rolled = fromSums(total);
      assert.ok(exact, metric);
      assert.equal(rolled.n, exact.n, `${metric} count`);
      if (exact.value === null) {
        assert.equal(rolled.value, null, metric);
      } else if (isApproximate(metric)) {
        const error = Math.abs((rolled.value as number) - exact.value) / Math.max(exact.value, 1e-9);
        assert.ok(error <= SKETCH_RELATIVE_ERROR, `${metric}: ${rolled.value} vs ${exact.value}`);
      } else {
        assert.ok(
          Math.abs((rolled.value as number) - exact.value) < 1e-9,
          `${metric}: ${rolled.value} vs ${exact.value}`,
        );
      }
    }
  });

  it('are null with a zero count where a group has no data', () => {
    const empty = emptySums();
    for (const fromSums of Object.values(METRICS_FROM_SUMS))
      assert.deepEqual(fromSums(empty), { value: null, n: 0 });
  });

  it('survive encoding, and merging in any order gives the same sums', () => {
    const next = random(7);
    const a = emptySums();
    const b = emptySums();
    for (let i = 0; i < 50; i += 1) addFacts(i % 2 ? a : b, randomFacts(next));
    const ab = decodeSums(encodeSums(a));
    mergeSums(ab, b);
    const ba = decodeSums(encodeSums(b));
    mergeSums(ba, a);
    assert.deepEqual([...ab.values], [...ba.values]);
    for (const kind of SKETCHED)
      assert.deepEqual(new Map([...ab.sketches[kind]].sort()), new Map([...ba.sketches[kind]].sort()));
  });
});
