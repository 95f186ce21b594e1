/** The complaints register through a real server on both databases: roles, lifecycle, errors. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';

for (const kind of DATABASE_KINDS) {
  describe(`Complaints API on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens: Record<string, string> = {};
    let agentId = 0;

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

    before(async () => {
      test = await kind.create();
      app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const users = new UsersService(test.database.kysely);
      for (const [name, role, agent] of [
        ['manager', 'manager'],
        ['viewer', 'viewer'],
        ['agent', 'agent', 'a-1'],
      ] as Array<[string, string, string?]>) {
        const { user } = await users.createUser({
          email: `${name}@example.com`,
          role,
          agentExternalId: agent,
        });
        tokens[name] = (await users.createApiToken(user.id, 'tests')).token;
        if (agent) agentId = user.agentId as number;
      }
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    it('records, works and closes a complaint; refuses what the roles and the lifecycle do not allow', async () => {
      assert.equal((await call('viewer', 'POST', '/complaints', { description: 'x' })).status, 403);
      const bad = await call('manager', 'POST', '/complaints', { description: 'x', category: 'weather' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /category: must be one of/);
      const created = await call('manager', 'POST', '/complaints', {
        description: 'The agent was rude',
        severity: 'high',
        subject_agent_id: agentId,
      });
      assert.equal(created.status, 201);
      assert.match(created.body.reference, /^C-\d{4}-\d{6}$/);
      const id = created.body.id;
      const wrong = await call('manager', 'POST', `/complaints/${id}/transitions`, { to: 'closed' });
      assert.equal(wrong.status, 409);
      assert.equal(wrong.body.error, 'invalid_transition');
      await call('manager', 'PATCH', `/complaints/${id}`, { owner_user_id: null });
      const agentSees = await call('agent', 'GET', `/complaints/${id}`);
      assert.equal(agentSees.status, 200, 'the agent it is about may read it');
      const agentSettles = await call('agent', 'POST', `/complaints/${id}/transitions`, {
        to: 'rejected',
        reason: 'not me',
      });
      assert.equal(agentSettles.status, 403);
      for (const step of [
        { to: 'acknowledged' },
        { to: 'investigating' },
        { to: 'resolved', resolution_type: 'explanation', root_cause: 'training' },
        { to: 'closed', customer_satisfied: 'yes' },
      ]) {
        const moved = await call('manager', 'POST', `/complaints/${id}/transitions`, step);
        assert.equal(moved.status, 200, JSON.stringify(moved.body));
      }
      const closed = await call('manager', 'GET', `/complaints/${id}`);
      assert.equal(closed.body.status, 'closed');
      assert.equal(closed.body.history.length, 5, 'received and four transitions');
      const settings = await call('viewer', 'PATCH', '/complaints/settings', { hoursMode: 'calendar' });
      assert.equal(settings.status, 403);
      await call('manager', 'PATCH', '/complaints/settings', {
        escalationWebhookUrl: 'https://hooks.example/secret-token',
      });
      assert.equal((await call('viewer', 'GET', '/complaints/settings')).body.escalationWebhookUrl, '(set)');
      assert.equal(
        (await call('manager', 'GET', '/complaints/settings')).body.escalationWebhookUrl,
        'https://hooks.example/secret-token',
      );
    });

    it('reports the complaint figures of a period', async () => {
      const figures = await call('viewer', 'GET', '/complaints/figures');
      assert.equal(figures.status, 200);
      assert.equal(figures.body.complaints, 1);
      assert.equal(figures.body.resolution_types.explanation, 100);
      assert.equal(figures.body.time_to_resolve_median_n, 1);
      assert.equal(figures.body.complaint_rate, null, 'no conversations in the period: null, never 0');
      assert.ok(Array.isArray(figures.body.recurring_topics));
    });

    it('documents the routes', async () => {
      const document = (await (await fetch(`${base}/api/docs/json`)).json()) as {
        paths: Record<string, unknown>;
      };
      for (const path of [
        '/complaints',
        '/complaints/{id}/transitions',
        '/complaint-candidates/{id}/decision',
      ]) {
        assert.ok(document.paths[path], path);
      }
    });
  });
}
