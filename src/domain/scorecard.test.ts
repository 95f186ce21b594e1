import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCORECARD } from './default-scorecard.js';
import {
  type CategoryRating,
  categoryApplies,
  prefillFromChecks,
  type ScorecardCategory,
  type ScorecardDefinition,
  scoreReview,
  validateDefinition,
  validateRatings,
} from './scorecard.js';

function category(key: string, overrides: Partial<ScorecardCategory> = {}): ScorecardCategory {
  return {
    key,
    name: key,
    group: '',
    weight: 1,
    scale: '5-point',
    critical: false,
    allowNa: true,
    rootCauses: ['knowledge'],
    guidance: '',
    autoqaCheck: null,
    appliesTo: {},
    ...overrides,
  };
}

function card(categories: ScorecardCategory[], passMark = 80): ScorecardDefinition {
  return { name: 'Test', description: '', passMark, categories };
}

const rate = (key: string, rating: number | null, na = false): CategoryRating => ({ key, rating, na });

describe('review score', () => {
  it('maps a scale linearly: lowest point 0, highest 100', () => {
    const definition = card([category('a')]);
    assert.equal(scoreReview(definition, [rate('a', 1)]).score, 0);
    assert.equal(scoreReview(definition, [rate('a', 3)]).score, 50);
    assert.equal(scoreReview(definition, [rate('a', 5)]).score, 100);
  });

  it('weights categories: Σ(w × score) ÷ Σ(w × max)', () => {
    // weight 3 at 100 % and weight 1 at 0 % → 3 ÷ 4 = 75 %.
    const definition = card([category('a', { weight: 3 }), category('b', { weight: 1 })]);
    const score = scoreReview(definition, [rate('a', 5), rate('b', 1)]);
    assert.equal(score.score, 75);
    assert.equal(score.passed, false);
  });

  it('mixes scales: binary pass, 4-point at 3 of 4, 1–10 at 10', () => {
    // binary 1 → 1; 4-point 3 → (3-1)/(4-1) = 2/3; 1-10 at 10 → 1; weights 1, 3, 2:
    // (1 + 3 × 2/3 + 2) ÷ 6 = 5/6 = 83.33 %.
    const definition = card([
      category('pass', { scale: 'binary' }),
      category('four', { scale: '4-point', weight: 3 }),
      category('ten', { scale: '1-10', weight: 2 }),
    ]);
    const score = scoreReview(definition, [rate('pass', 1), rate('four', 3), rate('ten', 10)]);
    assert.ok(Math.abs((score.score as number) - 250 / 3) < 1e-9);
    assert.equal(score.passed, true);
  });

  it('leaves N/A and unrated categories out of both sums', () => {
    const definition = card([category('a', { weight: 5 }), category('b'), category('c', { weight: 2 })]);
    const score = scoreReview(definition, [rate('a', null, true), rate('b', 5)]);
    assert.equal(score.score, 100);
    assert.equal(score.categories.find((c) => c.key === 'a')?.score, null);
  });

  it('gives no score (null, never 0) when every category is N/A', () => {
    const definition = card([category('a'), category('b')]);
    const score = scoreReview(definition, [rate('a', null, true), rate('b', null, true)]);
    assert.equal(score.score, null);
    assert.equal(score.passed, null);
    assert.equal(score.autoFailed, false);
  });

  it('fails the whole review (0) when a critical category is at the bottom of its scale', () => {
    const definition = card([
      category('a', { weight: 10 }),
      category('crit', { scale: 'binary', critical: true }),
    ]);
    const failed = scoreReview(definition, [rate('a', 5), rate('crit', 0)]);
    assert.equal(failed.score, 0);
    assert.equal(failed.autoFailed, true);
    assert.equal(failed.passed, false);
    const passed = scoreReview(definition, [rate('a', 5), rate('crit', 1)]);
    assert.equal(passed.score, 100);
    assert.equal(passed.autoFailed, false);
  });

  it('does not auto-fail on a critical category marked N/A', () => {
    const definition = card([category('a'), category('crit', { scale: 'binary', critical: true })]);
    const score = scoreReview(definition, [rate('a', 4), rate('crit', null, true)]);
    assert.equal(score.score, 75);
    assert.equal(score.autoFailed, false);
  });

  it('passes at exactly the pass mark', () => {
    const definition = card([category('a', { scale: '5-point' })], 75);
    assert.equal(scoreReview(definition, [rate('a', 4)]).passed, true);
  });

  it('ignores categories that do not apply to the conversation', () => {
    const definition = card([category('a'), category('call', { appliesTo: { channels: ['call'] } })]);
    const applicable = new Set(['a']);
    assert.equal(scoreReview(definition, [rate('a', 5), rate('call', 1)], applicable).score, 100);
  });
});

