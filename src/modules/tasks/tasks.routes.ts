/** HTTP routes of follow-up tasks. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { type CreateTaskInput, TASK_KINDS, type UpdateTaskInput } from './tasks.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['tasks'];
const CREATORS = ['admin', 'manager', 'reviewer', 'lead'] as const;
const DueAt = Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()]));
const TaskBody = {
  kind: Type.Enum(Object.keys(TASK_KINDS) as Array<keyof typeof TASK_KINDS>),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  owner_user_id: Type.Integer({ minimum: 1 }),
  due_at: DueAt,
};

/** Registers the task routes. */
export async function taskRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const tasks = services.tasks;

  app.post(
    '/reviews/:id/tasks',
    {
      preHandler: allow(...CREATORS),
      schema: {
        summary: 'A follow-up task from a review: call the customer back, coach the agent …',
        tags,
        params: IdParams,
        body: Type.Object(TaskBody, { additionalProperties: false }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await tasks.create(
            principalOf(request),
            request.body as CreateTaskInput,
            (request.params as { id: number }).id,
          ),
        ),
  );

  app.post(
    '/tasks',
    {
      preHandler: allow(...CREATORS),
      schema: {
        summary: 'A follow-up task, optionally about a conversation',
        tags,
        body: Type.Object(
          {
            ...TaskBody,
            conversation_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.create(principalOf(request), request.body as CreateTaskInput)),
  );

  app.get(
    '/tasks',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          "Your tasks by due date (managers: anyone's with owner_id, or all); overdue=true for the late ones",
        tags,
        querystring: Type.Object({
          owner_id: Type.Optional(Type.Integer({ minimum: 1 })),
          status: Type.Optional(Type.Enum(['open', 'done', 'cancelled'])),
          overdue: Type.Optional(Type.Boolean()),
          review_id: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
      },
    },
    async (request) => tasks.list(principalOf(request), request.query as never),
  );

  app.patch(
    '/tasks/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'Close, reopen, re-date or hand over a task (its owner, its creator or a manager)',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            status: Type.Optional(Type.Enum(['open', 'done', 'cancelled'])),
            due_at: DueAt,
            owner_user_id: Type.Optional(Type.Integer({ minimum: 1 })),
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      tasks.update(
        principalOf(request),
        (request.params as { id: number }).id,
        request.body as UpdateTaskInput,
      ),
  );
}
