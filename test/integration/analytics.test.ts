/** Metrics over the store on both databases, checked against values worked out by hand. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AnalyticsService,
  compareMetric,
  parseMetricsQuery,
} from '../../src/modules/analytics/analytics.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

for (const kind of DATABASE_KINDS) {
  describe(`Metrics on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let analytics: AnalyticsService;

    before(async () => {
      test = await kind.create();
      const at = (n: number, day: string, extra: Record<string, unknown>) => {
        const item = conversation(n, {
          created_at: `2026-03-${day}T09:00:00Z`,
          resolved_at: `2026-03-${day}T10:00:00Z`,
          messages: [
            { role: 'customer', text: 'Hello', at: `2026-03-${day}T09:00:00Z` },
            { role: 'agent', text: 'Hi', at: `2026-03-${day}T09:0${n % 5}:00Z` },
          ],
          ...extra,
        }) as Record<string, unknown>;
        // An open conversation has no resolution time at all.
        if (extra.resolved_at === null) delete item.resolved_at;
        return item;
      };
      const result = await ingestItems(
        test.database,
        [
          // Week 2026-W10 (2–8 March), chat: CSAT 5 and 2; first responses 1 and 2 minutes.
          at(1, '02', { feedback: [{ type: 'csat', score: 5, scale: 5 }] }),
          at(2, '03', { feedback: [{ type: 'csat', score: 2, scale: 5 }] }),
          // Week 2026-W11, e-mail: CSAT 4, a complaint, still open.
          at(3, '10', {
            channel: 'email',
            status: 'open',
            resolved_at: null,
            complaint: true,
            feedback: [{ type: 'csat', score: 4, scale: 5 }],
          }),
        ].map((raw) => ({ raw })),
        'test',
      );
      assert.equal(result.summary.rejected, 0, JSON.stringify(result.results));
      analytics = new AnalyticsService(test.database);
    });
    after(async () => {
      await test?.drop();
    });

    const period = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z') };

    it('computes the whole selection in one row', async () => {
      const [row] = await analytics.query({
        metrics: ['csat', 'frt', 'resolution_rate', 'complaint_rate'],
        by: [],
        ...period,
      });
      assert.equal(row?.csat, 66.667); // top-two box: 5 and 4 of 5, 2, 4
      assert.equal(row?.csat_n, 3);
      assert.equal(row?.frt, 120); // 1, 2 and 3 minutes
      assert.equal(row?.resolution_rate, 66.667);
      assert.equal(row?.complaint_rate, 333.333);
    });

    it('groups by channel and ISO week, with null where a group has no data', async () => {
      const rows = await analytics.query({ metrics: ['csat', 'nps'], by: ['channel', 'week'], ...period });
      assert.deepEqual(
        rows.map((r) => [r.channel, r.week, r.csat, r.nps]),
        [
          ['chat', '2026-W10', 50, null],
          ['email', '2026-W11', 100, null],
        ],
      );
    });

    it('filters by channel and refuses unknown metrics and dimensions, naming them', async () => {
      const rows = await analytics.query({ metrics: ['csat'], by: [], ...period, channel: 'email' });
      assert.equal(rows[0]?.csat_n, 1);
      assert.throws(
        () => parseMetricsQuery({ metrics: 'csat,happiness', by: 'team,planet' }),
        /happiness[\s\S]*planet/,
      );
    });

    it('compares a metric before and after a change with the right test', async () => {
      const change = Date.parse('2026-03-09T00:00:00Z');
      const rate = await compareMetric(analytics, { metric: 'csat', change, windowDays: 7 });
      assert.equal(rate.test, 'two-proportion z-test');
      assert.equal(rate.before.value, 50); // 5 and 2 of 5
      assert.equal(rate.after.value, 100); // 4 of 5
      assert.equal(rate.difference, 50);
      const time = await compareMetric(analytics, { metric: 'frt', change, windowDays: 7 });
      assert.equal(time.test, 'Mann–Whitney U');
      assert.equal(time.before.value, 90); // 1 and 2 minutes
      assert.equal(time.after.value, 180); // 3 minutes
      assert.equal(time.difference, 90);
      assert.ok(time.p_value !== null && time.p_value > 0.05, 'three answers prove nothing');
      await assert.rejects(
        compareMetric(analytics, { metric: 'frt_p90', change, windowDays: 7 }),
        /before\/after works for/,
      );
    });
  });
}
