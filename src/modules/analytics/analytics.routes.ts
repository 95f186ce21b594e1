/** `GET /metrics`: any metric, filtered and grouped, as JSON rows or CSV. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { invalidInput } from '../common/service-errors.js';
import { GoalsService, goalColumns, goalRowsForCsv } from '../goals/goals.service.js';
import {
  AnalyticsService,
  compareMetric,
  customFilters,
  type Dimension,
  metricsCsv,
  parseMetricsQuery,
} from './analytics.service.js';

const Filter = Type.Optional(Type.String({ minLength: 1, maxLength: 200 }));

/** Registers the metrics route. */
export async function analyticsRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const analytics = new AnalyticsService(services.database);
  const goals = new GoalsService(services.database);

  app.get(
    '/metrics',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        description:
          'Filter on custom fields with `custom.<key>=<value>` (e.g. `custom.order_type=b2b`). Queries on whole local days, grouped and filtered by rollup dimensions, read pre-aggregated rollups; medians and p90 from rollups are within 1 % (`exact=true` computes them from the conversations).',
        summary:
          'Metrics (csat, nps, ces, frt, frt_median, frt_p90, art, aht, resolution_rate, complaint_rate, iqs, pass_rate …) by team, agent, channel, language, source, day, week, month, quarter, hour, weekday',
        tags: ['analytics'],
        querystring: Type.Object({
          metrics: Type.String({ minLength: 1, maxLength: 1000, description: 'comma-separated metric ids' }),
          by: Type.Optional(Type.String({ maxLength: 200, description: 'comma-separated dimensions' })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          channel: Filter,
          team: Filter,
          agent: Filter,
          language: Filter,
          tag: Filter,
          source: Filter,
          scorecard: Type.Optional(
            Type.Integer({ minimum: 1, description: 'review metrics on this scorecard only' }),
          ),
          category: Type.Optional(
            Type.String({ minLength: 1, maxLength: 100, description: 'the category of category_score' }),
          ),
          exact: Type.Optional(
            Type.Boolean({ description: 'compute from the conversations, not rollups (exact medians)' }),
          ),
          format: Type.Optional(Type.Enum(['json', 'csv'], { default: 'json' })),
        }),
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, string | undefined> & { metrics: string };
      const principal = principalOf(request);
      const parsed = parseMetricsQuery(query);
      // An agent's figures are their own.
      const agent = principal.role === 'agent' ? (principal.agentExternalId ?? '\u0000') : query.agent;
      const rows = await analytics.query({
        ...parsed,
        channel: query.channel,
        team: query.team,
        agent,
        language: query.language,
        tag: query.tag,
        source: query.source,
        scorecard: query.scorecard === undefined ? undefined : Number(query.scorecard),
        category: query.category,
        custom: customFilters(request.query as Record<string, unknown>),
        exact: (query.exact as unknown) === true,
      });
      // Each metric beside its goal for the row's team, agent, channel and period.
      const withGoals = await goals.attachGoals(rows, {
        ...parsed,
        channel: query.channel,
        team: query.team,
        agent,
      });
      if (query.format === 'csv') {
        const columns = goalColumns(
          parsed.by as Dimension[],
          parsed.metrics,
          await goals.metricsWithGoals(parsed.metrics),
        );
        return reply.type('text/csv; charset=utf-8').send(metricsCsv(goalRowsForCsv(withGoals), columns));
      }
      return withGoals;
    },
  );

  app.get(
    '/metrics/compare',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          'A metric before and after a change: both values, the difference, its 95 % CI and the p-value (two-proportion z-test for rates, Mann–Whitney U for times and scores)',
        tags: ['analytics'],
        querystring: Type.Object({
          metric: Type.String({ minLength: 1, maxLength: 50 }),
          change: Type.String({
            minLength: 10,
            maxLength: 40,
            description: 'date or date-time of the change',
          }),
          window: Type.Optional(
            Type.String({
              pattern: '^\\d{1,3}d$',
              default: '28d',
              description: 'days on each side, e.g. 28d',
            }),
          ),
          channel: Filter,
          team: Filter,
          agent: Filter,
          language: Filter,
          tag: Filter,
          source: Filter,
        }),
      },
    },
    async (request) => {
      const query = request.query as Record<string, string | undefined> & { metric: string; change: string };
      const change = Date.parse(query.change);
      if (Number.isNaN(change))
        throw invalidInput([{ field: 'change', reason: `not a date: "${query.change}"` }]);
      const principal = principalOf(request);
      return compareMetric(analytics, {
        metric: query.metric,
        change,
        windowDays: Number((query.window ?? '28d').replace('d', '')),
        channel: query.channel,
        team: query.team,
        agent: principal.role === 'agent' ? (principal.agentExternalId ?? '\u0000') : query.agent,
        language: query.language,
        tag: query.tag,
        source: query.source,
      });
    },
  );
}
