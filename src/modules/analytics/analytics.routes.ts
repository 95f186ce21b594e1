/** `GET /metrics`: any metric, filtered and grouped, as JSON rows or CSV. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { invalidInput } from '../common/service-errors.js';
import {
  AnalyticsService,
  compareMetric,
  type Dimension,
  metricsCsv,
  parseMetricsQuery,
} from './analytics.service.js';

const Filter = Type.Optional(Type.String({ minLength: 1, maxLength: 200 }));

/** Registers the metrics route. */
export async function analyticsRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const analytics = new AnalyticsService(services.database);

  app.get(
    '/metrics',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
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
      });
      if (query.format === 'csv') {
        const columns = [...(parsed.by as Dimension[]), ...parsed.metrics.flatMap((m) => [m, `${m}_n`])];
        return reply.type('text/csv; charset=utf-8').send(metricsCsv(rows, columns));
      }
      return rows;
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
