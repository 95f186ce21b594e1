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
    let leadId = 0;
    let disabledId = 0;

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
      const lead = await users.createUser({ email: 'lena@example.com', role: 'lead', name: 'Lena Lead' });
      leadId = lead.user.id;
      const gone = await users.createUser({ email: 'gone@example.com', role: 'reviewer', name: 'Gone' });
      disabledId = gone.user.id;
      await users.updateUser(disabledId, { disabled: true });
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

    it('orders, filters, pages and counts the register on the server', async () => {
      // Calendar hours, so the deadlines below do not depend on the weekday the test runs.
      assert.equal(
        (await call('manager', 'PATCH', '/complaints/settings', { hoursMode: 'calendar' })).status,
        200,
      );
      const now = Date.now();
      const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
      const ids: Record<string, number> = {};
      const received: Record<string, string> = {};
      const record = async (key: string, fields: Record<string, unknown>) => {
        const created = await call('manager', 'POST', '/complaints', { owner_user_id: leadId, ...fields });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        ids[key] = created.body.id;
        received[key] = created.body.received_at;
        return created.body.id as number;
      };
      const move = async (key: string, ...steps: Array<Record<string, unknown>>) => {
        for (const step of steps) {
          const moved = await call('manager', 'POST', `/complaints/${ids[key]}/transitions`, step);
          assert.equal(moved.status, 200, JSON.stringify(moved.body));
        }
      };
      // Late: high, received three days ago (acknowledge within 4 h, resolve within 40 h).
      await record('late', {
        description: 'The mobile app crashes at the login screen',
        received_at: hoursAgo(72),
        severity: 'high',
      });
      // Received, not acknowledged: the acknowledgement deadline counts (1 h + 24 h − 1 h = in 23 h).
      await record('unacknowledged', {
        description: 'Invoice charged twice this month',
        received_at: hoursAgo(1),
        severity: 'low',
      });
      // Acknowledged: the resolution deadline counts (in 118 h), though its acknowledgement one
      // (in 22 h) comes before the one above.
      await record('acknowledged', {
        description: 'Invoice total is wrong again',
        received_at: hoursAgo(2),
        severity: 'low',
      });
      await move('acknowledged', { to: 'acknowledged' });
      // Received half an hour ago, medium: acknowledge within 8 h (in 7.5 h).
      await record('fresh', {
        description: 'Login screen crash in the mobile app',
        received_at: hoursAgo(0.5),
        severity: 'medium',
      });
      // A suggestion has no deadline: after every open complaint with one.
      await record('suggestion', { kind: 'suggestion', description: 'Offer delivery on Saturdays' });
      // Settled long ago, with the earliest deadlines of all: still last.
      await record('closed', {
        description: 'Parcel arrived broken',
        received_at: hoursAgo(120),
        severity: 'critical',
      });
      await move(
        'closed',
        { to: 'acknowledged' },
        { to: 'resolved', resolution_type: 'refund_or_return' },
        { to: 'closed' },
      );
      const keyOf = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
      const keys = (rows: Array<{ id: number }>) => rows.map((row) => keyOf.get(row.id) ?? `#${row.id}`);

      const due = await call('viewer', 'GET', `/complaints?owner_id=${leadId}&sort=due&with_total=true`);
      assert.equal(due.status, 200, JSON.stringify(due.body));
      assert.equal(due.body.total, 6);
      assert.equal(due.body.limit, 100);
      assert.equal(due.body.offset, 0);
      assert.deepEqual(keys(due.body.items), [
        'late',
        'fresh',
        'unacknowledged',
        'acknowledged',
        'suggestion',
        'closed',
      ]);
      assert.equal(due.body.items[0].overdue, true);
      assert.ok(due.body.items.every((row: { owner_name: string }) => row.owner_name === 'Lena Lead'));
      assert.ok(due.body.items.every((row: object) => 'topic' in row));

      const newest = await call('manager', 'GET', `/complaints?owner_id=${leadId}`);
      assert.ok(Array.isArray(newest.body), 'without with_total the answer stays an array');
      assert.deepEqual(keys(newest.body), [
        'suggestion',
        'fresh',
        'unacknowledged',
        'acknowledged',
        'late',
        'closed',
      ]);
      const explicit = await call('manager', 'GET', `/complaints?owner_id=${leadId}&sort=-received`);
      assert.deepEqual(keys(explicit.body), keys(newest.body));

      const page = await call(
        'manager',
        'GET',
        `/complaints?owner_id=${leadId}&sort=due&limit=2&offset=2&with_total=true`,
      );
      assert.deepEqual(keys(page.body.items), ['unacknowledged', 'acknowledged']);
      assert.equal(page.body.total, 6, 'the total counts every match, not the page');

      const overdue = await call(
        'manager',
        'GET',
        `/complaints?owner_id=${leadId}&overdue=true&with_total=true`,
      );
      assert.deepEqual(keys(overdue.body.items), ['late']);
      assert.equal(overdue.body.total, 1);

      // `from` is inclusive, `to` exclusive.
      const period = new URLSearchParams({
        owner_id: String(leadId),
        from: received.acknowledged as string,
        to: received.unacknowledged as string,
        with_total: 'true',
      });
      const between = await call('manager', 'GET', `/complaints?${period}`);
      assert.deepEqual(keys(between.body.items), ['acknowledged']);
      assert.equal(between.body.total, 1);
      const bad = await call('manager', 'GET', '/complaints?from=yesterday');
      assert.equal(bad.status, 400);
      assert.equal((await call('manager', 'GET', '/complaints?sort=owner')).status, 400);

      // The agent's total counts only what the agent may see.
      const agents = await call('agent', 'GET', '/complaints?with_total=true');
      assert.equal(agents.status, 200);
      assert.equal(agents.body.total, 1, 'the complaint about the agent only');
      assert.equal(agents.body.items.length, 1);
      assert.ok(
        agents.body.items.every((row: { subject_agent_id: number }) => row.subject_agent_id === agentId),
      );
    });

    it('filters the register by the topics GET /complaints/topics gives, with the same counts', async () => {
      assert.equal((await call('manager', 'POST', '/complaints/topics/refresh')).status, 200);
      const overview = await call('viewer', 'GET', '/complaints/topics');
      assert.equal(overview.status, 200);
      const topics = overview.body.topics as Array<{ topic: string; count: number }>;
      assert.ok(topics.length >= 2, JSON.stringify(topics));
      assert.ok(
        topics.some((topic) => topic.count >= 2),
        'some complaints share a topic',
      );
      let listed = 0;
      for (const topic of topics) {
        const query = new URLSearchParams({
          topic: topic.topic,
          from: overview.body.from,
          to: overview.body.to,
          with_total: 'true',
        });
        const rows = await call('viewer', 'GET', `/complaints?${query}`);
        assert.equal(rows.status, 200);
        assert.equal(rows.body.total, topic.count, topic.topic);
        assert.ok(
          rows.body.items.every(
            (row: { kind: string; topic: string | null }) =>
              row.kind === 'complaint' && (row.topic ?? 'unclassified') === topic.topic,
          ),
          topic.topic,
        );
        listed += rows.body.total;
      }
      assert.equal(listed, overview.body.total, 'every complaint of the period in exactly one topic');
      const none = await call('viewer', 'GET', '/complaints?topic=no-such-topic&with_total=true');
      assert.deepEqual(none.body, { items: [], total: 0, limit: 100, offset: 0 });
    });

    it('names colleagues in a staff directory without e-mail addresses, for every role but agents', async () => {
      const directory = await call('viewer', 'GET', '/users/directory');
      assert.equal(directory.status, 200);
      const people = directory.body as Array<Record<string, unknown>>;
      assert.ok(people.length >= 4);
      for (const person of people) assert.deepEqual(Object.keys(person).sort(), ['id', 'name', 'role']);
      assert.ok(!JSON.stringify(people).includes('@'), 'no e-mail address anywhere');
      assert.ok(!people.some((person) => person.id === disabledId), 'no disabled user');
      assert.deepEqual(
        people.find((person) => person.id === leadId),
        { id: leadId, name: 'Lena Lead', role: 'lead' },
      );
      assert.equal((await call('manager', 'GET', '/users/directory')).status, 200);
      const agent = await call('agent', 'GET', '/users/directory');
      assert.equal(agent.status, 403);
      assert.equal((await call('viewer', 'GET', '/users')).status, 403, 'the full list stays for admins');
    });

    it('lists corrective actions open first, then in progress, done and cancelled, each by due date', async () => {
      const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      const linked = (await call('manager', 'GET', `/complaints?owner_id=${leadId}&limit=2`)).body as Array<{
        id: number;
      }>;
      const created: Record<string, number> = {};
      for (const [title, fields] of [
        ['done soon', { status: 'done', due_at: day(1) }],
        ['open undated', { status: 'open' }],
        ['open later', { status: 'open', due_at: day(2), complaint_ids: linked.map((row) => row.id) }],
        ['in progress', { status: 'in_progress', due_at: day(5) }],
        ['cancelled late', { status: 'cancelled', due_at: day(-1) }],
        ['open soon', { due_at: day(1), owner_user_id: leadId }],
      ] as Array<[string, Record<string, unknown>]>) {
        const action = await call('manager', 'POST', '/corrective-actions', { title, ...fields });
        assert.equal(action.status, 201, JSON.stringify(action.body));
        created[title] = action.body.id;
      }
      const listed = await call('agent', 'GET', '/corrective-actions');
      assert.equal(listed.status, 200);
      const rows = listed.body as Array<{
        title: string;
        complaint_count: number;
        owner_name: string | null;
        outcome: string;
      }>;
      assert.deepEqual(
        rows.map((row) => row.title),
        ['open soon', 'open later', 'open undated', 'in progress', 'done soon', 'cancelled late'],
      );
      const byTitle = new Map(rows.map((row) => [row.title, row]));
      assert.equal(byTitle.get('open later')?.complaint_count, 2);
      assert.equal(byTitle.get('open soon')?.complaint_count, 0);
      assert.equal(byTitle.get('open soon')?.owner_name, 'Lena Lead');
      assert.equal(byTitle.get('open soon')?.outcome, '');

      const outcome = 'Release 4.2 fixed the crash; complaints on it stopped';
      const changed = await call('manager', 'PATCH', `/corrective-actions/${created['done soon']}`, {
        outcome,
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.outcome, outcome);
      assert.equal(changed.body.complaint_count, 0);
      const detail = await call('viewer', 'GET', `/corrective-actions/${created['open later']}`);
      assert.equal(detail.body.complaint_count, 2);
      assert.equal(detail.body.complaints.length, 2);
      assert.equal(
        (await call('viewer', 'PATCH', `/corrective-actions/${created['done soon']}`, { outcome: 'x' }))
          .status,
        403,
      );
    });

    it('documents the routes', async () => {
      const document = (await (await fetch(`${base}/api/docs/json`)).json()) as {
        paths: Record<string, unknown>;
      };
      for (const path of [
        '/complaints',
        '/users/directory',
        '/complaints/{id}/transitions',
        '/complaint-candidates/{id}/decision',
      ]) {
        assert.ok(document.paths[path], path);
      }
    });
  });
}
