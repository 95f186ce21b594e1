/** HTTP routes of goals: everyone but agents reads them; admins and managers set them. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { GoalInput } from '../../domain/goals.js';
import { allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { CreateGoalSchema, ListGoalsQuerySchema, UpdateGoalSchema } from './goals.schema.js';
import { GoalsService } from './goals.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['goals'];
const READERS = ['admin', 'manager', 'lead', 'reviewer', 'viewer'] as const;

/** Registers the goal routes. */
export async function goalRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const goals = new GoalsService(services.database);

  app.get(
    '/goals',
    {
      preHandler: allow(...READERS),
      schema: {
        summary:
          'Goals: a target per metric and scope (organisation, team, agent, channel) over a span of days',
        tags,
        querystring: ListGoalsQuerySchema,
      },
    },
    async (request) => goals.list(request.query as { metric?: string; scope?: string; on?: string }),
  );

  app.post(
    '/goals',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary:
          'Set a goal; the most specific goal in force wins (agent, team, channel, organisation); the metric decides whether higher or lower is better',
        tags,
        body: CreateGoalSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await goals.create(request.body as GoalInput, principalOf(request).id)),
  );

  app.patch(
    '/goals/:id',
    {
      preHandler: allow('admin', 'manager'),
      schema: { summary: 'Change a goal', tags, params: IdParams, body: UpdateGoalSchema },
    },
    async (request) => goals.update((request.params as { id: number }).id, request.body as GoalInput),
  );

  app.delete(
    '/goals/:id',
    {
      preHandler: allow('admin', 'manager'),
      schema: { summary: 'Delete a goal', tags, params: IdParams },
    },
    async (request, reply) => {
      await goals.delete((request.params as { id: number }).id);
      return reply.status(204).send();
    },
  );
}
