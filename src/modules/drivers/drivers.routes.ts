/** `GET /metrics/drivers`: which behaviours move CSAT most. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { DriversService, parseDriverPeriod } from './drivers.service.js';

const Filter = Type.Optional(Type.String({ minLength: 1, maxLength: 200 }));

/** Registers the drivers route. */
export async function driverRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const drivers = new DriversService(services.database);

  app.get(
    '/metrics/drivers',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          "Spearman's ρ between each scorecard category (manual and automatic reviews apart) or AutoQA check and the CSAT of the same conversations, with n, strongest |ρ| first; ρ null for n < 3 or no variance",
        tags: ['analytics'],
        querystring: Type.Object({
          from: Type.Optional(
            Type.String({ format: 'date-time', description: 'default: 90 days before to' }),
          ),
          to: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
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
      const query = request.query as Record<string, string | undefined>;
      const principal = principalOf(request);
      return drivers.drivers({
        ...parseDriverPeriod(query),
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
}
