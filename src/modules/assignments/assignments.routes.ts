/** HTTP routes of the QA queue: sampling rules, runs, the flagged conversations and assignments. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { allow, principalOf } from '../../http/auth.js';
import type { AppServices } from '../../http/services.js';
import { SamplingRuleSchema, UpdateAssignmentSchema } from './assignments.schema.js';
import type { SamplingRuleInput } from './assignments.service.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const tags = ['assignments'];

/** Registers the QA queue routes. */
export async function assignmentRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  const assignments = services.assignments;
  const managers = allow('admin', 'manager');

  app.get(
    '/sampling-rules',
    { preHandler: managers, schema: { summary: 'Sampling rules', tags } },
    async () => assignments.rules(),
  );

  app.post(
    '/sampling-rules',
    {
      preHandler: managers,
      schema: {
        summary: 'Create a sampling rule: N conversations per agent per week, with filters',
        tags,
        body: SamplingRuleSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assignments.createRule(request.body as SamplingRuleInput)),
  );

  app.get(
    '/sampling-rules/:id',
    { preHandler: managers, schema: { summary: 'A sampling rule', tags, params: IdParams } },
    async (request) => assignments.rule((request.params as { id: number }).id),
  );

  app.put(
    '/sampling-rules/:id',
    {
      preHandler: managers,
      schema: { summary: 'Replace a sampling rule', tags, params: IdParams, body: SamplingRuleSchema },
    },
    async (request) =>
      assignments.updateRule((request.params as { id: number }).id, request.body as SamplingRuleInput),
  );

  app.delete(
    '/sampling-rules/:id',
    {
      preHandler: managers,
      schema: { summary: 'Delete a sampling rule (its assignments stay)', tags, params: IdParams },
    },
    async (request, reply) => {
      await assignments.deleteRule((request.params as { id: number }).id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/sampling-rules/:id/run',
    {
      preHandler: managers,
      schema: {
        summary:
          'Sample and assign for an ISO week (default: the last complete one); running again adds nothing',
        tags,
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            {
              period: Type.Optional(
                Type.String({ pattern: '^\\d{4}-W\\d{2}$', description: 'e.g. 2026-W48' }),
              ),
            },
            { additionalProperties: false },
          ),
        ),
      },
    },
    async (request) =>
      assignments.runRule(
        (request.params as { id: number }).id,
        (request.body as { period?: string } | undefined)?.period,
      ),
  );

  app.post(
    '/assignments/flagged',
    {
      preHandler: managers,
      schema: {
        summary: 'Assign every conversation AutoQA flagged that nobody has yet, evenly, due in 2 days',
        tags,
      },
    },
    async () => assignments.assignFlagged(),
  );

  app.get(
    '/assignments',
    {
      preHandler: allow('admin', 'manager', 'reviewer', 'lead'),
      schema: {
        summary:
          "Your QA queue by due date, flagged first (managers: anyone's with reviewer_id, or everyone's)",
        tags,
        querystring: Type.Object({
          reviewer_id: Type.Optional(Type.Integer({ minimum: 1 })),
          status: Type.Optional(Type.Enum(['open', 'done', 'cancelled'])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
      },
    },
    async (request) => assignments.queue(principalOf(request), request.query as never),
  );

  app.patch(
    '/assignments/:id',
    {
      preHandler: managers,
      schema: {
        summary: 'Move an assignment to another reviewer, change its due date, or cancel it',
        tags,
        params: IdParams,
        body: UpdateAssignmentSchema,
      },
    },
    async (request) => assignments.update((request.params as { id: number }).id, request.body as never),
  );
}
