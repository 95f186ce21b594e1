import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayOf, isoWeekOf, isoWeekRange, monthOf, previousIsoWeek } from './calendar.js';
import { assignEvenly, type SamplingCandidate, samplePerAgent } from './sampling.js';

function candidates(perAgent: Record<number, number>): SamplingCandidate[] {
  const list: SamplingCandidate[] = [];
  let id = 1;
  for (const [agent, count] of Object.entries(perAgent)) {
    for (let i = 0; i < count; i += 1) list.push({ conversationId: id++, agentId: Number(agent) });
  }
  return list;
}

describe('sampling per agent', () => {
  it('gives every agent exactly N when they have N or more, and all they have otherwise', () => {
    const sample = samplePerAgent(candidates({ 1: 40, 2: 5, 3: 3, 4: 0 }), 5, 'seed');
    const count = (agent: number) => sample.filter((s) => s.agentId === agent).length;
    assert.equal(count(1), 5);
    assert.equal(count(2), 5);
    assert.equal(count(3), 3);
    assert.equal(count(4), 0);
    assert.equal(new Set(sample.map((s) => s.conversationId)).size, sample.length, 'no conversation twice');
  });

  it('is reproducible from the seed whatever the order of the candidates', () => {
    const list = candidates({ 1: 50, 2: 50 });
    const first = samplePerAgent(list, 4, '2026-W10:rule-1');
    const shuffled = samplePerAgent([...list].reverse(), 4, '2026-W10:rule-1');
    assert.deepEqual(first, shuffled);
    const other = samplePerAgent(list, 4, '2026-W11:rule-1');
    assert.notDeepEqual(first, other, 'another week samples other conversations');
  });

  it('picks every conversation about equally often over many seeds', () => {
    const list = candidates({ 1: 10 });
    const hits = new Map<number, number>();
    for (let run = 0; run < 2000; run += 1) {
      for (const pick of samplePerAgent(list, 2, `run-${run}`)) {
        hits.set(pick.conversationId, (hits.get(pick.conversationId) ?? 0) + 1);
      }
    }
    // Expected 400 each (2000 × 2 / 10); a uniform sampler stays well within ±25 %.
    for (const count of hits.values()) assert.ok(count > 300 && count < 500, `count ${count}`);
  });
});

