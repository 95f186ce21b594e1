import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csatPercent, type DriverObservation, rankDrivers } from './drivers.js';

const csat = new Map([
  [1, 100],
  [2, 75],
  [3, 50],
  [4, 0],
  [5, 25],
]);

describe('Driver strength', () => {
  it('matches Spearman worked by hand: ranks differ by one in two places, ρ = 1 − 6·2/(5·24) = 0.9', () => {
    const knowledge = [100, 50, 75, 0, 25].map((value, i) => ({
      source: 'manual_review' as const,
      key: 'knowledge',
      conversation_id: i + 1,
      value,
    }));
    const [driver] = rankDrivers(csat, knowledge);
    assert.deepEqual(driver, { source: 'manual_review', key: 'knowledge', n: 5, rho: 0.9 });
  });

  it('gives tied pass/fail values their average rank: ρ = 4/√20 for two passes and two fails', () => {
    // Check ranks 3.5, 3.5, 1.5, 1.5 against CSAT ranks 4, 3, 2, 1: Σ(dx·dy) = 4, Σdx² = 4, Σdy² = 5.
    const greeting = [1, 1, 0, 0].map((value, i) => ({
      source: 'autoqa_check' as const,
      key: 'greeting',
      conversation_id: i + 1,
      value,
    }));
    const [driver] = rankDrivers(csat, greeting);
    assert.equal(driver?.n, 4);
    assert.equal(driver?.rho, Math.round((4 / Math.sqrt(20)) * 10_000) / 10_000);
  });

  it('ranks by |ρ| with a strong negative driver above a weak positive one, nulls last', () => {
    const observations: DriverObservation[] = [
      // Falls as CSAT rises: ρ = −1.
      ...[0, 25, 50, 100, 75].map((value, i) => ({
        source: 'auto_review' as const,
        key: 'blame',
        conversation_id: i + 1,
        value,
      })),
      ...[100, 50, 75, 0, 25].map((value, i) => ({
        source: 'manual_review' as const,
        key: 'knowledge',
        conversation_id: i + 1,
        value,
      })),
      // Never varies: no correlation can be told.
      ...[1, 1, 1, 1].map((value, i) => ({
        source: 'autoqa_check' as const,
        key: 'thanks',
        conversation_id: i + 1,
        value,
      })),
      // Two conversations only.
      { source: 'autoqa_check', key: 'rare', conversation_id: 1, value: 1 },
      { source: 'autoqa_check', key: 'rare', conversation_id: 2, value: 0 },
    ];
    const ranked = rankDrivers(csat, observations);
    assert.deepEqual(
      ranked.map((d) => [d.key, d.rho, d.n]),
      [
        ['blame', -1, 5],
        ['knowledge', 0.9, 5],
        ['thanks', null, 4],
        ['rare', null, 2],
      ],
    );
  });

  it('counts a behaviour rated twice in one conversation once, at its mean, and skips conversations without CSAT', () => {
    const ranked = rankDrivers(csat, [
      { source: 'manual_review', key: 'k', conversation_id: 1, value: 100 },
      { source: 'manual_review', key: 'k', conversation_id: 1, value: 80 },
      { source: 'manual_review', key: 'k', conversation_id: 2, value: 50 },
      { source: 'manual_review', key: 'k', conversation_id: 3, value: 10 },
      { source: 'manual_review', key: 'k', conversation_id: 99, value: 0 },
    ]);
    assert.deepEqual(ranked, [{ source: 'manual_review', key: 'k', n: 3, rho: 1 }]);
  });

  it('puts every CSAT scale on 0–100, lowest point 0', () => {
    assert.equal(csatPercent(5, 5), 100);
    assert.equal(csatPercent(1, 5), 0);
    assert.equal(csatPercent(3, 5), 50);
    assert.equal(csatPercent(7, 10), (6 / 9) * 100);
  });
});