describe('ratings validation', () => {
  const definition = card([
    category('a', { allowNa: false }),
    category('b', { scale: 'binary' }),
    category('c', { scale: '3-point', rootCauses: ['process'] }),
  ]);

  it('names the rating and the reason for points off the scale', () => {
    const problems = validateRatings(definition, [rate('a', 6), rate('b', 0.5), rate('c', 0)]);
    assert.deepEqual(
      problems.map((p) => p.field),
      ['ratings[0].rating', 'ratings[1].rating', 'ratings[2].rating'],
    );
    assert.match(problems[0]?.reason ?? '', /1 to 5/);
  });

  it('refuses N/A where the category does not allow it, unknown keys and foreign root causes', () => {
    const problems = validateRatings(definition, [
      rate('a', null, true),
      rate('zzz', 1),
      { key: 'c', rating: 2, na: false, rootCause: 'weather' },
    ]);
    assert.deepEqual(
      problems.map((p) => p.field),
      ['ratings[0].na', 'ratings[1].key', 'ratings[2].rootCause'],
    );
  });

  it('lets a draft leave categories unrated but not a submission', () => {
    assert.deepEqual(validateRatings(definition, [rate('a', 3)]), []);
    const problems = validateRatings(definition, [rate('a', 3)], { requireAll: true });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['ratings.b', 'ratings.c'],
    );
    const onlyA = validateRatings(definition, [rate('a', 3)], {
      requireAll: true,
      applicableKeys: new Set(['a']),
    });
    assert.deepEqual(onlyA, []);
  });
});

describe('scorecard definition', () => {
  it('accepts the shipped default scorecard', () => {
    assert.deepEqual(validateDefinition(DEFAULT_SCORECARD), []);
  });

  it('refuses duplicate keys, bad weights and an empty card', () => {
    const problems = validateDefinition(card([category('a'), category('a', { weight: 0 })]));
    assert.deepEqual(
      problems.map((p) => p.field),
      ['categories[1].key', 'categories[1].weight'],
    );
    assert.equal(validateDefinition(card([]))[0]?.field, 'categories');
  });

  it('applies a category only to the listed channels, teams and languages', () => {
    const calls = category('x', { appliesTo: { channels: ['call'], languages: ['hr'] } });
    assert.equal(categoryApplies(calls, { channel: 'call', team: null, language: 'hr' }), true);
    assert.equal(categoryApplies(calls, { channel: 'chat', team: null, language: 'hr' }), false);
    assert.equal(categoryApplies(calls, { channel: 'call', team: null, language: null }), false);
  });
});

describe('AutoQA pre-fill', () => {
  it('rates linked categories: pass → top, fail → bottom, na → N/A where allowed', () => {
    const definition = card([
      category('greet', { scale: 'binary', autoqaCheck: 'greeting' }),
      category('tone', { scale: '5-point', autoqaCheck: 'positive_tone' }),
      category('empathy', { autoqaCheck: 'empathy' }),
      category('strict', { autoqaCheck: 'thanks', allowNa: false }),
      category('manual'),
    ]);
    const ratings = prefillFromChecks(definition, {
      greeting: 'pass',
      positive_tone: 'fail',
      empathy: 'na',
      thanks: 'na',
    });
    assert.deepEqual(ratings, [
      { key: 'greet', rating: 1, na: false },
      { key: 'tone', rating: 1, na: false },
      { key: 'empathy', rating: null, na: true },
    ]);
  });
});
