/**
 * Goals, trend alerts with webhook delivery, and CSAT drivers on both databases, through the
 * services and a real HTTP server, with a real local webhook receiver.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import type { ScorecardDefinition } from '../../src/domain/scorecard.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { AlertsService } from '../../src/modules/alerts/alerts.service.js';
import { DriversService } from '../../src/modules/drivers/drivers.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { ReviewsService } from '../../src/modules/reviews/reviews.service.js';
import { ScorecardsService } from '../../src/modules/scorecards/scorecards.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

// A chat on `day` answered after a minute, with the given CSAT answers.
function chat(
  n: number,
  day: string,
  csat: number[],
  agent: { id: string; team?: string } | null,
  channel: 'chat' | 'email' = 'chat',
): Record<string, unknown> {
  const item = conversation(n, {
    id: `g-${n}`,
    channel,
    created_at: `${day}T09:00:00Z`,
    resolved_at: `${day}T10:00:00Z`,
    messages: [
      { role: 'customer', text: 'Hello, my parcel is late.', at: `${day}T09:00:00Z` },
      { role: 'agent', text: 'It ships today.', at: `${day}T09:01:00Z` },
    ],
    feedback: csat.map((score) => ({ type: 'csat', score, scale: 5 })),
  }) as Record<string, unknown>;
  if (agent === null) delete item.agent;
  else item.agent = agent.team ? { id: agent.id, team: agent.team } : { id: agent.id };
  return item;
}

// The Monday of ISO week `week` of 2026 as a date.
function mondayOf(week: number): string {
  // 5 January 2026 is the Monday of week 2.
  return new Date(Date.UTC(2026, 0, 5 + (week - 2) * 7)).toISOString().slice(0, 10);
}

const CARD: ScorecardDefinition = {
  name: 'Drivers',
  description: 'two rated categories',
  passMark: 70,
  categories: ['knowledge', 'tone'].map((key) => ({
    key,
    name: key,
    group: 'Service',
    weight: 1,
    scale: '5-point' as const,
    critical: false,
    allowNa: false,
    rootCauses: [],
    guidance: '',
    autoqaCheck: null,
    appliesTo: {},
  })),
};

for (const kind of DATABASE_KINDS) {
  describe(`Goals, alerts and drivers on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let base: string;
    const tokens: Record<string, string> = {};
    let webhook: http.Server;
    let webhookUrl: string;
    const received: Array<{ status: number; body: { alert: { id: number; metric: string } } }> = [];

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
      const type = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        body: text && type.includes('json') ? (JSON.parse(text) as any) : text,
      };
    }

    before(async () => {
      test = await kind.create();
      // The webhook fails its first request, then takes every one.
      webhook = http.createServer((request, response) => {
        let data = '';
        request.on('data', (chunk) => {
          data += chunk;
        });
        request.on('end', () => {
          const status = received.length === 0 ? 500 : 200;
          received.push({ status, body: JSON.parse(data) });
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end(status === 200 ? 'ok' : 'try later');
        });
      });
      await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
      webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hooks/kvalita`;

      const items: Array<{ raw: Record<string, unknown> }> = [];
      let n = 0;
      // Weeks 3–10 of 2026: 7 to 9 of 10 answers satisfied; week 11 drops to 3 of 10. No team,
      // so only the organisation's series exists.
      const satisfied = [8, 7, 9, 8, 8, 7, 9, 8, 3];
      satisfied.forEach((good, i) => {
        const monday = mondayOf(3 + i);
        for (let k = 0; k < 10; k += 1)
          items.push({ raw: chat(n++, monday, [k < good ? 5 : 2], { id: 'solo' }) });
      });
      // April: goals. Zagreb a-1 (5, 5); London a-2 (5, 2) and a-3 (2); one e-mail (5).
      items.push({ raw: chat(1000, '2026-04-07', [5, 5], { id: 'a-1', team: 'Zagreb L1' }) });
      items.push({ raw: chat(1001, '2026-04-07', [5], { id: 'a-2', team: 'London L1' }) });
      items.push({ raw: chat(1002, '2026-04-08', [2], { id: 'a-2', team: 'London L1' }) });
      items.push({ raw: chat(1003, '2026-04-08', [2], { id: 'a-3', team: 'London L1' }) });
      items.push({ raw: chat(1004, '2026-04-09', [5], { id: 'a-3', team: 'London L1' }, 'email') });
      // May: drivers. CSAT answers 1–5 in a mixed order.
      const answers = [1, 2, 3, 4, 5, 1, 5, 3];
      answers.forEach((score, i) => {
        items.push({ raw: chat(2000 + i, '2026-05-12', [score], { id: 'a-9', team: 'Zagreb L1' }) });
      });
      const result = await ingestItems(test.database, items, 'test');
      assert.equal(
        result.summary.rejected,
        0,
        JSON.stringify(result.results.filter((r) => r.status === 'rejected')),
      );

      app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const users = new UsersService(test.database.kysely);
      for (const [name, role, agent] of [
        ['manager', 'manager'],
        ['lead', 'lead'],
        ['reviewer', 'reviewer'],
        ['agent', 'agent', 'a-2'],
      ] as Array<[string, string, string?]>) {
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
      await new Promise((resolve) => webhook?.close(resolve));
      await test?.drop();
    });

    it('holds each row against the most specific goal in force: agent over team over organisation', async () => {
      for (const goal of [
        { metric: 'csat', scope: 'organisation', target: 70, valid_from: '2026-04-01' },
        { metric: 'csat', scope: 'team', scope_value: 'London L1', target: 90, valid_from: '2026-04-01' },
        { metric: 'csat', scope: 'agent', scope_value: 'a-3', target: 40, valid_from: '2026-04-01' },
        { metric: 'csat', scope: 'channel', scope_value: 'email', target: 60, valid_from: '2026-04-01' },
        { metric: 'frt', scope: 'organisation', target: 120, valid_from: '2026-04-01' },
        { metric: 'frt', scope: 'agent', scope_value: 'a-1', target: 30, valid_from: '2026-04-01' },
        // Over by then: never applies to April.
        {
          metric: 'csat',
          scope: 'team',
          scope_value: 'Zagreb L1',
          target: 99,
          valid_from: '2026-01-01',
          valid_to: '2026-03-31',
        },
      ]) {
        const created = await call('manager', 'POST', '/goals', goal);
        assert.equal(created.status, 201, JSON.stringify(created.body));
      }
      const april = 'from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z';
      const rows = await call('manager', 'GET', `/metrics?metrics=csat,frt&by=team,agent&${april}`);
      assert.equal(rows.status, 200, JSON.stringify(rows.body));
      const of = (agent: string) => rows.body.find((r: { agent: string }) => r.agent === agent);
      // Zagreb a-1: only the organisation's goal is in force; 100 % meets 70, but 60 s misses 30 s.
      assert.deepEqual([of('a-1').csat, of('a-1').csat_goal, of('a-1').csat_goal_met], [100, 70, true]);
      assert.deepEqual([of('a-1').frt, of('a-1').frt_goal, of('a-1').frt_goal_met], [60, 30, false]);
      // London a-2: the team's 90 over the organisation's 70; 50 % misses it.
      assert.deepEqual([of('a-2').csat, of('a-2').csat_goal, of('a-2').csat_goal_met], [50, 90, false]);
      // Lower is better: 60 s is within the organisation's 120 s.
      assert.deepEqual([of('a-2').frt_goal, of('a-2').frt_goal_met], [120, true]);
      // London a-3: their own 40 over the team's 90; 50 % meets it.
      assert.deepEqual([of('a-3').csat, of('a-3').csat_goal, of('a-3').csat_goal_met], [50, 40, true]);

      const channels = await call('manager', 'GET', `/metrics?metrics=csat&by=channel&${april}`);
      const email = channels.body.find((r: { channel: string }) => r.channel === 'email');
      const chatRow = channels.body.find((r: { channel: string }) => r.channel === 'chat');
      assert.deepEqual([email.csat_goal, email.csat_goal_met], [60, true]);
      // Chats: 5, 5, 5, 2, 2 — 60 % misses the organisation's 70.
      assert.deepEqual([chatRow.csat, chatRow.csat_goal, chatRow.csat_goal_met], [60, 70, false]);

      const weekly = await call(
        'manager',
        'GET',
        `/metrics?metrics=csat&by=week&from=2026-03-02T00:00:00Z&to=2026-04-13T00:00:00Z`,
      );
      const byWeek = Object.fromEntries(
        weekly.body.map((r: { week: string; csat_goal: number | null }) => [r.week, r.csat_goal]),
      );
      assert.equal(byWeek['2026-W11'], null, 'no goal in force in March');
      assert.equal(byWeek['2026-W15'], 70);

      const csv = await call('manager', 'GET', `/metrics?metrics=csat&by=team,agent&${april}&format=csv`);
      const lines = String(csv.body).trim().split('\n');
      assert.equal(lines[0], 'team,agent,csat,csat_n,csat_goal,csat_goal_met');
      assert.ok(lines.includes('London L1,a-2,50,2,90,false'), lines.join('\n'));
    });

    it('refuses goals with the field and reason, and goal writes and alerts to agents', async () => {
      const bad = await call('manager', 'POST', '/goals', {
        metric: 'happiness',
        scope: 'galaxy',
        target: 5,
        valid_from: '2026-05-01',
        valid_to: '2026-04-01',
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.details.map((d: { field: string }) => d.field),
        ['metric', 'scope', 'valid_to'],
      );
      const backwards = await call('manager', 'POST', '/goals', {
        metric: 'csat',
        scope: 'organisation',
        target: 80,
        valid_from: '2026-05-01',
        valid_to: '2026-04-01',
      });
      assert.equal(backwards.status, 400);
      assert.match(backwards.body.message, /valid_to: 2026-04-01 is before valid_from 2026-05-01/);
      const noTeam = await call('manager', 'POST', '/goals', {
        metric: 'csat',
        scope: 'team',
        scope_value: 'Mars',
        target: 80,
      });
      assert.match(noTeam.body.message, /scope_value: no team named "Mars"/);

      const list = await call('reviewer', 'GET', '/goals');
      assert.equal(list.status, 200);
      const id = list.body[0].id;
      assert.equal((await call('agent', 'GET', '/goals')).status, 403);
      assert.equal(
        (await call('agent', 'POST', '/goals', { metric: 'csat', scope: 'organisation', target: 1 })).status,
        403,
      );
      assert.equal((await call('agent', 'PATCH', `/goals/${id}`, { target: 1 })).status, 403);
      assert.equal((await call('agent', 'DELETE', `/goals/${id}`)).status, 403);
      assert.equal(
        (await call('reviewer', 'POST', '/goals', { metric: 'csat', scope: 'organisation', target: 1 }))
          .status,
        403,
      );
      assert.equal((await call('agent', 'GET', '/alerts')).status, 403);
      assert.equal((await call('reviewer', 'GET', '/alerts')).status, 403);
      assert.equal((await call('agent', 'GET', '/alerts/settings')).status, 403);
      assert.equal((await call('lead', 'PATCH', '/alerts/settings', { metrics: ['csat'] })).status, 403);

      const changed = await call('manager', 'PATCH', `/goals/${id}`, { target: 75 });
      assert.equal(changed.body.target, 75);
      const temporary = await call('manager', 'POST', '/goals', {
        metric: 'nps',
        scope: 'organisation',
        target: 10,
      });
      assert.equal(temporary.body.valid_from.length, 10, 'starts today by default');
      assert.equal((await call('manager', 'DELETE', `/goals/${temporary.body.id}`)).status, 204);
      assert.equal((await call('manager', 'DELETE', `/goals/${temporary.body.id}`)).status, 404);
    });

    it('raises one alert when the last week drops out of the band, once, and the webhook gets it once after a failure', async () => {
      const badUrl = await call('manager', 'PATCH', '/alerts/settings', {
        webhookUrl: 'ftp://example.com/x',
      });
      assert.equal(badUrl.status, 400);
      const settings = await call('manager', 'PATCH', '/alerts/settings', { metrics: ['csat'], webhookUrl });
      assert.equal(settings.status, 200, JSON.stringify(settings.body));
      assert.equal((await call('lead', 'GET', '/alerts/settings')).body.webhookUrl, '(set)');
      assert.equal((await call('manager', 'GET', '/alerts/settings')).body.webhookUrl, webhookUrl);

      // Wednesday of week 12: week 11 is the latest complete one.
      const now = Date.parse('2026-03-18T12:00:00Z');
      const alerts = new AlertsService(test.database, { retryBaseMs: 20 });
      const first = await alerts.check('week', now);
      assert.equal(first.bucket, '2026-W11');
      assert.equal(first.raised.length, 1, JSON.stringify(first.raised));
      const [alert] = first.raised;
      assert.equal(alert?.metric, 'csat');
      assert.equal(alert?.scope, 'organisation');
      assert.equal(alert?.kind, 'band');
      assert.equal(alert?.direction, 'below');
      assert.equal(alert?.worse, true);
      assert.equal(alert?.value, 30);
      assert.equal(alert?.band?.mean, 80);
      assert.deepEqual([first.delivered, first.failed], [1, 0]);
      assert.deepEqual(
        received.map((r) => [r.status, r.body.alert.id]),
        [
          [500, alert?.id],
          [200, alert?.id],
        ],
      );

      const again = await alerts.check('week', now + 3_600_000);
      assert.equal(again.raised.length, 0, 'raised once');
      // A restarted server delivers nothing it delivered before.
      const restarted = new AlertsService(test.database, { retryBaseMs: 20 });
      assert.deepEqual(await restarted.deliver(now + 86_400_000), { delivered: 0, failed: 0 });
      assert.equal(received.length, 2);

      const listed = await call('lead', 'GET', '/alerts');
      assert.equal(listed.status, 200);
      assert.equal(listed.body.length, 1);
      assert.equal(listed.body[0].attempts, 2);
      assert.ok(listed.body[0].delivered_at);
      assert.match(listed.body[0].last_error ?? '', /^$/);
    });

    it('shows the trend with change, band and goal per week', async () => {
      const alerts = new AlertsService(test.database);
      const trend = await alerts.trend({
        metric: 'csat',
        bucket: 'week',
        buckets: 3,
        at: Date.parse('2026-03-18T12:00:00Z'),
      });
      assert.deepEqual(
        trend.points.map((p) => [p.bucket, p.value, p.n, p.complete]),
        [
          ['2026-W10', 80, 10, true],
          ['2026-W11', 30, 10, true],
          ['2026-W12', null, 0, false],
        ],
      );
      assert.equal(trend.points[1]?.change, -50);
      assert.equal(trend.points[1]?.outside_band, true);
      assert.equal(trend.points[1]?.band?.buckets, 8);
      const api = await call('agent', 'GET', '/metrics/trend?metric=csat&bucket=week&buckets=4');
      assert.equal(api.status, 200, 'every role sees a trend (an agent, of their own conversations)');
      assert.equal(api.body.points.length, 4);
      const bad = await call('manager', 'GET', '/metrics/trend?metric=happiness');
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /metric: unknown metric "happiness"/);
    });

    it('ranks a category that tracks CSAT above one that does not, manual reviews and checks apart', async () => {
      const users = new UsersService(test.database.kysely);
      const reviewer = (await users.createUser({ email: 'drivers@example.com', role: 'reviewer' })).user;
      const scorecard = await new ScorecardsService(test.database).create(CARD, reviewer.id);
      const reviews = new ReviewsService(test.database);
      const answers = [1, 2, 3, 4, 5, 1, 5, 3];
      const tone = [3, 4, 2, 3, 3, 2, 3, 4];
      for (let i = 0; i < answers.length; i += 1) {
        const row = await test.database.kysely
          .selectFrom('conversations')
          .select('id')
          .where('external_id', '=', `g-${2000 + i}`)
          .executeTakeFirstOrThrow();
        await reviews.create(reviewer, {
          conversation_id: Number(row.id),
          scorecard_id: scorecard.id,
          ratings: [
            { key: 'knowledge', rating: answers[i] as number },
            { key: 'tone', rating: tone[i] as number },
          ],
          submit: true,
        });
        // A check passed exactly where the customer was satisfied; a check not applicable everywhere.
        await test.database.kysely
          .insertInto('check_results')
          .values([
            {
              conversation_id: Number(row.id),
              check_id: 'thanks',
              result: (answers[i] as number) >= 4 ? 'pass' : 'fail',
            },
            { conversation_id: Number(row.id), check_id: 'talk_over', result: 'na' },
          ])
          .execute();
      }
      const report = await new DriversService(test.database).drivers({
        from: Date.parse('2026-05-01T00:00:00Z'),
        to: Date.parse('2026-06-01T00:00:00Z'),
      });
      assert.equal(report.conversations_with_csat, 8);
      const keys = report.drivers.map((d) => `${d.source}:${d.key}`);
      assert.deepEqual(report.drivers[0], { source: 'manual_review', key: 'knowledge', n: 8, rho: 1 });
      const knowledge = keys.indexOf('manual_review:knowledge');
      const toneAt = keys.indexOf('manual_review:tone');
      assert.ok(knowledge < toneAt, keys.join(', '));
      const toneDriver = report.drivers[toneAt];
      assert.ok(
        toneDriver?.rho !== null && Math.abs(toneDriver?.rho as number) < 0.2,
        JSON.stringify(toneDriver),
      );
      const thanks = report.drivers.find((d) => d.key === 'thanks');
      assert.equal(thanks?.source, 'autoqa_check');
      assert.equal(thanks?.n, 8);
      assert.ok((thanks?.rho as number) > 0.8);
      assert.equal(keys.includes('autoqa_check:talk_over'), false, 'not applicable is left out');

      const api = await call(
        'lead',
        'GET',
        '/metrics/drivers?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z',
      );
      assert.equal(api.status, 200);
      assert.deepEqual(api.body.drivers[0], { source: 'manual_review', key: 'knowledge', n: 8, rho: 1 });
      const mine = await call(
        'agent',
        'GET',
        '/metrics/drivers?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z',
      );
      assert.equal(
        mine.body.conversations_with_csat,
        0,
        "an agent sees only their own conversations' drivers",
      );
      const backwards = await call(
        'lead',
        'GET',
        '/metrics/drivers?from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z',
      );
      assert.equal(backwards.status, 400);
      assert.match(backwards.body.message, /from: must be before to/);
    });
  });
}
