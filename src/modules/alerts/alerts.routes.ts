/** HTTP routes of trends and trend alerts. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { TREND_BUCKETS } from '../../domain/trends.js';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { AlertsService } from './alerts.service.js';
import { loadAlertSettings, saveAlertSettings } from './alerts.settings.js';

const Filter = Type.Optional(Type.String({ minLength: 1, maxLength: 200 }));
const WATCHERS = ['admin', 'manager', 'lead'] as const;

/** Registers the trend and alert routes. */
export async function alertRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const alerts = new AlertsService(services.database);

  app.get(
    '/metrics/trend',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          'A metric per day, week or month: value, n, change from the bucket before, band of the 8 before (mean ± 2 s.d., from 3 with data) and goal; the last bucket is the current one',
        tags: ['analytics'],
        querystring: Type.Object({
          metric: Type.String({ minLength: 1, maxLength: 50 }),
          bucket: Type.Optional(Type.Enum([...TREND_BUCKETS], { default: 'week' })),
          buckets: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 12 })),
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
      const query = request.query as Record<string, string | undefined> & {
        metric: string;
        bucket: string;
        buckets: number;
      };
      const principal = principalOf(request);
      return alerts.trend({
        metric: query.metric,
        bucket: query.bucket,
        buckets: query.buckets,
        channel: query.channel,
        team: query.team,
        // An agent's figures are their own.
        agent: principal.role === 'agent' ? (principal.agentExternalId ?? '\u0000') : query.agent,
        language: query.language,
        tag: query.tag,
        source: query.source,
      });
    },
  );

  app.get(
    '/alerts',
    {
      preHandler: allow(...WATCHERS),
      schema: {
        summary:
          'Trend alerts, newest first: a watched metric of the organisation or a team outside the band of the previous 8 buckets, or missing its goal; with webhook delivery',
        tags: ['alerts'],
        querystring: Type.Object({
          metric: Type.Optional(Type.String({ maxLength: 50 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
      },
    },
    async (request) => alerts.list(request.query as { metric?: string; limit?: number; offset?: number }),
  );

  app.get(
    '/alerts/settings',
    {
      preHandler: allow(...WATCHERS),
      schema: {
        summary: 'Watched metrics and the webhook URL (the URL only for admins and managers)',
        tags: ['alerts'],
      },
    },
    async (request) => {
      const settings = await loadAlertSettings(services.database.kysely);
      // The URL may carry a secret token; only those who may change it see it.
      const manager = ['admin', 'manager'].includes(principalOf(request).role);
      return manager ? settings : { ...settings, webhookUrl: settings.webhookUrl ? '(set)' : '' };
    },
  );

  app.patch(
    '/alerts/settings',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary: 'Change the watched metrics or the webhook URL (empty: none)',
        tags: ['alerts'],
        body: Type.Object(
          {
            metrics: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 }),
            ),
            webhookUrl: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      saveAlertSettings(
        services.database.kysely,
        request.body as { metrics?: string[]; webhookUrl?: string },
      ),
  );
}
