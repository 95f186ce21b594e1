/**
 * Follow-up tasks and coaching sessions on both databases: tasks from reviews with owners, due
 * dates, overdue lists and idempotent closing; sessions with linked reviews, privacy per agent,
 * and the before/since effect on focus categories worked out by hand below.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { type AppServices, createServices } from '../../src/http/services.js';
import { ServiceError } from '../../src/modules/common/service-errors.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const DAY = 86_400_000;
// Ten days ago at midnight UTC: relative to the real clock, because "since" runs up to now.
const HELD_AT = Math.floor(Date.now() / DAY) * DAY - 10 * DAY;
const at = (days: number) => new Date(HELD_AT + days * DAY).toISOString();

async function refused(promise: Promise<unknown>, kind: string, message?: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ServiceError, `expected a ServiceError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    if (message) assert.match(error.message, message);
    return;
  }
  assert.fail(`expected a ${kind} refusal`);
}

/**
 * The conversations of agent a-0 around the session (days from it), the ratings a reviewer gives
 * them (empathy, accuracy on 1–5, so a rating r scores (r − 1) × 25), and how each review counts.
 */
const PLAN = [
  { external: 'old', days: -40, empathy: 1, accuracy: 1, as: 'manual' }, // outside the 30-day baseline
  { external: 'b1', days: -20, empathy: 2, accuracy: 3, as: 'manual' },
  { external: 'b2', days: -5, empathy: 4, accuracy: 5, as: 'manual' },
  { external: 'b3', days: -3, empathy: 3, accuracy: 3, as: 'auto' },
  { external: 's1', days: 2, empathy: 5, accuracy: 4, as: 'manual' },
  { external: 's2', days: 5, empathy: 4, accuracy: 4, as: 'auto' },
  { external: 's3', days: 6, empathy: 1, accuracy: 1, as: 'self' }, // the agent's own view: left out
  { external: 's4', days: 7, empathy: 1, accuracy: 1, as: 'draft' }, // not submitted: left out
] as const;

