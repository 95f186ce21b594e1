/** HTTP routes of saved views: every signed-in user keeps their own and sees the shared ones. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import { HttpError } from '../../http/errors.js';
import type { AppServices } from '../../http/services.js';
import {
  ListViewsQuerySchema,
  SavedViewSchema,
  type SaveViewBody,
  SaveViewBodySchema,
  type ViewPage,
} from './views.schema.js';
import { ViewInputError, ViewsService } from './views.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['views'];

function asHttpError(error: unknown): unknown {
  if (!(error instanceof ViewInputError)) return error;
  if (error.status === 400) {
    return new HttpError(400, 'validation', error.message, [
      { field: `body.${error.field}`, reason: error.message },
    ]);
  }
  return new HttpError(error.status, error.status === 403 ? 'forbidden' : 'not_found', error.message);
}

/** Registers the saved-view routes. */
export async function viewRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const views = new ViewsService(services.database.kysely);

  app.get(
    '/views',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: "The caller's saved views of a page and those shared with everyone",
        tags,
        querystring: ListViewsQuerySchema,
        response: { 200: Type.Array(SavedViewSchema) },
      },
    },
    async (request) => views.list(principalOf(request), (request.query as { page: ViewPage }).page),
  );

  app.post(
    '/views',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'Save the filters of a page under a name; saving the same name again replaces it',
        tags,
        body: SaveViewBodySchema,
        response: { 200: SavedViewSchema, 201: SavedViewSchema },
      },
    },
    async (request, reply) => {
      try {
        const { view, created } = await views.save(principalOf(request), request.body as SaveViewBody);
        return reply.status(created ? 201 : 200).send(view);
      } catch (error) {
        throw asHttpError(error);
      }
    },
  );

  app.delete(
    '/views/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: { summary: 'Delete a saved view (its owner, or an admin)', tags, params: IdParams },
    },
    async (request, reply) => {
      try {
        await views.delete(principalOf(request), (request.params as { id: number }).id);
      } catch (error) {
        throw asHttpError(error);
      }
      return reply.status(204).send();
    },
  );
}
