/** Saved views through the HTTP API on a real server, on both databases. */
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
  describe(`saved views on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens: Record<string, string> = {};

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
      const users = new UsersService(test.database.kysely);
      for (const role of ['admin', 'manager', 'reviewer', 'agent'] as const) {
        const created = await users.createUser({
          email: `${role}@example.com`,
          role,
          name: `The ${role}`,
          ...(role === 'agent' ? { agentExternalId: 'a-1' } : {}),
        });
        tokens[role] = (await users.createApiToken(created.user.id, 'tests')).token;
      }
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    it('saves a view once under its name: saving again replaces it, without the page cursor', async () => {
      const view = {
        page: 'conversations',
        name: 'Chat complaints',
        query: '?channel=chat&complaint=true&cursor=abc',
      };
      const first = await call(tokens.reviewer as string, 'POST', '/views', view);
      assert.equal(first.status, 201);
      assert.equal(first.body.query, 'channel=chat&complaint=true');
      assert.equal(first.body.mine, true);
      assert.equal(first.body.shared, false);
      const again = await call(tokens.reviewer as string, 'POST', '/views', {
        ...view,
        query: 'channel=email',
      });
      assert.equal(again.status, 200);
      assert.equal(again.body.id, first.body.id);
      const list = await call(tokens.reviewer as string, 'GET', '/views?page=conversations');
      assert.deepEqual(
        list.body.map((v: any) => [v.name, v.query]),
        [['Chat complaints', 'channel=email']],
      );
    });

    it('shows shared views to everyone and keeps private ones to their owner', async () => {
      const shared = await call(tokens.manager as string, 'POST', '/views', {
        page: 'conversations',
        name: 'Weekend nights',
        query: 'weekday=6,7&hour=0-5',
        shared: true,
      });
      assert.equal(shared.status, 201);
      await call(tokens.manager as string, 'POST', '/views', {
        page: 'conversations',
        name: 'Mine',
        query: 'tag=x',
      });
      const seenByAgent = await call(tokens.agent as string, 'GET', '/views?page=conversations');
      assert.deepEqual(
        seenByAgent.body.map((v: any) => [v.name, v.mine, v.owner.name]),
        [['Weekend nights', false, 'The manager']],
      );
      const otherPage = await call(tokens.agent as string, 'GET', '/views?page=complaints');
      assert.deepEqual(otherPage.body, []);
    });

    it('lets only the owner or an admin delete a view, and deleting twice succeeds', async () => {
      const list = await call(tokens.manager as string, 'GET', '/views?page=conversations');
      const shared = list.body.find((v: any) => v.name === 'Weekend nights');
      const mine = list.body.find((v: any) => v.name === 'Mine');
      assert.equal((await call(tokens.reviewer as string, 'DELETE', `/views/${shared.id}`)).status, 403);
      assert.equal((await call(tokens.reviewer as string, 'DELETE', `/views/${mine.id}`)).status, 404);
      assert.equal((await call(tokens.admin as string, 'DELETE', `/views/${shared.id}`)).status, 204);
      assert.equal((await call(tokens.manager as string, 'DELETE', `/views/${mine.id}`)).status, 204);
      assert.equal((await call(tokens.manager as string, 'DELETE', `/views/${mine.id}`)).status, 204);
      assert.deepEqual((await call(tokens.manager as string, 'GET', '/views?page=conversations')).body, []);
    });

    it('refuses to share an agent view, a blank name and an unknown page, naming the field', async () => {
      const shared = await call(tokens.agent as string, 'POST', '/views', {
        page: 'conversations',
        name: 'Mine',
        query: '',
        shared: true,
      });
      assert.equal(shared.status, 403);
      const blank = await call(tokens.agent as string, 'POST', '/views', {
        page: 'conversations',
        name: '  ',
        query: '',
      });
      assert.equal(blank.status, 400);
      assert.equal(blank.body.details[0].field, 'body.name');
      const page = await call(tokens.agent as string, 'POST', '/views', {
        page: 'nowhere',
        name: 'x',
        query: '',
      });
      assert.equal(page.status, 400);
      assert.match(page.body.details[0].field, /page/);
    });
  });
}
