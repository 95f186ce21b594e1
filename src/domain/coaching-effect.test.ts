import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coachingEffect, effectWindow, type ScoreObservation, sideOf } from './coaching-effect.js';

const DAY = 86_400_000;
const HELD = Date.UTC(2026, 2, 10, 12);
const NOW = HELD + 20 * DAY;
const window = effectWindow(HELD, NOW);

function score(
  category: string | null,
  origin: 'manual' | 'auto',
  daysFromSession: number,
  value: number,
): ScoreObservation {
  return { category, origin, at: HELD + daysFromSession * DAY, score: value };
}

describe('coaching effect', () => {
  it('puts the 30 days before the session before it, and the session itself up to now since', () => {
    assert.deepEqual(window, { beforeFrom: HELD - 30 * DAY, heldAt: HELD, sinceTo: NOW });
    assert.equal(sideOf(HELD - 30 * DAY, window), 'before');
    assert.equal(sideOf(HELD - 30 * DAY - 1, window), null);
    assert.equal(sideOf(HELD - 1, window), 'before');
    assert.equal(sideOf(HELD, window), 'since');
    assert.equal(sideOf(NOW, window), 'since');
    assert.equal(sideOf(NOW + 1, window), null);
  });

  it('averages each side, manual and automatic apart and together, with counts and the difference', () => {
    const effect = coachingEffect(
      [
        score('empathy', 'manual', -3, 50),
        score('empathy', 'auto', -2, 0),
        score('empathy', 'auto', -1, 100),
        score('empathy', 'manual', 2, 100),
        score('empathy', 'manual', 5, 80),
        score(null, 'manual', -3, 60),
        score(null, 'manual', 2, 90),
      ],
      ['empathy'],
      window,
    );
    const empathy = effect.categories.empathy;
    assert.deepEqual(empathy?.manual, {
      before: { mean: 50, n: 1 },
      since: { mean: 90, n: 2 },
      difference: 40,
    });
    assert.deepEqual(empathy?.auto, {
      before: { mean: 50, n: 2 },
      since: { mean: null, n: 0 },
      difference: null,
    });
    // Together every score counts once: (50 + 0 + 100) / 3 before, (100 + 80) / 2 since.
    assert.deepEqual(empathy?.all, {
      before: { mean: 50, n: 3 },
      since: { mean: 90, n: 2 },
      difference: 40,
    });
    assert.equal(effect.overall.all.difference, 30);
  });

  it('reports null, never 0, where a side has no scores, and a focus category without any', () => {
    const effect = coachingEffect([score('greeting', 'auto', -1, 0)], ['greeting', 'thanks'], window);
    assert.deepEqual(effect.categories.greeting?.auto.before, { mean: 0, n: 1 }, 'a real 0 stays 0');
    assert.equal(effect.categories.greeting?.auto.since.mean, null);
    assert.equal(effect.categories.greeting?.auto.difference, null);
    assert.deepEqual(effect.categories.thanks?.all, {
      before: { mean: null, n: 0 },
      since: { mean: null, n: 0 },
      difference: null,
    });
    assert.equal(effect.overall.all.before.mean, null);
    assert.deepEqual(Object.keys(effect.categories), ['greeting', 'thanks']);
  });

  it('leaves out scores outside both windows and scores that are not numbers', () => {
    const effect = coachingEffect(
      [
        score('empathy', 'manual', -31, 0),
        score('empathy', 'manual', 21, 0),
        score('empathy', 'manual', -1, Number.NaN),
        score('empathy', 'manual', -1, 70),
      ],
      ['empathy'],
      window,
    );
    assert.deepEqual(effect.categories.empathy?.manual.before, { mean: 70, n: 1 });
    assert.equal(effect.categories.empathy?.manual.since.n, 0);
  });

  it('has nothing since a session that lies in the future', () => {
    const planned = effectWindow(NOW + DAY, NOW);
    const effect = coachingEffect([score(null, 'manual', 0, 80)], [], planned);
    assert.deepEqual(effect.overall.manual.before, { mean: 80, n: 1 });
    assert.deepEqual(effect.overall.manual.since, { mean: null, n: 0 });
  });
});
