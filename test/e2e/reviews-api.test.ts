/** Scorecards, reviews and disputes through a real server on both databases: roles and status codes. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

for (const kind of DATABASE_KINDS) {
  describe(`Reviews API on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens: Record<string, string> = {};
    const conversationIds = new Map<string, number>();

    async function call(token: string, method: string, path: string, body?: unknown) {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as any) : null };
    }

    before(async () => {
      test = await kind.create();
      const services = createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database);
      app = await buildApp(services);
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      await ingestItems(
        test.database,
        Array.from({ length: 6 }, (_, n) => ({ raw: conversation(n) })),
        'test',
      );
      for (const row of await test.database.kysely
        .selectFrom('conversations')
        .select(['id', 'external_id'])
        .execute()) {
        conversationIds.set(row.external_id, row.id);
      }
      const users = new UsersService(test.database.kysely);
      const people: Array<[string, string, string?]> = [
        ['manager', 'manager'],
        ['reviewer', 'reviewer'],
        ['viewer', 'viewer'],
        ['agent0', 'agent', 'a-0'],
        ['agent1', 'agent', 'a-1'],
      ];
      for (const [name, role, agent] of people) {
        const { user } = await users.createUser({
          email: `${name}@example.com`,
          role,
          agentExternalId: agent,
        });
        tokens[name] = (await users.createApiToken(user.id, 'tests')).token;
      }
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    const cid = (external: string) => conversationIds.get(external) as number;
    let reviewId = 0;
    let disputeId = 0;

    it('lets managers edit scorecards and everyone else only read them', async () => {
      const list = await call(tokens.viewer as string, 'GET', '/scorecards');
      assert.equal(list.status, 200);
      const card = list.body[0];
      assert.equal(card.is_default, true);
      const definition = { ...card.definition, passMark: 70 };
      const refused = await call(tokens.reviewer as string, 'PUT', `/scorecards/${card.id}`, { definition });
      assert.equal(refused.status, 403);
      const saved = await call(tokens.manager as string, 'PUT', `/scorecards/${card.id}`, {
        definition,
        base_version: 1,
      });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.version, 2);
      const stale = await call(tokens.manager as string, 'PUT', `/scorecards/${card.id}`, {
        definition: { ...definition, passMark: 60 },
        base_version: 1,
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.current_version, 2);
      const invalid = await call(tokens.manager as string, 'POST', '/scorecards', {
        definition: { name: 'Empty', categories: [] },
      });
      assert.equal(invalid.status, 400);
      assert.match(invalid.body.message, /categories/);
    });

    it('pre-fills a review and lets a reviewer submit it; viewers and agents cannot review', async () => {
      const draft = await call(tokens.reviewer as string, 'GET', `/conversations/${cid('t-0')}/review-draft`);
      assert.equal(draft.status, 200);
      const ratings = draft.body.applicable.map((key: string) => {
        const category = draft.body.definition.categories.find((c: { key: string }) => c.key === key);
        const top = { binary: 1, '3-point': 3, '4-point': 4, '5-point': 5, '1-10': 10 } as Record<
          string,
          number
        >;
        return { key, rating: top[category.scale] };
      });
      const body = { conversation_id: cid('t-0'), ratings, submit: true };
      assert.equal((await call(tokens.viewer as string, 'POST', '/reviews', body)).status, 403);
      assert.equal((await call(tokens.agent1 as string, 'POST', '/reviews', body)).status, 404);
      assert.equal((await call(tokens.agent0 as string, 'POST', '/reviews', body)).status, 403);
      const created = await call(tokens.reviewer as string, 'POST', '/reviews', body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.score, 100);
      reviewId = created.body.id;
      const twice = await call(tokens.reviewer as string, 'POST', '/reviews', body);
      assert.equal(twice.status, 409);
      assert.equal(twice.body.review_id, reviewId);
    });

    it('answers a stale edit with 409 and the current revision', async () => {
      const first = await call(tokens.reviewer as string, 'PATCH', `/reviews/${reviewId}`, {
        revision: 1,
        comment: 'Great call',
      });
      assert.equal(first.status, 200);
      const stale = await call(tokens.manager as string, 'PATCH', `/reviews/${reviewId}`, {
        revision: 1,
        comment: 'overwrite',
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.current_revision, 2);
    });

    it('shows the review to its agent only; the agent disputes and a manager rules', async () => {
      assert.equal((await call(tokens.agent1 as string, 'GET', `/reviews/${reviewId}`)).status, 404);
      const calibrationOnly = await call(tokens.agent0 as string, 'GET', '/reviews?kind=calibration');
      assert.deepEqual(calibrationOnly.body.items, [], 'calibration scores are not listed to agents');
      const mine = await call(tokens.agent0 as string, 'GET', '/reviews');
      assert.deepEqual(
        mine.body.items.map((r: { id: number }) => r.id),
        [reviewId],
      );
      const dispute = await call(tokens.agent0 as string, 'POST', `/reviews/${reviewId}/disputes`, {
        reason: 'The greeting was there',
      });
      assert.equal(dispute.status, 201);
      disputeId = dispute.body.id;
      assert.equal((await call(tokens.reviewer as string, 'GET', '/disputes')).status, 403);
      const inbox = await call(tokens.manager as string, 'GET', '/disputes?status=open');
      assert.deepEqual(
        inbox.body.map((d: { id: number }) => d.id),
        [disputeId],
      );
      assert.equal(
        (
          await call(tokens.reviewer as string, 'POST', `/disputes/${disputeId}/decision`, {
            decision: 'rejected',
          })
        ).status,
        403,
      );
      const ruled = await call(tokens.manager as string, 'POST', `/disputes/${disputeId}/decision`, {
        decision: 'rejected',
        comment: 'The score stands',
      });
      assert.equal(ruled.status, 200);
      assert.equal(ruled.body.dispute.status, 'rejected');
      assert.equal(ruled.body.review.audit.at(-1).action, 'dispute_rejected');
    });

    it('lets managers run sampling rules and reviewers read only their own queue', async () => {
      assert.equal((await call(tokens.agent0 as string, 'GET', '/assignments')).status, 403);
      const rule = { name: 'Three a week', per_agent: 3 };
      assert.equal((await call(tokens.reviewer as string, 'POST', '/sampling-rules', rule)).status, 403);
      const created = await call(tokens.manager as string, 'POST', '/sampling-rules', rule);
      assert.equal(created.status, 201);
      const bad = await call(tokens.manager as string, 'POST', `/sampling-rules/${created.body.id}/run`, {
        period: 'March',
      });
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /period/);
      const run = await call(tokens.manager as string, 'POST', `/sampling-rules/${created.body.id}/run`, {
        period: '2026-W10',
      });
      assert.equal(run.status, 200);
      assert.equal(run.body.period, '2026-W10');
      const queue = await call(tokens.reviewer as string, 'GET', '/assignments');
      assert.equal(queue.status, 200);
      assert.equal(queue.body.length, run.body.assigned);
      const reviewerId = queue.body[0]?.reviewer_user_id;
      if (reviewerId) {
        const others = await call(
          tokens.reviewer as string,
          'GET',
          `/assignments?reviewer_id=${reviewerId + 1000}`,
        );
        assert.equal(others.status, 403);
      }
    });

    it('lets reviewers create follow-up tasks and leads coach; agents and viewers cannot', async () => {
      const me = await call(tokens.manager as string, 'GET', '/auth/me');
      const task = await call(tokens.reviewer as string, 'POST', `/reviews/${reviewId}/tasks`, {
        kind: 'coach_agent',
        owner_user_id: me.body.user.id,
      });
      assert.equal(task.status, 201, JSON.stringify(task.body));
      assert.equal(task.body.title, 'Coach the agent');
      assert.equal(
        (await call(tokens.agent0 as string, 'POST', '/tasks', { kind: 'other', owner_user_id: 1 })).status,
        403,
      );
      const session = { agent_id: 1, held_at: '2026-03-10T12:00:00Z', focus: ['greeting'] };
      assert.equal((await call(tokens.viewer as string, 'POST', '/coaching', session)).status, 403);
      assert.equal((await call(tokens.agent0 as string, 'POST', '/coaching', session)).status, 403);
      const own = await call(tokens.agent0 as string, 'GET', '/coaching');
      assert.equal(own.status, 200);
      assert.ok(Array.isArray(own.body));
    });

    it('answers metrics as JSON rows and as CSV, and an agent only about themselves', async () => {
      const query =
        '/metrics?metrics=csat,resolution_rate&by=channel&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
      const rows = await call(tokens.viewer as string, 'GET', query);
      assert.equal(rows.status, 200);
      assert.equal(rows.body[0].channel, 'chat');
      assert.equal(rows.body[0].resolution_rate_n, 6);
      const own = await call(tokens.agent0 as string, 'GET', query);
      assert.equal(own.body[0].resolution_rate_n, 2, 'a-0 handled conversations 0 and 3');
      const csv = await fetch(`${base}/api/v1${query}&format=csv`, {
        headers: { authorization: `Bearer ${tokens.viewer}` },
      });
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(
        (await csv.text()).split('\n')[0] ?? '',
        /^channel,csat,csat_n,resolution_rate,resolution_rate_n$/,
      );
      const compare = await call(
        tokens.viewer as string,
        'GET',
        '/metrics/compare?metric=resolution_rate&change=2026-03-03&window=7d',
      );
      assert.equal(compare.status, 200);
      assert.equal(compare.body.test, 'two-proportion z-test');
      assert.equal(
        (await call(tokens.viewer as string, 'GET', '/metrics/compare?metric=aht&change=someday')).status,
        400,
      );
      const bad = await call(tokens.viewer as string, 'GET', '/metrics?metrics=happiness');
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /unknown metric "happiness"/);
    });

    it('documents the routes in the OpenAPI document', async () => {
      const response = await fetch(`${base}/api/docs/json`);
      const document = (await response.json()) as { paths: Record<string, unknown> };
      for (const path of [
        '/reviews',
        '/reviews/{id}',
        '/disputes/{id}/decision',
        '/scorecards/{id}',
        '/calibrations/{id}/results',
        '/sampling-rules/{id}/run',
        '/assignments',
        '/tasks/{id}',
        '/coaching/{id}',
      ]) {
        assert.ok(document.paths[path], `${path} is documented`);
      }
    });
  });
}
