import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketDays, type Goal, goalMet, goalProblems, metricDirection, pickGoal } from './goals.js';
import { METRIC_IDS } from './metrics.js';

const goal = (id: number, fields: Partial<Goal>): Goal => ({
  id,
  metric: 'csat',
  scope: 'organisation',
  scope_value: null,
  target: 80,
  valid_from: '2026-01-01',
  valid_to: null,
  ...fields,
});
const march = { first: '2026-03-01', last: '2026-03-31' };

describe('Goals', () => {
  it('knows which way is better for each metric family', () => {
    for (const metric of ['csat', 'nps', 'ces', 'resolution_rate', 'iqs', 'pass_rate', 'fcr', 'sla'])
      assert.equal(metricDirection(metric), 'higher', metric);
    for (const metric of ['frt', 'frt_median', 'frt_p90', 'art_p90', 'aht_median', 'asa', 'replies'])
      assert.equal(metricDirection(metric), 'lower', metric);
    for (const metric of ['abandon_rate', 'transfer_rate', 'negative_rate', 'complaint_rate', 'repeat_rate'])
      assert.equal(metricDirection(metric), 'lower', metric);
    assert.equal(metricDirection('weather'), undefined);
  });

  it('meets a goal at or above the target when higher is better, at or below when lower is', () => {
    assert.equal(goalMet('csat', 80, 80), true);
    assert.equal(goalMet('csat', 79.9, 80), false);
    assert.equal(goalMet('frt_median', 120, 120), true);
    assert.equal(goalMet('frt_median', 121, 120), false);
    assert.equal(goalMet('csat', null, 80), null, 'no data: unknown, not missed');
    assert.equal(goalMet('csat', 90, null), null);
  });

  it('holds a row against the most specific goal in force: agent, team, channel, organisation', () => {
    const goals = [
      goal(1, {}),
      goal(2, { scope: 'channel', scope_value: 'chat', target: 82 }),
      goal(3, { scope: 'team', scope_value: 'Zagreb L1', target: 85 }),
      goal(4, { scope: 'agent', scope_value: 'a-1', target: 90 }),
      goal(5, { metric: 'nps', target: 30 }),
    ];
    const context = { team: 'Zagreb L1', agent: 'a-1', channel: 'chat' };
    assert.equal(pickGoal(goals, 'csat', context, march)?.id, 4);
    assert.equal(pickGoal(goals, 'csat', { ...context, agent: 'a-2' }, march)?.id, 3);
    assert.equal(pickGoal(goals, 'csat', { channel: 'chat' }, march)?.id, 2);
    assert.equal(pickGoal(goals, 'csat', { channel: 'email' }, march)?.id, 1);
    assert.equal(pickGoal(goals, 'nps', context, march)?.id, 5);
    assert.equal(pickGoal(goals, 'ces', context, march), undefined);
  });

  it('applies a goal only to buckets lying wholly in its days, the later start winning a tie', () => {
    const goals = [
      goal(1, { valid_to: '2026-03-15' }),
      goal(2, { valid_from: '2026-03-16', target: 85 }),
      goal(3, { valid_from: '2026-02-01', target: 70 }),
    ];
    assert.equal(pickGoal(goals, 'csat', {}, { first: '2026-03-02', last: '2026-03-08' })?.id, 3);
    assert.equal(pickGoal(goals, 'csat', {}, { first: '2026-03-16', last: '2026-03-22' })?.id, 2);
    assert.equal(pickGoal(goals.slice(0, 2), 'csat', {}, march), undefined, 'neither covers all March');
  });

  it('turns time bucket labels into their calendar days', () => {
    assert.deepEqual(bucketDays('week', '2026-W10'), { first: '2026-03-02', last: '2026-03-08' });
    assert.deepEqual(bucketDays('week', '2026-W01'), { first: '2025-12-29', last: '2026-01-04' });
    assert.deepEqual(bucketDays('month', '2024-02'), { first: '2024-02-01', last: '2024-02-29' });
    assert.deepEqual(bucketDays('quarter', '2026-Q4'), { first: '2026-10-01', last: '2026-12-31' });
    assert.deepEqual(bucketDays('day', '2026-03-05'), { first: '2026-03-05', last: '2026-03-05' });
    assert.equal(bucketDays('hour', '9'), undefined);
  });

  it('refuses a target the metric can never take, and accepts the edges', () => {
    const fieldsOf = (metric: string, target: number) =>
      goalProblems({ metric, target }, METRIC_IDS).map((p) => p.field);
    assert.deepEqual(fieldsOf('csat', 150), ['target']);
    assert.deepEqual(fieldsOf('csat', 100), []);
    assert.deepEqual(fieldsOf('nps', -100), []);
    assert.deepEqual(fieldsOf('nps', -101), ['target']);
    assert.deepEqual(fieldsOf('frt_median', -1), ['target']);
    assert.deepEqual(fieldsOf('frt_median', 86_400), []);
    assert.deepEqual(fieldsOf('complaint_rate', 250), []);
  });

  it('names the field and reason of every problem of a goal', () => {
    const problems = goalProblems(
      {
        metric: 'happiness',
        scope: 'planet',
        target: Number.NaN,
        valid_from: '2026-04-01',
        valid_to: '2026-02-30',
      },
      METRIC_IDS,
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['metric', 'scope', 'target', 'valid_to'],
    );
    assert.match(
      goalProblems({ valid_from: '2026-04-01', valid_to: '2026-03-01' }, METRIC_IDS)[0]?.reason ?? '',
      /before valid_from/,
    );
    assert.equal(goalProblems({ scope: 'team', scope_value: ' ' }, METRIC_IDS)[0]?.field, 'scope_value');
    assert.equal(
      goalProblems({ scope: 'organisation', scope_value: 'x' }, METRIC_IDS)[0]?.field,
      'scope_value',
    );
    assert.deepEqual(
      goalProblems(
        { metric: 'csat', scope: 'agent', scope_value: 'a-1', target: 80, valid_from: '2026-01-01' },
        METRIC_IDS,
      ),
      [],
    );
  });
});