describe('even assignment', () => {
  it('spreads conversations so loads differ by at most one, counting existing loads', () => {
    const picks = candidates({ 1: 7, 2: 6 });
    const { assignments, unassigned } = assignEvenly(picks, [
      { userId: 10, agentId: null, load: 3 },
      { userId: 11, agentId: null, load: 0 },
      { userId: 12, agentId: null, load: 1 },
    ]);
    assert.equal(unassigned.length, 0);
    const load = (user: number, start: number) =>
      start + assignments.filter((a) => a.reviewerUserId === user).length;
    const loads = [load(10, 3), load(11, 0), load(12, 1)];
    assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads}`);
  });

  it('never gives a reviewer their own conversations, and returns what nobody may take', () => {
    const picks = candidates({ 1: 4, 2: 4 });
    const { assignments, unassigned } = assignEvenly(picks, [{ userId: 10, agentId: 1, load: 0 }]);
    assert.ok(assignments.every((a) => a.agentId !== 1));
    assert.equal(assignments.length, 4);
    assert.deepEqual(
      unassigned.map((u) => u.agentId),
      [1, 1, 1, 1],
    );
    const two = assignEvenly(picks, [
      { userId: 10, agentId: 1, load: 0 },
      { userId: 11, agentId: 2, load: 0 },
    ]);
    assert.ok(two.assignments.every((a) => (a.reviewerUserId === 10 ? a.agentId === 2 : a.agentId === 1)));
    assert.equal(two.unassigned.length, 0);
  });
});

describe('ISO weeks', () => {
  it('names weeks across the year boundary (2026 has 53 weeks)', () => {
    assert.equal(isoWeekOf(Date.UTC(2026, 11, 31)), '2026-W53');
    assert.equal(isoWeekOf(Date.UTC(2027, 0, 3)), '2026-W53');
    assert.equal(isoWeekOf(Date.UTC(2027, 0, 4)), '2027-W01');
    assert.equal(isoWeekOf(Date.UTC(2025, 11, 29)), '2026-W01');
    assert.throws(() => isoWeekRange('2025-W53'), /2025 has no week 53/);
  });

  it('starts a week at local midnight on Monday in the time zone, across a change to summer time', () => {
    // 2026-W13 runs from Monday 23 March; Zagreb moves to summer time on Sunday 29 March.
    const range = isoWeekRange('2026-W13', 'Europe/Zagreb');
    assert.equal(new Date(range.from).toISOString(), '2026-03-22T23:00:00.000Z');
    assert.equal(new Date(range.to).toISOString(), '2026-03-29T22:00:00.000Z');
    // Sunday 23:30 in Zagreb is still the same week; Monday 00:30 is the next.
    assert.equal(isoWeekOf(Date.parse('2026-03-29T21:30:00Z'), 'Europe/Zagreb'), '2026-W13');
    assert.equal(isoWeekOf(Date.parse('2026-03-29T22:30:00Z'), 'Europe/Zagreb'), '2026-W14');
  });

  it('finds the last complete week', () => {
    assert.equal(previousIsoWeek(Date.parse('2026-11-25T12:00:00Z')), '2026-W47');
  });

  it('names months and days in the time zone', () => {
    // 23:30 UTC on 31 March is already 1 April in Zagreb (UTC+2 in summer).
    const instant = Date.parse('2026-03-31T23:30:00Z');
    assert.equal(monthOf(instant), '2026-03');
    assert.equal(monthOf(instant, 'Europe/Zagreb'), '2026-04');
    assert.equal(dayOf(instant, 'Europe/Zagreb'), '2026-04-01');
  });
});

describe('topping up a sample', () => {
  it('takes only what an agent still lacks in the period', () => {
    const list = candidates({ 1: 10, 2: 10 });
    const sample = samplePerAgent(
      list,
      4,
      's',
      new Map([
        [1, 4],
        [2, 1],
      ]),
    );
    assert.equal(sample.filter((s) => s.agentId === 1).length, 0);
    assert.equal(sample.filter((s) => s.agentId === 2).length, 3);
  });
});

describe('fairness over many random cases', () => {
  // A small LCG so the cases are the same on every run.
  function lcg(seed: number) {
    let state = seed;
    return (below: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % below;
    };
  }

  it('gives exactly min(N, available) per agent, never self-assigns, and levels loads', () => {
    for (let run = 0; run < 300; run += 1) {
      const next = lcg(run + 1);
      const available: Record<number, number> = {};
      for (let agent = 1; agent <= 1 + next(6); agent += 1) available[agent] = next(9);
      const perAgent = 1 + next(5);
      const sample = samplePerAgent(candidates(available), perAgent, `run-${run}`);
      for (const [agent, count] of Object.entries(available)) {
        const got = sample.filter((s) => s.agentId === Number(agent)).length;
        assert.equal(got, Math.min(perAgent, count), `run ${run}, agent ${agent}`);
      }
      // Some reviewers are agents too; every one starts with a random load.
      const reviewers = Array.from({ length: 1 + next(4) }, (_, i) => ({
        userId: 100 + i,
        agentId: next(2) === 0 ? 1 + next(6) : null,
        load: next(3),
      }));
      const { assignments, unassigned } = assignEvenly(sample, reviewers);
      assert.equal(assignments.length + unassigned.length, sample.length);
      for (const a of assignments) {
        const reviewer = reviewers.find((r) => r.userId === a.reviewerUserId);
        assert.notEqual(reviewer?.agentId, a.agentId, `run ${run}: no self-review`);
      }
      for (const u of unassigned) {
        assert.ok(
          reviewers.every((r) => r.agentId === u.agentId),
          `run ${run}: left only when every reviewer is its agent`,
        );
      }
      // Without agents among the reviewers, enough new work levels the loads to within one.
      const free = reviewers.map((r) => ({ ...r, agentId: null }));
      const levelled = assignEvenly(sample, free);
      const finals = free.map(
        (r) => r.load + levelled.assignments.filter((a) => a.reviewerUserId === r.userId).length,
      );
      const top = Math.max(...free.map((r) => r.load));
      const needed = free.reduce((sum, r) => sum + top - r.load, 0);
      if (sample.length >= needed) {
        assert.ok(Math.max(...finals) - Math.min(...finals) <= 1, `run ${run}: loads ${finals}`);
      }
      assert.deepEqual(assignEvenly([...sample].reverse(), reviewers), { assignments, unassigned });
    }
  });
});
