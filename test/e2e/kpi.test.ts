/**
 * The same metrics question through `kvalita kpi` and `GET /api/v1/metrics` gives the same
 * figures, on both databases, from rollups and computed exactly.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/services.js';
import { generateDemoConversations } from '../../src/modules/demo/demo.generator.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { runCli } from '../support/cli.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';

const METRICS =
  'csat,nps,ces,frt,frt_median,art_p90,aht,resolution_rate,fcr,sla,response_rate,conversion_rate,complaint_rate';
const FROM = '2026-01-01T00:00:00Z';
const TO = '2026-04-01T00:00:00Z';

for (const kind of DATABASE_KINDS) {
  describe(`kvalita kpi and GET /metrics on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let app: Awaited<ReturnType<typeof buildApp>>;
    let base = '';
    let token = '';

    before(async () => {
      test = await kind.create();
      const demo = [
        ...generateDemoConversations({
          seed: 3,
          count: 400,
          start: new Date('2026-01-01T00:00:00Z'),
          end: new Date('2026-04-01T00:00:00Z'),
        }),
      ];
      const stored = await ingestItems(
        test.database,
        demo.map((raw) => ({ raw })),
        'demo',
      );
      assert.equal(stored.summary.rejected, 0);
      app = await buildApp(createServices(loadConfig({ dataDir: test.dataDir }, {}), test.database));
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const users = new UsersService(test.database.kysely);
      const manager = await users.createUser({ email: 'm@example.com', role: 'manager' });
      token = (await users.createApiToken(manager.user.id, 'tests')).token;
    });
    after(async () => {
      await app?.close();
      await test?.drop();
    });

    const api = async (params: Record<string, string>) => {
      const response = await fetch(`${base}/api/v1/metrics?${new URLSearchParams(params)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200, await response.clone().text());
      return params.format === 'csv' ? response.text() : response.json();
    };
    const cli = async (args: string[]) => {
      const result = await runCli(['kpi', ...args], { dataDir: test.dataDir, databaseUrl: test.databaseUrl });
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };

    for (const [name, by, extra] of [
      ['by team and ISO week', 'team,week', {}],
      ['by channel and month, exact', 'channel,month', { exact: 'true' }],
      ['for one language by agent', 'agent', { language: 'hr' }],
      ['by hour of day', 'hour', {}],
    ] as const) {
      it(`gives the same figures ${name}`, async () => {
        const params: Record<string, string> = { metrics: METRICS, by, from: FROM, to: TO, ...extra };
        const flags = [
          '--metrics',
          METRICS,
          '--by',
          by,
          '--from',
          FROM,
          '--to',
          TO,
          ...('exact' in extra ? ['--exact'] : []),
          ...('language' in extra ? ['--language', extra.language] : []),
        ];
        const fromApi = (await api(params)) as Array<Record<string, unknown>>;
        assert.ok(fromApi.length > 1, `${fromApi.length} rows`);
        assert.ok(
          fromApi.some((row) => row.csat !== null && row.fcr !== null && row.frt_median !== null),
          'the figures are there',
        );
        assert.deepEqual(JSON.parse(await cli([...flags, '--json'])), fromApi);
        assert.equal(await cli([...flags, '--csv']), await api({ ...params, format: 'csv' }));
      });
    }

    it('answers a period that does not start at midnight exactly, the same through both', async () => {
      const from = '2026-01-15T12:00:00Z';
      const fromApi = await api({ metrics: 'csat,frt_median', by: 'week', from, to: TO });
      assert.deepEqual(
        JSON.parse(
          await cli(['--metrics', 'csat,frt_median', '--by', 'week', '--from', from, '--to', TO, '--json']),
        ),
        fromApi,
      );
    });
  });
}
