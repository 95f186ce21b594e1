/** Follow-up tasks and coaching sessions on both databases, with the coaching effect worked by hand. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { type AppServices, createServices } from '../../src/http/services.js';
import { ServiceError } from '../../src/modules/common/service-errors.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const refused = (promise: Promise<unknown>, kind: string) =>
  assert.rejects(promise, (error) => error instanceof ServiceError && error.kind === kind);

for (const kind of DATABASE_KINDS) {
  describe(`Tasks and coaching on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let services: AppServices;
    let lead: Principal;
    let reviewer: Principal;
    let agent0: Principal;
    let agent1: Principal;
    let scorecardId = 0;
    const conversationIds = new Map<string, number>();
    const reviewIds: number[] = [];

    before(async () => {
      test = await kind.create();
      const at = (n: number, date: string) =>
        conversation(n, {
          created_at: `${date}T09:00:00Z`,
          resolved_at: `${date}T10:00:00Z`,
          agent: { id: 'a-0', name: 'Ana', team: 'Zagreb L1' },
        });
      await ingestItems(
        test.database,
        [at(1, '2026-03-02'), at(2, '2026-03-05'), at(3, '2026-03-20'), conversation(4)].map((raw) => ({
          raw,
        })),
        'test',
      );
      for (const row of await test.database.kysely
        .selectFrom('conversations')
        .select(['id', 'external_id'])
        .execute()) {
        conversationIds.set(row.external_id, row.id);
      }
      const users = new UsersService(test.database.kysely);
      lead = (await users.createUser({ email: 'lead@example.com', role: 'lead' })).user;
      reviewer = (await users.createUser({ email: 'r@example.com', role: 'reviewer' })).user;
      agent0 = (await users.createUser({ email: 'a0@example.com', role: 'agent', agentExternalId: 'a-0' }))
        .user;
      agent1 = (await users.createUser({ email: 'a1@example.com', role: 'agent', agentExternalId: 'a-1' }))
        .user;
      services = createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database);
      scorecardId = (
        await services.scorecards.create(
          {
            name: 'Empathy only',
            categories: [{ key: 'empathy', name: 'Empathy', scale: '5-point', allowNa: false }],
          },
          lead.id,
        )
      ).id;
      // Empathy 2 and 4 before the session (25 and 75 → mean 50), 5 after it (100).
      for (const [external, rating] of [
        ['t-1', 2],
        ['t-2', 4],
        ['t-3', 5],
      ] as const) {
        const review = await services.reviews.create(reviewer, {
          conversation_id: conversationIds.get(external) as number,
          scorecard_id: scorecardId,
          ratings: [{ key: 'empathy', rating }],
          submit: true,
        });
        reviewIds.push(review.id);
      }
    });
    after(async () => {
      await test?.drop();
    });

    it('creates a call-back task from a review with its owner and due date, lists it overdue, and closes it twice harmlessly', async () => {
      const task = await services.tasks.create(
        reviewer,
        { kind: 'call_back', owner_user_id: lead.id, due_at: '2026-01-01T00:00:00Z' },
        reviewIds[0],
      );
      assert.equal(task.title, 'Call the customer back and correct the information');
      assert.equal(task.conversation_id, conversationIds.get('t-1'));
      assert.equal(task.overdue, true);
      const mine = await services.tasks.list(lead, {});
      assert.deepEqual(
        mine.map((t) => t.id),
        [task.id],
      );
      assert.equal((await services.tasks.list(lead, { overdue: true })).length, 1);
      await refused(services.tasks.list(reviewer, { owner_id: lead.id }), 'forbidden');
      await refused(services.tasks.create(agent0, { kind: 'other', owner_user_id: lead.id }), 'forbidden');
      await refused(services.tasks.create(reviewer, { kind: 'other', owner_user_id: 9999 }), 'invalid');
      const done = await services.tasks.update(lead, task.id, { status: 'done' });
      assert.equal(done.status, 'done');
      const again = await services.tasks.update(lead, task.id, { status: 'done' });
      assert.equal(again.done_at, done.done_at, 'closing again changes nothing');
      await refused(services.tasks.update(agent1, task.id, { status: 'open' }), 'not_found');
    });

    it("shows the agent's focus-category scores before the session and since", async () => {
      const session = await services.coaching.create(lead, {
        agent_id: agent0.agentId as number,
        held_at: '2026-03-10T12:00:00Z',
        focus: ['empathy'],
        notes: 'Acknowledge the problem before solving it.',
        action_items: [{ text: 'Open with an apology when something went wrong', done: false }],
        follow_up_at: '2026-04-10T12:00:00Z',
        review_ids: [reviewIds[0] as number, reviewIds[1] as number],
      });
      const empathy = session.effect.categories.empathy;
      assert.deepEqual(empathy?.before.manual, { mean: 50, n: 2 });
      assert.deepEqual(empathy?.since.manual, { mean: 100, n: 1 });
      assert.equal(empathy?.change, 50);
      assert.equal(empathy?.before.auto.mean, null, 'no automatic reviews: null, never 0');
      assert.equal(session.effect.overall.change, 50);
      assert.equal(session.reviews.length, 2);
    });

    it('refuses reviews of another agent and keeps sessions private to their agent', async () => {
      const other = await services.reviews.create(reviewer, {
        conversation_id: conversationIds.get('t-4') as number,
        scorecard_id: scorecardId,
        ratings: [{ key: 'empathy', rating: 3 }],
        submit: true,
      });
      await refused(
        services.coaching.create(lead, {
          agent_id: agent0.agentId as number,
          held_at: '2026-03-10T12:00:00Z',
          review_ids: [other.id],
        }),
        'invalid',
      );
      await refused(
        services.coaching.create(agent0, {
          agent_id: agent0.agentId as number,
          held_at: '2026-03-10T12:00:00Z',
        }),
        'forbidden',
      );
      const own = await services.coaching.list(agent0, {});
      assert.equal(own.length, 1);
      assert.deepEqual(await services.coaching.list(agent1, {}), []);
      await refused(services.coaching.get(agent1, own[0]?.id as number), 'not_found');
      const updated = await services.coaching.update(lead, own[0]?.id as number, {
        status: 'closed',
        action_items: [{ text: 'Open with an apology when something went wrong', done: true }],
      });
      assert.equal(updated.status, 'closed');
      assert.equal(updated.action_items[0]?.done, true);
    });
  });
}
