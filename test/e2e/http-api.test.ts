/** The HTTP API through a real server on a real port, on both databases. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { SettingsRepository } from '../../src/modules/settings/settings.repository.js';
import { TIME_ZONE_SETTING } from '../../src/modules/settings/time-zone.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation, jsonl } from '../support/factories.js';

const PASSWORD = 'correct horse battery';

for (const kind of DATABASE_KINDS) {
  describe(`HTTP API on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    let adminToken: string;

    async function call(path: string, init: RequestInit & { token?: string } = {}) {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      const response = await fetch(`${base}${path}`, { ...init, headers });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? (JSON.parse(text) as any) : null,
      };
    }

    async function login(email: string, password: string) {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return {
        status: response.status,
        cookie: response.headers.get('set-cookie') ?? '',
        body: (await response.json()) as any,
      };
    }

    before(async () => {
      test = await kind.create();
      const config = {
        ...loadConfig({ dataDir: test.dataDir }, {}),
        bodyLimit: 256 * 1024,
        loginAttemptsPerMinute: 5,
      };
      const services = createServices(config, test.database);
      app = await buildApp(services);
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const users = new UsersService(test.database.kysely);
      const admin = await users.createUser({ email: 'admin@example.com', role: 'admin', password: PASSWORD });
      adminToken = (await users.createApiToken(admin.user.id, 'tests')).token;
      await users.createUser({
        email: 'agent@example.com',
        role: 'agent',
        password: PASSWORD,
        agentExternalId: 'a-1',
      });
      await users.createUser({ email: 'viewer@example.com', role: 'viewer', password: PASSWORD });
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    it('answers health without signing in', async () => {
      const health = await call('/api/v1/health');
      assert.equal(health.status, 200);
      assert.equal(health.body.status, 'ok');
      assert.equal(health.body.database, kind.name);
    });

    it('refuses an unauthenticated request with 401 and a bad token with 401', async () => {
      assert.equal((await call('/api/v1/conversations')).status, 401);
      assert.equal((await call('/api/v1/conversations', { token: 'kv_nope_nope' })).status, 401);
    });

    it('stores one object, an array and NDJSON, with a result per item', async () => {
      const single = await call('/api/v1/conversations', {
        method: 'POST',
        token: adminToken,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(conversation(1)),
      });
      assert.equal(single.status, 200);
      assert.deepEqual(single.body.items, [{ index: 0, id: 't-1', status: 'imported' }]);

      const array = await call('/api/v1/conversations', {
        method: 'POST',
        token: adminToken,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: 20 }, (_, n) => conversation(n + 1))),
      });
      assert.equal(array.status, 200);
      assert.equal(array.body.imported, 19);
      assert.equal(array.body.updated, 1);

      const ndjson = await call('/api/v1/conversations', {
        method: 'POST',
        token: adminToken,
        headers: { 'content-type': 'application/x-ndjson' },
        body: jsonl([conversation(30), '{"broken', { ...conversation(31), channel: 'fax' }]),
      });
      assert.equal(ndjson.status, 207);
      assert.deepEqual(
        ndjson.body.items.map((i: any) => [i.line, i.status]),
        [
          [1, 'imported'],
          [2, 'rejected'],
          [3, 'rejected'],
        ],
      );
      assert.match(ndjson.body.items[1].errors[0].reason, /not valid JSON/);
      assert.equal(ndjson.body.items[2].errors[0].field, 'channel');
    });

    it('answers 400 with the field path and reason when nothing could be stored', async () => {
      const bad = await call('/api/v1/conversations', {
        method: 'POST',
        token: adminToken,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...conversation(40), created_at: '32/13/2026' }),
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.items[0].errors, [
        { field: 'created_at', reason: 'not a date: "32/13/2026"' },
      ]);

      const badQuery = await call('/api/v1/conversations?limit=5000&channel=fax', { token: adminToken });
      assert.equal(badQuery.status, 400);
      assert.equal(badQuery.body.error, 'validation');
      const fields = badQuery.body.details.map((d: any) => d.field).sort();
      assert.deepEqual(fields, ['querystring.channel', 'querystring.limit']);

      const badCursor = await call('/api/v1/conversations?cursor=abc', { token: adminToken });
      assert.equal(badCursor.status, 400);
    });

    it('refuses a body over the size limit with 413', async () => {
      const huge = conversation(41, { subject: 'x'.repeat(300 * 1024) });
      const response = await call('/api/v1/conversations', {
        method: 'POST',
        token: adminToken,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(huge),
      });
      assert.equal(response.status, 413);
    });

    it('filters, sorts and pages the list', async () => {
      const first = await call('/api/v1/conversations?limit=8&sort=created_at', { token: adminToken });
      assert.equal(first.status, 200);
      assert.equal(first.body.items.length, 8);
      const second = await call(
        `/api/v1/conversations?limit=8&sort=created_at&cursor=${first.body.next_cursor}`,
        {
          token: adminToken,
        },
      );
      const times = [...first.body.items, ...second.body.items].map((i: any) => i.created_at);
      assert.deepEqual(times, [...times].sort());
      const overlap = first.body.items.filter((a: any) => second.body.items.some((b: any) => b.id === a.id));
      assert.equal(overlap.length, 0);

      const billing = await call('/api/v1/conversations?tag=billing&has_feedback=true&limit=100', {
        token: adminToken,
      });
      assert.ok(billing.body.items.length > 0);
      assert.ok(billing.body.items.every((i: any) => i.tags.includes('billing') && i.has_feedback));

      const search = await call(`/api/v1/conversations?q=${encodeURIComponent('parcel 17')}`, {
        token: adminToken,
      });
      assert.deepEqual(
        search.body.items.map((i: any) => i.external_id),
        ['t-17'],
      );
    });

    it('filters by local hour and weekday in the organisation time zone, across a clock change', async () => {
      await new SettingsRepository(test.database.kysely).put(TIME_ZONE_SETTING, 'Europe/Zagreb');
      const at = {
        'tz-sun-0130': '2026-03-29T00:30:00Z', // 01:30 CET, Sunday, before the clocks go forward
        'tz-sun-0330': '2026-03-29T01:30:00Z', // 03:30 CEST, Sunday
        'tz-mon-0915': '2026-03-30T07:15:00Z', // 09:15, Monday
        'tz-tue-0030': '2026-03-30T22:30:00Z', // 00:30 Tuesday in Zagreb, still Monday in UTC
      };
      const stored = await call('/api/v1/conversations', {
        method: 'POST',
        token: adminToken,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          Object.entries(at).map(([id, createdAt]) => ({
            ...conversation(1),
            id,
            source: 'tz',
            created_at: createdAt,
            resolved_at: undefined,
            messages: [{ role: 'customer', text: 'When does the parcel arrive?' }],
          })),
        ),
      });
      assert.equal(stored.status, 200, JSON.stringify(stored.body));
      const ids = async (query: string) => {
        const answer = await call(`/api/v1/conversations?source=tz&sort=created_at&${query}`, {
          token: adminToken,
        });
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        return answer.body.items.map((i: any) => i.external_id);
      };
      const period = 'from=2026-03-28T00:00:00Z&to=2026-04-01T00:00:00Z';
      assert.deepEqual(await ids(`${period}&hour=1`), ['tz-sun-0130']);
      assert.deepEqual(await ids(`${period}&hour=0-3`), ['tz-sun-0130', 'tz-sun-0330', 'tz-tue-0030']);
      assert.deepEqual(await ids(`${period}&weekday=7`), ['tz-sun-0130', 'tz-sun-0330']);
      assert.deepEqual(await ids(`${period}&hour=9&weekday=1`), ['tz-mon-0915']);
      assert.deepEqual(await ids(`${period}&hour=9&weekday=2`), []);
      // Without a period the filter spans the stored conversations.
      assert.deepEqual(await ids('weekday=2'), ['tz-tue-0030']);

      const bad = await call('/api/v1/conversations?hour=5-2', { token: adminToken });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.details[0].field, 'querystring.hour');
      const badDay = await call('/api/v1/conversations?weekday=8', { token: adminToken });
      assert.equal(badDay.status, 400);
      assert.equal(badDay.body.details[0].field, 'querystring.weekday');
      await new SettingsRepository(test.database.kysely).put(TIME_ZONE_SETTING, 'UTC');
    });

    it('returns one conversation with messages and feedback', async () => {
      const list = await call('/api/v1/conversations?q=parcel%203&limit=1', { token: adminToken });
      const id = list.body.items[0].id;
      const detail = await call(`/api/v1/conversations/${id}`, { token: adminToken });
      assert.equal(detail.status, 200);
      assert.equal(detail.body.messages.length, 2);
      assert.deepEqual(detail.body.feedback[0], {
        type: 'csat',
        score: 5,
        scale: 5,
        comment: 'Quick and kind',
        at: null,
      });
      assert.equal((await call('/api/v1/conversations/999999', { token: adminToken })).status, 404);
      assert.equal((await call('/api/v1/conversations/abc', { token: adminToken })).status, 400);
    });

    it('lets an agent read only their own conversations', async () => {
      const session = await login('agent@example.com', PASSWORD);
      assert.equal(session.status, 200);
      assert.equal(session.body.user.role, 'agent');
      const cookie = session.cookie.split(';')[0] ?? '';
      assert.match(session.cookie, /HttpOnly/i);
      assert.match(session.cookie, /SameSite=Strict/i);
      const mine = await call('/api/v1/conversations?limit=100', { headers: { cookie } });
      assert.equal(mine.status, 200);
      assert.ok(mine.body.items.length > 0);
      assert.ok(mine.body.items.every((i: any) => i.agent.id === 'a-1'));
      const others = await call('/api/v1/conversations?agent=a-2&limit=1', { token: adminToken });
      const otherId = others.body.items[0].id;
      assert.equal((await call(`/api/v1/conversations/${otherId}`, { headers: { cookie } })).status, 404);
      const write = await call('/api/v1/conversations', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.body.csrf_token },
        body: JSON.stringify(conversation(50)),
      });
      assert.equal(write.status, 403);
    });

    it('requires the CSRF token on cookie-authenticated writes', async () => {
      const session = await login('admin@example.com', PASSWORD);
      const cookie = session.cookie.split(';')[0] ?? '';
      const body = JSON.stringify(conversation(60));
      const headers = { cookie, 'content-type': 'application/json' };
      assert.equal((await call('/api/v1/conversations', { method: 'POST', headers, body })).status, 403);
      const ok = await call('/api/v1/conversations', {
        method: 'POST',
        headers: { ...headers, 'x-csrf-token': session.body.csrf_token },
        body,
      });
      assert.equal(ok.status, 200);
      const me = await call('/api/v1/auth/me', { headers: { cookie } });
      assert.equal(me.body.user.email, 'admin@example.com');
      const logout = await call('/api/v1/auth/logout', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': session.body.csrf_token },
      });
      assert.equal(logout.status, 204);
      assert.equal((await call('/api/v1/auth/me', { headers: { cookie } })).status, 401);
    });

    it('keeps viewers from managing users', async () => {
      const session = await login('viewer@example.com', PASSWORD);
      const cookie = session.cookie.split(';')[0] ?? '';
      assert.equal((await call('/api/v1/users', { headers: { cookie } })).status, 403);
      assert.equal((await call('/api/v1/users', { token: adminToken })).status, 200);
    });

    it('serves the OpenAPI document generated from the route schemas', async () => {
      const document = await call('/api/docs/json');
      assert.equal(document.status, 200);
      assert.ok(document.body.paths['/conversations']);
      assert.ok(document.body.paths['/conversations/{id}']);
      assert.equal((await fetch(`${base}/api/docs`)).status, 200);
    });

    it('lets only an admin erase a customer, and answers 404 for an unknown one', async () => {
      const session = await login('viewer@example.com', PASSWORD);
      const cookie = session.cookie.split(';')[0] ?? '';
      const forbidden = await call('/api/v1/customers/c-5/personal-data', {
        method: 'DELETE',
        headers: { cookie, 'x-csrf-token': session.body.csrf_token },
      });
      assert.equal(forbidden.status, 403);
      const erased = await call('/api/v1/customers/c-5/personal-data', {
        method: 'DELETE',
        token: adminToken,
      });
      assert.equal(erased.status, 200);
      assert.deepEqual(erased.body, { conversations: 1 });
      assert.equal(
        (await call('/api/v1/customers/nobody/personal-data', { method: 'DELETE', token: adminToken }))
          .status,
        404,
      );
    });

    it('limits sign-in attempts per client', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 7; attempt += 1)
        statuses.push((await login('admin@example.com', 'wrong')).status);
      assert.ok(statuses.includes(401));
      assert.equal(statuses.at(-1), 429);
    });
  });
}
