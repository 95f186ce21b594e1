/** HTTP routes of teams and agents: admins, managers, leads and reviewers read; admins and managers change. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { allow } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import {
  AgentPageSchema,
  AgentSchema,
  ListAgentsQuerySchema,
  TeamBodySchema,
  TeamSchema,
  UpdateAgentBodySchema,
} from './teams.schema.js';
import { type AgentChanges, type AgentQuery, TeamsService } from './teams.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['teams'];
const READERS = ['admin', 'manager', 'lead', 'reviewer'] as const;
const WRITERS = ['admin', 'manager'] as const;

/** Registers the routes of teams and agents. */
export async function teamRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const teams = new TeamsService(services.database);

  app.get(
    '/teams',
    {
      preHandler: allow(...READERS),
      schema: {
        summary: 'Teams by name, with their number of agents and whether conversations refer to them',
        tags,
        response: { 200: Type.Array(TeamSchema) },
      },
    },
    async () => teams.list(),
  );

  app.post(
    '/teams',
    {
      preHandler: allow(...WRITERS),
      schema: {
        summary: 'Create a team; a name taken in any case is refused (409)',
        tags,
        body: TeamBodySchema,
        response: { 201: TeamSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await teams.create((request.body as { name: string }).name)),
  );

  app.patch(
    '/teams/:id',
    {
      preHandler: allow(...WRITERS),
      schema: {
        summary: 'Rename a team; a name taken in any case is refused (409)',
        tags,
        params: IdParams,
        body: TeamBodySchema,
        response: { 200: TeamSchema },
      },
    },
    async (request) =>
      teams.rename((request.params as { id: number }).id, (request.body as { name: string }).name),
  );

  app.delete(
    '/teams/:id',
    {
      preHandler: allow(...WRITERS),
      schema: {
        summary: 'Delete a team no agent and no conversation refers to (409 with the numbers otherwise)',
        tags,
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await teams.delete((request.params as { id: number }).id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/agents',
    {
      preHandler: allow(...READERS),
      schema: {
        summary:
          'Agents by name with their current team and linked user; filter by team (id or name) and text',
        tags,
        querystring: ListAgentsQuerySchema,
        response: { 200: AgentPageSchema },
      },
    },
    async (request) => teams.listAgents(request.query as AgentQuery),
  );

  app.patch(
    '/agents/:id',
    {
      preHandler: allow(...WRITERS),
      schema: {
        summary:
          'Rename an agent or move it to another current team; stored conversations keep the team they were recorded with',
        tags,
        params: IdParams,
        body: UpdateAgentBodySchema,
        response: { 200: AgentSchema },
      },
    },
    async (request) => teams.updateAgent((request.params as { id: number }).id, request.body as AgentChanges),
  );
}
