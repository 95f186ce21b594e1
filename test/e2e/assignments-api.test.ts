/**
 * The QA queue through a real server on both databases: who may manage sampling rules and
 * assignments, a reviewer seeing only their own queue, a manager creating and running a rule,
 * moving and cancelling assignments, and the status codes of refusals.
 */
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

const WEEK = '2026-W10'; // Monday 2 March to Sunday 8 March 2026 (UTC)

/** The parts of the answers these tests read. */
interface Answer {
  id?: number;
  message?: string;
  details?: Array<{ field: string; reason: string }>;
  assigned?: number;
  sampled?: number;
  period?: string;
  per_reviewer?: Record<string, number>;
  per_agent?: number;
  name?: string;
  status?: string;
  reviewer_user_id?: number;
}

/** One entry of `GET /assignments`. */
interface QueueEntry {
  id: number;
  conversation_id: number;
  external_id: string;
  reviewer_user_id: number;
  reason: string;
  due_at: string;
  status: string;
  agent_name: string | null;
}

function inWeek(n: number, agent: string) {
  return conversation(n, {
    created_at: `2026-03-0${2 + (n % 5)}T10:00:00Z`,
    resolved_at: `2026-03-0${2 + (n % 5)}T11:00:00Z`,
    agent: { id: agent, name: `Agent ${agent}`, team: 'London L1' },
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`QA queue API on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens = new Map<string, string>();
    const userIds = new Map<string, number>();
    let ruleId = 0;

    async function call(who: string, method: string, path: string, body?: unknown) {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get(who) ?? ''}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown };
    }
    const answer = (value: unknown) => value as Answer;
    const queue = (value: unknown) => value as QueueEntry[];
    const userId = (name: string) => userIds.get(name) as number;

    before(async () => {
      test = await kind.create();
      const services = createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database);
      app = await buildApp(services);
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      await ingestItems(
        test.database,
        [
          ...Array.from({ length: 6 }, (_, i) => inWeek(i, 'a-0')),
          ...Array.from({ length: 4 }, (_, i) => inWeek(10 + i, 'a-1')),
          inWeek(20, 'a-2'),
        ].map((raw) => ({ raw })),
        'test',
      );
      const users = new UsersService(test.database.kysely);
      const people: Array<[string, string, string?]> = [
        ['manager', 'manager'],
        ['r1', 'reviewer'],
        ['r2', 'reviewer'],
        ['reviewerAgent', 'reviewer', 'a-0'],
        ['agent', 'agent', 'a-1'],
        ['viewer', 'viewer'],
      ];
      for (const [name, role, agent] of people) {
        const { user } = await users.createUser({
          email: `${name}@example.com`,
          role,
          agentExternalId: agent,
        });
        userIds.set(name, user.id);
        tokens.set(name, (await users.createApiToken(user.id, 'tests')).token);
      }
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    it('refuses agents and viewers everything in the QA queue with 403', async () => {
      for (const who of ['agent', 'viewer']) {
        for (const [method, path, body] of [
          ['GET', '/assignments', undefined],
          ['GET', '/sampling-rules', undefined],
          ['POST', '/sampling-rules', { name: 'x', per_agent: 1 }],
          ['POST', '/sampling-rules/1/run', {}],
          ['POST', '/assignments/flagged', undefined],
          ['PATCH', '/assignments/1', { status: 'cancelled' }],
        ] as const) {
          assert.equal((await call(who, method, path, body)).status, 403, `${who} ${method} ${path}`);
        }
      }
    });

    it('keeps sampling rules to managers: reviewers get 403', async () => {
      assert.equal((await call('r1', 'GET', '/sampling-rules')).status, 403);
      assert.equal((await call('r1', 'POST', '/sampling-rules', { name: 'x', per_agent: 1 })).status, 403);
      assert.equal((await call('r1', 'POST', '/assignments/flagged')).status, 403);
    });

    it('lets a manager create, read and change a rule, naming the field of a refusal', async () => {
      const bad = await call('manager', 'POST', '/sampling-rules', { name: 'Weekly', per_agent: 0 });
      assert.equal(bad.status, 400);
      assert.ok(answer(bad.body).details?.some((d) => d.field === 'body.per_agent'));
      const created = await call('manager', 'POST', '/sampling-rules', {
        name: 'Weekly',
        per_agent: 2,
        filters: { channels: ['chat'] },
      });
      assert.equal(created.status, 201);
      ruleId = answer(created.body).id as number;
      const list = await call('manager', 'GET', '/sampling-rules');
      assert.deepEqual(
        (list.body as Answer[]).map((r) => r.id),
        [ruleId],
      );
      const changed = await call('manager', 'PUT', `/sampling-rules/${ruleId}`, {
        name: 'Weekly three',
        per_agent: 3,
        filters: { channels: ['chat'] },
      });
      assert.equal(changed.status, 200);
      assert.equal(answer(changed.body).per_agent, 3);
      assert.equal(
        answer((await call('manager', 'GET', `/sampling-rules/${ruleId}`)).body).name,
        'Weekly three',
      );
      assert.equal((await call('manager', 'GET', '/sampling-rules/9999')).status, 404);
      assert.equal((await call('manager', 'POST', '/sampling-rules/9999/run', {})).status, 404);
    });

    it('runs a rule for a week: N per agent, spread evenly, and nothing more the second time', async () => {
      const badWeek = await call('manager', 'POST', `/sampling-rules/${ruleId}/run`, { period: '2025-W53' });
      assert.equal(badWeek.status, 400);
      assert.ok(answer(badWeek.body).details?.some((d) => d.field === 'period'));
      const run = await call('manager', 'POST', `/sampling-rules/${ruleId}/run`, { period: WEEK });
      assert.equal(run.status, 200);
      // a-0 and a-1 have three or more, a-2 has one.
      assert.equal(answer(run.body).sampled, 7);
      assert.equal(answer(run.body).assigned, 7);
      const loads = Object.values(answer(run.body).per_reviewer ?? {});
      assert.equal(loads.length, 3, 'every reviewer gets some');
      assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads}`);
      const again = await call('manager', 'POST', `/sampling-rules/${ruleId}/run`, { period: WEEK });
      assert.equal(answer(again.body).assigned, 0);
    });

    it('shows a reviewer only their own queue, never their own conversations', async () => {
      const mine = await call('reviewerAgent', 'GET', '/assignments');
      assert.equal(mine.status, 200);
      assert.ok(queue(mine.body).length > 0);
      assert.ok(queue(mine.body).every((entry) => entry.reviewer_user_id === userId('reviewerAgent')));
      assert.ok(
        queue(mine.body).every((entry) => entry.agent_name !== 'Agent a-0'),
        'the reviewer who is agent a-0 never reviews a-0',
      );
      const others = await call('r1', 'GET', `/assignments?reviewer_id=${userId('r2')}`);
      assert.equal(others.status, 403);
      const asManager = await call('manager', 'GET', `/assignments?reviewer_id=${userId('r2')}`);
      assert.equal(asManager.status, 200);
      assert.ok(queue(asManager.body).every((entry) => entry.reviewer_user_id === userId('r2')));
      const everyone = await call('manager', 'GET', '/assignments?limit=500');
      assert.equal(queue(everyone.body).length, 7);
      const page = await call('manager', 'GET', '/assignments?limit=2&offset=2');
      assert.deepEqual(
        queue(page.body).map((entry) => entry.id),
        queue(everyone.body)
          .slice(2, 4)
          .map((entry) => entry.id),
      );
    });

    it('lets a manager move and cancel an assignment, but not to its own agent', async () => {
      const everyone = queue((await call('manager', 'GET', '/assignments?limit=500')).body);
      const ofA0 = everyone.find((entry) => entry.agent_name === 'Agent a-0') as QueueEntry;
      const self = await call('manager', 'PATCH', `/assignments/${ofA0.id}`, {
        reviewer_user_id: userId('reviewerAgent'),
      });
      assert.equal(self.status, 400);
      assert.ok(answer(self.body).details?.some((d) => d.field === 'reviewer_user_id'));
      const target = ofA0.reviewer_user_id === userId('r1') ? 'r2' : 'r1';
      const moved = await call('manager', 'PATCH', `/assignments/${ofA0.id}`, {
        reviewer_user_id: userId(target),
        due_at: '2026-03-12T12:00:00.000Z',
      });
      assert.equal(moved.status, 200);
      assert.equal(answer(moved.body).reviewer_user_id, userId(target));
      const cancelled = await call('manager', 'PATCH', `/assignments/${ofA0.id}`, { status: 'cancelled' });
      assert.equal(answer(cancelled.body).status, 'cancelled');
      const open = queue((await call(target, 'GET', '/assignments')).body);
      assert.ok(!open.some((entry) => entry.id === ofA0.id), 'a cancelled assignment leaves the queue');
      assert.equal((await call('r1', 'PATCH', `/assignments/${ofA0.id}`, { status: 'open' })).status, 403);
      assert.equal(
        (await call('manager', 'PATCH', '/assignments/9999', { status: 'cancelled' })).status,
        404,
      );
    });

    it('assigns flagged conversations, first in the queue, and deletes a rule', async () => {
      // A conversation no rule has assigned yet (a flagged one that was sampled stays as it is).
      await ingestItems(test.database, [{ raw: inWeek(30, 'a-2') }], 'test');
      const fresh = await test.database.kysely
        .selectFrom('conversations')
        .select('id')
        .where('external_id', '=', 't-30')
        .executeTakeFirstOrThrow();
      await test.database.kysely
        .insertInto('qa_queue')
        .values({
          conversation_id: fresh.id,
          reasons: '["negative_end"]',
          status: 'open',
          created_at: 1,
          updated_at: 1,
        })
        .execute();
      const flagged = await call('manager', 'POST', '/assignments/flagged');
      assert.equal(flagged.status, 200);
      assert.equal(answer(flagged.body).assigned, 1);
      const reviewer = Object.keys(answer(flagged.body).per_reviewer ?? {})[0];
      const name = [...userIds].find(([, id]) => String(id) === reviewer)?.[0] as string;
      const first = queue((await call(name, 'GET', '/assignments')).body)[0];
      assert.equal(first?.conversation_id, fresh.id, 'due in two days, ahead of the week-long samples');
      assert.equal(first?.reason, 'flagged:negative_end');
      assert.equal((await call('manager', 'DELETE', `/sampling-rules/${ruleId}`)).status, 204);
      assert.equal((await call('manager', 'GET', `/sampling-rules/${ruleId}`)).status, 404);
      assert.equal((await call('manager', 'DELETE', `/sampling-rules/${ruleId}`)).status, 404);
    });

    it('documents the routes under the assignments tag', async () => {
      const response = await fetch(`${base}/api/docs/json`);
      const document = (await response.json()) as {
        paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
      };
      for (const path of [
        '/sampling-rules',
        '/sampling-rules/{id}',
        '/sampling-rules/{id}/run',
        '/assignments',
      ]) {
        const operations = Object.values(document.paths[`/api/v1${path}`] ?? document.paths[path] ?? {});
        assert.ok(operations.length > 0, `${path} is documented`);
        for (const operation of operations) {
          assert.ok(
            operation.tags?.includes('assignments') && operation.summary,
            `${path} has tag and summary`,
          );
        }
      }
    });
  });
}
