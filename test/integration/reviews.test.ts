/**
 * Scorecards and reviews over the store on both databases: versions, scoring, no self-review,
 * optimistic concurrency, automatic reviews from AutoQA, acknowledgement and the dispute lifecycle.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SCORECARD } from '../../src/domain/default-scorecard.js';
import type { ScorecardDefinition } from '../../src/domain/scorecard.js';
import { scoreStored } from '../../src/modules/autoqa/autoqa.service.js';
import { ServiceError } from '../../src/modules/common/service-errors.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { ReviewsService } from '../../src/modules/reviews/reviews.service.js';
import { ScorecardsService } from '../../src/modules/scorecards/scorecards.service.js';
import { SettingsRepository } from '../../src/modules/settings/settings.repository.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const SMALL_CARD: ScorecardDefinition = {
  name: 'Small',
  description: 'two categories',
  passMark: 70,
  categories: [
    {
      key: 'knowledge',
      name: 'Knowledge',
      group: 'Service',
      weight: 3,
      scale: '5-point',
      critical: false,
      allowNa: false,
      rootCauses: ['training'],
      guidance: '',
      autoqaCheck: null,
      appliesTo: {},
    },
    {
      key: 'tone',
      name: 'Tone',
      group: 'Service',
      weight: 1,
      scale: 'binary',
      critical: true,
      allowNa: true,
      rootCauses: [],
      guidance: '',
      autoqaCheck: 'positive_tone',
      appliesTo: {},
    },
  ],
};

async function refused(promise: Promise<unknown>, kind: string, code?: string): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ServiceError, `expected a ServiceError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    if (code) assert.equal(error.code, code);
    return error;
  }
  assert.fail(`expected a ${kind} refusal`);
}

for (const kind of DATABASE_KINDS) {
  describe(`Scorecards and reviews on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let scorecards: ScorecardsService;
    let reviews: ReviewsService;
    let manager: Principal;
    let reviewer: Principal;
    let reviewerWhoIsAgent: Principal;
    let agent0: Principal;
    let agent1: Principal;
    let viewer: Principal;
    let small: { id: number; version_id: number };
    const ids = new Map<string, number>();

    before(async () => {
      test = await kind.create();
      await ingestItems(
        test.database,
        Array.from({ length: 12 }, (_, n) => ({ raw: conversation(n) })),
        'test',
      );
      const rows = await test.database.kysely
        .selectFrom('conversations')
        .select(['id', 'external_id'])
        .execute();
      for (const row of rows) ids.set(row.external_id, row.id);
      const users = new UsersService(test.database.kysely);
      manager = (await users.createUser({ email: 'm@example.com', role: 'manager' })).user;
      reviewer = (await users.createUser({ email: 'r@example.com', role: 'reviewer' })).user;
      reviewerWhoIsAgent = (
        await users.createUser({ email: 'ra@example.com', role: 'reviewer', agentExternalId: 'a-2' })
      ).user;
      agent0 = (await users.createUser({ email: 'a0@example.com', role: 'agent', agentExternalId: 'a-0' }))
        .user;
      agent1 = (await users.createUser({ email: 'a1@example.com', role: 'agent', agentExternalId: 'a-1' }))
        .user;
      viewer = (await users.createUser({ email: 'v@example.com', role: 'viewer' })).user;
      scorecards = new ScorecardsService(test.database);
      reviews = new ReviewsService(test.database);
      const created = await scorecards.create(SMALL_CARD, manager.id);
      small = { id: created.id, version_id: created.version_id };
    });
    after(async () => {
      await test?.drop();
    });

    const id = (external: string) => ids.get(external) as number;

    it('ships the default scorecard on first use', async () => {
      const list = await scorecards.list();
      const standard = list.find((s) => s.is_default);
      assert.equal(standard?.name, DEFAULT_SCORECARD.name);
      assert.equal(standard?.definition.categories.length, DEFAULT_SCORECARD.categories.length);
    });

    it('makes a new version on edit, none for an identical edit, and refuses an edit of an old version', async () => {
      const edited = structuredClone(SMALL_CARD);
      edited.passMark = 60;
      const first = await scorecards.update(small.id, edited, manager.id, 1);
      assert.equal(first.changed, true);
      assert.equal(first.scorecard.version, 2);
      const again = await scorecards.update(small.id, edited, manager.id, 1);
      assert.equal(again.changed, false, 'the same content adds no version, so a retry is harmless');
      const stale = structuredClone(SMALL_CARD);
      stale.passMark = 50;
      const error = await refused(
        scorecards.update(small.id, stale, manager.id, 1),
        'conflict',
        'stale_version',
      );
      assert.equal(error.extra?.current_version, 2);
      const versions = (await scorecards.get(small.id)).versions.map((v) => v.version);
      assert.deepEqual(versions, [2, 1]);
      assert.equal((await scorecards.getVersion(small.id, 1)).definition.passMark, 70);
    });

    it('keeps a review on the version it was made on after the scorecard changes', async () => {
      const review = await reviews.create(reviewer, {
        conversation_id: id('t-0'),
        scorecard_id: small.id,
        ratings: [
          { key: 'knowledge', rating: 4 },
          { key: 'tone', rating: 1 },
        ],
        submit: true,
      });
      assert.equal(review.scorecard_version, 2);
      // (3 × 0.75 + 1 × 1) ÷ 4 = 81.25 %
      assert.equal(review.score, 81.25);
      assert.equal(review.passed, true);
      const edited = structuredClone(SMALL_CARD);
      edited.passMark = 90;
      await scorecards.update(small.id, edited, manager.id);
      const reread = await reviews.get(manager, review.id);
      assert.equal(reread.scorecard_version, 2);
      assert.equal(reread.definition.passMark, 60);
    });

    it('refuses a review of your own conversations, and a second review of the same conversation', async () => {
      await refused(
        reviews.create(reviewerWhoIsAgent, {
          conversation_id: id('t-2'),
          scorecard_id: small.id,
          ratings: [],
        }),
        'forbidden',
      );
      const error = await refused(
        reviews.create(reviewer, { conversation_id: id('t-0'), scorecard_id: small.id, ratings: [] }),
        'conflict',
        'exists',
      );
      assert.equal(typeof error.extra?.review_id, 'number');
      await refused(
        reviews.create(viewer, { conversation_id: id('t-1'), scorecard_id: small.id, ratings: [] }),
        'forbidden',
      );
    });

    it('lets an agent self-review only their own conversation', async () => {
      await refused(
        reviews.create(agent0, {
          conversation_id: id('t-1'),
          kind: 'self',
          scorecard_id: small.id,
          ratings: [],
        }),
        'not_found',
      );
      const self = await reviews.create(agent0, {
        conversation_id: id('t-3'),
        kind: 'self',
        scorecard_id: small.id,
        ratings: [{ key: 'knowledge', rating: 5 }],
      });
      assert.equal(self.kind, 'self');
      assert.equal(self.status, 'draft');
    });

    it('names every bad rating and stores nothing', async () => {
      const before = await test.database.kysely
        .selectFrom('reviews')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const error = await refused(
        reviews.create(reviewer, {
          conversation_id: id('t-4'),
          scorecard_id: small.id,
          ratings: [
            { key: 'knowledge', rating: 9 },
            { key: 'tone', rating: null, na: true },
          ],
          submit: true,
        }),
        'invalid',
      );
      assert.deepEqual(
        error.details?.map((d) => d.field),
        ['ratings[0].rating'],
      );
      const afterwards = await test.database.kysely
        .selectFrom('reviews')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(afterwards.n), Number(before.n));
    });

    it('refuses a stale edit with 409 and keeps the first edit', async () => {
      const draft = await reviews.create(reviewer, {
        conversation_id: id('t-5'),
        scorecard_id: small.id,
        ratings: [{ key: 'knowledge', rating: 2 }],
      });
      assert.equal(draft.revision, 1);
      const first = await reviews.update(reviewer, draft.id, {
        revision: 1,
        ratings: [
          { key: 'knowledge', rating: 5 },
          { key: 'tone', rating: 1 },
        ],
        comment: 'first',
      });
      assert.equal(first.revision, 2);
      const error = await refused(
        reviews.update(manager, draft.id, { revision: 1, comment: 'second, based on an old copy' }),
        'conflict',
        'stale_revision',
      );
      assert.equal(error.extra?.current_revision, 2);
      const kept = await reviews.get(reviewer, draft.id);
      assert.equal(kept.comment, 'first');
      assert.equal(kept.score, 100);
      const submitted = await reviews.update(reviewer, draft.id, { revision: 2, submit: true });
      assert.equal(submitted.status, 'submitted');
      assert.deepEqual(
        submitted.audit.map((a) => a.action),
        ['created', 'edited', 'submitted'],
      );
    });

    it('shows an agent only submitted reviews of their own conversations', async () => {
      const mine = await reviews.list(agent0, {});
      assert.ok(mine.items.length > 0);
      assert.ok(mine.items.every((r) => r.agent_id === agent0.agentId && r.status === 'submitted'));
      const others = await reviews.list(agent1, {});
      assert.ok(others.items.every((r) => r.agent_id === agent1.agentId));
      const [first] = mine.items;
      await refused(reviews.get(agent1, first?.id as number), 'not_found');
    });

    it('runs a dispute: the agent disputes, a manager accepts with new ratings, the review is re-scored with an audit trail', async () => {
      const review = await reviews.create(reviewer, {
        conversation_id: id('t-6'),
        scorecard_id: small.id,
        ratings: [
          { key: 'knowledge', rating: 2 },
          { key: 'tone', rating: 0 },
        ],
        submit: true,
      });
      assert.equal(review.score, 0, 'the critical category failed');
      assert.equal(review.auto_failed, true);
      await refused(reviews.dispute(agent1, review.id, { reason: 'not mine' }), 'not_found');
      const acknowledged = await reviews.acknowledge(agent0, review.id);
      assert.ok(acknowledged.acknowledged_at);
      const dispute = await reviews.dispute(agent0, review.id, {
        reason: 'I was polite; the customer misread me',
        categories: ['tone'],
      });
      assert.equal(dispute.status, 'open');
      await refused(reviews.dispute(agent0, review.id, { reason: 'again' }), 'conflict', 'dispute_open');
      await refused(reviews.decide(reviewer, dispute.id, { decision: 'rejected' }), 'forbidden');
      await refused(reviews.decide(manager, dispute.id, { decision: 'accepted' }), 'invalid');
      const open = await reviews.disputes(manager, { status: 'open' });
      assert.deepEqual(
        open.map((d) => d.id),
        [dispute.id],
      );
      const ruled = await reviews.decide(manager, dispute.id, {
        decision: 'accepted',
        comment: 'tone was fine',
        ratings: [{ key: 'tone', rating: 1 }],
      });
      assert.equal(ruled.dispute.status, 'accepted');
      // (3 × 0.25 + 1 × 1) ÷ 4 = 43.75 %
      assert.equal(ruled.review.score, 43.75);
      assert.equal(ruled.review.auto_failed, false);
      const entry = ruled.review.audit.at(-1);
      assert.equal(entry?.action, 'dispute_accepted');
      assert.deepEqual((entry?.detail as { changes: unknown } | undefined)?.changes, [
        { key: 'tone', from: 0, to: 1 },
      ]);
      await refused(
        reviews.decide(manager, dispute.id, { decision: 'rejected' }),
        'conflict',
        'dispute_decided',
      );
    });

    it('closes the dispute window after the set number of days', async () => {
      await new SettingsRepository(test.database.kysely).put('reviews.dispute_window_days', '1');
      const review = await reviews.create(reviewer, {
        conversation_id: id('t-9'),
        scorecard_id: small.id,
        ratings: [
          { key: 'knowledge', rating: 3 },
          { key: 'tone', rating: 1 },
        ],
        submit: true,
      });
      await test.database.kysely
        .updateTable('reviews')
        .set({ submitted_at: Date.now() - 2 * 86_400_000 })
        .where('id', '=', review.id)
        .execute();
      await refused(reviews.dispute(agent0, review.id, { reason: 'too late?' }), 'conflict', 'window_closed');
    });

    it('gives every analysed conversation an automatic review on the default scorecard, refreshed in place', async () => {
      await scoreStored(test.database, { threads: 1 });
      const auto = await test.database.kysely
        .selectFrom('reviews')
        .select(['conversation_id', 'score', 'revision'])
        .where('kind', '=', 'auto')
        .execute();
      assert.equal(auto.length, 12);
      assert.ok(auto.every((r) => r.score === null || (r.score >= 0 && r.score <= 100)));
      await scoreStored(test.database, { threads: 1, all: true });
      const again = await test.database.kysely
        .selectFrom('reviews')
        .select(['revision'])
        .where('kind', '=', 'auto')
        .execute();
      assert.equal(again.length, 12, 'one automatic review per conversation');
      assert.ok(again.every((r) => r.revision === 2));
      const draft = await reviews.draft(reviewer, id('t-7'));
      assert.equal(draft.autoqa_available, true);
      assert.ok(draft.prefill.some((r) => r.key === 'greeting'));
    });

    it('shows an agent their own score trend by month, overall and per category', async () => {
      const trend = await reviews.trends(agent0, {
        by: 'month',
        from: '2026-03-01T00:00:00Z',
        to: '2026-04-01T00:00:00Z',
      });
      assert.equal(trend.agent_id, agent0.agentId);
      assert.deepEqual(
        trend.periods.map((p) => p.period),
        ['2026-03'],
      );
      const march = trend.periods[0];
      const manual = await test.database.kysely
        .selectFrom('reviews')
        .select(['score'])
        .where('agent_id', '=', agent0.agentId)
        .where('kind', '=', 'manual')
        .where('status', '=', 'submitted')
        .execute();
      assert.equal(march?.manual.n, manual.length);
      const expected = manual.reduce((sum, r) => sum + (r.score ?? 0), 0) / manual.length;
      assert.ok(Math.abs((march?.manual.score ?? 0) - expected) < 1e-9);
      assert.ok(march?.categories.knowledge && march.categories.knowledge.n > 0);
      await refused(reviews.trends(agent0, { agent_id: agent1.agentId as number }), 'forbidden');
    });

    it('marks a flagged conversation reviewed once a person submits a review', async () => {
      const target = id('t-8');
      await test.database.kysely
        .insertInto('qa_queue')
        .values({
          conversation_id: target,
          reasons: '["low_rating"]',
          status: 'open',
          created_at: 1,
          updated_at: 1,
        })
        .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ status: 'open' }))
        .execute();
      await reviews.create(reviewer, {
        conversation_id: target,
        scorecard_id: small.id,
        ratings: [
          { key: 'knowledge', rating: 3 },
          { key: 'tone', rating: 1 },
        ],
        submit: true,
      });
      const queued = await test.database.kysely
        .selectFrom('qa_queue')
        .select('status')
        .where('conversation_id', '=', target)
        .executeTakeFirstOrThrow();
      assert.equal(queued.status, 'reviewed');
    });
  });
}
