/** Follow-up tasks and coaching sessions through a real server on both databases: roles and status codes. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const DAY = 86_400_000;

for (const kind of DATABASE_KINDS) {
  describe(`Tasks and coaching API on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens: Record<string, string> = {};
    const people: Record<string, Principal> = {};
    let reviewOfAgent0 = 0;
    let reviewOfAgent1 = 0;

    async function call(who: string, method: string, path: string, body?: unknown) {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as any) : null };
    }

    const agentId = (who: string) => people[who]?.agentId as number;
    const userId = (who: string) => people[who]?.id as number;

    before(async () => {
      test = await kind.create();
      const services = createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database);
      app = await buildApp(services);
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      // conversation(n) belongs to agent a-(n mod 3): t-3 to a-0, t-4 to a-1.
      await ingestItems(
        test.database,
        [3, 4].map((n) => ({ raw: conversation(n) })),
        'test',
      );
      const users = new UsersService(test.database.kysely);
      for (const [name, role, agent] of [
        ['manager', 'manager'],
        ['lead', 'lead'],
        ['reviewer', 'reviewer'],
        ['viewer', 'viewer'],
        ['agent0', 'agent', 'a-0'],
        ['agent1', 'agent', 'a-1'],
      ] as Array<[string, string, string?]>) {
        const { user } = await users.createUser({
          email: `${name}@example.com`,
          role,
          agentExternalId: agent,
        });
        people[name] = user;
        tokens[name] = (await users.createApiToken(user.id, 'tests')).token;
      }
      const scorecardId = (
        await services.scorecards.create(
          {
            name: 'Empathy',
            categories: [{ key: 'empathy', name: 'Empathy', scale: '5-point', allowNa: false }],
          },
          userId('manager'),
        )
      ).id;
      const conversationId = async (external: string) =>
        (
          await test.database.kysely
            .selectFrom('conversations')
            .select('id')
            .where('external_id', '=', external)
            .executeTakeFirstOrThrow()
        ).id;
      const submitted = async (external: string) =>
        (
          await services.reviews.create(people.reviewer as Principal, {
            conversation_id: await conversationId(external),
            scorecard_id: scorecardId,
            ratings: [{ key: 'empathy', rating: 3 }],
            submit: true,
          })
        ).id;
      reviewOfAgent0 = await submitted('t-3');
      reviewOfAgent1 = await submitted('t-4');
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    describe('follow-up tasks', () => {
      let taskId = 0;

      it('lets reviewing roles create a task from a review (201) and refuses viewers and agents (403)', async () => {
        const due = new Date(Date.now() - DAY).toISOString();
        const created = await call('reviewer', 'POST', `/reviews/${reviewOfAgent0}/tasks`, {
          kind: 'call_back',
          owner_user_id: userId('lead'),
          due_at: due,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal(created.body.title, 'Call the customer back and correct the information');
        assert.equal(created.body.due_at, due);
        assert.equal(created.body.overdue, true);
        taskId = created.body.id;
        const body = { kind: 'other', owner_user_id: userId('lead') };
        assert.equal((await call('viewer', 'POST', `/reviews/${reviewOfAgent0}/tasks`, body)).status, 403);
        assert.equal((await call('agent0', 'POST', '/tasks', body)).status, 403);
        assert.equal((await call('viewer', 'POST', '/tasks', body)).status, 403);
        assert.equal((await call('lead', 'POST', '/tasks', body)).status, 201);
      });

      it('answers 400 for a bad body or owner and 404 for a missing review', async () => {
        const noOwner = await call('reviewer', 'POST', '/tasks', { kind: 'call_back' });
        assert.equal(noOwner.status, 400);
        const badKind = await call('reviewer', 'POST', '/tasks', {
          kind: 'phone',
          owner_user_id: userId('lead'),
        });
        assert.equal(badKind.status, 400);
        const unknownOwner = await call('reviewer', 'POST', '/tasks', {
          kind: 'other',
          owner_user_id: 999_999,
        });
        assert.equal(unknownOwner.status, 400);
        assert.equal(unknownOwner.body.details[0].field, 'owner_user_id');
        const missing = await call('reviewer', 'POST', '/reviews/999999/tasks', {
          kind: 'other',
          owner_user_id: userId('lead'),
        });
        assert.equal(missing.status, 404);
      });

      it("lists your own tasks; the overdue ones; another owner's only for managers", async () => {
        const mine = await call('lead', 'GET', '/tasks');
        assert.equal(mine.status, 200);
        assert.equal(mine.body.length, 2);
        const overdue = await call('lead', 'GET', '/tasks?overdue=true');
        assert.deepEqual(
          overdue.body.map((t: { id: number }) => t.id),
          [taskId],
        );
        assert.equal((await call('reviewer', 'GET', `/tasks?owner_id=${userId('lead')}`)).status, 403);
        const managed = await call('manager', 'GET', `/tasks?owner_id=${userId('lead')}&overdue=true`);
        assert.equal(managed.status, 200);
        assert.equal(managed.body.length, 1);
        assert.deepEqual((await call('agent0', 'GET', '/tasks')).body, [], 'agents read only tasks they own');
      });

      it('lets the owner mark a task done twice (200 both times) and answers 404 to strangers', async () => {
        assert.equal((await call('agent0', 'PATCH', `/tasks/${taskId}`, { status: 'done' })).status, 404);
        assert.equal((await call('reviewer', 'PATCH', `/tasks/${taskId}`, { status: 'done' })).status, 403);
        const first = await call('lead', 'PATCH', `/tasks/${taskId}`, { status: 'done' });
        assert.equal(first.status, 200);
        const second = await call('lead', 'PATCH', `/tasks/${taskId}`, { status: 'done' });
        assert.equal(second.status, 200);
        assert.equal(second.body.done_at, first.body.done_at);
        assert.equal((await call('lead', 'PATCH', `/tasks/${taskId}`, { status: 'finished' })).status, 400);
      });
    });

    describe('coaching sessions', () => {
      let sessionOfAgent0 = 0;
      let sessionOfAgent1 = 0;

      it('lets leads and managers create sessions (201); viewers, reviewers and agents get 403', async () => {
        const body = { agent_id: agentId('agent0'), focus: ['empathy'], review_ids: [reviewOfAgent0] };
        assert.equal((await call('viewer', 'POST', '/coaching', body)).status, 403);
        assert.equal((await call('agent0', 'POST', '/coaching', body)).status, 403);
        assert.equal((await call('reviewer', 'POST', '/coaching', body)).status, 403);
        const created = await call('lead', 'POST', '/coaching', body);
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal(created.body.effect.baseline_days, 30);
        assert.ok(created.body.effect.categories.empathy.all);
        sessionOfAgent0 = created.body.id;
        const other = await call('manager', 'POST', '/coaching', { agent_id: agentId('agent1') });
        assert.equal(other.status, 201);
        sessionOfAgent1 = other.body.id;
      });

      it("answers 400 naming a linked review that is not the agent's", async () => {
        const refused = await call('lead', 'POST', '/coaching', {
          agent_id: agentId('agent0'),
          review_ids: [reviewOfAgent1],
        });
        assert.equal(refused.status, 400);
        assert.match(refused.body.message, new RegExp(`review ${reviewOfAgent1} is not a submitted review`));
      });

      it("shows agents their own sessions, and another agent's session answers 404", async () => {
        const own = await call('agent0', 'GET', '/coaching');
        assert.equal(own.status, 200);
        assert.deepEqual(
          own.body.map((s: { id: number }) => s.id),
          [sessionOfAgent0],
        );
        assert.equal((await call('agent0', 'GET', `/coaching/${sessionOfAgent0}`)).status, 200);
        assert.equal((await call('agent0', 'GET', `/coaching/${sessionOfAgent1}`)).status, 404);
        assert.equal((await call('agent1', 'GET', `/coaching/${sessionOfAgent0}`)).status, 404);
        assert.equal((await call('lead', 'GET', '/coaching')).body.length, 2);
        assert.equal((await call('viewer', 'GET', '/coaching')).status, 403);
        assert.equal((await call('lead', 'GET', '/coaching/999999')).status, 404);
      });

      it('lets the lead change a session; agents cannot (403)', async () => {
        const change = { status: 'closed', action_items: [{ text: 'Apologise first', done: true }] };
        assert.equal((await call('agent0', 'PATCH', `/coaching/${sessionOfAgent0}`, change)).status, 403);
        const changed = await call('lead', 'PATCH', `/coaching/${sessionOfAgent0}`, change);
        assert.equal(changed.status, 200);
        assert.equal(changed.body.status, 'closed');
        assert.deepEqual(changed.body.action_items, change.action_items);
      });
    });

    it('documents the routes under the tasks and coaching tags', async () => {
      const response = await fetch(`${base}/api/docs/json`);
      const document = (await response.json()) as {
        paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
      };
      for (const [path, method, tag] of [
        ['/reviews/{id}/tasks', 'post', 'tasks'],
        ['/tasks', 'post', 'tasks'],
        ['/tasks', 'get', 'tasks'],
        ['/tasks/{id}', 'patch', 'tasks'],
        ['/coaching', 'get', 'coaching'],
        ['/coaching', 'post', 'coaching'],
        ['/coaching/{id}', 'get', 'coaching'],
        ['/coaching/{id}', 'patch', 'coaching'],
      ] as const) {
        const operation = document.paths[path]?.[method];
        assert.deepEqual(operation?.tags, [tag], `${method} ${path}`);
        assert.ok(operation?.summary, `${method} ${path} has a summary`);
      }
    });
  });
}
