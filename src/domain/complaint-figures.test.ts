import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ComplaintFacts, complaintFigures } from './complaint-figures.js';

const H = 3_600_000;
const base: ComplaintFacts = {
  status: 'received',
  received_at: 0,
  acknowledge_due_at: 8 * H,
  resolve_due_at: 72 * H,
  acknowledged_at: null,
  resolved_at: null,
  reopen_count: 0,
  resolution_type: null,
};

describe('complaint figures', () => {
  it('computes every figure from a small register worked by hand', () => {
    const rows: ComplaintFacts[] = [
      // Acknowledged on time, resolved late (80 h), closed with a refund.
      {
        ...base,
        status: 'closed',
        acknowledged_at: 2 * H,
        resolved_at: 80 * H,
        resolution_type: 'refund_or_return',
      },
      // Acknowledged late, resolved on time (24 h), reopened once, now resolved with an explanation.
      {
        ...base,
        status: 'resolved',
        acknowledged_at: 10 * H,
        resolved_at: 24 * H,
        reopen_count: 1,
        resolution_type: 'explanation',
      },
      // Not acknowledged, acknowledge deadline passed, resolve deadline not yet.
      { ...base, status: 'received' },
    ];
    const figures = complaintFigures(rows, 1500, 20 * H);
    assert.equal(figures.complaint_rate, 2); // 3 of 1,500 conversations → 2 per 1,000
    assert.equal(figures.acknowledged_within_target, (1 / 3) * 100);
    assert.equal(figures.acknowledged_within_target_n, 3);
    assert.equal(figures.resolved_within_target, 50); // the third is not decided yet
    assert.equal(figures.resolved_within_target_n, 2);
    assert.equal(figures.time_to_resolve_median, 52 * 3600); // median of 80 h and 24 h
    assert.equal(figures.reopened, 50);
    assert.deepEqual(figures.resolution_types, { refund_or_return: 50, explanation: 50 });
  });

  it('gives null, never 0, where there is no data', () => {
    const figures = complaintFigures([], 0, 0);
    assert.equal(figures.complaint_rate, null);
    assert.equal(figures.acknowledged_within_target, null);
    assert.equal(figures.time_to_resolve_median, null);
    assert.equal(figures.reopened, null);
  });
});
