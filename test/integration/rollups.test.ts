/**
 * Metric rollups on both databases: after a random sequence of writes (new conversations,
 * changed ones moving between days, agents and customers, reviews, deletions) with refreshes in
 * between, the cells equal a full rebuild, and rollup answers equal the exact computation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SKETCH_RELATIVE_ERROR } from '../../src/domain/quantile-sketch.js';
import { asFloat64, asInt32, DIMS_WIDTH } from '../../src/domain/rollup-blocks.js';
import { decodeSums, isApproximate, SKETCHED, SUM_FIELDS } from '../../src/domain/rollup-sums.js';
import type { ScorecardDefinition } from '../../src/domain/scorecard.js';
import { AnalyticsService, type MetricsQuery } from '../../src/modules/analytics/analytics.service.js';
import { RollupsRepository } from '../../src/modules/analytics/rollups.repository.js';
import { bytesToValues, RollupsService } from '../../src/modules/analytics/rollups.service.js';
import { ingestItems } from '../../src/modules/ingest/ingest.service.js';
import { ReviewsService } from '../../src/modules/reviews/reviews.service.js';
import { ScorecardsService } from '../../src/modules/scorecards/scorecards.service.js';
import { SettingsRepository } from '../../src/modules/settings/settings.repository.js';
import { TIME_ZONE_SETTING } from '../../src/modules/settings/time-zone.js';
import { type Principal, UsersService } from '../../src/modules/users/users.service.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { conversation } from '../support/factories.js';

const category = (key: string, scale: '5-point' | 'binary', critical: boolean) => ({
  key,
  name: key,
  group: 'Service',
  weight: scale === 'binary' ? 1 : 3,
  scale,
  critical,
  allowNa: false,
  rootCauses: [],
  guidance: '',
  autoqaCheck: null,
  appliesTo: {},
});
const SMALL_CARD: ScorecardDefinition = {
  name: 'Small',
  description: 'two categories',
  passMark: 70,
  categories: [category('knowledge', '5-point', false), category('tone', 'binary', true)],
};

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A conversation on a random day around the March/April boundary, near midnight in Zagreb now and then.
function randomConversation(n: number, next: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const day = new Date(Date.UTC(2026, 2, 20) + Math.floor(next() * 20) * 86_400_000);
  const start = new Date(day.getTime() + pick([-90, 30, 600, 1380]) * 60_000); // 22:30 UTC is past midnight in Zagreb
  const firstReply = new Date(start.getTime() + Math.floor(next() * 7200) * 1000);
  const status = pick(['resolved', 'open', 'closed']);
  const agent = Math.floor(next() * 4);
  const feedback: Array<{ type: 'csat' | 'nps'; score: number; scale: number }> = [];
  if (next() < 0.5) feedback.push({ type: 'csat', score: 1 + Math.floor(next() * 5), scale: 5 });
  if (next() < 0.3) feedback.push({ type: 'nps', score: Math.floor(next() * 11), scale: 10 });
  const item: Record<string, unknown> = conversation(n, {
    channel: pick(['chat', 'email', 'phone']),
    language: pick(['en', 'hr']),
    status: status as 'resolved',
    created_at: start.toISOString(),
    resolved_at: new Date(firstReply.getTime() + Math.floor(next() * 86_400) * 1000).toISOString(),
    agent: { id: `a-${agent}`, name: `Agent ${agent}`, team: agent % 2 ? 'Zagreb L1' : 'London L1' },
    customer: { id: `c-${Math.floor(next() * 6)}` },
    reopened: next() < 0.2 ? 1 : 0,
    outcome: pick(['converted', 'refund', '']),
    handle_s: next() < 0.5 ? Math.floor(next() * 900) : undefined,
    feedback,
    messages: [
      { role: 'customer', text: 'Hello', at: start.toISOString() },
      { role: 'agent', text: 'Hi, how can I help?', at: firstReply.toISOString() },
    ],
  });
  if (status === 'open') delete item.resolved_at;
  if (item.outcome === '') delete item.outcome;
  if (item.handle_s === undefined) delete item.handle_s;
  return item;
}

function comparable(sums: ReturnType<typeof decodeSums>) {
  return {
    values: [...sums.values].map((v) => Math.round(v * 1e6) / 1e6),
    sketches: Object.fromEntries(
      Object.entries(sums.sketches).map(([kind, sketch]) => [kind, [...sketch].sort((a, b) => a[0] - b[0])]),
    ),
  };
}

// Cells and blocks decoded, so the order sketch buckets were filled in and float summation order do not matter.
async function snapshot(test: TestDatabase) {
  const parts = await test.database.kysely
    .selectFrom('metric_blocks')
    .selectAll()
    .orderBy('grain')
    .orderBy('period')
    .orderBy('level')
    .orderBy('part')
    .execute();
  const byBlock = new Map<string, Map<string, Uint8Array>>();
  for (const part of parts) {
    const id = `${part.grain}|${part.period}|${part.level}`;
    byBlock.set(id, (byBlock.get(id) ?? new Map()).set(part.part, part.data));
  }
  const packed = [...byBlock].map(([id, block]) => {
    const dims = asFloat64(block.get('dims') as Uint8Array);
    const labels = JSON.parse(new TextDecoder().decode(block.get('labels'))) as string[];
    const cells = [];
    for (let i = 0; i < dims.length / DIMS_WIDTH; i += 1) {
      const at = i * DIMS_WIDTH;
      const sketches = Object.fromEntries(
        SKETCHED.map((kind) => {
          const part = asInt32(block.get(`sketch_${kind}`) as Uint8Array);
          return [kind, [...part.slice(part[i], part[i + 1])]];
        }),
      );
      cells.push({
        dimensions: [dims[at], dims[at + 1], ...[2, 3, 4].map((k) => labels[dims[at + k] as number] ?? null)],
        values: SUM_FIELDS.map(
          (field) => Math.round((asFloat64(block.get(field) as Uint8Array)[i] as number) * 1e6) / 1e6,
        ),
        sketches,
      });
    }
    return { id, cells };
  });
  const cells = await new RollupsRepository(test.database.kysely).allCells();
  const unpacked = cells.map((cell) => {
    const sums = decodeSums(bytesToValues(cell.data));
    return {
      key: [
        cell.grain,
        cell.period,
        Number(cell.team_id),
        Number(cell.agent_id),
        cell.channel,
        cell.language,
        cell.source,
      ],
      conversations: cell.conversations,
      ...comparable(sums),
    };
  });
  return { cells: unpacked, blocks: packed };
}

for (const kind of DATABASE_KINDS) {
  describe(`Metric rollups on ${kind.name}`, { skip: kind.skip }, () => {
    let test: TestDatabase;
    let rollups: RollupsService;
    let analytics: AnalyticsService;
    let reviewer: Principal;
    let scorecardId: number;

    before(async () => {
      test = await kind.create();
      await new SettingsRepository(test.database.kysely).put(TIME_ZONE_SETTING, 'Europe/Zagreb');
      rollups = new RollupsService(test.database);
      analytics = new AnalyticsService(test.database);
      reviewer = (
        await new UsersService(test.database.kysely).createUser({ email: 'r@example.com', role: 'reviewer' })
      ).user;
      scorecardId = (await new ScorecardsService(test.database).create(SMALL_CARD, reviewer.id)).id;
    });
    after(async () => {
      await test?.drop();
    });

    it('keeps incremental rollups equal to a full rebuild through a random sequence of writes', async () => {
      const next = seeded(kind.name === 'sqlite' ? 5 : 6);
      const reviews = new ReviewsService(test.database);
      const reviewed = new Set<number>();
      let numbered = 0;
      for (let step = 0; step < 40; step += 1) {
        const action = next();
        if (action < 0.4 || numbered < 20) {
          const batch = Array.from({ length: 1 + Math.floor(next() * 8) }, () => ({
            raw: randomConversation(numbered++, next),
          }));
          const result = await ingestItems(test.database, batch, 'test');
          assert.equal(result.summary.rejected, 0, JSON.stringify(result.results));
        } else if (action < 0.65) {
          // The same conversation again, changed: another day, agent, customer, answers.
          const n = Math.floor(next() * numbered);
          await ingestItems(test.database, [{ raw: randomConversation(n, next) }], 'test');
        } else if (action < 0.85) {
          const ids = await test.database.kysely.selectFrom('conversations').select('id').execute();
          const target = ids[Math.floor(next() * ids.length)];
          if (target && !reviewed.has(target.id)) {
            reviewed.add(target.id);
            await reviews.create(reviewer, {
              conversation_id: target.id,
              scorecard_id: scorecardId,
              ratings: [
                { key: 'knowledge', rating: 1 + Math.floor(next() * 5) },
                { key: 'tone', rating: next() < 0.8 ? 1 : 0 },
              ],
              submit: true,
            });
          }
        } else if (action < 0.92) {
          // A purge: the conversation goes with its reviews.
          const ids = await test.database.kysely.selectFrom('conversations').select('id').execute();
          const target = ids[Math.floor(next() * ids.length)];
          if (target)
            await test.database.kysely.deleteFrom('conversations').where('id', '=', target.id).execute();
        } else {
          await rollups.refresh();
        }
      }
      await rollups.refresh();
      const incremental = await snapshot(test);
      assert.ok(incremental.cells.length > 10, `${incremental.cells.length} cells`);
      assert.ok(incremental.blocks.length > 5, `${incremental.blocks.length} blocks`);
      await rollups.rebuild();
      assert.deepEqual(incremental, await snapshot(test));
    });

    it('answers a write at once: block data kept in memory is dropped when blocks change', async () => {
      const period = { from: Date.parse('2026-03-15T23:00:00Z'), to: Date.parse('2026-04-14T22:00:00Z') };
      const query: MetricsQuery = { metrics: ['resolution_rate'], by: ['agent', 'week'], ...period };
      const total = (rows: Array<Record<string, unknown>>) =>
        rows.reduce((sum, row) => sum + Number(row.resolution_rate_n), 0);
      const before = total(await analytics.query(query));
      await analytics.query(query);
      // Its day lies within the period, whatever the seed draws.
      const stored = await ingestItems(
        test.database,
        [{ raw: randomConversation(10_000, seeded(99)) }],
        'test',
      );
      assert.equal(stored.summary.imported, 1);
      // Another process's refresh: this one only learns of it through the database.
      await new RollupsService(test.database).refresh();
      const after = await analytics.query(query);
      assert.equal(total(after), before + 1);
      assert.deepEqual(after, await analytics.query({ ...query, exact: true }));
    });

    it('answers like the stored conversations, medians within the stated error', async () => {
      const metrics = [
        'csat',
        'nps',
        'frt',
        'frt_median',
        'art_p90',
        'aht',
        'resolution_rate',
        'fcr',
        'sla',
        'conversion_rate',
        'response_rate',
        'iqs',
        'coverage',
        'complaint_rate',
      ];
      const period = { from: Date.parse('2026-03-15T23:00:00Z'), to: Date.parse('2026-04-14T22:00:00Z') };
      const queries: MetricsQuery[] = [
        { metrics, by: [], ...period },
        { metrics, by: ['agent', 'week'], ...period },
        { metrics, by: ['team', 'month'], ...period },
        { metrics, by: ['channel', 'day'], ...period, language: 'hr' },
        { metrics, by: ['quarter', 'week'], ...period, team: 'Zagreb L1' },
        { metrics, by: ['language'], ...period, agent: 'a-1' },
      ];
      for (const query of queries) {
        assert.ok(await analytics.answeredByRollups(query), JSON.stringify(query.by));
        const rolled = await analytics.query(query);
        const exact = await analytics.query({ ...query, exact: true });
        assert.deepEqual(
          rolled.map((row) => query.by.map((d) => row[d])),
          exact.map((row) => query.by.map((d) => row[d])),
        );
        rolled.forEach((row, i) => {
          const truth = exact[i] as Record<string, unknown>;
          for (const metric of metrics) {
            assert.equal(row[`${metric}_n`], truth[`${metric}_n`], `${metric}_n ${JSON.stringify(query.by)}`);
            const a = row[metric] as number | null;
            const b = truth[metric] as number | null;
            if (a === null || b === null) assert.equal(a, b, metric);
            else if (isApproximate(metric))
              assert.ok(
                Math.abs(a - b) <= SKETCH_RELATIVE_ERROR * Math.abs(b) + 0.001,
                `${metric}: ${a} vs ${b}`,
              );
            else assert.ok(Math.abs(a - b) <= 0.001, `${metric}: ${a} vs ${b}`);
          }
        });
      }
      // Not at local midnight, or grouped by hour: the stored conversations answer.
      assert.equal(
        await analytics.answeredByRollups({ metrics, by: [], from: period.from + 1, to: period.to }),
        false,
      );
      assert.equal(await analytics.answeredByRollups({ metrics, by: ['hour'], ...period }), false);
    });
  });
}
