/** HTTP routes of scorecards: list, read (any version), create, edit (new version), archive, default. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { DefinitionSchema, UpdateScorecardSchema } from './scorecards.schema.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['scorecards'];

/** Registers the scorecard routes. */
export async function scorecardRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const scorecards = services.scorecards;

  app.get(
    '/scorecards',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'Scorecards with their current definition, the default first',
        tags,
        querystring: Type.Object({ archived: Type.Optional(Type.Boolean({ default: false })) }),
      },
    },
    async (request) => scorecards.list((request.query as { archived?: boolean }).archived ?? false),
  );

  app.post(
    '/scorecards',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary: 'Create a scorecard (version 1)',
        tags,
        body: Type.Object(
          { definition: DefinitionSchema, is_default: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as { definition: unknown; is_default?: boolean };
      const created = await scorecards.create(body.definition, principalOf(request).id, {
        isDefault: body.is_default ?? false,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/scorecards/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: { summary: 'A scorecard, its current definition and its versions', tags, params: IdParams },
    },
    async (request) => scorecards.get((request.params as { id: number }).id),
  );

  app.get(
    '/scorecards/:id/versions/:version',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'One version of a scorecard, as reviews made on it saw it',
        tags,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), version: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) => {
      const { id, version } = request.params as { id: number; version: number };
      return scorecards.getVersion(id, version);
    },
  );

  app.put(
    '/scorecards/:id',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary:
          'Save an edited definition as a new version (unchanged: no new version; based on an older version: 409)',
        tags,
        params: IdParams,
        body: UpdateScorecardSchema,
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const body = request.body as { definition: unknown; base_version?: number };
      const { scorecard, changed } = await scorecards.update(
        id,
        body.definition,
        principalOf(request).id,
        body.base_version,
      );
      return { ...scorecard, changed };
    },
  );

  app.post(
    '/scorecards/:id/archive',
    {
      preHandler: allow('admin', 'manager'),
      schema: { summary: 'Archive a scorecard: no new reviews on it', tags, params: IdParams },
    },
    async (request) => scorecards.setArchived((request.params as { id: number }).id, true),
  );

  app.post(
    '/scorecards/:id/restore',
    {
      preHandler: allow('admin', 'manager'),
      schema: { summary: 'Restore an archived scorecard', tags, params: IdParams },
    },
    async (request) => scorecards.setArchived((request.params as { id: number }).id, false),
  );

  app.post(
    '/scorecards/:id/default',
    {
      preHandler: allow('admin', 'manager'),
      schema: {
        summary: 'Make a scorecard the default for new and automatic reviews',
        tags,
        params: IdParams,
      },
    },
    async (request) => scorecards.setDefault((request.params as { id: number }).id),
  );
}
