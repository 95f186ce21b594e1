/** HTTP routes of coaching sessions. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import type { CreateCoachingInput, UpdateCoachingInput } from './coaching.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['coaching'];
const Time = Type.String({ format: 'date-time' });
const SessionFields = {
  held_at: Time,
  focus: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
  notes: Type.Optional(Type.String({ maxLength: 50000 })),
  action_items: Type.Optional(
    Type.Array(
      Type.Object(
        { text: Type.String({ minLength: 1, maxLength: 2000 }), done: Type.Boolean() },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  ),
  follow_up_at: Type.Optional(Type.Union([Time, Type.Null()])),
  status: Type.Optional(Type.Enum(['planned', 'held', 'closed'])),
  review_ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
};

/** Registers the coaching routes. */
export async function coachingRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const coaching = services.coaching;
  const readers = allow('admin', 'manager', 'lead', 'reviewer', 'agent');

  app.get(
    '/coaching',
    {
      preHandler: readers,
      schema: {
        summary: 'Coaching sessions, newest first (agents: their own)',
        tags,
        querystring: Type.Object({
          agent_id: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
      },
    },
    async (request) =>
      coaching.list(principalOf(request), request.query as { agent_id?: number; limit?: number }),
  );

  app.post(
    '/coaching',
    {
      preHandler: allow('admin', 'manager', 'lead'),
      schema: {
        summary: 'Record a coaching session with an agent',
        tags,
        body: Type.Object(
          { agent_id: Type.Integer({ minimum: 1 }), ...SessionFields },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await coaching.create(principalOf(request), request.body as CreateCoachingInput)),
  );

  app.get(
    '/coaching/:id',
    {
      preHandler: readers,
      schema: {
        summary: "A session with its reviews and the agent's focus-category scores before it and since",
        tags,
        params: IdParams,
      },
    },
    async (request) => coaching.get(principalOf(request), (request.params as { id: number }).id),
  );

  app.patch(
    '/coaching/:id',
    {
      preHandler: allow('admin', 'manager', 'lead'),
      schema: {
        summary: 'Change notes, action items, status, follow-up date, focus or linked reviews',
        tags,
        params: IdParams,
        body: Type.Object(
          { ...SessionFields, held_at: Type.Optional(Time) },
          { additionalProperties: false },
        ),
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
