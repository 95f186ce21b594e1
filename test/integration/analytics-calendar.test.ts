/**
 * Time buckets follow the organisation's time zone: a conversation late on Sunday evening UTC is
 * Monday in Zagreb, so it falls into the next ISO week (and, on the last day of a month, the
 * next month) — the same from rollups and from the conversations, on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AnalyticsService } from '../../src/modules/analytics/analytics.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { SettingsRepository } from '../../src/modules/settings/settings.repository.js';
import { TIME_ZONE_SETTING } from '../../src/modules/settings/time-zone.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const at = (n: number, created: string, score: number) =>
  conversation(n, {
    created_at: created,
    resolved_at: created,
    messages: [{ role: 'customer', text: 'Hello', at: created }],
    feedback: [{ type: 'csat', score, scale: 5 }],
  });

for (const kind of DATABASE_KINDS) {
  describe(`Metric buckets in the organisation's time zone on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let analytics: AnalyticsService;

    before(async () => {
      test = await kind.create();
      await ingestItems(
        test.database,
        [
          // Sunday 8 March 2026, 23:30 UTC = Monday 9 March, 00:30 in Zagreb (week 11).
          at(1, '2026-03-08T23:30:00Z', 5),
          // Sunday 8 March, 12:00 UTC: week 10 everywhere.
          at(2, '2026-03-08T12:00:00Z', 1),
          // Tuesday 31 March, 22:30 UTC = 1 April, 00:30 in Zagreb (summer time, +2).
          at(3, '2026-03-31T22:30:00Z', 4),
        ].map((raw) => ({ raw })),
        'test',
      );
      analytics = new AnalyticsService(test.database);
    });
    after(async () => {
      await test?.drop();
    });

    const weeksAndMonths = async (from: string, to: string, exact: boolean) => ({
      weeks: (
        await analytics.query({
          metrics: ['csat'],
          by: ['week'],
          from: Date.parse(from),
          to: Date.parse(to),
          exact,
        })
      ).map((r) => [r.week, r.csat_n]),
      months: (
        await analytics.query({
          metrics: ['csat'],
          by: ['month'],
          from: Date.parse(from),
          to: Date.parse(to),
          exact,
        })
      ).map((r) => [r.month, r.csat_n]),
    });

    it('buckets by UTC days when no time zone is set', async () => {
      for (const exact of [false, true]) {
        assert.deepEqual(await weeksAndMonths('2026-03-01T00:00:00Z', '2026-04-05T00:00:00Z', exact), {
          weeks: [
            ['2026-W10', 2],
            ['2026-W14', 1],
          ],
          months: [['2026-03', 3]],
        });
      }
    });

    it('moves the late-evening conversations into the next week and month in Zagreb', async () => {
      await new SettingsRepository(test.database.kysely).put(TIME_ZONE_SETTING, 'Europe/Zagreb');
      // Local midnights: 1 March 00:00 CET and 5 April 00:00 CEST.
      for (const exact of [false, true]) {
        assert.deepEqual(await weeksAndMonths('2026-02-28T23:00:00Z', '2026-04-04T22:00:00Z', exact), {
          weeks: [
            ['2026-W10', 1],
            ['2026-W11', 1],
            ['2026-W14', 1],
          ],
          months: [
            ['2026-03', 2],
            ['2026-04', 1],
          ],
        });
      }
    });
  });
}
