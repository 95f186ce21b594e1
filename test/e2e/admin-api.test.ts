/** Users, API tokens, teams and agents through a real server on both databases: rules, roles and status codes. */
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

const PASSWORD = 'api tests only';

for (const kind of DATABASE_KINDS) {
  describe(`Administration API on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens: Record<string, string> = {};
    const ids: Record<string, number> = {};

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

    /** Signs in with a password; the session cookie and CSRF token, or the refusal's status. */
    async function signIn(email: string, password = PASSWORD) {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const body = (await response.json()) as { csrf_token?: string };
      return { status: response.status, cookie, csrf: body.csrf_token ?? '' };
    }

    async function withCookie(session: { cookie: string; csrf: string }, method: string, path: string) {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      });
      return response.status;
    }

    const teamId = async (name: string) => {
      const teams = (await call(tokens.admin as string, 'GET', '/teams')).body as Array<{
        id: number;
        name: string;
      }>;
      const team = teams.find((t) => t.name === name);
      assert.ok(team, `team ${name} is listed`);
      return team.id;
    };
    const agentsOf = async (query: string) => {
      const page = await call(tokens.manager as string, 'GET', `/agents?${query}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      return page.body as { agents: Array<Record<string, any>>; total: number };
    };

    before(async () => {
      test = await kind.create();
      const config = loadConfig({ dataDir: test.dataDir }, { KVALITA_LOGIN_RATE: '1000' });
      app = await buildApp(createServices(config, test.database));
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      // Agents a-0 (Zagreb L1), a-1 and a-2 (London L1).
      await ingestItems(
        test.database,
        Array.from({ length: 6 }, (_, n) => ({ raw: conversation(n) })),
        'test',
      );
      const users = new UsersService(test.database.kysely);
      const people: Array<[string, string, string?]> = [
        ['admin', 'admin'],
        ['manager', 'manager'],
        ['lead', 'lead'],
        ['reviewer', 'reviewer'],
        ['viewer', 'viewer'],
        ['agent0', 'agent', 'a-0'],
      ];
      for (const [name, role, agent] of people) {
        const { user } = await users.createUser({
          email: `${name}@example.com`,
          role,
          password: PASSWORD,
          agentExternalId: agent,
        });
        ids[name] = user.id;
        tokens[name] = (await users.createApiToken(user.id, 'tests')).token;
      }
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    it('lists users with whether each is disabled, to admins only', async () => {
      const list = await call(tokens.admin as string, 'GET', '/users');
      assert.equal(list.status, 200);
      assert.equal(list.body.length, 6);
      assert.ok(list.body.every((u: { disabled: boolean }) => u.disabled === false));
      assert.equal((await call(tokens.manager as string, 'GET', '/users')).status, 403);
    });

    it("changes a user's name, role and agent link, and names the field at fault", async () => {
      const path = `/users/${ids.viewer}`;
      const renamed = await call(tokens.admin as string, 'PATCH', path, {
        name: ' Vera Viewer ',
        role: 'lead',
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      assert.equal(renamed.body.name, 'Vera Viewer');
      assert.equal(renamed.body.role, 'lead');
      assert.equal(
        (await call(tokens.viewer as string, 'GET', '/teams')).status,
        200,
        'the new role applies',
      );

      const badRole = await call(tokens.admin as string, 'PATCH', path, { role: 'owner' });
      assert.equal(badRole.status, 400);
      assert.equal(badRole.body.error, 'validation');
      assert.equal(badRole.body.details[0].field, 'body.role');
      const agentless = await call(tokens.admin as string, 'PATCH', path, { role: 'agent' });
      assert.equal(agentless.status, 400);
      assert.deepEqual(
        agentless.body.details.map((d: { field: string }) => d.field),
        ['body.role'],
      );
      const blank = await call(tokens.admin as string, 'PATCH', path, { name: '   ' });
      assert.equal(blank.status, 400);
      assert.equal(blank.body.details[0].field, 'body.name');
      assert.equal((await call(tokens.admin as string, 'PATCH', path, {})).status, 400);

      const agent = await call(tokens.admin as string, 'PATCH', path, { role: 'agent', agent_id: 'a-2' });
      assert.equal(agent.status, 200);
      assert.equal(agent.body.agent_id, 'a-2');
      const unlink = await call(tokens.admin as string, 'PATCH', path, { agent_id: null });
      assert.equal(unlink.status, 400, 'an agent keeps an agent id');
      assert.equal(unlink.body.details[0].field, 'body.agent_id');
      const back = await call(tokens.admin as string, 'PATCH', path, { role: 'viewer', agent_id: null });
      assert.equal(back.status, 200);
      assert.equal(back.body.agent_id, null);
      assert.equal(
        (await call(tokens.admin as string, 'PATCH', '/users/99999', { role: 'viewer' })).status,
        404,
      );
    });

    it('keeps one enabled administrator: the last one can be neither demoted nor disabled', async () => {
      const self = `/users/${ids.admin}`;
      const demote = await call(tokens.admin as string, 'PATCH', self, { role: 'manager' });
      assert.equal(demote.status, 409);
      assert.equal(demote.body.error, 'last_admin');
      assert.match(demote.body.message, /only active administrator/);
      assert.equal((await call(tokens.admin as string, 'PATCH', self, { disabled: true })).status, 409);

      const second = await call(tokens.admin as string, 'POST', '/users', {
        email: 'second@example.com',
        role: 'admin',
        password: PASSWORD,
      });
      assert.equal(second.status, 201);
      const secondId = second.body.user.id as number;
      const disabled = await call(tokens.admin as string, 'PATCH', `/users/${secondId}`, { disabled: true });
      assert.equal(disabled.status, 200);
      assert.equal(disabled.body.disabled, true);
      // A disabled administrator does not count: the first one is still the last active one.
      assert.equal((await call(tokens.admin as string, 'PATCH', self, { role: 'manager' })).status, 409);
      assert.equal(
        (await call(tokens.admin as string, 'PATCH', `/users/${secondId}`, { disabled: false })).status,
        200,
      );
      const demoted = await call(tokens.admin as string, 'PATCH', `/users/${secondId}`, { role: 'reviewer' });
      assert.equal(demoted.status, 200);
      assert.equal(
        (await call(tokens.admin as string, 'PATCH', `/users/${secondId}`, { role: 'admin' })).status,
        200,
      );
      // With two, one may step down, even by themselves; then the other is the last.
      const stepDown = await call(tokens.admin as string, 'PATCH', `/users/${secondId}`, { role: 'viewer' });
      assert.equal(stepDown.status, 200);
      assert.equal((await call(tokens.admin as string, 'PATCH', self, { disabled: true })).status, 409);
    });

    it('refuses one of two simultaneous changes that would each remove one of the last two administrators', async () => {
      const users = new UsersService(test.database.kysely);
      const twin = await users.createUser({ email: 'twin@example.com', role: 'admin' });
      const outcomes = await Promise.allSettled([
        users.updateUser(ids.admin as number, { role: 'manager' }),
        users.updateUser(twin.user.id, { disabled: true }),
      ]);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected']);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      assert.match(String(refused.reason), /only active administrator/);
      await users.updateUser(ids.admin as number, { role: 'admin' });
      await users.updateUser(twin.user.id, { disabled: true });
      const admins = (await call(tokens.admin as string, 'GET', '/users')).body.filter(
        (u: { role: string; disabled: boolean }) => u.role === 'admin' && !u.disabled,
      );
      assert.deepEqual(
        admins.map((u: { email: string }) => u.email),
        ['admin@example.com'],
      );
    });

    it('ends the sessions of a disabled user and refuses their tokens until they are enabled again', async () => {
      const session = await signIn('reviewer@example.com');
      assert.equal(session.status, 200);
      assert.equal(await withCookie(session, 'GET', '/auth/me'), 200);
      const path = `/users/${ids.reviewer}`;
      assert.equal((await call(tokens.admin as string, 'PATCH', path, { disabled: true })).status, 200);
      assert.equal(await withCookie(session, 'GET', '/auth/me'), 401, 'the session has ended');
      assert.equal(
        (await call(tokens.reviewer as string, 'GET', '/auth/me')).status,
        401,
        'the token is refused',
      );
      assert.equal((await signIn('reviewer@example.com')).status, 401, 'no new sign-in');
      const listed = (await call(tokens.admin as string, 'GET', '/users')).body.find(
        (u: { id: number }) => u.id === ids.reviewer,
      );
      assert.equal(listed.disabled, true);

      assert.equal((await call(tokens.admin as string, 'PATCH', path, { disabled: false })).status, 200);
      assert.equal(
        (await call(tokens.reviewer as string, 'GET', '/auth/me')).status,
        200,
        'the token works again',
      );
      assert.equal(await withCookie(session, 'GET', '/auth/me'), 401, 'the old session stays ended');
      assert.equal((await signIn('reviewer@example.com')).status, 200);
    });

    it("sets a user's password, generated and shown once, and ends their sessions", async () => {
      const session = await signIn('lead@example.com');
      const path = `/users/${ids.lead}/password`;
      assert.equal((await call(tokens.manager as string, 'POST', path, {})).status, 403);
      const generated = await call(tokens.admin as string, 'POST', path, {});
      assert.equal(generated.status, 200);
      assert.equal(typeof generated.body.password, 'string');
      assert.ok(generated.body.password.length >= 10);
      assert.equal(await withCookie(session, 'GET', '/auth/me'), 401);
      assert.equal((await signIn('lead@example.com')).status, 401, 'the old password is gone');
      assert.equal((await signIn('lead@example.com', generated.body.password)).status, 200);

      const chosen = await call(tokens.admin as string, 'POST', path, { password: PASSWORD });
      assert.equal(chosen.status, 200);
      assert.equal(chosen.body.password, null, 'a given password is not echoed');
      assert.equal((await signIn('lead@example.com')).status, 200);
      const short = await call(tokens.admin as string, 'POST', path, { password: 'short' });
      assert.equal(short.status, 400);
      assert.equal(short.body.details[0].field, 'body.password');
      assert.equal((await call(tokens.admin as string, 'POST', '/users/99999/password', {})).status, 404);
    });

    it('lists your own tokens without their secrets, and every token to an admin asking for all', async () => {
      const created = await call(tokens.reviewer as string, 'POST', '/tokens', { name: 'ci' });
      assert.equal(created.status, 201);
      const own = await call(tokens.reviewer as string, 'GET', '/tokens');
      assert.equal(own.status, 200);
      assert.deepEqual(
        own.body.map((t: { name: string }) => t.name),
        ['ci', 'tests'],
        'newest first',
      );
      const ci = own.body[0];
      assert.ok((created.body.token as string).startsWith(`kv_${ci.prefix}_`));
      assert.equal(ci.owner_email, 'reviewer@example.com');
      assert.equal(ci.revoked_at, null);
      assert.ok(!Number.isNaN(Date.parse(ci.created_at)));
      assert.ok(own.body[1].last_used_at, 'a used token says when');
      assert.equal(JSON.stringify(own.body).includes(created.body.token), false);
      assert.equal('token_hash' in ci || 'token' in ci, false);

      assert.equal((await call(tokens.manager as string, 'GET', '/tokens?all=true')).status, 403);
      const all = await call(tokens.admin as string, 'GET', '/tokens?all=true');
      assert.equal(all.status, 200);
      assert.ok(all.body.some((t: { id: number }) => t.id === ci.id));
      assert.ok(new Set(all.body.map((t: { owner_email: string }) => t.owner_email)).size >= 6);
      const adminOwn = await call(tokens.admin as string, 'GET', '/tokens');
      assert.ok(adminOwn.body.every((t: { owner_email: string }) => t.owner_email === 'admin@example.com'));
    });

    it("revokes a token once and for all; another user's token is not found for non-admins", async () => {
      const created = await call(tokens.reviewer as string, 'POST', '/tokens', { name: 'to revoke' });
      const { id, token } = created.body as { id: number; token: string };
      assert.equal((await call(token, 'GET', '/auth/me')).status, 200);
      assert.equal((await call(tokens.manager as string, 'DELETE', `/tokens/${id}`)).status, 404);
      assert.equal((await call(token, 'GET', '/auth/me')).status, 200, 'still valid');
      assert.equal((await call(tokens.reviewer as string, 'DELETE', `/tokens/${id}`)).status, 204);
      assert.equal((await call(token, 'GET', '/auth/me')).status, 401, 'refused on the next request');
      const listed = (await call(tokens.reviewer as string, 'GET', '/tokens')).body.find(
        (t: { id: number }) => t.id === id,
      );
      assert.ok(listed.revoked_at);
      assert.equal(
        (await call(tokens.reviewer as string, 'DELETE', `/tokens/${id}`)).status,
        204,
        'idempotent',
      );
      const again = (await call(tokens.reviewer as string, 'GET', '/tokens')).body.find(
        (t: { id: number }) => t.id === id,
      );
      assert.equal(again.revoked_at, listed.revoked_at, 'the first revocation time stays');

      const other = (await call(tokens.viewer as string, 'POST', '/tokens', { name: 'admin revokes' })).body;
      assert.equal((await call(tokens.admin as string, 'DELETE', `/tokens/${other.id}`)).status, 204);
      assert.equal((await call(other.token, 'GET', '/auth/me')).status, 401);
      assert.equal((await call(tokens.admin as string, 'DELETE', '/tokens/99999')).status, 404);
    });

    it('creates, renames and deletes teams; names are unique regardless of case and spaces', async () => {
      const teams = (await call(tokens.reviewer as string, 'GET', '/teams')).body as Array<
        Record<string, any>
      >;
      const zagreb = teams.find((t) => t.name === 'Zagreb L1');
      const london = teams.find((t) => t.name === 'London L1');
      assert.equal(zagreb?.agent_count, 1);
      assert.equal(london?.agent_count, 2);
      assert.equal(london?.has_conversations, true);

      const created = await call(tokens.manager as string, 'POST', '/teams', { name: '  Billing ' });
      assert.equal(created.status, 201);
      assert.equal(created.body.name, 'Billing');
      assert.equal(created.body.agent_count, 0);
      assert.equal(created.body.has_conversations, false);
      for (const name of ['billing', ' BILLING', 'zagreb l1']) {
        const duplicate = await call(tokens.manager as string, 'POST', '/teams', { name });
        assert.equal(duplicate.status, 409, name);
        assert.equal(duplicate.body.error, 'team_exists');
      }
      assert.equal((await call(tokens.manager as string, 'POST', '/teams', { name: '   ' })).status, 400);

      const path = `/teams/${created.body.id}`;
      const renamed = await call(tokens.admin as string, 'PATCH', path, { name: 'Billing EU' });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.name, 'Billing EU');
      assert.equal((await call(tokens.admin as string, 'PATCH', path, { name: 'london l1' })).status, 409);
      const recased = await call(tokens.admin as string, 'PATCH', path, { name: 'billing eu' });
      assert.equal(recased.status, 200, 'its own name in another case is free');
      assert.equal((await call(tokens.admin as string, 'PATCH', path, { name: 'Billing EU' })).status, 200);
      assert.equal((await call(tokens.admin as string, 'PATCH', '/teams/99999', { name: 'X' })).status, 404);

      const inUse = await call(tokens.admin as string, 'DELETE', `/teams/${london?.id}`);
      assert.equal(inUse.status, 409);
      assert.equal(inUse.body.agents, 2);
      assert.equal(inUse.body.conversations, 4);
      assert.match(inUse.body.message, /2 agent.*4 conversation/);

      const spare = await call(tokens.manager as string, 'POST', '/teams', { name: 'Spare' });
      assert.equal((await call(tokens.manager as string, 'DELETE', `/teams/${spare.body.id}`)).status, 204);
      assert.equal((await call(tokens.manager as string, 'DELETE', `/teams/${spare.body.id}`)).status, 404);
    });

    it('lists agents by team and text, and moves an agent while past conversations keep their team', async () => {
      const zagreb = await agentsOf('team=Zagreb%20L1');
      assert.deepEqual(
        zagreb.agents.map((a) => a.external_id),
        ['a-0'],
      );
      assert.equal(zagreb.agents[0]?.user_email, 'agent0@example.com');
      assert.equal(zagreb.agents[0]?.team, 'Zagreb L1');
      const londonId = await teamId('London L1');
      const london = await agentsOf(`team=${londonId}`);
      assert.deepEqual(
        london.agents.map((a) => a.external_id),
        ['a-1', 'a-2'],
      );
      assert.deepEqual(
        (await agentsOf('q=AGENT%202')).agents.map((a) => a.external_id),
        ['a-2'],
      );
      assert.equal((await agentsOf('team=nowhere')).total, 0);
      const paged = await agentsOf('limit=1&offset=1');
      assert.equal(paged.total, 3);
      assert.deepEqual(
        paged.agents.map((a) => a.external_id),
        ['a-1'],
      );

      const billing = await teamId('Billing EU');
      const agent = london.agents[0] as { id: number };
      const moved = await call(tokens.manager as string, 'PATCH', `/agents/${agent.id}`, { team: billing });
      assert.equal(moved.status, 200);
      assert.equal(moved.body.team, 'Billing EU');
      assert.deepEqual(
        (await agentsOf('team=billing%20eu')).agents.map((a) => a.external_id),
        ['a-1'],
      );
      const teamsOfA1 = await test.database.kysely
        .selectFrom('conversations')
        .innerJoin('agents', 'agents.id', 'conversations.agent_id')
        .leftJoin('teams', 'teams.id', 'conversations.team_id')
        .select('teams.name')
        .where('agents.external_id', '=', 'a-1')
        .execute();
      assert.ok(teamsOfA1.length > 0);
      assert.ok(
        teamsOfA1.every((row) => row.name === 'London L1'),
        'stored conversations keep their team',
      );
      const refused = await call(tokens.admin as string, 'DELETE', `/teams/${billing}`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.agents, 1);
      assert.equal(refused.body.conversations, 0);

      // A conversation imported without a team gets none and leaves the agent where it is; one
      // imported with a team moves the agent to it.
      await ingestItems(
        test.database,
        [{ raw: conversation(100, { agent: { id: 'a-1', name: 'Agent 1' } }) }],
        'test',
      );
      assert.equal((await agentsOf('q=a-1')).agents[0]?.team, 'Billing EU');
      const teamless = await test.database.kysely
        .selectFrom('conversations')
        .select('team_id')
        .where('external_id', '=', 't-100')
        .executeTakeFirstOrThrow();
      assert.equal(teamless.team_id, null);
      await ingestItems(
        test.database,
        [{ raw: conversation(101, { agent: { id: 'a-1', team: 'London L1' } }) }],
        'test',
      );
      assert.equal((await agentsOf('q=a-1')).agents[0]?.team, 'London L1');

      const renamed = await call(tokens.admin as string, 'PATCH', `/agents/${agent.id}`, {
        name: ' Ana ',
        team: null,
      });
      assert.equal(renamed.status, 200);
      assert.equal(renamed.body.name, 'Ana');
      assert.equal(renamed.body.team, null);
      const badTeam = await call(tokens.admin as string, 'PATCH', `/agents/${agent.id}`, { team: 99999 });
      assert.equal(badTeam.status, 400);
      assert.equal(badTeam.body.details[0].field, 'team');
      assert.equal((await call(tokens.admin as string, 'PATCH', '/agents/99999', { name: 'X' })).status, 404);
      assert.equal((await call(tokens.admin as string, 'DELETE', `/teams/${billing}`)).status, 204);
    });

    it('lets each route through only to the roles it names', async () => {
      const agent = tokens.agent0 as string;
      const routes: Array<[string, string, unknown?]> = [
        ['GET', '/users'],
        ['POST', '/users', { email: 'x@example.com', role: 'viewer' }],
        ['PATCH', `/users/${ids.viewer}`, { name: 'X' }],
        ['POST', `/users/${ids.viewer}/password`, {}],
        ['GET', '/tokens?all=true'],
        ['GET', '/teams'],
        ['POST', '/teams', { name: 'Agents only' }],
        ['PATCH', '/teams/1', { name: 'Agents only' }],
        ['DELETE', '/teams/1'],
        ['GET', '/agents'],
        ['PATCH', '/agents/1', { name: 'X' }],
      ];
      for (const [method, path, body] of routes) {
        assert.equal((await call(agent, method, path, body)).status, 403, `${method} ${path}`);
      }
      for (const role of ['lead', 'reviewer']) {
        const token = tokens[role] as string;
        assert.equal((await call(token, 'GET', '/teams')).status, 200);
        assert.equal((await call(token, 'GET', '/agents')).status, 200);
        assert.equal((await call(token, 'POST', '/teams', { name: 'Nope' })).status, 403);
        assert.equal((await call(token, 'PATCH', '/agents/1', { name: 'X' })).status, 403);
        assert.equal((await call(token, 'PATCH', `/users/${ids.viewer}`, { name: 'X' })).status, 403);
      }
      assert.equal((await call(agent, 'GET', '/tokens')).status, 200, 'everybody sees their own tokens');
      assert.equal((await call(agent, 'GET', '/tokens')).body.length, 1);
    });
  });
}
