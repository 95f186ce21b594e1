import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coachingEffect, type ScoreSample } from './coaching-effect.js';

describe('coaching effect', () => {
  it('averages before and since, manual and automatic apart and together', () => {
    const samples: ScoreSample[] = [
      { key: 'empathy', kind: 'manual', phase: 'before', score: 50 },
      { key: 'empathy', kind: 'auto', phase: 'before', score: 0 },
      { key: 'empathy', kind: 'auto', phase: 'before', score: 100 },
      { key: 'empathy', kind: 'manual', phase: 'since', score: 100 },
      { key: null, kind: 'manual', phase: 'before', score: 60 },
      { key: null, kind: 'manual', phase: 'since', score: 90 },
    ];
    const effect = coachingEffect(samples, ['empathy', 'greeting']);
    assert.deepEqual(effect.categories.empathy?.before, {
      manual: { mean: 50, n: 1 },
      auto: { mean: 50, n: 2 },
      all: { mean: 50, n: 3 },
    });
    assert.equal(effect.categories.empathy?.since.all.mean, 100);
    assert.equal(effect.categories.empathy?.change, 50);
    assert.equal(effect.overall.change, 30);
  });

  it('reports null, never 0, where a side has no data', () => {
    const effect = coachingEffect(
      [{ key: 'greeting', kind: 'auto', phase: 'before', score: 0 }],
      ['greeting', 'thanks'],
    );
    assert.equal(effect.categories.greeting?.since.all.mean, null);
    assert.equal(effect.categories.greeting?.change, null);
    assert.deepEqual(effect.categories.thanks?.before.all, { mean: null, n: 0 });
    assert.equal(effect.overall.change, null);
  });
});
