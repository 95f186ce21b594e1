/** HTTP routes of follow-up tasks. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ANY_ROLE, allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import {
  CreateReviewTaskSchema,
  CreateTaskSchema,
  ListTasksQuerySchema,
  UpdateTaskSchema,
} from './tasks.schema.js';
import type { CreateTaskInput, ListTasksInput, UpdateTaskInput } from './tasks.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['tasks'];
/** Roles that create tasks. */
const CREATORS = ['admin', 'manager', 'reviewer', 'lead'] as const;

/** Registers the follow-up task routes. */
export async function taskRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const tasks = services.tasks;

  app.post(
    '/reviews/:id/tasks',
    {
      preHandler: allow(...CREATORS),
      schema: {
        summary:
          'A follow-up task from a review (call the customer back, coach the agent …) with owner and due date',
        tags,
        params: IdParams,
        body: CreateReviewTaskSchema,
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const created = await tasks.create(principalOf(request), request.body as CreateTaskInput, id);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/tasks',
    {
      preHandler: allow(...CREATORS),
      schema: {
        summary: 'A follow-up task, optionally about a conversation',
        tags,
        body: CreateTaskSchema,
      },
    },
    async (request, reply) => {
      const created = await tasks.create(principalOf(request), request.body as CreateTaskInput);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/tasks',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary:
          "Your tasks, soonest due first; managers: another owner's (owner_id) or everyone's (all_owners); overdue=true for the late ones",
        tags,
        querystring: ListTasksQuerySchema,
      },
    },
    async (request) => tasks.list(principalOf(request), request.query as ListTasksInput),
  );

  app.patch(
    '/tasks/:id',
    {
      preHandler: allow(...ANY_ROLE),
      schema: {
        summary: 'Close, cancel, reopen, re-date or hand over a task (its owner or a manager)',
        tags,
        params: IdParams,
        body: UpdateTaskSchema,
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