for (const kind of DATABASE_KINDS) {
  describe(`Tasks and coaching on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let services: AppServices;
    let manager: Principal;
    let lead: Principal;
    let otherLead: Principal;
    let reviewer: Principal;
    let viewer: Principal;
    let agent0: Principal;
    let agent1: Principal;
    let retiredUserId = 0;
    const reviewOf = new Map<string, number>();
    let otherAgentsReview = 0;
    let sessionId = 0;

    before(async () => {
      test = await kind.create();
      const onDay = (external: string, days: number, agent: string) =>
        conversation(1, {
          id: external,
          created_at: at(days),
          resolved_at: new Date(HELD_AT + days * DAY + 3_600_000).toISOString(),
          agent: { id: agent, name: agent, team: 'Zagreb L1' },
          messages: [
            { role: 'customer', author: 'c-1', at: at(days), text: 'My parcel is broken.' },
            { role: 'agent', author: agent, at: at(days), text: 'I am sorry, a new one ships today.' },
          ],
        });
      await ingestItems(
        test.database,
        [...PLAN.map((p) => onDay(p.external, p.days, 'a-0')), onDay('x1', -2, 'a-1')].map((raw) => ({
          raw,
        })),
        'test',
      );
      const conversationOf = new Map(
        (await test.database.kysely.selectFrom('conversations').select(['id', 'external_id']).execute()).map(
          (row) => [row.external_id, row.id],
        ),
      );
      const users = new UsersService(test.database.kysely);
      const make = async (email: string, role: string, agentExternalId?: string) =>
        (await users.createUser({ email, role, agentExternalId })).user;
      manager = await make('m@example.com', 'manager');
      lead = await make('lead@example.com', 'lead');
      otherLead = await make('lead2@example.com', 'lead');
      reviewer = await make('r@example.com', 'reviewer');
      viewer = await make('v@example.com', 'viewer');
      agent0 = await make('a0@example.com', 'agent', 'a-0');
      agent1 = await make('a1@example.com', 'agent', 'a-1');
      retiredUserId = (await make('gone@example.com', 'reviewer')).id;
      await test.database.kysely
        .updateTable('users')
        .set({ disabled: 1 })
        .where('id', '=', retiredUserId)
        .execute();
      services = createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database);
      const scorecardId = (
        await services.scorecards.create(
          {
            name: 'Coaching card',
            passMark: 70,
            categories: [
              { key: 'empathy', name: 'Empathy', scale: '5-point', weight: 1, allowNa: false },
              { key: 'accuracy', name: 'Accuracy', scale: '5-point', weight: 3, allowNa: false },
            ],
          },
          manager.id,
        )
      ).id;
      for (const step of PLAN) {
        const review = await services.reviews.create(step.as === 'self' ? agent0 : reviewer, {
          conversation_id: conversationOf.get(step.external) as number,
          scorecard_id: scorecardId,
          kind: step.as === 'self' ? 'self' : 'manual',
          ratings: [
            { key: 'empathy', rating: step.empathy },
            { key: 'accuracy', rating: step.accuracy },
          ],
          submit: step.as !== 'draft',
        });
        reviewOf.set(step.external, review.id);
        if (step.as === 'auto') {
          // Stands in for AutoQA's automatic review: same stored scores, kind auto, no reviewer.
          await test.database.kysely
            .updateTable('reviews')
            .set({ kind: 'auto', reviewer_user_id: null })
            .where('id', '=', review.id)
            .execute();
        }
      }
      // The conversation's time decides the side, not the review's: b2, reviewed after the
      // session, still counts before it.
      await test.database.kysely
        .updateTable('reviews')
        .set({ submitted_at: HELD_AT + DAY })
        .where('id', '=', reviewOf.get('b2') as number)
        .execute();
      otherAgentsReview = (
        await services.reviews.create(reviewer, {
          conversation_id: conversationOf.get('x1') as number,
          scorecard_id: scorecardId,
          ratings: [
            { key: 'empathy', rating: 1 },
            { key: 'accuracy', rating: 1 },
          ],
          submit: true,
        })
      ).id;
    });
    after(async () => {
      await test?.drop();
    });

    const review = (external: string) => reviewOf.get(external) as number;

    describe('follow-up tasks', () => {
      let callBackId = 0;

      it('creates a call-back task from a review with its owner, due date, review and conversation', async () => {
        const task = await services.tasks.create(
          reviewer,
          { kind: 'call_back', owner_user_id: lead.id, due_at: new Date(Date.now() - DAY).toISOString() },
          review('b1'),
        );
        callBackId = task.id;
        assert.equal(task.title, 'Call the customer back and correct the information');
        assert.equal(task.review_id, review('b1'));
        assert.equal(task.conversation_external_id, 'b1');
        assert.equal(task.owner_user_id, lead.id);
        assert.equal(task.owner_name, 'lead');
        assert.equal(task.status, 'open');
        assert.equal(task.overdue, true);
        assert.equal(task.done_at, null);
        const coach = await services.tasks.create(
          reviewer,
          { kind: 'coach_agent', owner_user_id: lead.id, due_at: new Date(Date.now() + DAY).toISOString() },
          review('b2'),
        );
        assert.equal(coach.title, 'Coach the agent');
        assert.equal(coach.overdue, false);
        const standalone = await services.tasks.create(lead, {
          kind: 'other',
          title: '  Send the agent the refund policy  ',
          owner_user_id: agent0.id,
        });
        assert.equal(standalone.title, 'Send the agent the refund policy');
        assert.equal(standalone.conversation_id, null);
        assert.equal(standalone.due_at, null);
      });

      it('refuses tasks from roles that do not create them, to unknown or disabled owners, and from unseen reviews', async () => {
        await refused(services.tasks.create(agent0, { kind: 'other', owner_user_id: lead.id }), 'forbidden');
        await refused(services.tasks.create(viewer, { kind: 'other', owner_user_id: lead.id }), 'forbidden');
        await refused(
          services.tasks.create(reviewer, { kind: 'other', owner_user_id: 999_999 }),
          'invalid',
          /owner_user_id: no active user 999999/,
        );
        await refused(
          services.tasks.create(reviewer, { kind: 'other', owner_user_id: retiredUserId }),
          'invalid',
          /owner_user_id/,
        );
        await refused(
          services.tasks.create(reviewer, {
            kind: 'other',
            owner_user_id: lead.id,
            conversation_id: 999_999,
          }),
          'invalid',
          /conversation_id/,
        );
        // The draft review is visible to its reviewer and managers only.
        await refused(
          services.tasks.create(lead, { kind: 'call_back', owner_user_id: lead.id }, review('s4')),
          'not_found',
        );
        await refused(
          services.tasks.create(reviewer, { kind: 'call_back', owner_user_id: lead.id }, 999_999),
          'not_found',
        );
      });

      it("lists your own tasks by due date; managers list anyone's and the overdue ones", async () => {
        const mine = await services.tasks.list(lead);
        assert.deepEqual(
          mine.map((t) => t.kind),
          ['call_back', 'coach_agent'],
          'soonest due first',
        );
        assert.deepEqual(
          (await services.tasks.list(lead, { overdue: true })).map((t) => t.id),
          [callBackId],
        );
        assert.deepEqual(
          (await services.tasks.list(agent0)).map((t) => t.kind),
          ['other'],
          'an agent sees the tasks they own',
        );
        assert.deepEqual(await services.tasks.list(reviewer), [], 'creating a task does not make it yours');
        assert.equal((await services.tasks.list(manager, { owner_id: lead.id })).length, 2);
        assert.equal((await services.tasks.list(manager, { all_owners: true })).length, 3);
        assert.deepEqual(
          (await services.tasks.list(manager, { all_owners: true, overdue: true })).map((t) => t.id),
          [callBackId],
        );
        await refused(services.tasks.list(reviewer, { owner_id: lead.id }), 'forbidden');
        await refused(services.tasks.list(agent0, { all_owners: true }), 'forbidden');
        assert.equal(
          (await services.tasks.list(lead, { owner_id: lead.id })).length,
          2,
          'your own id is fine',
        );
      });

      it('closes a task once however often it is marked done, and only its owner or a manager may', async () => {
        await refused(services.tasks.update(agent1, callBackId, { status: 'done' }), 'not_found');
        await refused(
          services.tasks.update(reviewer, callBackId, { status: 'done' }),
          'forbidden',
          /owner of a task or a manager/,
        );
        const done = await services.tasks.update(lead, callBackId, { status: 'done' });
        assert.equal(done.status, 'done');
        assert.equal(done.overdue, false);
        assert.ok(done.done_at);
        const again = await services.tasks.update(lead, callBackId, { status: 'done' });
        assert.equal(again.done_at, done.done_at, 'marking done again changes nothing');
        assert.deepEqual(await services.tasks.list(lead, { overdue: true }), []);
        assert.deepEqual(
          (await services.tasks.list(lead, { status: 'done' })).map((t) => t.id),
          [callBackId],
        );
        const reopened = await services.tasks.update(manager, callBackId, { status: 'open', due_at: null });
        assert.equal(reopened.done_at, null);
        assert.equal(reopened.due_at, null);
      });

      it('hands a task over to another active user, who then owns it', async () => {
        const [own] = await services.tasks.list(agent0);
        assert.ok(own);
        await refused(services.tasks.update(agent0, own.id, { owner_user_id: retiredUserId }), 'invalid');
        const handed = await services.tasks.update(agent0, own.id, { owner_user_id: lead.id });
        assert.equal(handed.owner_user_id, lead.id);
        assert.deepEqual(await services.tasks.list(agent0), []);
        await refused(services.tasks.update(agent0, own.id, { status: 'done' }), 'not_found');
        const cancelled = await services.tasks.update(lead, own.id, { status: 'cancelled' });
        assert.equal(cancelled.status, 'cancelled');
        assert.equal(cancelled.done_at, null);
      });
    });

    describe('coaching sessions', () => {
      it("shows the agent's scores per focus category and overall, before the session and since", async () => {
        const session = await services.coaching.create(lead, {
          agent_id: agent0.agentId as number,
          held_at: at(0),
          focus: ['empathy', 'greeting'],
          notes: 'Acknowledge the problem before solving it.',
          action_items: [{ text: 'Open with an apology when something went wrong', done: false }],
          follow_up_at: at(30),
          review_ids: [review('b1'), review('b2'), review('b1')],
        });
        sessionId = session.id;
        assert.equal(session.status, 'held');
        assert.equal(session.lead_user_id, lead.id);
        assert.equal(session.agent_external_id, 'a-0');
        assert.deepEqual(
          session.reviews.map((r) => r.id),
          [review('b1'), review('b2')],
        );
        assert.equal(session.effect.baseline_days, 30);
        assert.equal(session.effect.before_from, at(-30));

        // Empathy: manual b1 25, b2 75 before; s1 100 since. Automatic b3 50 before; s2 75 since.
        // The old conversation (day −40), the self-review and the draft do not count.
        const empathy = session.effect.categories.empathy;
        assert.deepEqual(empathy?.manual, {
          before: { mean: 50, n: 2 },
          since: { mean: 100, n: 1 },
          difference: 50,
        });
        assert.deepEqual(empathy?.auto, {
          before: { mean: 50, n: 1 },
          since: { mean: 75, n: 1 },
          difference: 25,
        });
        // Together: (25 + 75 + 50) / 3 = 50 before, (100 + 75) / 2 = 87.5 since.
        assert.deepEqual(empathy?.all, {
          before: { mean: 50, n: 3 },
          since: { mean: 87.5, n: 2 },
          difference: 37.5,
        });

        // Nobody rated greeting: null, never 0.
        assert.deepEqual(session.effect.categories.greeting?.all, {
          before: { mean: null, n: 0 },
          since: { mean: null, n: 0 },
          difference: null,
        });
        assert.equal(session.effect.categories.accuracy, undefined, 'only focus categories');

        // Overall review score, empathy weight 1 and accuracy weight 3:
        // b1 (25 + 3·50)/4 = 43.75, b2 (75 + 3·100)/4 = 93.75, b3 (50 + 3·50)/4 = 50,
        // s1 (100 + 3·75)/4 = 81.25, s2 (75 + 3·75)/4 = 75.
        assert.deepEqual(session.effect.overall, {
          manual: { before: { mean: 68.75, n: 2 }, since: { mean: 81.25, n: 1 }, difference: 12.5 },
          auto: { before: { mean: 50, n: 1 }, since: { mean: 75, n: 1 }, difference: 25 },
          all: { before: { mean: 62.5, n: 3 }, since: { mean: 78.125, n: 2 }, difference: 15.625 },
        });
      });

      it('refuses to link reviews that are not submitted reviews of the agent, naming each', async () => {
        const attempt = services.coaching.create(lead, {
          agent_id: agent0.agentId as number,
          held_at: at(0),
          review_ids: [review('b1'), otherAgentsReview, review('s4'), 999_999],
        });
        await assert.rejects(attempt, (error) => {
          assert.ok(error instanceof ServiceError);
          assert.equal(error.kind, 'invalid');
          assert.deepEqual(
            error.details?.map((d) => d.reason),
            [
              `review ${otherAgentsReview} is not a submitted review of agent ${agent0.agentId}`,
              `review ${review('s4')} is not a submitted review of agent ${agent0.agentId}`,
              `review 999999 is not a submitted review of agent ${agent0.agentId}`,
            ],
          );
          return true;
        });
        await refused(
          services.coaching.update(lead, sessionId, { review_ids: [otherAgentsReview] }),
          'invalid',
          new RegExp(`review ${otherAgentsReview}`),
        );
        await refused(
          services.coaching.create(lead, { agent_id: 999_999, held_at: at(0) }),
          'invalid',
          /agent_id: no agent 999999/,
        );
        await refused(
          services.coaching.create(lead, {
            agent_id: agent0.agentId as number,
            held_at: at(0),
            follow_up_at: at(-1),
          }),
          'invalid',
          /follow_up_at/,
        );
      });

      it('lets only leads, managers and admins hold sessions', async () => {
        for (const who of [agent0, reviewer, viewer]) {
          await refused(
            services.coaching.create(who, { agent_id: agent0.agentId as number, held_at: at(0) }),
            'forbidden',
          );
        }
        await refused(services.coaching.list(reviewer), 'forbidden');
      });

      it('shows agents their own sessions only; another agent gets 404', async () => {
        const ahead = await services.coaching.create(manager, {
          agent_id: agent1.agentId as number,
          held_at: new Date(Date.now() + 3 * DAY).toISOString(),
          focus: ['empathy'],
        });
        assert.equal(ahead.status, 'planned', 'a session ahead is planned');
        assert.equal(ahead.effect.overall.all.since.n, 0, 'nothing since a session that has not happened');
        assert.deepEqual(
          (await services.coaching.list(agent0)).map((s) => s.id),
          [sessionId],
        );
        assert.deepEqual(
          (await services.coaching.list(agent1)).map((s) => s.id),
          [ahead.id],
        );
        const own = await services.coaching.get(agent0, sessionId);
        assert.equal(own.notes, 'Acknowledge the problem before solving it.');
        await refused(services.coaching.get(agent1, sessionId), 'not_found');
        await refused(services.coaching.get(agent0, ahead.id), 'not_found');
        await refused(services.coaching.list(agent1, { agent_id: agent0.agentId as number }), 'forbidden');
        assert.equal((await services.coaching.list(otherLead)).length, 2, 'leads see every session');
        assert.deepEqual(
          (await services.coaching.list(manager, { agent_id: agent1.agentId as number })).map((s) => s.id),
          [ahead.id],
        );
      });

      it('lets the lead or a manager change notes, action items, status, focus and reviews', async () => {
        await refused(services.coaching.update(otherLead, sessionId, { notes: 'mine now' }), 'forbidden');
        const updated = await services.coaching.update(lead, sessionId, {
          status: 'closed',
          focus: ['accuracy'],
          action_items: [{ text: 'Open with an apology when something went wrong', done: true }],
          review_ids: [review('s1')],
        });
        assert.equal(updated.status, 'closed');
        assert.equal(updated.action_items[0]?.done, true);
        assert.deepEqual(updated.focus, ['accuracy']);
        assert.deepEqual(
          updated.reviews.map((r) => r.id),
          [review('s1')],
        );
        // Accuracy, manual: b1 50, b2 100 before; s1 75 since.
        assert.deepEqual(updated.effect.categories.accuracy?.manual, {
          before: { mean: 75, n: 2 },
          since: { mean: 75, n: 1 },
          difference: 0,
        });
        const byManager = await services.coaching.update(manager, sessionId, { follow_up_at: null });
        assert.equal(byManager.follow_up_at, null);
        assert.equal(byManager.notes, 'Acknowledge the problem before solving it.', 'absent fields stay');
      });
    });
  });
}
