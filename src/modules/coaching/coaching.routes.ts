/** HTTP routes of coaching sessions. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { CreateCoachingSchema, ListCoachingQuerySchema, UpdateCoachingSchema } from './coaching.schema.js';
import type { CreateCoachingInput, ListCoachingInput, UpdateCoachingInput } from './coaching.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['coaching'];
/** Roles that hold and change sessions. */
const COACHES = ['admin', 'manager', 'lead'] as const;

/** Registers the coaching routes. */
export async function coachingRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const coaching = services.coaching;

  app.get(
    '/coaching',
    {
      preHandler: allow(...COACHES, 'agent'),
      schema: {
        summary: 'Coaching sessions, latest first (agents: their own)',
        tags,
        querystring: ListCoachingQuerySchema,
      },
    },
    async (request) => coaching.list(principalOf(request), request.query as ListCoachingInput),
  );

  app.post(
    '/coaching',
    {
      preHandler: allow(...COACHES),
      schema: {
        summary: 'Record a coaching session with an agent: focus categories, reviews, notes, action items',
        tags,
        body: CreateCoachingSchema,
      },
    },
    async (request, reply) => {
      const created = await coaching.create(principalOf(request), request.body as CreateCoachingInput);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/coaching/:id',
    {
      preHandler: allow(...COACHES, 'agent'),
      schema: {
        summary:
          "A session with its reviews and the agent's scores per focus category (and overall) before it and since",
        tags,
        params: IdParams,
      },
    },
    async (request) => coaching.get(principalOf(request), (request.params as { id: number }).id),
  );

  app.patch(
    '/coaching/:id',
    {
      preHandler: allow(...COACHES),
      schema: {
        summary: 'Change notes, action items, status, dates, focus or linked reviews (the lead or a manager)',
        tags,
        params: IdParams,
        body: UpdateCoachingSchema,
      },
    },
    async (request) =>
      coaching.update(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as UpdateCoachingInput,
      ),
  );
}
