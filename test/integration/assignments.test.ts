/**
 * The QA queue on both databases: fair sampling per agent per week, even assignment without
 * self-review, filters, idempotent runs, flagged conversations, queue order, and a submitted
 * review closing its assignment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { type AppServices, createServices } from '../../src/http/services.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const WEEK = '2026-W10'; // Monday 2 March to Sunday 8 March 2026 (UTC)

function inWeek(n: number, agent: string, overrides: Record<string, unknown> = {}) {
  const day = String(2 + (n % 7)).padStart(2, '0');
  return conversation(n, {
    created_at: `2026-03-${day}T10:00:00Z`,
    resolved_at: `2026-03-${day}T11:00:00Z`,
    agent: { id: agent, name: agent, team: agent === 'a-2' ? 'Zagreb L1' : 'London L1' },
    feedback: [],
    ...overrides,
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`QA queue on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let services: AppServices;
    let r1: Principal;
    let r2: Principal;
    let rAgent: Principal;
    let manager: Principal;
    const agentOf = new Map<number, number>();
    const agentIds = new Map<string, number>();
    let ruleId = 0;

    before(async () => {
      test = await kind.create();
      const items = [
        // Three of a-0's are complaints marked in the data.
        ...Array.from({ length: 12 }, (_, i) => inWeek(i, 'a-0', i < 3 ? { complaint: true } : {})),
        ...Array.from({ length: 5 }, (_, i) =>
          inWeek(
            100 + i,
            'a-1',
            i < 2 ? { channel: 'phone', feedback: [{ type: 'csat', score: 1, scale: 5 }] } : {},
          ),
        ),
        ...Array.from({ length: 2 }, (_, i) => inWeek(200 + i, 'a-2')),
        // Outside the week: never sampled for it.
        conversation(300, {
          created_at: '2026-03-20T10:00:00Z',
          agent: { id: 'a-1', name: 'a-1', team: 'London L1' },
        }),
      ];
      await ingestItems(
        test.database,
        items.map((raw) => ({ raw })),
        'test',
      );
      for (const row of await test.database.kysely
        .selectFrom('conversations')
        .select(['id', 'agent_id'])
        .execute()) {
        agentOf.set(row.id, row.agent_id as number);
      }
      for (const row of await test.database.kysely
        .selectFrom('agents')
        .select(['id', 'external_id'])
        .execute()) {
        agentIds.set(row.external_id, row.id);
      }
      const users = new UsersService(test.database.kysely);
      manager = (await users.createUser({ email: 'm@example.com', role: 'manager' })).user;
      r1 = (await users.createUser({ email: 'r1@example.com', role: 'reviewer' })).user;
      r2 = (await users.createUser({ email: 'r2@example.com', role: 'reviewer' })).user;
      rAgent = (await users.createUser({ email: 'ra@example.com', role: 'reviewer', agentExternalId: 'a-0' }))
        .user;
      services = createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database);
    });
    after(async () => {
      await test?.drop();
    });

    async function assignmentsOf(period = WEEK) {
      return test.database.kysely
        .selectFrom('review_assignments')
        .selectAll()
        .where('period', '=', period)
        .where('rule_id', 'is not', null)
        .execute();
    }

    it('samples N per agent (all of them when fewer) and spreads them evenly without self-review', async () => {
      const rule = await services.assignments.createRule({ name: 'Weekly four', per_agent: 4 });
      ruleId = rule.id;
      const outcome = await services.assignments.runRule(ruleId, WEEK);
      assert.equal(outcome.candidates, 19);
      assert.equal(outcome.sampled, 10);
      assert.equal(outcome.assigned, 10);
      const rows = await assignmentsOf();
      const perAgent = (external: string) =>
        rows.filter((r) => agentOf.get(r.conversation_id) === agentIds.get(external)).length;
      assert.deepEqual([perAgent('a-0'), perAgent('a-1'), perAgent('a-2')], [4, 4, 2]);
      assert.ok(
        rows
          .filter((r) => r.reviewer_user_id === rAgent.id)
          .every((r) => agentOf.get(r.conversation_id) !== rAgent.agentId),
        'the reviewer who is agent a-0 never gets a-0',
      );
      const loads = [r1, r2, rAgent].map((r) => rows.filter((row) => row.reviewer_user_id === r.id).length);
      assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads}`);
      assert.ok(rows.every((r) => r.reason === 'sample:Weekly four' && r.status === 'open'));
    });

    it('adds nothing when the same rule runs again for the same week', async () => {
      const again = await services.assignments.runRule(ruleId, WEEK);
      assert.equal(again.assigned, 0);
      assert.equal((await assignmentsOf()).length, 10);
    });

    it('narrows candidates by the filters', async () => {
      const second = await services.scorecards.create(
        { name: 'Calls', categories: [{ key: 'tone', name: 'Tone', scale: 'binary' }] },
        manager.id,
      );
      const calls = await services.assignments.createRule({
        name: 'Low-rated calls',
        scorecard_id: second.id,
        per_agent: 10,
        filters: { channels: ['phone'], lowRating: true },
      });
      const outcome = await services.assignments.runRule(calls.id, WEEK);
      assert.equal(outcome.candidates, 2);
      const zagreb = await services.assignments.createRule({
        name: 'Zagreb',
        scorecard_id: second.id,
        per_agent: 10,
        filters: { teams: ['Zagreb L1'] },
        reviewer_ids: [r1.id],
      });
      const zagrebRun = await services.assignments.runRule(zagreb.id, WEEK);
      assert.equal(zagrebRun.candidates, 2);
      assert.deepEqual(zagrebRun.per_reviewer, { [r1.id]: 2 });
      const complaints = await services.assignments.createRule({
        name: 'Complaints',
        scorecard_id: second.id,
        per_agent: 10,
        filters: { complaint: true },
      });
      const complaintRun = await services.assignments.runRule(complaints.id, WEEK);
      assert.equal(complaintRun.candidates, 3);
      assert.equal(complaintRun.assigned, 3);
      assert.ok(
        complaintRun.assigned > 0 && !Object.keys(complaintRun.per_reviewer).includes(String(rAgent.id)),
        "a-0's complaints never go to the reviewer who is a-0",
      );
    });

    it('refuses a malformed week and an unknown reviewer, naming the field', async () => {
      await assert.rejects(services.assignments.runRule(ruleId, '2025-W53'), /period: 2025 has no week 53/);
      await assert.rejects(
        services.assignments.createRule({ name: 'x', per_agent: 1, reviewer_ids: [9999] }),
        /reviewer_ids: user 9999/,
      );
    });

    it('assigns flagged conversations with their reasons, ahead of samples due the same day', async () => {
      // Conversation 300 is a-1's from a later week: sampled by no rule yet.
      const flagged = await test.database.kysely
        .selectFrom('conversations')
        .select('id')
        .where('external_id', '=', 't-300')
        .executeTakeFirstOrThrow();
      await test.database.kysely
        .insertInto('qa_queue')
        .values({
          conversation_id: flagged.id,
          reasons: '["low_rating","complaint"]',
          status: 'open',
          created_at: 1,
          updated_at: 1,
        })
        .execute();
      const outcome = await services.assignments.assignFlagged();
      assert.equal(outcome.assigned, 1);
      const row = await test.database.kysely
        .selectFrom('review_assignments')
        .selectAll()
        .where('conversation_id', '=', flagged.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.reason, 'flagged:low_rating,complaint');
      assert.equal(row.rule_id, null);
      const days = (row.due_at - row.created_at) / 86_400_000;
      assert.equal(days, 2, 'flagged conversations are due in two days');
      assert.equal((await services.assignments.assignFlagged()).assigned, 0, 'a second call adds nothing');

      // Give one of the same reviewer's samples the very same due date: the flagged one comes first.
      const owner = [r1, r2, rAgent].find((r) => r.id === row.reviewer_user_id) as Principal;
      const before = await services.assignments.queue(owner, { limit: 500 });
      const sample = before.find((item) => item.reason.startsWith('sample:'));
      assert.ok(sample);
      await services.assignments.update(sample.id, { due_at: new Date(row.due_at).toISOString() });
      const queue = await services.assignments.queue(owner, { limit: 500 });
      for (let i = 1; i < queue.length; i += 1) {
        assert.ok((queue[i - 1]?.due_at ?? '') <= (queue[i]?.due_at ?? ''), 'ordered by due date');
      }
      assert.deepEqual(
        queue.slice(0, 2).map((item) => item.id),
        [row.id, sample.id],
        'flagged before sample at the same due date',
      );
      assert.ok(
        queue.every((item) => item.reviewer_user_id === owner.id),
        'a reviewer sees their own queue',
      );
      const other = [r1, r2].find((r) => r.id !== owner.id) as Principal;
      await assert.rejects(services.assignments.queue(owner, { reviewer_id: other.id }), /your own queue/);
      const everyone = await services.assignments.queue(manager, { limit: 500 });
      assert.ok(new Set(everyone.map((item) => item.reviewer_user_id)).size >= 3, "managers see everyone's");
      const page = await services.assignments.queue(manager, { limit: 3, offset: 3 });
      assert.deepEqual(
        page.map((item) => item.id),
        everyone.slice(3, 6).map((item) => item.id),
      );
    });

    it('marks the open assignment of a conversation done when called for its review', async () => {
      const [open] = await services.assignments.queue(r1, { limit: 1 });
      assert.ok(open);
      const version = await test.database.kysely
        .selectFrom('scorecard_versions')
        .select('id')
        .where('scorecard_id', '=', open.scorecard_id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const review = await test.database.kysely
        .insertInto('reviews')
        .values({
          conversation_id: open.conversation_id,
          scorecard_version_id: version.id,
          kind: 'manual',
          reviewer_user_id: r1.id,
          agent_id: agentOf.get(open.conversation_id) ?? null,
          calibration_session_id: null,
          status: 'submitted',
          score: 100,
          passed: 1,
          auto_failed: 0,
          comment: null,
          revision: 1,
          acknowledged_at: null,
          created_at: Date.now(),
          updated_at: Date.now(),
          submitted_at: Date.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const closed = await services.assignments.markDoneForConversation(
        open.conversation_id,
        open.scorecard_id,
        review.id,
      );
      assert.equal(closed, 1);
      const row = await test.database.kysely
        .selectFrom('review_assignments')
        .select(['status', 'review_id'])
        .where('id', '=', open.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...row, review_id: Number(row.review_id) },
        { status: 'done', review_id: review.id },
      );
      assert.equal(
        await services.assignments.markDoneForConversation(
          open.conversation_id,
          open.scorecard_id,
          review.id,
        ),
        0,
        'only open assignments close',
      );
      const queue = await services.assignments.queue(r1, { limit: 500 });
      assert.ok(!queue.some((item) => item.id === open.id), 'a done assignment leaves the queue');
    });

    it('closes the assignment when its reviewer submits a review', async () => {
      const [mine] = await services.assignments.queue(r2, {});
      assert.ok(mine);
      const draft = await services.reviews.draft(r2, mine.conversation_id);
      const top = { binary: 1, '3-point': 3, '4-point': 4, '5-point': 5, '1-10': 10 } as const;
      await services.reviews.create(r2, {
        conversation_id: mine.conversation_id,
        ratings: draft.applicable.map((key) => {
          const category = draft.definition.categories.find((c) => c.key === key);
          return { key, rating: top[category?.scale ?? 'binary'] };
        }),
        submit: true,
      });
      const row = await test.database.kysely
        .selectFrom('review_assignments')
        .select(['status', 'review_id'])
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'done');
      assert.ok(row.review_id);
    });

    it('lets a manager move an assignment, but never to the agent whose conversation it is', async () => {
      const rows = await assignmentsOf();
      const ofA0 = rows.find(
        (r) => agentOf.get(r.conversation_id) === agentIds.get('a-0') && r.status === 'open',
      );
      assert.ok(ofA0);
      await assert.rejects(
        services.assignments.update(ofA0.id, { reviewer_user_id: rAgent.id }),
        /nobody reviews their own conversations/,
      );
      const moved = await services.assignments.update(ofA0.id, {
        reviewer_user_id: r1.id,
        status: 'cancelled',
      });
      assert.equal(moved?.reviewer_user_id, r1.id);
      assert.equal(moved?.status, 'cancelled');
    });
  });
}
